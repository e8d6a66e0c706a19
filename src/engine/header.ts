/**
 * The headline and the lines under it. The headline is the candidate the fitted title model
 * scores highest (or none, when "no headline" scores higher): candidates are the lines above the
 * article's first kept line and the first two kept lines, but for lines that are never a
 * headline (time stamps, metadata). Under it, metadata rules read the publisher, time and byline.
 */
import type { ArticleSpan, ScoredPage } from './article.js';
import { continuesWrappedLine, countWords, endsLikeSentence, fillsWrapWidth, looksLikeHeadline, readsAsProse, wrapWidth, type Line } from './lines.js';
import { matchMetadata, METADATA_WINDOW, type PageMetadata } from './metadata.js';
import { denseDot } from './model/model.js';
import { titleFeatures, type TitleCandidateFacts } from './model/title-features.js';
import { forEachWord } from './stopwords.js';
import { isDate, splitSourceAndTime } from './timestamp.js';
import { splitGluedTitle } from './title.js';
import type { Removal } from './types.js';

export interface TitleCandidate extends TitleCandidateFacts {
  index: number;
  /** The rest of the line when the headline was glued to the first sentence. */
  carry: string | null;
}

/** Candidates taken from the top of the page, from just above the article and from its first lines, at most. */
const FROM_TOP = 4;
const ABOVE_ARTICLE = 12;
const IN_ARTICLE = 1;
/** Kept lines read for the words the article opens with. */
const OPENING_LINES = 3;

function nonBlankFrom(lines: readonly Line[], from: number, count: number): Line[] {
  const found: Line[] = [];
  for (let i = from; i < lines.length && found.length < count; i++) if (lines[i]?.text !== '') found.push(lines[i] as Line);
  return found;
}

/** Words of four letters or more, lower-cased: what a headline and its article share. */
function contentWords(text: string): Set<string> {
  const lower = text.toLowerCase();
  const words = new Set<string>();
  forEachWord(lower, (start, end) => {
    if (end - start >= 4) words.add(lower.slice(start, end));
  });
  return words;
}

/** A line of this many words or more cut off with an ellipsis is a teaser, not a headline. */
const ELLIPSIS = /(?:…|\.\.\.)$/;
const TEASER_WORDS = 8;

/**
 * A line of running text this long is a paragraph, whatever it ends with: 2 of the 1,503 known
 * headlines of the development corpus are, and a one-paragraph page would lose its body to them.
 */
const PROSE_WORDS = 20;

/** A sentence's full stop at the end of a line (an ellipsis is not one): no headline in the corpus ends so. */
const FULL_STOP = /(?<!\.)\.[)"'”’»]*$/u;

/**
 * Never a headline, whatever its score: a paragraph (too long for a headline), a sentence, a
 * teaser cut off with an ellipsis, a line ending in a colon (a label for what follows) or a comma (a sentence going on), and, unless
 * the page prints it twice as aggregators print their headlines ("BTN Newsbreak 23/07/2025"), a
 * time stamp with or without a publisher and a line a metadata rule reads (a byline, a dateline).
 */
export function cannotBeTitle(page: ScoredPage, index: number, count: number): boolean {
  const { text } = page.claims.inlineCuts(index);
  if (!looksLikeHeadline(text) || FULL_STOP.test(text) || /[:,;]$/.test(text) || (ELLIPSIS.test(text) && countWords(text) >= TEASER_WORDS)) return true;
  if (countWords(text) >= PROSE_WORDS && readsAsProse(text)) return true;
  if (count > 1) return false;
  return isDate(text) || splitSourceAndTime(text) !== null || matchMetadata(nonBlankFrom(page.lines, index, METADATA_WINDOW), page.set.metadata) !== null;
}

