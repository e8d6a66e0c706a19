/**
 * Whether a phrase an inline rule found in a paragraph stands apart from the sentences around
 * it: chrome glued between two sentences, or at the paragraph's edge, rather than a word one of
 * them needs ("the label "Advertisement" was missing"). The evidence is read on both sides of the
 * phrase: a sentence's end or the paragraph's start before it, a sentence's start or the
 * paragraph's end after it, and no quotation open around it. Every inline cut must pass.
 */
import { isSpace } from './lines.js';

/** Ends a sentence: Latin, CJK, Arabic, Urdu and Devanagari full stops and marks. */
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？', '؟', '۔', '।', '॥']);
/** Close a sentence's quotation or aside after its full stop (`…said." Advertisement`). */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '«', ')', ']', '」', '』']);
/** Begin a sentence's quotation or aside before its first word (`Advertisement "We…`). */
const OPENERS = new Set(['"', "'", '“', '‘', '„', '«', '»', '(', '[', '「', '『', '¿', '¡']);
/** What can come right after a phrase only when the phrase is inside a sentence. */
const CONTINUES = new Set([',', ';', ':', '.', '!', '?', '…', ')', ']', '}', '”', '’', '»', '」', '』', '%', '-', '–', '—', '/']);

const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The quotation marks whose pairs are tracked, and the marks that close each: „ closes with “ in German and ” in Polish. */
const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
  ['„', '“”'],
  ['«', '»'],
  ['「', '」'],
  ['『', '』'],
]);
/** Marks that close a quotation without opening one of their own (» opens a Danish one: it is in both). */
const CLOSING_ONLY = new Set(['”', '」', '』']);
/** Deeper nesting than this is not quotation but noise: it is not followed further. */
const MAX_DEPTH = 8;

/**
 * The quotations open at each point of a paragraph, read left to right once: the cuts of a
 * paragraph are asked in order, so a paragraph with thousands of cuts is still scanned once.
 */
export class QuoteState {
  private readonly open: string[] = [];
  private at = 0;
  /** The last place each closing mark occurs in the paragraph: whether an open quotation closes after a phrase. */
  private readonly lastClose = new Map<string, number>();

  constructor(private readonly text: string) {
    for (const closers of QUOTE_CLOSERS.values()) for (const mark of closers) if (!this.lastClose.has(mark)) this.lastClose.set(mark, text.lastIndexOf(mark));
  }

  /** Whether a quotation is open at `start` and closes at or after `end` (`start` never goes back). */
  quoted(start: number, end: number): boolean {
    const { text } = this;
    for (; this.at < start; this.at++) {
      const code = text.charCodeAt(this.at);
      // Most characters are no quotation mark: one comparison each, not a lookup.
      if (code === 0x22 || code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201e) || (code >= 0x300c && code <= 0x300f)) this.read(text[this.at] as string);
    }
    const closers = this.open[this.open.length - 1];
    if (closers === undefined) return false;
    for (const mark of closers) if ((this.lastClose.get(mark) ?? -1) >= end) return true;
    return false;
  }

  private read(mark: string): void {
    const top = this.open[this.open.length - 1];
    if (top !== undefined && top.includes(mark)) {
      this.open.pop();
      return;
    }
    if (CLOSING_ONLY.has(mark) || this.open.length >= MAX_DEPTH) return;
    const closers = QUOTE_CLOSERS.get(mark) ?? (mark === '»' ? '«' : undefined);
    if (closers !== undefined) this.open.push(closers);
  }
}

/** Whether the text before `start` ends a sentence, or there is none. */
function sentenceEndsBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  // Past the marks that close a quotation or an aside, to the full stop inside them.
  while (i >= 0 && CLOSERS.has(text[i] as string)) i--;
  return i >= 0 && SENTENCE_END.has(text[i] as string);
}

/** Whether the text after `end` starts a sentence, or there is none. */
function sentenceStartsAfter(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return true;
  const first = text[i] as string;
  if (OPENERS.has(first)) {
    const next = text[i + 1];
    // A mark with a word right after it opens a quotation; with a space or nothing after it, it closes one.
    if (next === undefined || !LETTER_OR_DIGIT.test(next)) return false;
    return !LOWER.test(next);
  }
  if (CONTINUES.has(first)) return false;
  // An upper-case letter, a digit, a letter of a script without case: a sentence may start there.
  return !LOWER.test(first);
}

/** Whether a phrase at [start, end) of `text` stands apart from the sentences around it (see the module's comment). */
export function standsApart(text: string, start: number, end: number, quotes: QuoteState): boolean {
  return sentenceEndsBefore(text, start) && sentenceStartsAfter(text, end) && !quotes.quoted(start, end);
}
