/**
 * What the fitted model knows of a line. For the first stage, a sparse row: the line's shape
 * (length, punctuation, case, stopwords), the shape of the lines before and after it, and its
 * words, hashed; indices below DENSE_SIZE are the named features, the others hashed words in
 * their namespaces (see `hashIndex`). For the second stage, a dense vector: the line's shape
 * again and its place on the page (position, the text around it, the page's size and layout),
 * which the second stage weighs against the first stage's scores around the line.
 */
import { countCapitalised, type Line } from '../lines.js';
import { forEachWord } from '../stopwords.js';
import { stopwordCount, type PageProfile } from '../profile.js';

/** Shape features of a line on its own; each neighbour's are repeated under a prefix. */
const OWN = [
  'words:1', 'words:2', 'words:3', 'words:4-6', 'words:7-9', 'words:10-14', 'words:15-24', 'words:25-49', 'words:50+',
  'log-chars', 'length-vs-median',
  'end:sentence', 'end:colon', 'end:comma', 'end:ellipsis', 'end:open', 'end:other',
  'start:upper', 'start:lower', 'start:digit', 'start:quote', 'start:bullet', 'start:other',
  'capitalised-share', 'title-case', 'stopword-share', 'no-stopwords',
  'digit-share', 'upper-share', 'all-caps', 'punct-share', 'sentences',
  'has:pipe', 'has:arrow', 'has:copyright', 'has:address', 'has:hash',
  'time', 'time:short', 'repeated:2', 'repeated:3+', 'blank-before', 'blank-after', 'blank-both', 'blank-none', 'tab',
  'sentence-like', 'short-open', 'short-title-case',
] as const;

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
const OWN_SIZE = OWN.length;
const edge = (name: (typeof EDGE)[number]): number => 3 * OWN_SIZE + EDGE.indexOf(name);
const own = (name: (typeof OWN)[number]): number => OWN.indexOf(name);

/** One line's first-stage features: sparse pairs, indices ascending within the dense part. */
export interface Row {
  indices: number[];
  values: number[];
}

/** One line's features for both stages. */
export interface LineFeatures {
  row: Row;
  /** SHAPE_NAMES, dense. */
  shape: Float32Array;
}

/** Most words of a line that is a time stamp, perhaps with a publisher or a byline. */
const STAMP_WORDS = 6;
/**
 * A clock time, a date, a year or an age ("14:55", "12.12.2019", "2019", "3h", "2 days ago"): one
 * small pattern for every line, where the time-stamp patterns of timestamp.ts would cost their
 * compilation on each page's first line for little more.
 */
const TIME_HINT = /\d{1,2}[:.h]\d{2}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:1[89]|20)\d{2}\b|\b\d+ ?(?:s|m|min|mins|h|hr|hrs|hours?|days?|weeks?|months?|years?)\b|\bago\b|\byesterday\b/i;

/** Lines of at most this many words are read word by word; longer ones by their first and last words alone. */
const BAG_WORDS = 12;

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Where a hashed feature (`namespace:token`) lands, for a hash space of 2^bits buckets. */
export function hashIndex(feature: string, bits: number): number {
  return DENSE_SIZE + (fnv1a(feature) & ((1 << bits) - 1));
}

const SENTENCE_END = /[.!?…。！？؟][)"'”’»]*$/u;
const ELLIPSIS = /(?:…|\.\.\.)$/;
const OPEN_END = /[\p{L}\p{N}]$/u;
const QUOTE_START = /^["'“”‘’«»„]/u;
const BULLET_START = /^[•·\-–—*►▶■□●○✓✔→]/u;
const INNER_SENTENCE = /[.!?。！？][)"'”’»]*\s+\S/gu;
const ARROW = /[»›>→]/u;
const ADDRESS = /@|https?:|www\./i;

function wordBucket(words: number): number {
  if (words <= 3) return Math.max(0, words - 1);
  if (words <= 6) return 3;
  if (words <= 9) return 4;
  if (words <= 14) return 5;
  if (words <= 24) return 6;
  return words <= 49 ? 7 : 8;
}

/** Character classes of a text: digits, letters, upper-case letters, punctuation. */
function charShares(text: string): { digits: number; letters: number; upper: number; punct: number } {
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) {
        letters++;
        upper++;
      } else if (code >= 0x61 && code <= 0x7a) letters++;
      else if (code > 0x20) punct++;
    } else {
      const char = text[i] ?? '';
      const lower = char.toLowerCase();
      if (lower !== char.toUpperCase()) {
        letters++;
        if (lower !== char) upper++;
      } else if (code >= 0x3000 || /\p{L}/u.test(char)) letters++;
    }
  }
  return { digits, letters, upper, punct };
}

