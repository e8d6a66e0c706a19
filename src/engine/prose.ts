import type { Stopwords } from './stopwords.js';
import { words } from './stopwords.js';

/**
 * How much a line looks like running article text, judged from the line alone:
 * - `prose`: a long line that reads as sentences;
 * - `sentence`: a short line that still reads as a sentence (or a cut-off one);
 * - `label`: menu items, headline lists, bylines, widget labels.
 */
export type LineClass = 'prose' | 'sentence' | 'label';

export interface LineQuality {
  class: LineClass;
  /** Positive for text, negative for labels: what the main-run search adds up. */
  weight: number;
}

const SENTENCE_END = /[.!?…。؟][)"'”’»]*$/u;

function isTitleCase(tokens: readonly string[], text: string): boolean {
  const capitalised = text.match(/(?:^|\s)[\p{Lu}\d]/gu)?.length ?? 0;
  return capitalised >= Math.max(2, tokens.length * 0.6);
}

export function lineQuality(text: string, stopwords: Stopwords | null): LineQuality {
  const tokens = words(text);
  const count = tokens.length;
  const density = stopwords === null || count === 0 ? null : tokens.filter((token) => stopwords.has(token)).length / count;
  const ends = SENTENCE_END.test(text);
  const prose = count >= 15 || (count >= 10 && (ends || (density ?? 0) >= 0.2));
  if (prose) return { class: 'prose', weight: count };
  const sentence = count >= 3 && (ends || (density !== null && density >= 0.3 && !isTitleCase(tokens, text)));
  if (sentence) return { class: 'sentence', weight: count / 2 };
  return { class: 'label', weight: -(2 + count / 2) };
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
