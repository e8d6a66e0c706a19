import { describe, expect, it } from 'vitest';
import { isExact, lineRecall, scorePage, scoreSet, shingles, tokenize } from '../scripts/measures.js';

describe('the benchmark measure', () => {
  it('tokenizes on runs of word characters, in any script', () => {
    expect(tokenize("Russia's talks — 2 days ago")).toEqual(['Russia', 's', 'talks', '2', 'days', 'ago']);
    expect(tokenize('Віце-прем\'єр')).toEqual(['Віце', 'прем', 'єр']);
  });

  it('counts word 4-grams as a multiset', () => {
    expect(shingles('a b c d a b c d')).toEqual(
      new Map([
        ['a b c d', 2],
        ['b c d a', 1],
        ['c d a b', 1],
        ['d a b c', 1],
      ]),
    );
    expect(shingles('too short')).toEqual(new Map([['too short', 1]]));
  });

  it('scores a page by multiset overlap', () => {
    const gold = 'one two three four five six';
    expect(scorePage(gold, gold)).toEqual({ precision: 1, recall: 1 });
    // output has the 3 gold shingles plus 3 of its own
    expect(scorePage('one two three four five six x y z', gold)).toEqual({ precision: 0.5, recall: 1 });
    expect(scorePage('', gold)).toEqual({ precision: null, recall: 0 });
  });

  it('averages precision over pages with output, recall over all pages, and takes F1 of the means', () => {
    const set = scoreSet([
      { precision: 1, recall: 1 },
      { precision: 0.5, recall: 0.5 },
      { precision: null, recall: 0 },
    ]);
    expect(set.precision).toBeCloseTo(0.75);
    expect(set.recall).toBeCloseTo(0.5);
    expect(set.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
  });

  it('measures article recall as whole gold lines found in the output', () => {
    expect(lineRecall('Title\n\nFirst line.\nSecond line.\n', 'Title\nFirst line.\nThird line.\n')).toBeCloseTo(2 / 3);
    expect(isExact('Title\n\nFirst line.\n', 'Title\nFirst line.\n')).toBe(true);
    expect(isExact('Title\n\nFirst line.\n', 'Title\n')).toBe(false);
  });
});
