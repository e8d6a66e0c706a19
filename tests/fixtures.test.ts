import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { clean, toRecord } from '../src/index.js';

/**
 * Every page under fixtures/ has reviewed expected outputs beside it; the cleaned page must
 * match them byte for byte. Paths are relative to the repository root, as the CLI prints them.
 */
const root = path.resolve(import.meta.dirname, '..');
const pages = fg.sync('fixtures/**/*.txt', { cwd: root, ignore: ['**/*.clean.txt', '**/*.gold.txt'] }).sort();

function expected(page: string, extension: string): string {
  return readFileSync(path.join(root, page.replace(/\.txt$/, extension)), 'utf8');
}

describe.each(pages)('%s', (page) => {
  const result = clean(readFileSync(path.join(root, page), 'utf8'));

  it('cleans to the expected text', () => {
    expect(result.text).toBe(expected(page, '.clean.txt'));
  });

  it.runIf(existsSync(path.join(root, page.replace(/\.txt$/, '.clean.json'))))('cleans to the expected JSON', () => {
    // As check compares it: the input named from the expected file beside it.
    expect(`${JSON.stringify(toRecord(result, path.basename(page)), null, 2)}\n`).toBe(expected(page, '.clean.json'));
  });
});

describe('the fixtures', () => {
  it('include the five seed pages, each with text and JSON expectations', () => {
    const seeds = pages.filter((page) => page.startsWith('fixtures/seeds/'));
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) expect(existsSync(path.join(root, seed.replace(/\.txt$/, '.clean.json')))).toBe(true);
  });
});