interface LineFacts {
  own: Float32Array;
  words: string[];
  prose: boolean;
  logWords: number;
}

/** Digits folded to 0, so "12 comments" and "3 comments" share a feature. */
const foldDigits = (word: string): string => word.replace(/\d/g, '0');

function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  forEachWord(lower, (start, end) => {
    words.push(foldDigits(lower.slice(start, end)));
  });
  return words;
}

function describe(line: Line, index: number, lines: readonly Line[], profile: PageProfile, medianChars: number): LineFacts {
  const { text } = line;
  const vector = new Float32Array(OWN_SIZE);
  const words = wordsOf(text);
  const count = Math.max(1, words.length);
  vector[wordBucket(words.length)] = 1;
  vector[own('log-chars')] = Math.log1p(text.length) / 5;
  vector[own('length-vs-median')] = Math.max(-3, Math.min(3, Math.log((text.length + 1) / (medianChars + 1))));
  const end = ELLIPSIS.test(text) ? 'end:ellipsis' : SENTENCE_END.test(text) ? 'end:sentence' : text.endsWith(':') ? 'end:colon' : /[,;]$/.test(text) ? 'end:comma' : OPEN_END.test(text) ? 'end:open' : 'end:other';
  vector[own(end)] = 1;
  const first = text[0] ?? '';
  const start = /\d/.test(first) ? 'start:digit' : QUOTE_START.test(first) ? 'start:quote' : BULLET_START.test(first) ? 'start:bullet' : first.toLowerCase() !== first ? 'start:upper' : first.toUpperCase() !== first ? 'start:lower' : 'start:other';
  vector[own(start)] = 1;
  const capitalised = countCapitalised(text) / count;
  vector[own('capitalised-share')] = Math.min(1, capitalised);
  vector[own('title-case')] = words.length >= 2 && capitalised >= 0.6 ? 1 : 0;
  const stopwords = stopwordCount(text, profile);
  vector[own('stopword-share')] = stopwords / count;
  vector[own('no-stopwords')] = words.length >= 3 && stopwords === 0 ? 1 : 0;
  const shares = charShares(text);
  const chars = Math.max(1, text.length);
  vector[own('digit-share')] = shares.digits / chars;
  vector[own('upper-share')] = shares.letters === 0 ? 0 : shares.upper / shares.letters;
  vector[own('all-caps')] = shares.letters >= 4 && shares.upper === shares.letters ? 1 : 0;
  vector[own('punct-share')] = shares.punct / chars;
  vector[own('sentences')] = Math.log1p(text.match(INNER_SENTENCE)?.length ?? 0);
  vector[own('has:pipe')] = text.includes('|') ? 1 : 0;
  vector[own('has:arrow')] = ARROW.test(text) ? 1 : 0;
  vector[own('has:copyright')] = text.includes('©') ? 1 : 0;
  vector[own('has:address')] = ADDRESS.test(text) ? 1 : 0;
  vector[own('has:hash')] = text.includes('#') ? 1 : 0;
  const time = TIME_HINT.test(text);
  vector[own('time')] = time ? 1 : 0;
  vector[own('time:short')] = time && words.length <= STAMP_WORDS ? 1 : 0;
  const repeats = profile.lineCounts.get(line.key) ?? 1;
  vector[own('repeated:2')] = repeats === 2 ? 1 : 0;
  vector[own('repeated:3+')] = repeats >= 3 ? 1 : 0;
  vector[own('blank-before')] = index > 0 && lines[index - 1]?.text === '' ? 1 : 0;
  vector[own('blank-after')] = index + 1 < lines.length && lines[index + 1]?.text === '' ? 1 : 0;
  vector[own('blank-both')] = (vector[own('blank-before')] ?? 0) * (vector[own('blank-after')] ?? 0);
  vector[own('blank-none')] = (1 - (vector[own('blank-before')] ?? 0)) * (1 - (vector[own('blank-after')] ?? 0));
  vector[own('tab')] = text.includes('\t') ? 1 : 0;
  const ends = end === 'end:sentence';
  vector[own('sentence-like')] = ends && words.length >= 6 ? 1 : 0;
  vector[own('short-open')] = words.length <= 4 && end === 'end:open' ? 1 : 0;
  vector[own('short-title-case')] = words.length <= 8 && (vector[own('title-case')] ?? 0) > 0 ? 1 : 0;
  return { own: vector, words, prose: words.length >= 20 || (words.length >= 10 && ends), logWords: Math.log1p(words.length) };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** The shape of a short line, one character a word: "Aa 9 a" for "Posted 3 days". */
function shapeOf(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => (/^\d/.test(word) ? '9' : /^\p{Lu}/u.test(word) ? 'A' : /^\p{Ll}/u.test(word) ? 'a' : word.slice(0, 1)))
    .join('')
    .slice(0, 8);
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

function pushDense(row: Row, offset: number, vector: Float32Array): void {
  for (let k = 0; k < vector.length; k++) {
    const value = vector[k] ?? 0;
    if (value !== 0) {
      row.indices.push(offset + k);
      row.values.push(value);
    }
  }
}

function pushHashed(row: Row, features: readonly string[], value: number, bits: number): void {
  for (const feature of features) {
    row.indices.push(hashIndex(feature, bits));
    row.values.push(value);
  }
}

/**
 * The features of each line a rule did not claim (null for blank and claimed lines), words hashed
 * into 2^bits buckets. Neighbours and windows are read over those lines alone: the page as the
 * rules leave it, so an ad slot between two paragraphs does not make them look like chrome.
 */
export function lineFeatures(lines: readonly Line[], profile: PageProfile, bits: number, claimed: (index: number) => boolean): Array<LineFeatures | null> {
  const positions: number[] = [];
  lines.forEach((line, index) => {
    if (line.text !== '' && !claimed(index)) positions.push(index);
  });
  const medianChars = median(positions.map((index) => lines[index]?.text.length ?? 0));
  const facts = positions.map((index) => describe(lines[index] as Line, index, lines, profile, medianChars));
  const features: Array<LineFeatures | null> = lines.map(() => null);
  const total = positions.length;
  // Browsers set paragraphs apart with a blank line and run list items and menus together: on a
  // page that has both, the blank lines tell them apart; on a page of one kind, they tell nothing.
  const blankShare = total === 0 ? 0 : positions.filter((index) => lines[index + 1]?.text === '').length / total;
  const mixed = 4 * blankShare * (1 - blankShare);
  facts.forEach((fact, k) => {
    const row: Row = { indices: [], values: [] };
    pushDense(row, 0, fact.own);
    const previous = facts[k - 1];
    const next = facts[k + 1];
    if (previous) pushDense(row, OWN_SIZE, previous.own);
    if (next) pushDense(row, 2 * OWN_SIZE, next.own);
    const edges: Array<[(typeof EDGE)[number], number]> = [
      ['bias', 1],
      ['language-unknown', profile.language === null ? 1 : 0],
      ['first-line', k === 0 ? 1 : 0],
      ['last-line', k === total - 1 ? 1 : 0],
      ['prev:none', previous ? 0 : 1],
      ['next:none', next ? 0 : 1],
      ['blank-both*mixed', (fact.own[own('blank-both')] ?? 0) * mixed],
      ['blank-none*mixed', (fact.own[own('blank-none')] ?? 0) * mixed],
    ];
    const shape = new Float32Array(SHAPE_NAMES.length);
    shape.set(fact.own, 0);
    edges.forEach(([name, value], j) => {
      shape[OWN_SIZE + j] = value;
      if (value === 0) return;
      row.indices.push(edge(name));
      row.values.push(value);
    });
    const index = positions[k] ?? 0;
    const place: number[] = [
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
    shape.set(place, OWN_SIZE + EDGE.length);
    const words = fact.words;
    // Chrome is short: the words of a long line say more of its subject than of its role, so only short lines are read word by word.
    const bag = words.length <= BAG_WORDS ? words : [];
    const unique = [...new Set(bag)];
    pushHashed(row, unique.map((word) => `w:${word}`), 1 / Math.sqrt(Math.max(1, unique.length)), bits);
    const pairs = new Set<string>();
    for (let w = 1; w < bag.length; w++) pairs.add(`b:${bag[w - 1]} ${bag[w]}`);
    pushHashed(row, [...pairs], 1 / Math.sqrt(Math.max(1, pairs.size)), bits);
    const ends: string[] = [];
    if (words.length > 0) ends.push(`f:${words[0]}`, `l:${words[words.length - 1]}`);
    if (words.length > 1) ends.push(`f2:${words[0]} ${words[1]}`);
    if (words.length <= 6) ends.push(`line:${words.join(' ')}`, `s:${shapeOf((lines[positions[k] ?? 0] as Line).text)}`);
    if (previous && previous.words.length > 0) ends.push(`pf:${previous.words[0]}`);
    if (next && next.words.length > 0) ends.push(`nf:${next.words[0]}`);
    pushHashed(row, ends, 1, bits);
    features[positions[k] ?? 0] = { row, shape };
  });
  return features;
}
