/**
 * What kind of page the text is: an article, a service or company page, a product page, a
 * collection (a category page, a gallery), a forum thread, a listing (search results, an index
 * of stories), a documentation page. A softmax regression over the page's shape (how long its
 * lines are, how many read as sentences, repeat, carry prices, dates or code) and the hashed
 * words of its short lines (its buttons and labels: "Reply", "Add to cart", "Next page"),
 * fitted on the labelled pages of the development corpus. The line model reads the kind's
 * probabilities: a forum's posts and a listing's items are that page's content.
 */
import { countWords, endsLikeSentence, type Line } from '../lines.js';
import { forEachWord } from '../stopwords.js';

export const PAGE_KINDS = ['article', 'service', 'product', 'collection', 'forum', 'listing', 'documentation'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The named page features; the hashed words of short lines follow them. */
export const PAGE_SHAPE = [
  'bias', 'log-lines', 'log-words', 'mean-words', 'short-share', 'one-word-share', 'mid-share', 'long-share', 'sentence-share',
  'question-share', 'digit-share', 'price-share', 'date-share', 'code-share', 'repeat-share', 'prose-run-share', 'longest-line',
] as const;
type PageShapeFeature = (typeof PAGE_SHAPE)[number];
const AT = Object.fromEntries(PAGE_SHAPE.map((name, index) => [name, index])) as Record<PageShapeFeature, number>;

/** Buckets of the hashed words: 2^PAGE_WORD_BITS. */
export const PAGE_WORD_BITS = 12;
export const PAGE_FEATURE_SIZE = PAGE_SHAPE.length + (1 << PAGE_WORD_BITS);
/** Lines of at most this many words are labels and buttons: their words name the page's kind. */
const LABEL_WORDS = 6;
/** Lines read: plenty to know a page's kind, bounded for huge inputs. */
const MAX_LINES = 5_000;

// Prices and the first forms of dates have digits: they are only looked for on lines that do.
const PRICE = /[$€£¥₹]\s?\d|\d\s?(?:€|\$|£|USD|EUR|GBP)\b/u;
const DATE_DIGITS = /\b\d{1,2}[:.]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/iu;
const DATE_WORDS = /\b(?:ago|yesterday|today)\b/iu;
// Code: a line ending in a brace or semicolon, an arrow, a call, a shell prompt, or opening with a keyword.
const CODE_MARKED = /[{};]\s*$|=>|\(\)|^\s*[$>] \S/u;
const CODE_MARK = /[{};=($>]/;
const CODE_START = /^\s*(?:import|def|function|const|let|var|return|class|public|#include)\b/u;
/** A run of lines that read as prose, for the share of the page's words the longest holds. */
const PROSE_WORDS = 10;

/** FNV-1a of a word, into the hashed buckets. */
function wordBucket(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return PAGE_SHAPE.length + ((hash >>> 0) & ((1 << PAGE_WORD_BITS) - 1));
}

/** The page's features (PAGE_SHAPE, then the hashed words), as the page-kind model reads them. */
export function pageFeatures(lines: readonly Line[]): Float32Array {
  const vector = new Float32Array(PAGE_FEATURE_SIZE);
  const counts = new Map<string, number>();
  let n = 0;
  let words = 0;
  let longest = 0;
  let run = 0;
  let bestRun = 0;
  const tally: Record<PageShapeFeature, number> = Object.fromEntries(PAGE_SHAPE.map((name) => [name, 0])) as Record<PageShapeFeature, number>;
  for (const line of lines) {
    if (n >= MAX_LINES) break;
    const { text } = line;
    if (text === '') continue;
    n++;
    counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
    const count = countWords(text);
    words += count;
    longest = Math.max(longest, count);
    run = count >= PROSE_WORDS ? run + count : 0;
    bestRun = Math.max(bestRun, run);
    if (count <= 3) tally['short-share']++;
    if (count === 1) tally['one-word-share']++;
    if (count >= 4 && count < 20) tally['mid-share']++;
    if (count >= 20) tally['long-share']++;
    if (endsLikeSentence(text)) tally['sentence-share']++;
    if (text.endsWith('?')) tally['question-share']++;
    const digits = /\d/.test(text);
    if (digits) tally['digit-share']++;
    if (digits && PRICE.test(text)) tally['price-share']++;
    if ((digits && DATE_DIGITS.test(text)) || DATE_WORDS.test(text)) tally['date-share']++;
    if ((CODE_MARK.test(text) && CODE_MARKED.test(text)) || CODE_START.test(text)) tally['code-share']++;
    if (count <= LABEL_WORDS) {
      const lower = text.toLowerCase();
      forEachWord(lower, (start, end) => {
        if (end - start >= 2) vector[wordBucket(lower, start, end)] = 1;
      });
    }
  }
  let repeated = 0;
  for (const count of counts.values()) if (count > 1) repeated += count;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  for (const name of PAGE_SHAPE) vector[AT[name]] = share(tally[name]);
  vector[AT.bias] = 1;
  vector[AT['log-lines']] = Math.log1p(n) / 8;
  vector[AT['log-words']] = Math.log1p(words) / 10;
  vector[AT['mean-words']] = Math.log1p(n === 0 ? 0 : words / n) / 4;
  vector[AT['repeat-share']] = share(repeated);
  vector[AT['prose-run-share']] = words === 0 ? 0 : bestRun / words;
  vector[AT['longest-line']] = Math.log1p(longest) / 6;
  // The words count as a whole as much as one named feature: a page of many labels is not louder.
  let hashed = 0;
  for (let k = PAGE_SHAPE.length; k < PAGE_FEATURE_SIZE; k++) hashed += vector[k] ?? 0;
  if (hashed > 0) for (let k = PAGE_SHAPE.length; k < PAGE_FEATURE_SIZE; k++) if (vector[k]) vector[k] = 1 / Math.sqrt(hashed);
  return vector;
}

/** The probability of each kind (PAGE_KINDS order) under the weights: one row of PAGE_FEATURE_SIZE per kind. */
export function pageKindProbabilities(weights: ArrayLike<number>, features: ArrayLike<number>): Float32Array {
  const scores = PAGE_KINDS.map((_, kind) => {
    let sum = 0;
    const offset = kind * PAGE_FEATURE_SIZE;
    for (let k = 0; k < PAGE_FEATURE_SIZE; k++) if (features[k]) sum += (weights[offset + k] ?? 0) * (features[k] ?? 0);
    return sum;
  });
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return Float32Array.from(exps, (value) => value / total);
}

/** The most probable kind; ties to the first in PAGE_KINDS order (the article). */
export function likeliestKind(probabilities: ArrayLike<number>): PageKind {
  let best = 0;
  for (let k = 1; k < PAGE_KINDS.length; k++) if ((probabilities[k] ?? 0) > (probabilities[best] ?? 0)) best = k;
  return PAGE_KINDS[best] ?? 'article';
}
