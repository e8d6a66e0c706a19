import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

/**
 * Articles with no chrome at all keep every line: with or without a headline, one paragraph or
 * many, with a standfirst, subheadings and quotes, hard-wrapped or not. Their paragraphs are
 * real article text, the reviewed gold bodies of the aggregator fixtures.
 */
const GOLD_DIR = new URL('../fixtures/aggregator/', import.meta.url);
const PARAGRAPHS = readdirSync(GOLD_DIR)
  .filter((name) => name.endsWith('.gold.txt'))
  .sort()
  .flatMap((name) => readFileSync(new URL(name, GOLD_DIR), 'utf8').split('\n').slice(1))
  .map((line) => line.trim())
  .filter((line) => line.split(/\s+/).length >= 15 && /[.!?"”’]$/.test(line));
const ENGLISH = PARAGRAPHS.filter((line) => /^[\x20-\x7e‘’“”—–…]+$/.test(line));
const HEADLINES = ['Council approves transport plan', 'Storm closes schools across the north', 'Why the vote matters'];
const SUBHEADINGS = ['Open To Talks', 'Security Guarantees', 'Record drone attacks', 'What happens next'];
const QUOTES = ['"We will not stop," she said.', '“It is a good day for the city,” he said.'];

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A paragraph hard-wrapped at `width` columns, as plain-text mail and old archives are. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

/** The article's blocks: paragraphs, with a subheading or a quote in some of the gaps between them. */
const blocks = (pool: readonly string[]) =>
  fc
    .tuple(fc.shuffledSubarray([...pool], { minLength: 1, maxLength: 6 }), fc.shuffledSubarray([...SUBHEADINGS, ...QUOTES]), fc.array(fc.boolean(), { maxLength: 5 }))
    .map(([paragraphs, extras, gaps]) => {
      let next = 0;
      return paragraphs.flatMap((paragraph, k) => (k > 0 && gaps[k - 1] && next < extras.length ? [extras[next++] as string, paragraph] : [paragraph]));
    });

const article = fc.record({
  headline: fc.option(fc.constantFrom(...HEADLINES), { nil: null }),
  body: blocks(PARAGRAPHS),
  blank: fc.boolean(),
});

const wrappedArticle = fc.record({
  headline: fc.option(fc.constantFrom(...HEADLINES), { nil: null }),
  body: blocks(ENGLISH),
  width: fc.integer({ min: 70, max: 90 }),
});

const CHROME_FREE_DIR = new URL('../fixtures/chrome-free/', import.meta.url);

describe('the chrome-free fixtures', () => {
  it.each(readdirSync(CHROME_FREE_DIR).filter((name) => name.endsWith('.txt') && !name.endsWith('.clean.txt')))('%s keeps every line', (name) => {
    const page = readFileSync(new URL(name, CHROME_FREE_DIR), 'utf8');
    const result = clean(page);
    // A store's date stamp before the first line is the only thing taken.
    expect(result.removed.filter((removal) => removal.rule !== 'generic/store-date-stamp')).toEqual([]);
    expect(fold(result.text)).toBe(fold(page).replace(/^date \d{4}-\d{2}(?:-\d{2})? /, ''));
  });
});

describe('an article with no chrome', () => {
  it('has paragraphs to be made of', () => {
    expect(PARAGRAPHS.length).toBeGreaterThan(40);
    expect(ENGLISH.length).toBeGreaterThan(20);
  });

  it('keeps every line, in order, headline or not', () => {
    fc.assert(
      fc.property(article, ({ headline, body, blank }) => {
        const page = [...(headline === null ? [] : [headline]), ...body].join(blank ? '\n\n' : '\n');
        const result = clean(page);
        expect(result.removed).toEqual([]);
        expect(fold(result.text)).toBe(fold(page));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every line of a hard-wrapped article, and joins the paragraphs again', () => {
    fc.assert(
      fc.property(wrappedArticle, ({ headline, body, width }) => {
        const page = [...(headline === null ? [] : [headline]), ...body.flatMap((block) => wrap(block, width))].join('\n');
        const result = clean(page);
        expect(result.removed).toEqual([]);
        expect(fold(result.text)).toBe(fold(page));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a one-paragraph article whole', () => {
    for (const paragraph of PARAGRAPHS) {
      expect(clean(paragraph).paragraphs).toEqual([paragraph]);
      const titled = clean(`${HEADLINES[0]}\n\n${paragraph}`);
      expect(titled.removed).toEqual([]);
      expect(titled.paragraphs).toContain(paragraph);
    }
  });
});
