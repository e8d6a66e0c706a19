/**
 * A line's shape, as the line model reads it: its length, how it starts and ends, its case, its
 * stopwords, its punctuation and marks. Read for every line of every page, so the text is
 * scanned by character code rather than by a regular expression per feature.
 */
import { countCapitalised, isSpace, type Line } from '../lines.js';
import { stopwordCount, type PageProfile } from '../profile.js';
import { codeUnitTest } from '../code-units.js';
import { forEachWord } from '../stopwords.js';

/** Shape features of a line on its own; each neighbour's are repeated under a prefix. */
export const OWN = [
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

export type OwnFeature = (typeof OWN)[number];
export const OWN_SIZE = OWN.length;
/** Each feature's index, looked up once: they are set for every line of every page. */
export const AT = Object.fromEntries(OWN.map((name, index) => [name, index])) as Record<OwnFeature, number>;

/** What the features of the lines around a line read of it (its own features are in the vector it was given). */
export interface LineFacts {
  /** Blank lines on both sides of it, or on neither (1 or 0). */
  blankBoth: number;
  blankNone: number;
  /** Lower-cased, digits folded to 0. */
  words: string[];
  prose: boolean;
  logWords: number;
}

/** Most words of a line that is a time stamp, perhaps with a publisher or a byline. */
const STAMP_WORDS = 6;
/**
 * A clock time, a date, a year or an age ("14:55", "12.12.2019", "2019", "3h", "2 days ago"): one
 * small pattern for every line, where the time-stamp patterns of timestamp.ts would cost their
 * compilation on each page's first line for little more. Without a digit, only its words can match.
 */
const TIME_HINT = /\d{1,2}[:.h]\d{2}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:1[89]|20)\d{2}\b|\b\d+ ?(?:s|m|min|mins|h|hr|hrs|hours?|days?|weeks?|months?|years?)\b|\bago\b|\byesterday\b/i;
const TIME_WORD = /\bago\b|\byesterday\b/i;
const ADDRESS = /@|https?:|www\./i;

/** Classes of the code units the features look for, as bit flags by code unit: a table lookup is cheaper than a set's. */
const SENTENCE_END = 1;
const INNER_END = 2;
const CLOSER = 4;
const QUOTE = 8;
const BULLET = 16;
const ARROW = 32;
const CLASSES = new Uint8Array(0x10000);
const mark = (chars: string, flag: number): void => {
  for (const char of chars) CLASSES[char.charCodeAt(0)] = (CLASSES[char.charCodeAt(0)] ?? 0) | flag;
};
// An ellipsis or an Arabic question mark inside a line is rarely a sentence's end.
mark('.!?…。！？؟', SENTENCE_END);
mark('.!?。！？', INNER_END);
// Closing quotes and brackets, which may follow a sentence's end.
mark(')"\'”’»', CLOSER);
mark('"\'“”‘’«»„', QUOTE);
mark('•·-–—*►▶■□●○✓✔→', BULLET);
mark('»›>→', ARROW);
const is = (code: number, flag: number): boolean => ((CLASSES[code] ?? 0) & flag) !== 0;

function wordBucket(words: number): number {
  if (words <= 3) return Math.max(0, words - 1);
  if (words <= 6) return 3;
  if (words <= 9) return 4;
  if (words <= 14) return 5;
  if (words <= 24) return 6;
  return words <= 49 ? 7 : 8;
}

const OTHER = 1;
const LETTER = 2;
const UPPER = 3;
/** What each code unit is, for `scanChars`: 0 not yet known (filled as units are met). */
const UNIT_KIND = new Uint8Array(0x10000);

/** A cased letter (upper or not), a letter without case (CJK, Arabic…), or neither; lone surrogates count as letters from U+3000 up. */
function unitKind(code: number): number {
  let kind = UNIT_KIND[code] ?? 0;
  if (kind !== 0) return kind;
  const char = String.fromCharCode(code);
  const lower = char.toLowerCase();
  if (lower !== char.toUpperCase()) kind = lower !== char ? UPPER : LETTER;
  else kind = code >= 0x3000 || /\p{L}/u.test(char) ? LETTER : OTHER;
  UNIT_KIND[code] = kind;
  return kind;
}

interface CharCounts {
  digits: number;
  letters: number;
  upper: number;
  punct: number;
  pipe: boolean;
  arrow: boolean;
  copyright: boolean;
  hash: boolean;
  tab: boolean;
}

/** One pass over a text's code units: its character classes and the marks the features ask about. */
function scanChars(text: string): CharCounts {
  const counts: CharCounts = { digits: 0, letters: 0, upper: 0, punct: 0, pipe: false, arrow: false, copyright: false, hash: false, tab: false };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) counts.digits++;
    else if (code >= 0x61 && code <= 0x7a) counts.letters++;
    else if (code >= 0x41 && code <= 0x5a) {
      counts.letters++;
      counts.upper++;
    } else if (code < 0x80) {
      if (code > 0x20) counts.punct++;
      if (code === 0x7c) counts.pipe = true;
      else if (code === 0x23) counts.hash = true;
      else if (code === 0x3e) counts.arrow = true;
      else if (code === 0x09) counts.tab = true;
    } else {
      const kind = unitKind(code);
      if (kind !== OTHER) counts.letters++;
      if (kind === UPPER) counts.upper++;
      if (code === 0xa9) counts.copyright = true;
      else if (is(code, ARROW)) counts.arrow = true;
    }
  }
  return counts;
}

const LETTER_OR_NUMBER_CHAR = /^[\p{L}\p{N}]$/u;
const isLetterOrNumberUnit = codeUnitTest(LETTER_OR_NUMBER_CHAR);

