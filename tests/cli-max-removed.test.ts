import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { percent } from '../src/cli/task.js';
import { clean, lostShare, removedShare, toRecord } from '../src/index.js';
import { listFiles, removeTempDirs, runCli, tempDir } from './cli-helpers.js';
import { ALMOST_ALL_CHROME, NO_CHROME } from './pages.js';

afterEach(removeTempDirs);

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

const pages = { 'chrome.txt': ALMOST_ALL_CHROME, 'kept.txt': NO_CHROME };

/** The stderr line for ALMOST_ALL_CHROME failing `--max-removed 0.5`. */
function chromeFailure(subject: string, outcome: 'not written' | 'not printed'): string {
  const share = removedShare(ALMOST_ALL_CHROME, clean(ALMOST_ALL_CHROME));
  // The pages must sit far from the limit whatever small changes the rules see.
  expect(share).toBeGreaterThan(0.8);
  return `clean-news: ${subject}: cleaning would remove ${Math.round(share * 100)}% of the text, over --max-removed 0.5 (${outcome})\n`;
}

describe('--max-removed', () => {
  it('fails a file over the limit, writing nothing for it, and still writes the others, with status 1', () => {
    expect(removedShare(NO_CHROME, clean(NO_CHROME))).toBe(0);
    const dir = tempDir(pages);
    const run = runCli(['--max-removed', '0.5', 'chrome.txt', 'kept.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: chromeFailure('chrome.txt', 'not written') });
    expect(listFiles(dir)).toEqual(['chrome.txt', 'kept.clean.txt', 'kept.txt']);
    expect(read(dir, 'kept.clean.txt')).toBe(clean(NO_CHROME).text);
  });

  it("counts the related stories an aggregator lists as moved out of the article, not lost: the README's guard passes the aggregator fixtures that lose little", () => {
    const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'aggregator');
    const names = readdirSync(fixtures).filter((name) => /^\d+\.txt$/.test(name));
    const dir = tempDir(Object.fromEntries(names.map((name) => [name, readFileSync(path.join(fixtures, name), 'utf8')])));
    const run = runCli(['--max-removed', '0.5', '--stdout', '.'], dir);
    // 045 is two thirds donation appeal and comment prompts: a real loss, rightly failed.
    expect(run.stderr).toBe('clean-news: 045.txt: cleaning would remove 68% of the text, over --max-removed 0.5 (not printed)\n');
    for (const name of names) {
      const text = readFileSync(path.join(fixtures, name), 'utf8');
      const result = clean(text);
      expect(lostShare(text, result)).toBeLessThanOrEqual(removedShare(text, result));
      if (result.related.length > 0) expect(lostShare(text, result), name).toBeLessThan(removedShare(text, result) - 0.2);
    }
  });

  it('is off unless given: the same files are both written, with status 0', () => {
    const dir = tempDir(pages);
    expect(runCli(['chrome.txt', 'kept.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(dir)).toEqual(['chrome.clean.txt', 'chrome.txt', 'kept.clean.txt', 'kept.txt']);
  });

  it('with --format json, writes no JSON file for a page over the limit', () => {
    const dir = tempDir(pages);
    const run = runCli(['--format', 'json', '--max-removed=0.5', 'chrome.txt', 'kept.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: chromeFailure('chrome.txt', 'not written') });
    expect(listFiles(dir)).toEqual(['chrome.txt', 'kept.clean.json', 'kept.txt']);
    expect(read(dir, 'kept.clean.json')).toBe(JSON.stringify(toRecord(clean(NO_CHROME), 'kept.txt'), null, 2) + '\n');
  });

  it('with --stdout, prints nothing for a page over the limit and prints the others', () => {
    const dir = tempDir(pages);
    const run = runCli(['--stdout', '--max-removed', '0.5', 'chrome.txt', 'kept.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: `==> kept.txt <==\n${clean(NO_CHROME).text}`, stderr: chromeFailure('chrome.txt', 'not printed') });
    expect(listFiles(dir)).toEqual(['chrome.txt', 'kept.txt']);
  });

  it('with --stdout --format json, leaves the failed page out of the JSON Lines', () => {
    const dir = tempDir(pages);
    const run = runCli(['--stdout', '--format', 'json', '--max-removed', '0.5', 'kept.txt', 'chrome.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: JSON.stringify(toRecord(clean(NO_CHROME), 'kept.txt')) + '\n', stderr: chromeFailure('chrome.txt', 'not printed') });
  });

  it('guards standard input too', () => {
    const dir = tempDir();
    expect(runCli(['--max-removed', '0.5'], dir, ALMOST_ALL_CHROME)).toEqual({ status: 1, stdout: '', stderr: chromeFailure('standard input', 'not printed') });
    expect(runCli(['--max-removed', '0.5', '-'], dir, NO_CHROME)).toEqual({ status: 0, stdout: clean(NO_CHROME).text, stderr: '' });
  });

  it('fails only pages strictly over the limit: 0 passes a page with nothing removed, 1 passes any page', () => {
    const dir = tempDir(pages);
    expect(runCli(['--max-removed', '0', 'kept.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['--max-removed', '1', 'chrome.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(dir)).toEqual(['chrome.clean.txt', 'chrome.txt', 'kept.clean.txt', 'kept.txt']);
  });

  it('fails a page with any removal under --max-removed 0, and accepts .5 for 0.5', () => {
    const dir = tempDir(pages);
    const zero = runCli(['--max-removed', '0', 'chrome.txt'], dir);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/^clean-news: chrome\.txt: cleaning would remove \d+% of the text, over --max-removed 0 \(not written\)\n$/);
    expect(runCli(['--max-removed', '.5', 'chrome.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: chromeFailure('chrome.txt', 'not written') });
    expect(listFiles(dir)).toEqual(['chrome.txt', 'kept.txt']);
  });

  it.each(['-1', '2', 'abc', '', '1.5', '0x1', 'NaN'])('rejects %j as a usage error with status 2, writing nothing', (value) => {
    const dir = tempDir(pages);
    const run = runCli(['--max-removed', value, 'kept.txt'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `clean-news: option '--max-removed <ratio>' argument '${value}' is invalid. Expected a number from 0 to 1.\nTry 'clean-news --help'.\n`,
    );
    expect(listFiles(dir)).toEqual(['chrome.txt', 'kept.txt']);
  });

  it('is listed in --help', () => {
    const run = runCli(['--help'], tempDir());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--max-removed <ratio>\s+fail a page/);
  });
});

describe('percent', () => {
  it('shows whole percents when they read as over the limit', () => {
    expect(percent(0.834, 0.5)).toBe('83%');
    expect(percent(1, 0.5)).toBe('100%');
    expect(percent(0.01, 0)).toBe('1%');
  });

  it('adds decimals when rounding would hide that the share is over the limit, or read as 100%', () => {
    expect(percent(0.503, 0.5)).toBe('50.3%');
    expect(percent(0.5004, 0.5)).toBe('50.04%');
    expect(percent(0.999, 0.5)).toBe('99.9%');
    expect(percent(0.001, 0)).toBe('0.1%');
  });
});
