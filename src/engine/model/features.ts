/**
 * What the fitted model knows of a line. For the first stage, a sparse row: the line's shape
 * (length, punctuation, case, stopwords), the shape of the lines before and after it, and its
 * words, hashed; indices below DENSE_SIZE are the named features, the others hashed words in
 * their namespaces (see `hashIndex`). For the second stage, a dense vector: the line's shape
 * again and its place on the page (position, the text around it, the page's size and layout),
 * which the second stage weighs against the first stage's scores around the line.
 */
import { isSpace, type Line } from '../lines.js';
import type { PageProfile } from '../profile.js';
import { describeLine, OWN, OWN_SIZE, type LineFacts } from './line-shape.js';

/** The first stage's features of the line's edges: whether it has neighbours, and how blank lines set it apart. */
const EDGE = ['bias', 'language-unknown', 'first-line', 'last-line', 'prev:none', 'next:none', 'blank-both*mixed', 'blank-none*mixed'] as const;

/**
 * The second stage's features of the line's place on the page. The first stage has none of them:
 * fitted on it, it learned that a line among prose is prose, which does not hold on a short page
 * where the byline and the "Subscribe" prompt sit right against the article.
 */
const PLACE = [
  'position', 'top:5%', 'bottom:5%', 'window2:prose', 'window5:prose', 'window10:prose', 'window5:log-words',
  'page:log-lines', 'page:blank-share', 'page:blank-mixed', 'claimed:before', 'claimed:after', 'claimed:window5',
] as const;

export const DENSE_NAMES: readonly string[] = [...OWN, ...OWN.map((name) => `prev:${name}`), ...OWN.map((name) => `next:${name}`), ...EDGE];
/** The second stage's view of a line: its own shape, its edges and its place on the page. */
export const SHAPE_NAMES: readonly string[] = [...OWN, ...EDGE, ...PLACE];
export const DENSE_SIZE = DENSE_NAMES.length;
export const SHAPE_SIZE = SHAPE_NAMES.length;
/** One line's first-stage features: sparse pairs, indices ascending within the dense part. */
export interface Row {
  indices: number[];
  values: number[];
}

/**
 * One line's features for both stages, as places in the page's buffers rather than arrays of
 * its own: a view per part and line cost more to make than the features did, and hundreds of
 * bytes a line on a page of a million lines. The shipped model scores a line from them
 * directly (`firstStageScore`); training reads the same values as a sparse row (`rowOf`).
 */
export interface LineFeatures {
  /** The page's shape rows (SHAPE_NAMES each): this line's starts at `row`, its own features first, its edge features after them. */
  shapes: Float32Array;
  row: number;
  /** The rows of the lines before and after it, -1 at the page's edges. */
  previous: number;
  next: number;
  /** The page's hashed words: this line's are those from `from` to `to`. */
  hashed: Int32Array;
  hashedValues: Float32Array;
  from: number;
  to: number;
}

/** The first stage's score of a line: its features' dot product with the weights. */
export function firstStageScore(weights: ArrayLike<number>, line: LineFeatures): number {
  let sum = 0;
  const { shapes, row, previous, next, hashed, hashedValues, from, to } = line;
  for (let k = 0; k < OWN_SIZE; k++) sum += (weights[k] ?? 0) * (shapes[row + k] ?? 0);
  if (previous >= 0) for (let k = 0; k < OWN_SIZE; k++) sum += (weights[OWN_SIZE + k] ?? 0) * (shapes[previous + k] ?? 0);
  if (next >= 0) for (let k = 0; k < OWN_SIZE; k++) sum += (weights[2 * OWN_SIZE + k] ?? 0) * (shapes[next + k] ?? 0);
  for (let k = 0; k < EDGE.length; k++) sum += (weights[3 * OWN_SIZE + k] ?? 0) * (shapes[row + OWN_SIZE + k] ?? 0);
  for (let k = from; k < to; k++) sum += (weights[hashed[k] ?? 0] ?? 0) * (hashedValues[k] ?? 0);
  return sum;
}

/** A line's first-stage features as a sparse row (zeros left out), as training reads them. */
export function rowOf(line: LineFeatures): Row {
  const row: Row = { indices: [], values: [] };
  const push = (offset: number, start: number, length: number) => {
    for (let k = 0; k < length; k++) {
      const value = line.shapes[start + k] ?? 0;
      if (value === 0) continue;
      row.indices.push(offset + k);
      row.values.push(value);
    }
  };
  push(0, line.row, OWN_SIZE);
  if (line.previous >= 0) push(OWN_SIZE, line.previous, OWN_SIZE);
  if (line.next >= 0) push(2 * OWN_SIZE, line.next, OWN_SIZE);
  push(3 * OWN_SIZE, line.row + OWN_SIZE, EDGE.length);
  for (let k = line.from; k < line.to; k++) {
    row.indices.push(line.hashed[k] ?? 0);
    row.values.push(line.hashedValues[k] ?? 0);
  }
  return row;
}

