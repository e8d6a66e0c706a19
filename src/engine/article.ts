/**
 * Where the article is: between the top and the end the rules set (layout.ts), the lines the
 * generic layer keeps (a Viterbi decoding of the line model's scores), up to a guarded section
 * that ends the article once its text has started. Named rules decide first; the model decides
 * what no rule names.
 */
import type { CompiledSection, RuleSet } from '../rules/compile.js';
import type { Rule, SectionRule } from '../rules/types.js';
import { relatedBox, type Layout } from './layout.js';
import type { Claims } from './claims.js';
import { decodeArticle } from './decode.js';
import { heaviestStretch } from './heaviest-stretch.js';
import { continuesWrappedLine, countCapitalised, countWords, endsLikeSentence, fillsWrapWidth, wrapWidth, type Line } from './lines.js';
import type { DecodeCosts, Model } from './model/model.js';
import type { PageKind } from './model/page-kind.js';
import type { PageProfile } from './profile.js';
import type { Removal } from './types.js';

/** A page read up to the structural decoding: its lines, the rules' claims and layout, the model's scores. */
export interface ScoredPage {
  lines: readonly Line[];
  claims: Claims;
  layout: Layout;
  /** The line model's log-odds that each line is article text (0 for blank lines). */
  scores: Float32Array;
  /** The probability of each page kind (PAGE_KINDS order), and the likeliest. */
  kinds: Float32Array;
  kind: PageKind;
  /** The decoding's costs for the page's kind, leaning as the user asked. */
  costs: DecodeCosts;
  set: RuleSet;
  model: Model;
  profile: PageProfile;
}

export interface ArticleSpan {
  /** The first line after the chrome and labels at the top of the page. */
  top: number;
  /** The line that ends the article and the section it starts (null: the article runs to the page's end). */
  end: number;
  endSection: SectionRule | null;
  /** For each line: the rule that removes it (context-free rules, related boxes), or null. */
  ruled: Array<Rule | null>;
  /** For each line: kept by the generic layer as article text. */
  kept: boolean[];
  /** The page is prose that no rule touched: every line is kept, and no line of prose is taken for its headline. */
  prosePage: boolean;
  removed: Removal[];
}

/** Article text past which a sidebar heading is trusted to end the article whatever follows. */
const CONFIDENT_ARTICLE_CHARS = 1000;

/**
 * Whether a guarded section (one with a minimum of article text) ends the article: for a sidebar
 * heading only if the text after it does not far outweigh the article before it.
 */
function endsArticle(section: SectionRule, proseBefore: number, proseAfter: number): boolean {
  return !section.sidebar || proseBefore >= CONFIDENT_ARTICLE_CHARS || proseBefore * 2 >= proseAfter;
}

/** Characters of the lines the model takes for article text, from each index to the page's end. */
function textAfter(page: ScoredPage, ruled: ReadonlyArray<Rule | null>): Float64Array {
  const { lines, scores, costs } = page;
  const sums = new Float64Array(lines.length + 1);
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? '';
    sums[i] = (sums[i + 1] ?? 0) + (text !== '' && !ruled[i] && (scores[i] ?? 0) + costs.bias > 0 ? text.length : 0);
  }
  return sums;
}

/** A guarded section that ends the article at `i`, unless it is a related box inside it (then its lines are ruled). */
function endingAt(lines: readonly Line[], i: number, section: CompiledSection, ruled: Array<Rule | null>): boolean {
  const box = section.rule.related ? relatedBox(lines, i, ruled) : null;
  if (box === null) return true;
  for (const index of box) ruled[index] = section.rule;
  return false;
}

/**
 * Whether a page reads as prose, its first line (a headline, perhaps) aside: every line is running
 * text (eight words or more, not title case), ends a sentence, is a piece of a hard-wrapped
 * paragraph, or is a subheading (a short line between two lines of running text). A page no named
 * rule touched and that reads so is an article with no chrome at all, hard-wrapped or not, and
 * keeps every line: when unsure, keep.
 */
function readsAsProsePage(texts: readonly string[]): boolean {
  const width = wrapWidth(texts);
  return (
    texts.length > 1 &&
    texts.every((text, k) => {
      const prose = (line: string | undefined) => line !== undefined && (isProseLine(line) || fillsWrapWidth(line, width));
      if (k === 0 || prose(text) || continuesWrappedLine(texts[k - 1] ?? '', text)) return true;
      return k > 1 && countWords(text) <= SUBHEADING_WORDS && prose(texts[k - 1]) && prose(texts[k + 1]);
    })
  );
}

