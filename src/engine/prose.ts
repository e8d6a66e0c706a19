import type { Line } from './lines.js';
import type { Stopwords } from './stopwords.js';
import { countStopwords, wordCount } from './stopwords.js';

/**
 * How much a line looks like running article text, judged from the line alone:
 * - `prose`: a long line that reads as sentences;
 * - `sentence`: a short line that still reads as a sentence (or a cut-off one);
 * - `label`: menu items, headline lists, bylines, widget labels.
 */
export type LineClass = 'prose' | 'sentence' | 'label';

/** What the weighing knows of the whole page. */
export interface PageProfile {
  stopwords: Stopwords | null;
  /** How often each line key occurs: menus and teaser lists repeat, paragraphs do not. */
  lineCounts: ReadonlyMap<string, number>;
  /** Each text's quality, computed once: the body pass asks for most lines twice. */
  qualities: Map<string, LineQuality>;
}

export function profilePage(lines: readonly Line[], stopwords: Stopwords | null): PageProfile {
  const lineCounts = new Map<string, number>();
  for (const line of lines) if (line.text !== '') lineCounts.set(line.key, (lineCounts.get(line.key) ?? 0) + 1);
  return { stopwords, lineCounts, qualities: new Map() };
}

export interface LineQuality {
  class: LineClass;
  /** Positive for text, negative for labels: what the main-run search adds up. */
  weight: number;
}

const BREADCRUMB = /\s[»›>]\s.*\s[»›>]\s/u;
const SENTENCE_END = /[.!?…。؟][)"'”’»]*$/u;

function isTitleCase(words: number, text: string): boolean {
  const capitalised = text.match(/(?:^|\s)[\p{Lu}\d]/gu)?.length ?? 0;
  return capitalised >= Math.max(2, words * 0.6);
}

const LABEL_BASE = 2;

function labelWeight(count: number): number {
  return -(LABEL_BASE + count / 2);
}

/**
 * Chrome a rule removed weighs half a label line: enough to wall the article off from
 * footers, not so much that a widget inside the article cuts off the paragraphs after it.
 */
export function chromeWeight(text: string): number {
  return labelWeight(wordCount(text)) / 2;
}

/** A line printed more than once on the page weighs as a label: repetition marks navigation. */
export function weighLine(line: Line, text: string, profile: PageProfile): LineQuality {
  let quality = profile.qualities.get(text);
  if (quality === undefined) {
    quality = lineQuality(text, profile.stopwords);
    profile.qualities.set(text, quality);
  }
  const repeated = (profile.lineCounts.get(line.key) ?? 0) > 1;
  return repeated && quality.weight > 0 ? { class: 'label', weight: labelWeight(wordCount(text)) } : quality;
}

export function lineQuality(text: string, stopwords: Stopwords | null): LineQuality {
  const { words: count, stopwords: hits } = countStopwords(text, stopwords);
  const density = stopwords === null || count === 0 ? null : hits / count;
  const ends = SENTENCE_END.test(text);
  // Title case marks headlines and teasers, however long, unless the line is a whole paragraph.
  const headline = count < 25 && isTitleCase(count, text);
  // Prose ends its sentences; an unpunctuated line of ten to twenty words is a headline.
  const prose = !headline && (count >= 20 || (count >= 10 && ends));
  if (prose) return { class: 'prose', weight: count };
  // A short line cut off with an ellipsis is a teaser, and "A » B » C" is a breadcrumb trail.
  const teaserOrTrail = /(?:…|\.\.\.)$/.test(text) || BREADCRUMB.test(text);
  const fragment = count < 8 && density !== null && density >= 0.3 && !isTitleCase(count, text);
  const sentence = count >= 3 && !teaserOrTrail && (ends || fragment);
  if (sentence) return { class: 'sentence', weight: count / 2 };
  return { class: 'label', weight: labelWeight(count) };
}

export interface Run {
  /** First and last index (inclusive) of the run, in the weights array. */
  start: number;
  end: number;
  score: number;
}

/**
 * The article's main run of text: the stretch of lines with the largest total weight
 * (maximum subarray), so prose pulls in the subheadings between paragraphs while long
 * stretches of menu lines, headline lists and widgets stay outside. Null when nothing in
 * the page weighs positive: then there is no basis to remove anything.
 */
export function mainRun(weights: readonly number[]): Run | null {
  let best: Run | null = null;
  let start = 0;
  let sum = 0;
  weights.forEach((weight, index) => {
    if (sum <= 0) {
      start = index;
      sum = 0;
    }
    sum += weight;
    if (sum > 0 && (best === null || sum > best.score)) best = { start, end: index, score: sum };
  });
  return best;
}
