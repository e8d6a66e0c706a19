import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { PAGE_LINES } from './pages.js';

/** Lines that real pages are made of: prose, headings, chrome of every pack, and noise. */
const realisticLine = fc.oneof(fc.constantFrom(...PAGE_LINES), fc.string({ maxLength: 120 }));

const page = fc.array(realisticLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

/** Lines of an article body, each printed once: a page that prints a line twice marks it (a headline, a menu). */
const BODY_TEXT = [
  'The council met on Monday to discuss the budget, and members spoke for hours about it.',
  'Fares will rise. STORY CONTINUES BELOW THIS AD The increase takes effect in May.',
  'The vote was close. Advertisement Members voted 12 to 11.',
  'An advertisement for the plan ran in local papers.',
  'Open To Talks',
  '"We will not stop," she said.',
];

/** A body: a paragraph, then some of the other text lines in any order, with ad slots and blank lines between them. */
const body = fc
  .tuple(
    fc.constantFrom(...BODY_TEXT.slice(0, 4)),
    fc.shuffledSubarray(BODY_TEXT),
    fc.array(fc.constantFrom('Advertisement', ''), { maxLength: 6 }),
    fc.array(fc.nat(), { maxLength: 6 }),
  )
  .map(([paragraph, others, slots, places]) => {
    const lines = [paragraph, ...others.filter((text) => text !== paragraph)];
    slots.forEach((slot, k) => lines.splice((places[k] ?? 0) % (lines.length + 1), 0, slot));
    return lines;
  });

/** Pages shaped like articles: header chrome, headline, metadata, body with inline chrome, tail. */
const articlePage = fc
  .tuple(
    fc.subarray(['logo', 'Connect with us', 'Top Stories']),
    fc.constantFrom('Council approves transport plan', 'Storm closes schools across the north'),
    fc.subarray(['NDTV2 days ago', 'By Jane Smith']),
    body,
    fc.constantFrom([], ['Orange background', 'Try Our AI Features', 'Comments', 'No comments yet...'], ['Continue Reading', 'Trending']),
  )
  .map(([chrome, title, meta, lines, tail]) => [...chrome, title, ...meta, ...lines, ...tail].join('\n'));

/** Characters of `kept` appear, in order, in `source` (whitespace aside): nothing is invented. */
function isDrawnFrom(kept: string, source: string): boolean {
  let at = 0;
  for (const char of kept.replace(/\s+/g, '')) {
    at = source.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

describe('engine properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(() => clean(text)).not.toThrow();
      }),
    );
  });

  it('makes every paragraph out of input text, in order: nothing is invented', () => {
    fc.assert(
      fc.property(page, (text) => {
        const lines = text.split('\n');
        for (const paragraph of clean(text).paragraphs) {
          // A paragraph is one line, or a hard-wrapped run of consecutive lines joined again.
          expect(lines.some((_, start) => isDrawnFrom(paragraph, lines.slice(start).join(' ')))).toBe(true);
        }
      }),
    );
  });

  it('points every removal at the line that held it', () => {
    fc.assert(
      fc.property(page, (text) => {
        const lines = text.split('\n');
        for (const removal of clean(text).removed) {
          expect(lines[removal.line - 1]).toContain(removal.text);
        }
      }),
    );
  });

  it('accounts for every non-blank line: the title, a paragraph, or a whole-line removal', () => {
    fc.assert(
      fc.property(page, (text) => {
        const lines = text.split('\n');
        const result = clean(text);
        const wholeLines = result.removed.filter((removal) => removal.text === lines[removal.line - 1]?.trim());
        const nonBlank = lines.filter((line) => line.trim() !== '').length;
        const kept = nonBlank - (result.title === null ? 0 : 1) - wholeLines.length;
        // Hard-wrapped lines join into one paragraph, so kept lines can outnumber paragraphs.
        expect(result.paragraphs.length).toBeLessThanOrEqual(kept);
        expect(result.paragraphs.length > 0).toBe(kept > 0);
      }),
    );
  });

  it('loses nothing when cleaning clean output of an article-shaped page: every line stays, in order', () => {
    // The headline may be read as a headline or as the first paragraph the second time (the
    // title model weighs layout the first cleaning removed); the text is the same either way.
    fc.assert(
      fc.property(articlePage, (text) => {
        const once = clean(text).text;
        const lines = (output: string) => output.split('\n').filter((line) => line !== '');
        expect(lines(clean(once).text)).toEqual(lines(once));
      }),
    );
  });
});