/** The headline candidates of a page, with what the title model is told of each. */
export function titleCandidates(page: ScoredPage, span: ArticleSpan): TitleCandidate[] {
  const { lines, claims, set, scores } = page;
  const open = (i: number) => lines[i]?.text !== '' && !span.ruled[i] && i < span.end;
  const above: number[] = [];
  const inArticle: number[] = [];
  for (let i = span.top; i < span.end && inArticle.length < IN_ARTICLE; i++) {
    if (!open(i)) continue;
    if (span.kept[i]) inArticle.push(i);
    else if (inArticle.length === 0) above.push(i);
  }
  const pool = [...new Set([...above.slice(0, FROM_TOP), ...above.slice(-ABOVE_ARTICLE)])];
  const counts = page.profile.lineCounts;
  // What the article says first: a headline shares its words, a byline or a menu item does not.
  const opening: Array<{ index: number; words: Set<string> }> = [];
  for (let i = inArticle[0] ?? span.end; i < span.end && opening.length < OPENING_LINES + 1; i++) {
    if (span.kept[i]) opening.push({ index: i, words: contentWords(lines[i]?.text ?? '') });
  }
  const candidates: TitleCandidate[] = [];
  const add = (index: number, text: string, gap: number, carry: string | null) => {
    const line = lines[index] as Line;
    let below = 0;
    for (let k = index + 1; k < lines.length; k++) if (lines[k]?.key === line.key) below++;
    const next = nonBlankFrom(lines, index + 1, METADATA_WINDOW);
    let previous = index - 1;
    while (previous >= 0 && lines[previous]?.text === '') previous--;
    const words = contentWords(text);
    const others = opening.filter((line) => line.index !== index).slice(0, OPENING_LINES);
    let shared = 0;
    for (const word of words) if (others.some((line) => line.words.has(word))) shared++;
    candidates.push({
      index,
      text,
      carry,
      count: counts.get(line.key) ?? 1,
      countBelow: below,
      lineScore: (scores[index] ?? 0) + page.costs.bias,
      gap,
      order: candidates.length,
      nextIsMetadata: matchMetadata(next, set.metadata) !== null,
      previousRemovedByRule: previous >= 0 && (span.ruled[previous] !== null || claims.lineRule(previous, 'header', { title: null }) !== null),
      glued: carry !== null,
      overlap: words.size === 0 ? 0 : shared / words.size,
      wordsVsLongest: 0,
      longerCandidates: 0,
      firstLong: false,
      echoed: 0,
    });
  };
  const gapOf = (index: number) => {
    const first = inArticle[0] ?? span.end;
    let gap = 0;
    for (let k = index + 1; k < first; k++) if (lines[k]?.text !== '') gap++;
    return gap;
  };
  // A candidate's text is its line with inline chrome cut out (a store's date stamp before the headline).
  const textOf = (index: number) => claims.inlineCuts(index).text;
  // A piece of a hard-wrapped paragraph is no headline, whatever its words.
  const width = wrapWidth(lines.slice(span.top, span.end).map((line) => line.text));
  for (const index of pool) {
    if (!cannotBeTitle(page, index, counts.get((lines[index] as Line).key) ?? 1) && !fillsWrapWidth(textOf(index), width)) add(index, textOf(index), gapOf(index), null);
  }
  // A line of the article is a headline only if it reads as one: short, and not the first piece of a hard-wrapped paragraph.
  inArticle.forEach((index, k) => {
    const text = textOf(index);
    const next = nonBlankFrom(lines, index + 1, 1)[0]?.text ?? '';
    // The first piece of a hard-wrapped paragraph goes on in the next line, which is text itself.
    // On a page of prose, a sentence is not a headline: a page without one keeps its first sentence.
    const prose = span.prosePage && endsLikeSentence(text);
    const wrapped = (continuesWrappedLine(text, next) && countWords(next) >= 4) || fillsWrapWidth(text, width);
    if (!cannotBeTitle(page, index, counts.get((lines[index] as Line).key) ?? 1) && !prose && looksLikeHeadline(text) && !wrapped) add(index, text, -(k + 1), null);
  });
  // A headline glued to the first sentence with one space: the first candidate that is no headline on its own.
  const first = [...pool, ...inArticle][0];
  const firstText = first === undefined ? '' : textOf(first);
  const glued = first === undefined || looksLikeHeadline(firstText) ? null : splitGluedTitle(firstText);
  if (first !== undefined && glued) add(first, glued.title, pool.includes(first) ? gapOf(first) : -1, glued.rest);
  compareCandidates(candidates, lines);
  return candidates;
}

