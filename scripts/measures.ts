/**
 * The measure of the public article-extraction benchmarks: each text becomes the multiset of
 * its word 4-grams (tokens are runs of word characters); a page's precision and recall come
 * from the multiset overlap; a set's precision and recall are means over pages, and F1 is
 * computed from the two means.
 */

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;
const SHINGLE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Counts of each word 4-gram; a text shorter than four tokens is one shingle of all of them. */
export function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const size = Math.min(SHINGLE, tokens.length);
  for (let i = 0; size > 0 && i + size <= tokens.length; i++) {
    const gram = tokens.slice(i, i + size).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

export interface PageScore {
  /** Null when the output is empty: such a page is left out of the precision mean. */
  precision: number | null;
  recall: number;
}

export function scorePage(output: string, gold: string): PageScore {
  const predicted = shingles(output);
  const expected = shingles(gold);
  let overlap = 0;
  for (const [gram, count] of predicted) overlap += Math.min(count, expected.get(gram) ?? 0);
  const predictedTotal = total(predicted);
  const expectedTotal = total(expected);
  return {
    precision: predictedTotal === 0 ? null : overlap / predictedTotal,
    recall: expectedTotal === 0 ? (predictedTotal === 0 ? 1 : 0) : overlap / expectedTotal,
  };
}

export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function scoreSet(pages: readonly PageScore[]): SetScore {
  const precision = mean(pages.flatMap((page) => (page.precision === null ? [] : [page.precision])));
  const recall = mean(pages.map((page) => page.recall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** WCXB's page score: precision, recall and F1 of the bags of lower-cased words. */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const token of tokenize(text.toLowerCase())) bag.set(token, (bag.get(token) ?? 0) + 1);
  return bag;
}

/**
 * WCXB's measure of one page: the lower-cased word tokens of output and gold compared as bags.
 * An empty output scores 0; an empty gold scores 1 only if the output is empty too.
 */
export function scoreWords(output: string, gold: string): WordScore {
  const predicted = wordBag(output);
  const expected = wordBag(gold);
  const predictedTotal = total(predicted);
  const expectedTotal = total(expected);
  if (expectedTotal === 0) return predictedTotal === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (predictedTotal === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [word, count] of predicted) overlap += Math.min(count, expected.get(word) ?? 0);
  const precision = overlap / predictedTotal;
  const recall = overlap / expectedTotal;
  return { precision, recall, f1: overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** WCXB's figures of a set: each of precision, recall and F1 averaged over pages. */
export function meanWords(pages: readonly WordScore[]): SetScore {
  return { precision: mean(pages.map((page) => page.precision)), recall: mean(pages.map((page) => page.recall)), f1: mean(pages.map((page) => page.f1)) };
}

function nonBlankLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Share of the gold lines found whole among the output lines: how much article survived. */
export function lineRecall(output: string, gold: string): number {
  const expected = nonBlankLines(gold);
  if (expected.length === 0) return 1;
  const produced = new Set(nonBlankLines(output));
  return expected.filter((line) => produced.has(line)).length / expected.length;
}

/** Same non-blank lines in the same order. */
export function isExact(output: string, gold: string): boolean {
  const produced = nonBlankLines(output);
  const expected = nonBlankLines(gold);
  return produced.length === expected.length && produced.every((line, index) => line === expected[index]);
}

/** Runs of white space folded to one space, trimmed: how the snippet measure compares text. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Counts of the snippet measure for one page or a set (trafilatura's: summed over pages). */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** A `with` snippet found in the output is a true positive, else a false negative; a `without` found is a false positive. */
export function scoreSnippets(output: string, withSnippets: readonly string[], withoutSnippets: readonly string[]): SnippetCounts {
  const folded = foldWhitespace(output);
  const found = (snippet: string) => folded.includes(foldWhitespace(snippet));
  const tp = withSnippets.filter(found).length;
  return { tp, fn: withSnippets.length - tp, fp: withoutSnippets.filter(found).length };
}

export function sumSnippets(pages: readonly SnippetCounts[]): SetScore {
  const tp = pages.reduce((sum, page) => sum + page.tp, 0);
  const fp = pages.reduce((sum, page) => sum + page.fp, 0);
  const fn = pages.reduce((sum, page) => sum + page.fn, 0);
  return {
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
  };
}

/**
 * The C4-style line filter the issue measures against: keep the lines of ten words or more, or
 * ending in `.`, `!` or `?`; drop the rest.
 */
export function lineFilter(page: string): string {
  return page
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.split(/\s+/).length >= 10 || /[.!?]$/.test(line))
    .join('\n');
}
