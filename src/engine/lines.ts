/** One input line: its 1-based number, and its text without surrounding whitespace. */
export interface Line {
  no: number;
  text: string;
}

/** Splits a page into lines; CRLF, CR and LF all end a line, and a leading BOM is dropped. */
export function splitLines(page: string): Line[] {
  const body = page.charCodeAt(0) === 0xfeff ? page.slice(1) : page;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, index) => ({ no: index + 1, text: raw.trim() }));
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
