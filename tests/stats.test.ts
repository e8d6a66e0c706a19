import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/engine/lines.js';
import { textShares } from '../src/engine/stats.js';
import { clean, lostShare, removedShare, type CleanResult } from '../src/index.js';
import { ALMOST_ALL_CHROME, NO_CHROME } from './pages.js';

/** A result whose text output is `text`; removedShare reads nothing else. */
function resultWithText(text: string): CleanResult {
  return { title: null, source: null, published: null, byline: null, kind: 'article', confidence: 1, paragraphs: [], text, related: [], removed: [] };
}

describe('removedShare', () => {
  it('is 0 for a page with no chrome', () => {
    const result = clean(NO_CHROME);
    expect(result.removed).toEqual([]);
    expect(removedShare(NO_CHROME, result)).toBe(0);
  });

  it('is close to 1 for a page that is almost only chrome', () => {
    const share = removedShare(ALMOST_ALL_CHROME, clean(ALMOST_ALL_CHROME));
    // At most the title (10 of the page's 88 characters) is left.
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(share).toBeLessThanOrEqual(1);
  });

  it('is exactly 1 when the text output is empty', () => {
    expect(removedShare('logo\nAdvertisement\n', resultWithText(''))).toBe(1);
  });

  it('is 0 for an empty page, and for a page of blank lines', () => {
    expect(removedShare('', clean(''))).toBe(0);
    expect(removedShare('\n   \r\n\t\n', resultWithText(''))).toBe(0);
  });

  it('counts trimmed non-blank input lines against the text output without its newlines', () => {
    // Input: "Title" 5 + "Body one." 9 + "logo" 4 = 18 characters; indentation, CRLF, blank lines
    // and the BOM do not count. Output: 5 + 9 = 14. Share: 1 - 14/18 = 4/18.
    const page = '\uFEFF  Title  \r\n\r\n\tBody one.\r\n   \r\nlogo\r\n';
    expect(removedShare(page, resultWithText('Title\n\nBody one.\n'))).toBeCloseTo(4 / 18, 12);
  });

  it('counts characters as code points, so astral characters count once', () => {
    // "Café ☕ 🌊 news" is 13 code points (15 UTF-16 units); "ad" 2; output keeps the first line.
    const page = 'Café ☕ 🌊 news\nad\n';
    expect(removedShare(page, resultWithText('Café ☕ 🌊 news\n'))).toBeCloseTo(2 / 15, 12);
  });

  it('never goes below 0, even if the output were longer than the page', () => {
    expect(removedShare('Short', resultWithText('Short and then some\n'))).toBe(0);
  });
});

const PROSE = 'The regional council approved the new transport plan on Tuesday after a debate that lasted most of the day, and officials said work would start in May.';

describe('lostShare', () => {
  const page = ['Council approves plan', '', PROSE, '', 'Related Articles', '', 'Storm closes schools across the north', 'Weather Desk', 'time3 hours ago', 'Schools in the north were closed on Monday as the storm brought heavy snow.', ''].join('\n');

  it('counts what went into the related stories as moved out of the article, not lost', () => {
    const result = clean(page);
    expect(result.related.length).toBe(1);
    const moved = result.removed.filter((removal) => removal.related === true).map((removal) => removal.text);
    expect(moved).toContain('Schools in the north were closed on Monday as the storm brought heavy snow.');
    expect(moved).not.toContain('Related Articles');
    const total = [...page.replace(/\n/g, '')].length;
    const kept = [...result.text.replace(/\n/g, '')].length;
    expect(removedShare(page, result)).toBeCloseTo(1 - kept / total, 12);
    expect(lostShare(page, result)).toBeCloseTo(1 - (kept + moved.join('').length) / total, 12);
  });

  it('is removedShare where no story was moved, and never more', () => {
    for (const text of [NO_CHROME, ALMOST_ALL_CHROME, page, '']) {
      const result = clean(text);
      const moved = result.removed.some((removal) => removal.related === true);
      if (!moved) expect(lostShare(text, result)).toBe(removedShare(text, result));
      expect(lostShare(text, result)).toBeLessThanOrEqual(removedShare(text, result));
    }
  });

  it('counts the characters of non-blank trimmed lines as the engine splits them', () => {
    const line = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(' ', '\t', '\uFEFF', '☕🌊', 'é', '\u00a0x\u00a0'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, end) => {
        const text = lines.join(end);
        const expected = splitLines(text).reduce((sum, each) => sum + [...each.text].length, 0);
        expect(textShares(text, resultWithText('')).total).toBe(expected);
      }),
    );
  });
});
