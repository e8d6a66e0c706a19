/** --favor: the model's decoding leans as asked, in every command that cleans and in worker threads alike. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const root = path.resolve(import.meta.dirname, '..');
const SEEDS = ['000_e3f9d65b3f747020', '002_5c498c8aa000f8d8', '004_413eeffa65c11c74'].map((name) => readFileSync(path.join(root, 'fixtures/seeds', `${name}.txt`), 'utf8'));

describe('--favor', () => {
  it('prints what the library gives for each side', () => {
    const dir = tempDir({ 'a.txt': SEEDS[0] ?? '', 'b.txt': SEEDS[1] ?? '', 'c.txt': SEEDS[2] ?? '' });
    for (const favor of ['precision', 'recall'] as const) {
      const run = runCli(['--stdout', '--favor', favor, 'a.txt'], dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(clean(SEEDS[0] ?? '', { favor }).text);
    }
  });

  it('reaches the worker threads: --jobs 2 prints what --jobs 1 does', () => {
    const dir = tempDir({ 'a.txt': SEEDS[0] ?? '', 'b.txt': SEEDS[1] ?? '', 'c.txt': SEEDS[2] ?? '' });
    const one = runCli(['--stdout', '--format', 'json', '--favor', 'recall', '--jobs', '1', '.'], dir);
    const two = runCli(['--stdout', '--format', 'json', '--favor', 'recall', '--jobs', '2', '.'], dir);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const records = one.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { text: string });
    expect(records.map((record) => record.text)).toEqual(SEEDS.map((seed) => clean(seed, { favor: 'recall' }).text));
  });

  it('is taken by check, so expected files written with a side check with it', () => {
    const dir = tempDir({ 'a.txt': SEEDS[0] ?? '' });
    expect(runCli(['--favor', 'precision', 'a.txt'], dir).status).toBe(0);
    expect(runCli(['check', '--favor', 'precision', 'a.txt'], dir).status).toBe(0);
  });

  it('refuses a side that is not one, before reading anything', () => {
    const dir = tempDir({ 'a.txt': SEEDS[0] ?? '' });
    const run = runCli(['--favor', 'both', 'a.txt'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--favor <side>' argument 'both' is invalid\. Allowed choices are precision, recall\./);
  });
});
