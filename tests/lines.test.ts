import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, lineKey, splitLines } from '../src/engine/lines.js';

/** The definition the one-scan split must keep: split on CRLF, CR or LF, drop a final empty line and a BOM, trim each line. */
function reference(page: string): string[] {
  const body = page.charCodeAt(0) === 0xfeff ? page.slice(1) : page;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.trim());
}

describe('splitLines', () => {
  it('cuts a page into trimmed lines as split and trim would, numbered from 1', () => {
    const piece = fc.constantFrom('a', 'Bé', ' ', '\n', '\r', '\r\n', '\t', '\u00a0', '\ufeff', '\u2028', '\u3000', 'x y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (page) => {
        const lines = splitLines(page);
        expect(lines.map((line) => line.text)).toEqual(reference(page));
        expect(lines.map((line) => line.no)).toEqual(lines.map((_, index) => index + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lineKey', () => {
  const word = fc.constantFrom('Share', 'share', 'SHARE', 'the', 'Storm', 'héllo', 'ÉTÉ', '’', '1', 'x');
  const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \u3000 ');
  const line = fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim());

  it('is equal for two lines exactly when they are equal once case and whitespace are folded, long or short', () => {
    fc.assert(
      fc.property(line, line, (a, b) => {
        expect(lineKey(a) === lineKey(b)).toBe(foldLine(a) === foldLine(b));
        expect(lineKey(a.toUpperCase().replace(/ /g, '   '))).toBe(lineKey(a.toUpperCase()));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a short line as its folded text, and splitting a page hands the prefilters each line folded, long or short', () => {
    expect(lineKey('Advertisement')).toBe('advertisement');
    const long = 'The Storm Reached   the Coast on Monday, and thousands of homes lost power overnight.';
    expect(lineKey(long)).not.toBe(foldLine(long));
    expect(lineKey(long).length).toBeLessThan(10);
    const page = ['Advertisement', long, '', '  Share\tthis  '];
    const folded: string[] = [];
    const lines = splitLines(page.join('\n'), (text) => folded.push(text));
    expect(folded).toEqual(page.map(foldLine));
    expect(lines.map((line) => line.key)).toEqual(page.map(lineKey));
  });
});
