import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../src/engine/decode.js';
import { heaviestStretch } from '../src/engine/heaviest-stretch.js';
import { splitLines } from '../src/engine/lines.js';
import { DENSE_NAMES, DENSE_SIZE, firstStageScore, hashIndex, lineFeatures, rowOf, SHAPE_NAMES, type Row } from '../src/engine/model/features.js';
import { FITTED_MODEL } from '../src/engine/model/fitted.js';
import { loadModel } from '../src/engine/model/model.js';
import { forestScore, type Forest } from '../src/engine/model/trees.js';
import { decodeWeights, encodeWeights } from '../src/engine/model/weights.js';
import { profilePage } from '../src/engine/profile.js';

const COSTS = { bias: 0, switchCost: 1, edgeCost: 0 };

/** A sparse row's score, as training computes it. */
function dot(weights: ArrayLike<number>, row: Row): number {
  let sum = 0;
  row.indices.forEach((index, k) => {
    sum += (weights[index] ?? 0) * (row.values[k] ?? 0);
  });
  return sum;
}

describe('the decoding', () => {
  it('keeps an article of positive lines and drops the chrome around it', () => {
    expect(decodeArticle([-3, -2, 4, 5, 3, -4, -3], COSTS)).toEqual([false, false, true, true, true, false, false]);
  });

  it('never cuts a lone line out between two lines that read as article', () => {
    expect(decodeArticle([3, -6, 3], { bias: 0, switchCost: 0, edgeCost: 0 })).toEqual([true, true, true]);
    // The line before such a line is not dropped to avoid it either.
    expect(decodeArticle([-1, 1.3, -2.1, 2, 2], COSTS)).toEqual([false, true, true, true, true]);
  });

  it('cuts a gap of two lines or more when it weighs more than the switches', () => {
    expect(decodeArticle([4, -5, -5, 4], COSTS)).toEqual([true, false, false, true]);
    expect(decodeArticle([4, -0.5, -0.5, 4], COSTS)).toEqual([true, true, true, true]);
  });

  it('keeps nothing of a page of chrome, and handles empty input', () => {
    expect(decodeArticle([-2, -3, -1], COSTS)).toEqual([false, false, false]);
    expect(decodeArticle([], COSTS)).toEqual([]);
  });

  it('keeps every line when the bias outweighs the scores', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { maxLength: 40 }), (scores) => {
        expect(decodeArticle(scores, { bias: 6, switchCost: 1, edgeCost: 1 }).every(Boolean)).toBe(true);
      }),
    );
  });

  it('finds the stretch with the largest sum', () => {
    expect(heaviestStretch([-3, -3, 20, -3, 15, -3, -3, -3, 4])).toEqual({ start: 2, end: 4 });
    expect(heaviestStretch([-2, -1, -3])).toEqual({ start: 1, end: 1 });
    expect(heaviestStretch([])).toBeNull();
  });
});

describe('the saved weights', () => {
  it('round-trip within the 16-bit step, zeros staying zero', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: -8, max: 8, noNaN: true })), { minLength: 1, maxLength: 300 }), (weights) => {
        const encoded = encodeWeights(weights);
        const decoded = decodeWeights(encoded, weights.length);
        weights.forEach((weight, index) => {
          expect(Math.abs((decoded[index] ?? 0) - weight)).toBeLessThanOrEqual(encoded.scale / 32767 + 1e-6);
          if (weight === 0) expect(decoded[index]).toBe(0);
        });
      }),
    );
  });

  it('reject data that is not theirs', () => {
    expect(() => decodeWeights({ scale: 1, data: '@@@@' }, 10)).toThrow(/invalid base64/);
    expect(() => decodeWeights(encodeWeights([0, 0, 0, 1]), 2)).toThrow(/outside/);
  });
});

describe('the features', () => {
  it('hash words into the space after the named features', () => {
    expect(hashIndex('w:council', 16)).toBe(hashIndex('w:council', 16));
    for (const word of ['w:a', 'f:the', 'b:of the', 'line:share']) {
      const index = hashIndex(word, 16);
      expect(index).toBeGreaterThanOrEqual(DENSE_SIZE);
      expect(index).toBeLessThan(DENSE_SIZE + (1 << 16));
    }
  });

  it('read past the lines a rule claimed, as if they were not there', () => {
    const article = ['Council approves transport plan', 'The council approved the plan on Tuesday after a long debate.', 'Work starts in May, officials said.'];
    const withAd = [article[0], article[1], 'Advertisement', article[2]].map((text) => text ?? '');
    const plain = splitLines(article.join('\n'));
    const slotted = splitLines(withAd.join('\n'));
    const a = lineFeatures(plain, profilePage(plain, 20_000), 16, () => false);
    const b = lineFeatures(slotted, profilePage(slotted, 20_000), 16, (index) => index === 2);
    expect(b[2]).toBeNull();
    expect(b[1] && rowOf(b[1])).toEqual(a[1] && rowOf(a[1]));
    expect(b[3] && rowOf(b[3])).toEqual(a[2] && rowOf(a[2]));
    expect(a[1]?.row).toBe(SHAPE_NAMES.length);
    expect(a[1]?.previous).toBe(0);
  });

  it('score a line the same from its parts as from its sparse row', () => {
    const { lineWeights } = loadModel(FITTED_MODEL);
    const lines = splitLines(readFileSync(new URL('../fixtures/seeds/000_e3f9d65b3f747020.txt', import.meta.url), 'utf8'));
    for (const line of lineFeatures(lines, profilePage(lines, 20_000), FITTED_MODEL.bits, () => false)) {
      if (line) expect(firstStageScore(lineWeights, line)).toBe(dot(lineWeights, rowOf(line)));
    }
  });

  it('give blank lines no row', () => {
    const lines = splitLines('One line of text here.\n\nAnother line of text here.');
    expect(lineFeatures(lines, profilePage(lines, 20_000), 16, () => false)[1]).toBeNull();
  });
});

describe('the trees', () => {
  it('sum the leaves each vector reaches, on top of the base', () => {
    // Node 0 splits on feature 0 at 1.5; node 1 (left) splits on feature 1 at 0; nodes 2, 3, 4 are leaves.
    const forest: Forest = { feature: [0, 1, -1, -1, -1], value: [1.5, 0, 0.5, -2, 3], left: [1, 3, 0, 0, 0], roots: [0], base: 0.25 };
    expect(forestScore(forest, [1, 0])).toBeCloseTo(0.25 - 2);
    expect(forestScore(forest, [1, 1])).toBeCloseTo(0.25 + 3);
    expect(forestScore(forest, [2, 0])).toBeCloseTo(0.25 + 0.5);
  });
});

describe('the shipped model', () => {
  it('loads, and refuses a model whose features are not the engine’s', () => {
    expect(loadModel(FITTED_MODEL).lineWeights.length).toBe(DENSE_SIZE + (1 << FITTED_MODEL.bits));
    expect(() => loadModel({ ...FITTED_MODEL, dense: DENSE_NAMES.slice(1) })).toThrow(/npm run train/);
  });

  it('stays under a megabyte and a half and says how it was fitted', () => {
    // Fitted on 2,169 pages (issue 20) its hashed words fill most of the 2^18 buckets: 1.05 MB.
    const file = new URL('../src/engine/model/fitted.ts', import.meta.url);
    expect(statSync(file).size).toBeLessThan(1_500_000);
    expect(readFileSync(file, 'utf8')).toMatch(/^\/\*\*\n \* Generated by `npm run train`/);
    expect(FITTED_MODEL.fitted).toMatch(/pages/);
  });
});
