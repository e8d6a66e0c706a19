import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clean, toRecord } from '../src/index.js';
import { CLI, listFiles, page, removeTempDirs, runCli, runUntilReaderLeaves, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const pages = { 'a.txt': page('the harbour'), 'b.txt': page('the park') };

describe('--stdout', () => {
  it('prints the clean text of a single input, with no header, and writes no file', () => {
    const dir = tempDir(pages);
    expect(runCli(['--stdout', 'a.txt'], dir)).toEqual({ status: 0, stdout: clean(pages['a.txt']).text, stderr: '' });
    expect(listFiles(dir)).toEqual(['a.txt', 'b.txt']);
  });

  it('puts a `==> path <==` header before each of several inputs, with a blank line between, as head does', () => {
    const dir = tempDir(pages);
    const run = runCli(['--stdout', 'a.txt', 'b.txt'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`==> a.txt <==\n${clean(pages['a.txt']).text}\n==> b.txt <==\n${clean(pages['b.txt']).text}`);
  });

  it('prints JSON Lines with --format json: one compact record per input, no headers', () => {
    const dir = tempDir(pages);
    const run = runCli(['--stdout', '--format', 'json', 'a.txt', 'b.txt'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [toRecord(clean(pages['a.txt']), 'a.txt'), toRecord(clean(pages['b.txt']), 'b.txt')].map((r) => JSON.stringify(r) + '\n').join(''),
    );
  });

  it('ends quietly with status 0 when the reader closes the pipe early', async () => {
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${i}.txt`, page(`district ${i}`).repeat(20)]));
    const dir = tempDir(many);
    const { received, stderr, status } = await runUntilReaderLeaves(['--stdout', '.'], dir);
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('reports a stdout that fails (disk full) in one line, with status 1', () => {
    const dir = tempDir(pages);
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [CLI, '--stdout', 'a.txt'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('clean-news: standard output: no space left on device\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('standard input', () => {
  const text = page('the harbour');

  it('reads `-` and prints the result, even without --stdout', () => {
    const dir = tempDir();
    expect(runCli(['-'], dir, text)).toEqual({ status: 0, stdout: clean(text).text, stderr: '' });
    expect(listFiles(dir)).toEqual([]);
  });

  it('reads piped stdin when no inputs are named', () => {
    expect(runCli([], tempDir(), text)).toEqual({ status: 0, stdout: clean(text).text, stderr: '' });
  });

  it('names the input `-` in the JSON record', () => {
    const run = runCli(['--format', 'json'], tempDir(), text);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(toRecord(clean(text), '-'));
  });

  it('mixes with files: files are written, stdin is printed', () => {
    const dir = tempDir(pages);
    expect(runCli(['a.txt', '-'], dir, text)).toEqual({ status: 0, stdout: clean(text).text, stderr: '' });
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'b.txt']);
  });

  it('is headed `standard input` among several --stdout inputs', () => {
    const dir = tempDir(pages);
    const run = runCli(['--stdout', '-', 'a.txt'], dir, text);
    expect(run.stdout).toBe(`==> standard input <==\n${clean(text).text}\n==> a.txt <==\n${clean(pages['a.txt']).text}`);
  });
});