/** Lines read for echoes of a candidate: a breadcrumb or a share prompt sits near the top. */
const ECHO_LINES = 2_000;
/** Shorter candidates are not looked for: "News" is in every menu. */
const ECHO_CHARS = 12;
const LONG_WORDS = 5;

/** What a candidate is against the others and the page: the wordiest, the first long one, echoed by a longer line. */
function compareCandidates(candidates: TitleCandidate[], lines: readonly Line[]): void {
  const words = candidates.map((candidate) => countWords(candidate.text));
  const most = Math.max(1, ...words);
  const firstLong = words.findIndex((count) => count >= LONG_WORDS);
  const echoes = candidates.map((candidate) => (candidate.text.length >= ECHO_CHARS ? candidate.text.toLowerCase() : null));
  const counted = echoes.map(() => 0);
  if (echoes.some((echo) => echo !== null)) {
    for (let i = 0; i < Math.min(lines.length, ECHO_LINES); i++) {
      const text = lines[i]?.text ?? '';
      if (text.length <= ECHO_CHARS) continue;
      const lower = text.toLowerCase();
      echoes.forEach((echo, k) => {
        if (echo !== null && lower.length > echo.length && lower.includes(echo)) counted[k] = Math.min(2, (counted[k] ?? 0) + 1);
      });
    }
  }
  candidates.forEach((candidate, k) => {
    const own = words[k] ?? 0;
    candidate.wordsVsLongest = own / most;
    candidate.longerCandidates = words.filter((count) => count > own).length;
    candidate.firstLong = k === firstLong;
    candidate.echoed = counted[k] ?? 0;
  });
}

/**
 * The candidate the title model scores highest, when it beats the score of "no headline". A page
 * that opens on a headline glued to its first sentence has that headline: the layout says so.
 */
export function chooseTitle(page: ScoredPage, candidates: readonly TitleCandidate[]): TitleCandidate | null {
  const glued = candidates.find((candidate) => candidate.glued && candidate.gap === -1);
  if (glued) return glued;
  let best: TitleCandidate | null = null;
  let bestScore = page.model.noTitle;
  for (const candidate of candidates) {
    const score = denseDot(page.model.titleWeights, titleFeatures(candidate));
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/**
 * Reads the lines under the headline (from `from` on) up to the body: header chrome (rules of
 * header scope, such as "Top Stories") and the windows of lines a metadata rule reads are taken,
 * past lines other rules removed and lines the model left out, up to the first kept line that is
 * neither. Returns the indexes taken.
 */
export function readMetadata(page: ScoredPage, span: ArticleSpan, from: number, title: string | null, meta: PageMetadata, removed: Removal[]): Set<number> {
  const { lines, claims, set } = page;
  const consumed = new Set<number>();
  for (let i = from; i < span.end; i++) {
    const line = lines[i] as Line;
    if (line.text === '' || span.ruled[i] || consumed.has(i)) continue;
    const chrome = claims.lineRule(i, 'header', { title });
    if (chrome) {
      consumed.add(i);
      removed.push({ rule: chrome.id, line: line.no, text: line.text });
      continue;
    }
    const window = nonBlankFrom(lines, i, METADATA_WINDOW);
    const found = matchMetadata(window, set.metadata);
    if (found) {
      for (const read of window.slice(0, found.count)) {
        if (span.ruled[read.no - 1]) continue;
        consumed.add(read.no - 1);
        removed.push({ rule: found.rule.id, line: read.no, text: read.text });
      }
      meta.source ??= found.meta.source ?? null;
      meta.published ??= found.meta.published ?? null;
      meta.byline ??= found.meta.byline ?? null;
      continue;
    }
    if (span.kept[i]) break;
  }
  return consumed;
}

/** "…التاريخ!حمود النوفلي" under a byline "حمود النوفلي": the author's name glued to the headline. */
export function unglueAuthor(title: string, byline: string | null): string {
  const name = byline?.replace(/^By\s+/i, '').trim();
  if (!name || !title.endsWith(name) || title.length <= name.length) return title;
  const before = title.slice(0, title.length - name.length);
  return /\s$/.test(before) ? title : before;
}
