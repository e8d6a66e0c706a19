/**
 * The article's paragraphs, and a removal for every other line of the article's part of the
 * page: each line goes to the rule that names it, or to the generic layer with its score.
 */
import type { PageContext } from '../rules/types.js';
import type { ArticleSpan, ScoredPage } from './article.js';
import { cannotBeTitle, type TitleCandidate } from './header.js';
import { heaviestStretch } from './heaviest-stretch.js';
import { cutInline } from './inline.js';
import { continuesWrappedLine, countWords, endsLikeSentence, type Line } from './lines.js';
import type { Removal } from './types.js';

/** Log-odds shown with a generic-layer removal: two decimals are plenty to read. */
const round = (score: number): number => Math.round(score * 100) / 100;

export interface Body {
  paragraphs: string[];
  removed: Removal[];
}

/** Whether a line is left for the body once the headline and metadata are taken and the rules asked. */
function isBodyLine(page: ScoredPage, span: ArticleSpan, index: number, title: TitleCandidate | null, skip: ReadonlySet<number>, context: PageContext): boolean {
  const { lines, claims } = page;
  if (lines[index]?.text === '' || index === title?.index || skip.has(index) || span.ruled[index]) return false;
  return claims.inlineCuts(index).text !== '' && claims.lineRule(index, 'body', context) === null;
}

/** A sentence of eight words or more: what a standfirst under the headline is. */
function isStandfirst(text: string): boolean {
  return countWords(text) >= 8 && endsLikeSentence(text);
}

/**
 * The lines the body keeps: the decoding's, with the standfirst (the first line under the headline
 * and its metadata, when it is a whole sentence: body, whatever the widgets between it and the
 * article); or, when the headline and metadata took all of those, the heaviest stretch of the
 * lines left below the headline. A page is scraped for its article, and a lone paragraph the
 * model doubts (a teaser cut off with "...") is still the likeliest one.
 */
function keptLines(page: ScoredPage, span: ArticleSpan, title: TitleCandidate | null, skip: ReadonlySet<number>, context: PageContext): boolean[] {
  const open: number[] = [];
  for (let i = (title?.index ?? span.top - 1) + 1; i < span.end; i++) if (isBodyLine(page, span, i, title, skip, context)) open.push(i);
  const kept = [...span.kept];
  const first = open[0];
  if (title !== null && first !== undefined && isStandfirst(page.claims.inlineCuts(first).text)) kept[first] = true;
  // A page with no headline keeps the heading right above its first kept line: the headline the
  // title model doubted, or the article's first subheading.
  const firstKept = open.findIndex((i) => kept[i]);
  const above = open[firstKept - 1];
  if (title === null && above !== undefined && !cannotBeTitle(page, above, 1)) kept[above] = true;
  if (title?.carry || open.some((i) => kept[i])) return kept;
  const stretch = heaviestStretch(open.map((index) => page.scores[index] ?? 0));
  if (stretch) for (let k = stretch.start; k <= stretch.end; k++) kept[open[k] ?? 0] = true;
  return kept;
}

/** `skip`: lines already accounted for (the headline, metadata). */
export function assembleBody(page: ScoredPage, span: ArticleSpan, title: TitleCandidate | null, skip: ReadonlySet<number>): Body {
  const { lines, claims, set, scores } = page;
  const body: Body = { paragraphs: [], removed: [] };
  const context: PageContext = { title: title?.text ?? null };
  const firstKept = span.kept.indexOf(true);
  const kept = keptLines(page, span, title, skip, context);
  let previousKept = -2;
  let previousLine = -1;
  const keep = (index: number, text: string) => {
    const last = body.paragraphs.length - 1;
    const previous = body.paragraphs[last];
    if (previousKept === previousLine && previous !== undefined && continuesWrappedLine(previous, text)) body.paragraphs[last] = `${previous} ${text}`;
    else body.paragraphs.push(text);
    previousKept = index;
  };
  for (let i = span.top; i < span.end; i++) {
    const line = lines[i] as Line;
    if (line.text === '') continue;
    const remove = (rule: string, score?: number) => body.removed.push(score === undefined ? { rule, line: line.no, text: line.text } : { rule, line: line.no, text: line.text, score });
    if (i === title?.index) {
      for (const cut of claims.inlineCuts(i).cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
      if (title.carry !== null) {
        const carried = cutInline(title.carry, set);
        for (const cut of carried.cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
        if (carried.text !== '') keep(i, carried.text);
      }
    } else if (!skip.has(i)) {
      const above = title !== null ? i < title.index : i < firstKept;
      const ruled = span.ruled[i] ?? claims.lineRule(i, above ? 'header' : 'body', context);
      const { text, cuts } = claims.inlineCuts(i);
      if (ruled) remove(ruled.id);
      else if (text === '') for (const cut of cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
      // A kept line above a headline taken from inside the article stays: when unsure, keep.
      else if (set.model && !kept[i]) remove(set.model.id, round((scores[i] ?? 0) + page.costs.bias));
      else {
        for (const cut of cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
        keep(i, text);
      }
    }
    previousLine = i;
  }
  return body;
}
