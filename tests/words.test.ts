import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCapitalised, countWords, foldSpace } from '../src/engine/lines.js';
import { detectLanguage, tallyWords } from '../src/engine/stopwords.js';

/**
 * The word counter and the space folder scan characters by hand for speed; these properties
 * hold them to the plain regex definitions they replace, on any text, lone surrogates and all.
 */

const WORD = /[\p{L}\p{M}\p{N}']+/gu;
const reference = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** Any UTF-16 text, weighted towards what pages hold: letters of several scripts, spaces of every kind, apostrophes. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', "'", '’', '.', 'İ', 'ß', 'é', 'e\u0301', 'ж', '中', '٣', '😀', '\ud800', '\udc00'),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  ),
  maxLength: 60,
});

const english = detectLanguage([tallyWords('the council said that it will vote on the plan, and the mayor was there for it')]);

/** The words of `text` and how many of them the language's stopword list holds, as one tally gives them. */
function counted(text: string): { words: number; stopwords: number } {
  const tally = tallyWords(text);
  return { words: tally.words, stopwords: english === null ? 0 : (tally.lists[english.index] ?? 0) };
}

describe('word counting', () => {
  it('finds the words of the Unicode-property regex, and their stopwords', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words = reference(text);
        expect(counted(text)).toEqual({ words: words.length, stopwords: words.filter((word) => english?.stopwords.has(word)).length });
      }),
      { numRuns: 2000 },
    );
  });

  it('counts words across scripts and apostrophes', () => {
    expect(counted("The mayor's plan: 12 votes, Ж and 中文 😀")).toEqual({ words: 8, stopwords: 2 });
  });

  it('guesses the language from its stopwords, and gives up on too few', () => {
    expect(english?.stopwords.has('the')).toBe(true);
    expect(detectLanguage([tallyWords('Home News Sport Weather')])).toBeNull();
  });
});

describe('space folding', () => {
  it('equals replacing every run of \\s with one space, then trimming', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counting space-separated words', () => {
  it('equals the number of \\S+ runs', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countWords(text)).toBe(text.match(/\S+/g)?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counting capitalised words', () => {
  it('equals the matches of (?:^|\\s)[\\p{Lu}\\d]', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countCapitalised(text)).toBe(text.match(/(?:^|\s)[\p{Lu}\d]/gu)?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });
});
