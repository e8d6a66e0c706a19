import { describe, expect, it } from 'vitest';
import { clean, removedShare, type CleanResult } from '../src/index.js';
import { ALMOST_ALL_CHROME, NO_CHROME } from './pages.js';

/** A result whose text output is `text`; removedShare reads nothing else. */
function resultWithText(text: string): CleanResult {
  return { title: null, source: null, published: null, byline: null, paragraphs: [], text, related: [], removed: [] };
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
