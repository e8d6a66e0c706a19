/** One input line: its 1-based number, its text without surrounding whitespace, its lookup key. */
export interface Line {
  no: number;
  text: string;
  /** Lower case, whitespace folded: what exact-line rules compare. */
  key: string;
}

export function foldSpace(text: string): string {
  // Most lines hold single spaces only: testing is far cheaper than replacing.
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
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

export function countWords(text: string): number {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

/** Ends like a sentence: terminal punctuation, maybe followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;][)"'”’»]*$/.test(text);
}

/** Short enough to be a headline rather than a paragraph of prose. */
export function looksLikeHeadline(text: string): boolean {
  return text !== '' && text.length <= 250 && countWords(text) <= 30 && !(text.endsWith('.') && countWords(text) > 15);
}
