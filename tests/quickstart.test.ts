import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, listFiles, removeTempDirs, tempDir } from './cli-helpers.js';

/**
 * The README's quick start, `clean-news fixtures/seeds/*.txt`, through a real shell (so the
 * shell's glob also hands the tool its own outputs on the second run), on a copy of the seeds.
 */
const root = path.resolve(import.meta.dirname, '..');
const seeds = fg.sync('fixtures/seeds/*.txt', { cwd: root, ignore: ['**/*.clean.txt'] }).sort();

function runQuickStart(cwd: string, options = ''): void {
  const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${options} fixtures/seeds/*.txt`], { cwd, encoding: 'utf8' });
  // A batch ends with its summary on stderr, and nothing else.
  expect(run.stderr).toMatch(/^clean-news: 5 cleaned, 0 failed, \d+ skipped \(own outputs\); [\d,]+ characters in, [\d,]+ out\nclean-news: top rules: .*\n$/);
  expect(run.status).toBe(0);
}

afterAll(removeTempDirs);

describe('the quick start on the seed pages', () => {
  it('run twice leaves exactly one .clean.txt per seed, equal to the reviewed expected file', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'fixtures/seeds'), { recursive: true });
    for (const seed of seeds) copyFileSync(path.join(root, seed), path.join(dir, seed));
    runQuickStart(dir);
    runQuickStart(dir);
    const outputs = seeds.map((seed) => seed.replace(/\.txt$/, '.clean.txt'));
    expect(listFiles(dir)).toEqual([...seeds, ...outputs].sort());
    for (const output of outputs) {
      expect(readFileSync(path.join(dir, output), 'utf8')).toBe(readFileSync(path.join(root, output), 'utf8'));
    }
  });

  it('with --format json writes the reviewed .clean.json files', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'fixtures/seeds'), { recursive: true });
    for (const seed of seeds) copyFileSync(path.join(root, seed), path.join(dir, seed));
    runQuickStart(dir, '--format json');
    for (const seed of seeds) {
      const output = seed.replace(/\.txt$/, '.clean.json');
      // The main command names the page from beside the file it writes, as check does.
      expect(readFileSync(path.join(dir, output), 'utf8')).toBe(readFileSync(path.join(root, output), 'utf8'));
    }
  });
});
