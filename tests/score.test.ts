import { describe, expect, it } from 'vitest';
import { isExact, lineRecall, meanWords, scorePage, scoreSet, scoreWords, shingles, tokenize } from '../scripts/measures.js';

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

describe("WCXB's measure", () => {
  it('compares bags of lower-cased words, per page', () => {
    expect(scoreWords('The cat, the CAT.', 'the cat the cat')).toEqual({ precision: 1, recall: 1, f1: 1 });
    // 2 of 4 output words are gold words; 2 of 2 gold words are found
    const score = scoreWords('cat dog bird fish', 'cat dog');
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(1);
    expect(score.f1).toBeCloseTo(2 / 3);
    // a repeated word counts as often as the gold has it
    expect(scoreWords('cat cat cat', 'cat').precision).toBeCloseTo(1 / 3);
  });

  it('scores an empty output 0, and an empty gold 1 only for an empty output', () => {
    expect(scoreWords('', 'some gold words')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreWords('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scoreWords('anything', '  ')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('averages precision, recall and F1 over pages', () => {
    const set = meanWords([
      { precision: 1, recall: 1, f1: 1 },
      { precision: 0, recall: 0, f1: 0 },
    ]);
    expect(set).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