/** Longest subheading the prose-page guard lets stand between paragraphs. */
const SUBHEADING_WORDS = 12;

/** Capitalised share past which a line of eight words or more reads as a headline, not as prose full of names. */
const HEADLINE_CASE = 0.75;

/** A line of running text or a sentence, as the prose-page guard reads them: a line ending in a comma goes on. */
function isProseLine(text: string): boolean {
  const words = countWords(text);
  return (words >= 8 && (countCapitalised(text) < words * HEADLINE_CASE || /[,;]$/.test(text))) || endsLikeSentence(text);
}

/** What a footer line has and a fragment of running text does not: a separator, a copyright sign. */
const FOOTER_MARK = /[|»›©]/u;
/** Lines between the last kept line and a cut-off paragraph that go with it (a subheading). */
const BEFORE_FRAGMENT = 2;

/**
 * A page cut off inside a paragraph (stored pages are often the first 2,000 characters) ends in
 * a fragment, kept unless it is marked as a footer ("Sourced Via | The Indian Express"): the
 * page's last line, stopping mid-sentence right after a kept line; or a piece of running text a
 * subheading or two below the last kept line, with the subheadings.
 */
function keepCutOffEnd(lines: readonly Line[], candidates: readonly number[], kept: boolean[]): void {
  const last = candidates[candidates.length - 1];
  if (last === undefined || kept[last]) return;
  for (let i = last + 1; i < lines.length; i++) if (lines[i]?.text !== '') return;
  const text = lines[last]?.text ?? '';
  if (endsLikeSentence(text) || FOOTER_MARK.test(text)) return;
  const between = candidates.slice(0, -1).reverse();
  const lastKept = between.findIndex((index) => kept[index]);
  if (lastKept < 0) return;
  const running = countWords(text) >= 8;
  if (lastKept === 0 || (running && lastKept <= BEFORE_FRAGMENT && between.slice(0, lastKept).every((index) => countWords(lines[index]?.text ?? '') <= SUBHEADING_WORDS))) {
    for (const index of [last, ...between.slice(0, lastKept)]) kept[index] = true;
  }
}

export function readArticle(page: ScoredPage): ArticleSpan {
  const { lines, claims, set, layout } = page;
  const { top, removed } = layout;
  const ruled = [...layout.ruled];
  let { end, endSection } = layout;
  const candidates: number[] = [];
  for (let i = top; i < end; i++) {
    if (lines[i]?.text !== '' && !ruled[i] && claims.inlineCuts(i).text !== '') candidates.push(i);
  }
  const kept = lines.map(() => false);
  const untouched = removed.length === 0 && endSection === null && !ruled.some((rule) => rule !== null) && candidates.every((i) => claims.inlineCuts(i).cuts.length === 0);
  const keepAll = !set.model || (untouched && readsAsProsePage(candidates.map((i) => lines[i]?.text ?? '')));
  const decoded = keepAll ? candidates.map(() => true) : decodeArticle(candidates.map((i) => page.scores[i] ?? 0), page.costs);
  candidates.forEach((index, k) => (kept[index] = decoded[k] === true));
  keepCutOffEnd(lines, candidates, kept);
  // Guarded sections ("Comments", "Most Popular") end the article only once its text has started,
  // after enough of it: past the start of its heaviest stretch of text, so that a footer line kept
  // at the top of the page and a "Comments" button under it do not end the article before it begins.
  const after = textAfter(page, ruled);
  const start = candidates[heaviestStretch(candidates.map((i) => (page.scores[i] ?? 0) + page.costs.bias))?.start ?? 0] ?? top;
  let text = 0;
  for (let i = start; i < end; i++) {
    if (lines[i]?.text === '' || claims.hidesSection(i, ruled[i] ?? null)) continue;
    const section = claims.section(i, text);
    if (section && section.rule.minBodyChars > 0 && endsArticle(section.rule, text, after[i + 1] ?? 0) && endingAt(lines, i, section, ruled)) {
      end = i;
      endSection = section.rule;
      break;
    }
    if (kept[i]) text += claims.inlineCuts(i).text.length;
  }
  for (let i = end; i < lines.length; i++) kept[i] = false;
  return { top, end, endSection, ruled, kept, removed: [...removed], prosePage: keepAll && set.model !== null };
}
