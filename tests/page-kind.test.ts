import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, createCleaner } from '../src/api.js';
import { splitLines } from '../src/engine/lines.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, pageConfidence } from '../src/engine/model/confidence.js';
import { likeliestKind, PAGE_FEATURE_SIZE, PAGE_KINDS, PAGE_SHAPE, pageFeatures, pageKindProbabilities } from '../src/engine/model/page-kind.js';
import { ALMOST_ALL_CHROME, NO_CHROME } from './pages.js';

const FORUM = [
  'Forum index › Gardening › Vegetables',
  'Tomato leaves curling after the heat wave',
  'greenthumb',
  'Posts: 312',
  'Joined: Mar 2019',
  'Posted 12 June 2025, 08:14',
  'My tomato leaves started curling upwards after last week’s heat wave. Is this something I should worry about, or will they recover once it cools down?',
  'Reply',
  'Quote',
  'plotholder',
  'Posts: 1,204',
  'Joined: Jan 2015',
  'Posted 12 June 2025, 09:02',
  'Leaf roll from heat is common and usually harmless. Keep the watering even and they should be fine within a week or two.',
  'Reply',
  'Quote',
  'greenthumb',
  'Posts: 312',
  'Posted 12 June 2025, 10:40',
  'Thanks, that is reassuring. I will keep an eye on them and report back.',
  'Reply',
  'Quote',
  'Page 1 of 1',
].join('\n');

const PRODUCT = [
  'Home / Kitchen / Kettles',
  'Stainless Steel Kettle 1.7 L',
  '$49.99',
  '$59.99',
  'In stock',
  'Add to cart',
  'Add to wishlist',
  'Quantity',
  'A brushed steel kettle that boils a full jug in under four minutes, with a concealed element and a limescale filter.',
  'Specifications',
  'Capacity: 1.7 L',
  'Power: 2200 W',
  'Reviews (12)',
  'Customers also bought',
  'Glass Teapot $24.99',
  'Tea Strainer $7.99',
].join('\n');

describe('the page features', () => {
  it('are shares and scaled counts, and the hashed words of short lines together weigh one', () => {
    const vector = pageFeatures(splitLines(FORUM));
    expect(vector).toHaveLength(PAGE_FEATURE_SIZE);
    for (let k = 0; k < PAGE_SHAPE.length; k++) {
      expect(vector[k]).toBeGreaterThanOrEqual(0);
      expect(vector[k]).toBeLessThanOrEqual(1.5);
    }
    let squares = 0;
    for (let k = PAGE_SHAPE.length; k < PAGE_FEATURE_SIZE; k++) squares += (vector[k] ?? 0) ** 2;
    expect(squares).toBeCloseTo(1, 5);
  });

  it('read a bounded number of lines, whatever the size of the page', () => {
    // 200,000 lines, of which the first 5,000 are read: the count says so (speed is the bench's business).
    const vector = pageFeatures(splitLines('Reply\n'.repeat(200_000)));
    expect(vector[PAGE_SHAPE.indexOf('log-lines')]).toBeCloseTo(Math.log1p(5_000) / 8);
  });

  it('give probabilities that sum to 1 for any page', () => {
    const weights = Float32Array.from({ length: PAGE_KINDS.length * PAGE_FEATURE_SIZE }, (_, k) => Math.sin(k) * 3);
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const probabilities = pageKindProbabilities(weights, pageFeatures(splitLines(text)));
        expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
        expect(PAGE_KINDS).toContain(likeliestKind(probabilities));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the shipped page-kind model', () => {
  it('reads an article, a forum thread and a product page for what they are', () => {
    expect(clean(NO_CHROME).kind).toBe('article');
    expect(clean(readFileSync(new URL('../fixtures/seeds/002_5c498c8aa000f8d8.txt', import.meta.url), 'utf8')).kind).toBe('article');
    expect(clean(FORUM).kind).toBe('forum');
    expect(clean(PRODUCT).kind).toBe('product');
  });

  it('keeps the opening post of a forum thread', () => {
    expect(clean(FORUM).text).toContain(FORUM.split('\n')[6]);
  });

  // Known gap (issue 20's note): the decoding keeps one span with gaps, and the replies, each
  // between a block of user name, post count and buttons, do not pay for the gaps around them.
  // This fails on purpose until the decoding keeps every post; then make it a plain test.
  it.fails('keeps every post of a forum thread', () => {
    const { text } = clean(FORUM);
    for (const post of FORUM.split('\n').filter((line) => line.length > 60)) expect(text).toContain(post);
  });
});

describe('the confidence', () => {
  it('is a number from 0 to 1 with two decimals', () => {
    for (const page of [NO_CHROME, ALMOST_ALL_CHROME, FORUM, PRODUCT, '', 'x']) {
      const { confidence } = clean(page);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(Math.round(confidence * 100) / 100).toBe(confidence);
    }
  });

  it('is higher for a plain article than for a page of chrome', () => {
    expect(clean(NO_CHROME).confidence).toBeGreaterThan(clean(ALMOST_ALL_CHROME).confidence);
  });

  it('reads the kind, the decoded span and the output into named features', () => {
    const lines = splitLines('One line of text here.\n\nAnother line of text.');
    const kinds = Float32Array.from(PAGE_KINDS, (_, k) => (k === 0 ? 1 : 0));
    const span = { top: 0, end: lines.length, ruled: lines.map(() => null), kept: lines.map((line) => line.text !== ''), prosePage: false };
    const vector = confidenceFeatures({ lines, scores: [2, 0, -0.5], kinds, costs: { bias: 0 } }, span, 40, false);
    expect(vector).toHaveLength(CONFIDENCE_FEATURES.length);
    const at = (name: string) => vector[CONFIDENCE_FEATURES.indexOf(name)];
    expect(at('kind:article')).toBe(1);
    expect(at('kept-share')).toBe(1);
    expect(at('doubtful-share')).toBe(0.5);
    expect(at('has-title')).toBe(0);
    // an empty forest estimates an even chance
    expect(pageConfidence({ feature: [], value: [], left: [], roots: [], base: 0 }, vector)).toBe(0.5);
  });
});

describe('--favor, in the library', () => {
  it('keeps at least as much text leaning to recall as leaning to precision, over the seed pages', () => {
    const seeds = ['000_e3f9d65b3f747020', '001_ecb47d5e88672b33', '002_5c498c8aa000f8d8', '003_73340154b1fd761a', '004_413eeffa65c11c74'];
    let recall = 0;
    let precision = 0;
    for (const seed of seeds) {
      const text = readFileSync(new URL(`../fixtures/seeds/${seed}.txt`, import.meta.url), 'utf8');
      recall += clean(text, { favor: 'recall' }).text.length;
      precision += clean(text, { favor: 'precision' }).text.length;
    }
    expect(recall).toBeGreaterThanOrEqual(precision);
  });

  it('refuses a side that is not one', () => {
    expect(() => createCleaner({ favor: 'both' as never })).toThrow(/favor must be one of balanced, precision, recall, got string "both"/);
  });
});