/** Whether a line's last character is a letter or a number; the pair of a surrogate is read whole. */
function endsWithLetterOrNumber(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xdc00 && last <= 0xdfff && text.length > 1) {
    const high = text.charCodeAt(text.length - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER_OR_NUMBER_CHAR.test(text.slice(-2));
  }
  return isLetterOrNumberUnit(last);
}

/** How a (non-empty) line ends: an ellipsis, a sentence's end (closing quotes after it allowed), a colon, a comma, a letter or number, or something else. */
function endOf(text: string): number {
  if (text.endsWith('…') || text.endsWith('...')) return AT['end:ellipsis'];
  let i = text.length - 1;
  while (i >= 0 && is(text.charCodeAt(i), CLOSER)) i--;
  if (i >= 0 && is(text.charCodeAt(i), SENTENCE_END)) return AT['end:sentence'];
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x3a) return AT['end:colon'];
  if (last === 0x2c || last === 0x3b) return AT['end:comma'];
  return endsWithLetterOrNumber(text) ? AT['end:open'] : AT['end:other'];
}

/** How a line starts, by its first code unit. */
function startOf(text: string): number {
  const code = text.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return AT['start:digit'];
  if (is(code, QUOTE)) return AT['start:quote'];
  if (is(code, BULLET)) return AT['start:bullet'];
  const first = text.slice(0, 1);
  if (first.toLowerCase() !== first) return AT['start:upper'];
  return first.toUpperCase() !== first ? AT['start:lower'] : AT['start:other'];
}

/** How many sentences end inside the line: an end, maybe closing quotes, white space, then more text. */
function innerSentences(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (!is(text.charCodeAt(i), INNER_END)) continue;
    let j = i + 1;
    while (j < text.length && is(text.charCodeAt(j), CLOSER)) j++;
    if (j >= text.length || !isSpace(text.charCodeAt(j))) continue;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j >= text.length) continue;
    count++;
    i = j;
  }
  return count;
}

/** The line's words, lower-cased, digits folded to 0 so that "12 comments" and "3 comments" share a feature. */
function wordsOf(text: string, digits: boolean): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  forEachWord(lower, (start, end) => {
    const word = lower.slice(start, end);
    words.push(digits ? word.replace(/\d/g, '0') : word);
  });
  return words;
}

/** A line's own shape features, written into `vector` (OWN order, zeros to begin with). */
export function describeLine(line: Line, index: number, lines: readonly Line[], profile: PageProfile, medianChars: number, vector: Float32Array): LineFacts {
  const { text } = line;
  const chars = scanChars(text);
  const words = wordsOf(text, chars.digits > 0);
  const count = Math.max(1, words.length);
  vector[wordBucket(words.length)] = 1;
  vector[AT['log-chars']] = Math.log1p(text.length) / 5;
  vector[AT['length-vs-median']] = Math.max(-3, Math.min(3, Math.log((text.length + 1) / (medianChars + 1))));
  const end = endOf(text);
  vector[end] = 1;
  vector[startOf(text)] = 1;
  const capitalised = countCapitalised(text) / count;
  vector[AT['capitalised-share']] = Math.min(1, capitalised);
  const titleCase = words.length >= 2 && capitalised >= 0.6;
  if (titleCase) vector[AT['title-case']] = 1;
  const stopwords = stopwordCount(text, profile);
  vector[AT['stopword-share']] = stopwords / count;
  if (words.length >= 3 && stopwords === 0) vector[AT['no-stopwords']] = 1;
  const length = Math.max(1, text.length);
  vector[AT['digit-share']] = chars.digits / length;
  vector[AT['upper-share']] = chars.letters === 0 ? 0 : chars.upper / chars.letters;
  if (chars.letters >= 4 && chars.upper === chars.letters) vector[AT['all-caps']] = 1;
  vector[AT['punct-share']] = chars.punct / length;
  vector[AT['sentences']] = Math.log1p(innerSentences(text));
  if (chars.pipe) vector[AT['has:pipe']] = 1;
  if (chars.arrow) vector[AT['has:arrow']] = 1;
  if (chars.copyright) vector[AT['has:copyright']] = 1;
  if (ADDRESS.test(text)) vector[AT['has:address']] = 1;
  if (chars.hash) vector[AT['has:hash']] = 1;
  const time = chars.digits > 0 ? TIME_HINT.test(text) : TIME_WORD.test(text);
  if (time) vector[AT['time']] = 1;
  if (time && words.length <= STAMP_WORDS) vector[AT['time:short']] = 1;
  const repeats = profile.lineCounts.get(line.key) ?? 1;
  if (repeats === 2) vector[AT['repeated:2']] = 1;
  if (repeats >= 3) vector[AT['repeated:3+']] = 1;
  const blankBefore = index > 0 && lines[index - 1]?.text === '';
  const blankAfter = index + 1 < lines.length && lines[index + 1]?.text === '';
  if (blankBefore) vector[AT['blank-before']] = 1;
  if (blankAfter) vector[AT['blank-after']] = 1;
  if (blankBefore && blankAfter) vector[AT['blank-both']] = 1;
  if (!blankBefore && !blankAfter) vector[AT['blank-none']] = 1;
  if (chars.tab) vector[AT['tab']] = 1;
  const ends = end === AT['end:sentence'];
  if (ends && words.length >= 6) vector[AT['sentence-like']] = 1;
  if (words.length <= 4 && end === AT['end:open']) vector[AT['short-open']] = 1;
  if (words.length <= 8 && titleCase) vector[AT['short-title-case']] = 1;
  return {
    blankBoth: blankBefore && blankAfter ? 1 : 0,
    blankNone: !blankBefore && !blankAfter ? 1 : 0,
    words,
    prose: words.length >= 20 || (words.length >= 10 && ends),
    logWords: Math.log1p(words.length),
  };
}