/** Lines of at most this many words are read word by word; longer ones by their first and last words alone. */
const BAG_WORDS = 12;

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units, going on from `hash`: the hash of a concatenation, built without it. */
function fnv1a(text: string, hash: number = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Where a hashed feature (`namespace:token`) lands, for a hash space of 2^bits buckets. */
export function hashIndex(feature: string, bits: number): number {
  return bucketOf(fnv1a(feature), bits);
}

function bucketOf(hash: number, bits: number): number {
  return DENSE_SIZE + ((hash >>> 0) & ((1 << bits) - 1));
}

/** Hashed features of a page's lines, as bucket indices and values, gathered without building their strings. */
class HashedFeatures {
  readonly indices: number[] = [];
  readonly values: number[] = [];
  constructor(private readonly bits: number) {}

  /** `namespace` then the parts, joined by `separator`. */
  add(namespace: string, parts: readonly string[], value: number, separator = ' '): void {
    let hash = fnv1a(namespace);
    parts.forEach((part, k) => {
      if (k > 0) hash = fnv1a(separator, hash);
      hash = fnv1a(part, hash);
    });
    this.indices.push(bucketOf(hash, this.bits));
    this.values.push(value);
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

const SHAPE_CHARS = 8;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

/** The shape of a word, by its first character: 9 for a digit, A for a capital, a for a small letter, else that character. */
function wordShape(text: string, at: number): string {
  const code = text.charCodeAt(at);
  if (code >= 0x30 && code <= 0x39) return '9';
  if (code >= 0x41 && code <= 0x5a) return 'A';
  if (code >= 0x61 && code <= 0x7a) return 'a';
  if (code < 0x80) return text[at] ?? '';
  const head = text.slice(at, at + 2);
  return UPPER_START.test(head) ? 'A' : LOWER_START.test(head) ? 'a' : head.slice(0, 1);
}

/**
 * The shape of a short line, one character a word: "Aa9a" for "Posted 3 days". The words are
 * those of `split(/\s+/)`, read by a scan of the line: a split and three patterns a word cost more.
 */
export function shapeOf(text: string): string {
  if (text === '') return '';
  let shape = '';
  let start = true;
  for (let i = 0; i < text.length && shape.length < SHAPE_CHARS; i++) {
    if (isSpace(text.charCodeAt(i))) start = true;
    else if (start) {
      shape += wordShape(text, i);
      start = false;
    }
  }
  return shape;
}

/** Share of the non-blank lines within `reach` of `position` (itself included) that read as prose. */
function proseShare(facts: readonly LineFacts[], position: number, reach: number): number {
  let prose = 0;
  let seen = 0;
  for (let k = Math.max(0, position - reach); k <= Math.min(facts.length - 1, position + reach); k++) {
    seen++;
    if (facts[k]?.prose) prose++;
  }
  return seen === 0 ? 0 : prose / seen;
}

function meanLogWords(facts: readonly LineFacts[], position: number, reach: number): number {
  let sum = 0;
  let seen = 0;
  for (let k = Math.max(0, position - reach); k <= Math.min(facts.length - 1, position + reach); k++) {
    seen++;
    sum += facts[k]?.logWords ?? 0;
  }
  return seen === 0 ? 0 : sum / seen / 4;
}

/** Non-blank lines a rule claimed strictly between two indexes. */
function claimedBetween(lines: readonly Line[], claimed: (index: number) => boolean, from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i++) if (lines[i]?.text !== '' && claimed(i)) count++;
  return count;
}

/** Share of the non-blank lines within `reach` non-blank lines of `index` that a rule claimed. */
function claimedShare(lines: readonly Line[], claimed: (index: number) => boolean, index: number, reach: number): number {
  let seen = 0;
  let count = 0;
  for (let i = index - 1, left = reach; i >= 0 && left > 0; i--) {
    if (lines[i]?.text === '') continue;
    left--;
    seen++;
    if (claimed(i)) count++;
  }
  for (let i = index + 1, left = reach; i < lines.length && left > 0; i++) {
    if (lines[i]?.text === '') continue;
    left--;
    seen++;
    if (claimed(i)) count++;
  }
  return seen === 0 ? 0 : count / seen;
}

/**
 * A line's words in their namespaces: each word of a short line and each pair of them, the first
 * and last words, the first two, a short line whole and its shape, and the first word of the
 * lines around it.
 */
function hashWords(hashed: HashedFeatures, words: readonly string[], text: string, previous: LineFacts | undefined, next: LineFacts | undefined): void {
  // Chrome is short: the words of a long line say more of its subject than of its role, so only short lines are read word by word.
  const bag = words.length <= BAG_WORDS ? words : [];
  const unique: string[] = [];
  const ids = bag.map((word) => {
    const at = unique.indexOf(word);
    if (at >= 0) return at;
    unique.push(word);
    return unique.length - 1;
  });
  const wordValue = 1 / Math.sqrt(Math.max(1, unique.length));
  for (const word of unique) hashed.add('w:', [word], wordValue);
  const pairs: number[] = [];
  for (let w = 1; w < ids.length; w++) {
    const pair = (ids[w - 1] ?? 0) * BAG_WORDS + (ids[w] ?? 0);
    if (!pairs.includes(pair)) pairs.push(pair);
  }
  const pairValue = 1 / Math.sqrt(Math.max(1, pairs.length));
  for (const pair of pairs) hashed.add('b:', [unique[Math.floor(pair / BAG_WORDS)] ?? '', unique[pair % BAG_WORDS] ?? ''], pairValue);
  const first = words[0];
  if (first !== undefined) {
    hashed.add('f:', [first], 1);
    hashed.add('l:', [words[words.length - 1] ?? ''], 1);
  }
  if (words.length > 1) hashed.add('f2:', [first ?? '', words[1] ?? ''], 1);
  if (words.length <= 6) {
    hashed.add('line:', words, 1);
    hashed.add('s:', [shapeOf(text)], 1);
  }
  const before = previous?.words[0];
  if (before !== undefined) hashed.add('pf:', [before], 1);
  const after = next?.words[0];
  if (after !== undefined) hashed.add('nf:', [after], 1);
}

/**
 * The features of each line a rule did not claim (null for blank and claimed lines), words hashed
 * into 2^bits buckets. Neighbours and windows are read over those lines alone: the page as the
 * rules leave it, so an ad slot between two paragraphs does not make them look like chrome.
 */
export function lineFeatures(lines: readonly Line[], profile: PageProfile, bits: number, isClaimed: (index: number) => boolean): Array<LineFeatures | null> {
  const positions: number[] = [];
  const claimedFlags = lines.map((line, index) => line.text !== '' && isClaimed(index));
  const claimed = (index: number): boolean => claimedFlags[index] === true;
  lines.forEach((line, index) => {
    if (line.text !== '' && !claimed(index)) positions.push(index);
  });
  const medianChars = median(positions.map((index) => lines[index]?.text.length ?? 0));
  const total = positions.length;
  // One buffer for the page's shape vectors, each line's own and edge features views into its
  // row: typed arrays of their size are allocated outside the heap, and one per line costs more
  // than computing them.
  const shapes = new Float32Array(total * SHAPE_SIZE);
  const facts = positions.map((index, k) => describeLine(lines[index] as Line, index, lines, profile, medianChars, shapes.subarray(k * SHAPE_SIZE, k * SHAPE_SIZE + OWN_SIZE)));
  // Browsers set paragraphs apart with a blank line and run list items and menus together: on a
  // page that has both, the blank lines tell them apart; on a page of one kind, they tell nothing.
  const blankShare = total === 0 ? 0 : positions.filter((index) => lines[index + 1]?.text === '').length / total;
  const mixed = 4 * blankShare * (1 - blankShare);
  const hashed = new HashedFeatures(bits);
  const hashedFrom: number[] = [];
  facts.forEach((fact, k) => {
    const previous = facts[k - 1];
    const next = facts[k + 1];
    const row = k * SHAPE_SIZE;
    const index = positions[k] ?? 0;
    const place: number[] = [
      1,
      profile.language === null ? 1 : 0,
      k === 0 ? 1 : 0,
      k === total - 1 ? 1 : 0,
      previous ? 0 : 1,
      next ? 0 : 1,
      fact.blankBoth * mixed,
      fact.blankNone * mixed,
      total <= 1 ? 0 : k / (total - 1),
      k < total * 0.05 ? 1 : 0,
      k >= total * 0.95 ? 1 : 0,
      proseShare(facts, k, 2),
      proseShare(facts, k, 5),
      proseShare(facts, k, 10),
      meanLogWords(facts, k, 5),
      Math.log1p(total) / 6,
      blankShare,
      mixed,
      // The chrome rules took out around the line: what the lines above and below it were.
      Math.log1p(claimedBetween(lines, claimed, positions[k - 1] ?? -1, index)),
      Math.log1p(claimedBetween(lines, claimed, index, positions[k + 1] ?? lines.length)),
      claimedShare(lines, claimed, index, 5),
    ];
    shapes.set(place, row + OWN_SIZE);
    hashedFrom.push(hashed.indices.length);
    hashWords(hashed, fact.words, (lines[index] as Line).text, previous, next);
  });
  hashedFrom.push(hashed.indices.length);
  const indices = Int32Array.from(hashed.indices);
  const values = Float32Array.from(hashed.values);
  const features: Array<LineFeatures | null> = lines.map(() => null);
  facts.forEach((_fact, k) => {
    features[positions[k] ?? 0] = {
      shapes,
      row: k * SHAPE_SIZE,
      previous: k > 0 ? (k - 1) * SHAPE_SIZE : -1,
      next: k < total - 1 ? (k + 1) * SHAPE_SIZE : -1,
      hashed: indices,
      hashedValues: values,
      from: hashedFrom[k] ?? 0,
      to: hashedFrom[k + 1] ?? 0,
    };
  });
  return features;
}
