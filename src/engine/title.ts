import type { MainTextRule } from '../rules/types.js';
import type { TitleHint } from './header.js';
import { countWords, lineKey, looksLikeHeadline, type Line } from './lines.js';
import { splitSourceAndTime } from './timestamp.js';
import type { Removal } from './types.js';

/** How many of the lines just above the article are looked at for its headline. */
const NEAR = 6;
/** Fewer lines above the article than this are no menu to look past. */
const MIN_MENU_LINES = 2;

function qualifies(text: string): boolean {
  const words = countWords(text);
  return words >= 4 && looksLikeHeadline(text) && !text.endsWith(':') && splitSourceAndTime(text) === null;
}

/**
 * When the main-text rule removed a menu's worth of lines above the article, the headline
 * is among the last of them: the one printed twice on the page if any (sites repeat their
 * headline in breadcrumbs and titles; `counts` are the page's line counts), else the longest
 * headline-like line. When none of them looks like a headline, it is the heading kept right
 * above the article's first line.
 */
export function findTitleNearText(
  lines: readonly Line[],
  counts: ReadonlyMap<string, number>,
  title: string | null,
  bodyRemovals: readonly Removal[],
  before: MainTextRule | null,
): TitleHint | null {
  if (before === null) return null;
  const above = bodyRemovals.filter((removal) => removal.rule === before.id);
  if (above.length < MIN_MENU_LINES) return null;
  // A headline the page prints twice is the headline, however far from the text.
  if (title !== null && (counts.get(lineKey(title)) ?? 0) > 1) return null;
  let best: { index: number; score: number } | null = null;
  for (const removal of above.slice(-NEAR)) {
    const line = lines[removal.line - 1];
    if (!line || !qualifies(line.text)) continue;
    const score = ((counts.get(line.key) ?? 0) > 1 ? 1000 : 0) + countWords(line.text);
    if (!best || score >= best.score) best = { index: line.no - 1, score };
  }
  best ??= headingAfter(lines, above[above.length - 1]?.line ?? 0, bodyRemovals);
  return best ? { index: best.index, above: before } : null;
}

/**
 * The first line no rule removed among the few after line number `after` (past a time stamp or
 * a share button), when it reads as a headline and not as a sentence: a kept line ending in a
 * full stop is the article's first sentence.
 */
function headingAfter(lines: readonly Line[], after: number, removals: readonly Removal[]): { index: number; score: number } | null {
  const removed = new Set(removals.map((removal) => removal.line));
  const line = lines.slice(after, after + NEAR * 2).find((candidate) => candidate.text !== '' && !removed.has(candidate.no));
  return line && qualifies(line.text) && !line.text.endsWith('.') ? { index: line.no - 1, score: 0 } : null;
}

/** Words a sentence opens with but a title-case headline does not end with. */
const SENTENCE_OPENER = /^(?:The|A|An|This|These|Those|It|He|She|They|We|In|On|At|After|Before|When|While|As|For)$/;
const MINOR_WORD = /^(?:a|an|the|and|or|but|as|at|by|for|in|of|on|to|vs\.?|with|from)$/;

function isTitleCaseWord(word: string): boolean {
  return /^[\p{Lu}\d'‘“"(]/u.test(word) || MINOR_WORD.test(word);
}

/**
 * Some scrapes glue the headline to the first sentence with a single space ("Costs Rise The
 * Central Bank of Nigeria has warned..."). The headline is the title-case run at the start of
 * the line; the body starts at the last sentence opener inside that run, where title case
 * gives way to a sentence. Null when the line does not have that shape.
 */
export function splitGluedTitle(text: string): { title: string; rest: string } | null {
  const words = text.split(' ');
  let run = 0;
  while (run < words.length && isTitleCaseWord(words[run] ?? '')) run++;
  for (let at = run - 1; at >= 4; at--) {
    if (!SENTENCE_OPENER.test(words[at] ?? '')) continue;
    const title = words.slice(0, at).join(' ');
    const rest = words.slice(at).join(' ');
    if (countWords(title) > 20 || countWords(rest) < 15) return null;
    return { title, rest };
  }
  return null;
}
