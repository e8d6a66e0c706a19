/** One input line: its 1-based number, its text without surrounding whitespace, its lookup key. */
export interface Line {
  no: number;
  text: string;
  /** Lower case, whitespace folded: what exact-line rules compare. */
  key: string;
}

/** Whether a UTF-16 code unit is white space as `\s` knows it. */
function isSpace(code: number): boolean {
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

/** Case- and whitespace-insensitive form of a line, for exact-line lookups. */
export function lineKey(text: string): string {
  return foldSpace(text).toLowerCase();
}

/** Splits a page into lines; CRLF, CR and LF all end a line, and a leading BOM is dropped. */
export function splitLines(page: string): Line[] {
  const body = page.charCodeAt(0) === 0xfeff ? page.slice(1) : page;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, index) => {
    const text = raw.trim();
    return { no: index + 1, text, key: lineKey(text) };
  });
}

const CAPITAL = /^[\p{Lu}\d]$/u;

/**
 * How many words start with a capital letter or a digit: the places `(?:^|\s)[\p{Lu}\d]`
 * matches, found by a character scan that tests only the first character of each word.
 */
export function countCapitalised(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !isSpace(text.charCodeAt(i - 1))) continue;
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count += 1;
    } else if (CAPITAL.test(String.fromCodePoint(text.codePointAt(i) ?? code))) count += 1;
  }
  return count;
}

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
