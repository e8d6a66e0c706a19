import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../src/engine/model/features.js';

/** The definition the scan must keep: a character for each of the first eight words of split(/\s+/). */
function reference(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => (/^\d/.test(word) ? '9' : /^\p{Lu}/u.test(word) ? 'A' : /^\p{Ll}/u.test(word) ? 'a' : word.slice(0, 1)))
    .join('')
    .slice(0, 8);
}

describe('shapeOf', () => {
  it('reads a line as the split-and-match definition does', () => {
    const piece = fc.constantFrom('Posted', 'days', '3', 'É', 'été', '𝐀bc', '😀', '\ud83d', '«', '-', '|', ' ', '  ', '\u00a0', '\t', 'x', 'İ', 'ß', '٣');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join('').trim()), (line) => {
        expect(shapeOf(line)).toBe(reference(line));
      }),
      { numRuns: 3000 },
    );
    expect(shapeOf('Posted 3 days ago by Staff')).toBe('A9aaaA');
  });
});
