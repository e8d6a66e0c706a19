import { codeUnitTest } from './code-units.js';

/** One input line: its 1-based number, its text without surrounding whitespace, its lookup key. */
export interface Line {
  no: number;
  text: string;
  /** What exact-line rules and repetition counts compare (see lineKey). */
  key: string;
}

/** Whether a UTF-16 code unit is white space as `\s` knows it. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether the text holds white space other than single spaces: then it needs folding. */
function hasOddSpace(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isSpace(code);
    if (space && (previousSpace || code !== 0x20)) return true;
    previousSpace = space;
  }
  return false;
}

export function foldSpace(text: string): string {
  // Most lines hold single spaces only: a scan of their characters is far cheaper than a replace.
  return hasOddSpace(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Case- and whitespace-insensitive form of a line: what literal prefilters scan. */
export function foldLine(text: string): string {
  return foldSpace(text).toLowerCase();
}

/** Folded lines up to this long are their own key, no larger than a digest would be. */
const KEY_CHARS = 16;
/** Two 32-bit FNV-style hashes of the folded line, with different multipliers, and its length, after a NUL. */
function digest(folded: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const n = folded.length;
  return String.fromCharCode(0, a & 0xffff, a >>> 16, b & 0xffff, b >>> 16, n & 0xffff, n >>> 16);
}

/**
 * The key of a line, equal for lines equal once case and whitespace are folded: the folded
 * line itself, or for a longer one its digest. A page holds every line's key, and paragraphs
 * are most of its text: as copies, keys took a third of a large page's memory. Two different
 * folded lines of a page share a digest with a chance of about n² / 2^65 for n long lines.
 */
export function lineKey(text: string): string {
  return keyOf(foldLine(text));
}

function keyOf(folded: string): string {
  return folded.length <= KEY_CHARS ? folded : digest(folded);
}

/**
 * Splits a page into lines; CRLF, CR and LF all end a line, and a leading BOM is dropped. One
 * scan, each line cut out already trimmed: a page of millions of lines makes no second copy of them.
 * `onFolded` is handed each line's folded text (see foldLine) as its key is made from it, for
 * the literal prefilters, which would otherwise fold every line a second time.
 */
export function splitLines(page: string, onFolded?: (folded: string) => void): Line[] {
  const lines: Line[] = [];
  const end = page.length;
  for (let start = page.charCodeAt(0) === 0xfeff ? 1 : 0; start < end; ) {
    let stop = start;
    while (stop < end && page.charCodeAt(stop) !== 0x0a && page.charCodeAt(stop) !== 0x0d) stop++;
    let from = start;
    let to = stop;
    while (from < to && isSpace(page.charCodeAt(from))) from++;
    while (to > from && isSpace(page.charCodeAt(to - 1))) to--;
    const text = page.slice(from, to);
    const folded = foldLine(text);
    onFolded?.(folded);
    lines.push({ no: lines.length + 1, text, key: keyOf(folded) });
    start = stop + (page.charCodeAt(stop) === 0x0d && page.charCodeAt(stop + 1) === 0x0a ? 2 : 1);
  }
  return lines;
}

const CAPITAL = /^[\p{Lu}\d]$/u;

/**
 * How many words start with a capital letter or a digit: the places `(?:^|\s)[\p{Lu}\d]`
 * matches, found by a character scan that tests only the first character of each word.
 */
export function countCapitalised(text: string): number {
  let count = 0;
  let wordStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const atStart = wordStart;
    wordStart = isSpace(code);
    if (!atStart) continue;
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count += 1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      if (CAPITAL.test(String.fromCodePoint(text.codePointAt(i) ?? code))) count += 1;
    } else if (isCapitalUnit(code)) count += 1;
  }
  return count;
}

/** Whether a BMP code unit is a capital or a digit. */
const isCapitalUnit = codeUnitTest(CAPITAL);

/** How many runs of non-space characters the text has (as `\S+` finds them). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** Ends like a sentence: terminal punctuation, maybe followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;][)"'”’»]*$/.test(text);
}

/** Short enough to be a headline rather than a paragraph of prose. */
export function looksLikeHeadline(text: string): boolean {
  return text !== '' && text.length <= 250 && countWords(text) <= 30 && !(text.endsWith('.') && countWords(text) > 15);
}

/**
 * Reads as a paragraph of prose: twenty words or more, or ten and a sentence's end, and not
 * title case (headlines and teasers are, however long).
 */
export function readsAsProse(text: string): boolean {
  const words = countWords(text);
  return !isTitleCase(text, words) && (words >= 20 || (words >= 10 && endsLikeSentence(text)));
}

/** Title case, as headlines and teasers are however long, up to the length of a paragraph. */
function isTitleCase(text: string, words: number = countWords(text)): boolean {
  return words < 25 && countCapitalised(text) >= Math.max(2, words * 0.6);
}

/**
 * A hard-wrapped paragraph: a long line that stops mid-sentence, followed by a line that
 * goes on in lower case. The pieces are one paragraph again, joined by a space.
 */
export function continuesWrappedLine(previous: string, next: string): boolean {
  // Cheapest test first: most lines start in upper case.
  return /^\p{Ll}/u.test(next) && !/[.!?…:;"”’)\]]$/.test(previous) && countWords(previous) >= 8;
}

/** Lines of a hard-wrapped text fill its width to within this many characters, but for a paragraph's last. */
const WRAP_SLACK = 15;
/** Widest column a text is taken to be hard-wrapped at. */
const MAX_WRAP = 100;

/**
 * The width a text is hard-wrapped at, or null when it is not: at least three of its lines, and
 * most of those that stop mid-sentence (a paragraph's last line ends one; a headline or a
 * subheading is short), end within a few characters of the same column, no further right than 100.
 */
export function wrapWidth(texts: readonly string[]): number | null {
  const present = texts.filter((text) => text !== '');
  const lengths = present.map((text) => text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  if (width === 0 || width > MAX_WRAP) return null;
  const full = lengths.filter((length) => length >= width - WRAP_SLACK && length <= width).length;
  const open = present.filter((text) => !endsLikeSentence(text)).length;
  return full >= 3 && full >= open * 0.5 ? width : null;
}

/** A line that fills a hard-wrapped text's width: a piece of a paragraph, whatever its words. */
export function fillsWrapWidth(text: string, width: number | null): boolean {
  return width !== null && text.length >= width - WRAP_SLACK;
}
