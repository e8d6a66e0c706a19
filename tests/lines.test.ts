import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/engine/lines.js';

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
