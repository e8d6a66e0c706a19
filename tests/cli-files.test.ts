import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

describe('writing NAME.clean.txt files', () => {
  it('writes the cleaned text next to each input and leaves the input as it was', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'notes.md': page('the park') });
    const run = runCli(['a.txt', 'notes.md'], dir);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'notes.md', 'notes.md.clean.txt']);
    expect(read(dir, 'a.clean.txt')).toBe(clean(page('the harbour')).text);
    expect(read(dir, 'notes.md.clean.txt')).toBe(clean(page('the park')).text);
    expect(read(dir, 'a.txt')).toBe(page('the harbour'));
  });

  it('gives the same files when run twice, never taking its own outputs as inputs', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    expect(runCli(['*.txt'], dir).status).toBe(0);
    const firstFiles = listFiles(dir);
    // A second run, once through the tool's glob and once as a shell would expand `*.txt` (outputs included).
    expect(runCli(['*.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['a.clean.txt', 'a.txt', 'b.clean.txt', 'b.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(dir)).toEqual(firstFiles);
    expect(firstFiles).toEqual(['a.clean.txt', 'a.txt', 'b.clean.txt', 'b.txt']);
    expect(read(dir, 'b.clean.txt')).toBe(clean(page('the park')).text);
  });

  it('writes NAME.clean.json with --format json: the indented record with schemaVersion 1 and the path of the page from it', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour') });
    expect(runCli(['--format', 'json', 'pages/a.txt'], dir).status).toBe(0);
    expect(listFiles(dir)).toEqual(['pages/a.clean.json', 'pages/a.txt']);
    const written = read(dir, 'pages/a.clean.json');
    const record: unknown = JSON.parse(written);
    expect(record).toMatchObject({ schemaVersion: 1, input: 'a.txt', text: clean(page('the harbour')).text });
    expect(written).toBe(JSON.stringify(record, null, 2) + '\n');
  });

  it('takes the *.txt files under a directory argument, recursively, skipping dot directories', () => {
    const dir = tempDir({
      'pages/a.txt': page('the harbour'),
      'pages/sub/deeper/b.txt': page('the park'),
      'pages/sub/c.md': page('the library'),
      'pages/.cache/d.txt': page('the museum'),
    });
    expect(runCli(['pages'], dir).status).toBe(0);
    expect(listFiles(path.join(dir, 'pages'))).toEqual([
      '.cache/d.txt',
      'a.clean.txt',
      'a.txt',
      'sub/c.md',
      'sub/deeper/b.clean.txt',
      'sub/deeper/b.txt',
    ]);
    expect(read(dir, 'pages/sub/deeper/b.clean.txt')).toBe(clean(page('the park')).text);
  });

  it('expands a quoted glob itself, including **', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'pages/sub/b.txt': page('the park'), 'c.txt': page('x') });
    expect(runCli(['pages/**/*.txt'], dir).status).toBe(0);
    expect(listFiles(dir)).toEqual(['c.txt', 'pages/a.clean.txt', 'pages/a.txt', 'pages/sub/b.clean.txt', 'pages/sub/b.txt']);
  });

  it('takes an existing file as named, even when its name has glob characters', () => {
    const dir = tempDir({ 'report[1].txt': page('the harbour'), 'report1.txt': page('the park') });
    expect(runCli(['report[1].txt'], dir).status).toBe(0);
    expect(listFiles(dir)).toEqual(['report1.txt', 'report[1].clean.txt', 'report[1].txt']);
  });

  it('writes atomically: no temporary file is left, even when the write fails', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    mkdirSync(path.join(dir, 'a.clean.txt'));
    const run = runCli(['a.txt', 'b.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('clean-news: a.txt: cannot write a.clean.txt: is a directory\n');
    expect(listFiles(dir)).toEqual(['a.txt', 'b.clean.txt', 'b.txt']);
  });

  it('refuses a second input that maps to the same output, keeping the first one', () => {
    const dir = tempDir({ a: page('the harbour'), 'a.txt': page('the park') });
    const run = runCli(['a', 'a.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('clean-news: a.txt: output a.clean.txt is also the output of a, not overwritten\n');
    expect(read(dir, 'a.clean.txt')).toBe(clean(page('the harbour')).text);
  });
});

describe('--out-dir', () => {
  const tree = { 'pages/a.txt': page('the harbour'), 'pages/sub/b.txt': page('the park') };

  it('keeps paths relative to a directory argument', () => {
    const dir = tempDir(tree);
    expect(runCli(['--out-dir', 'out', 'pages'], dir).status).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.clean.txt', 'sub/b.clean.txt']);
    expect(read(dir, 'out/sub/b.clean.txt')).toBe(clean(page('the park')).text);
    expect(listFiles(path.join(dir, 'pages'))).toEqual(['a.txt', 'sub/b.txt']);
  });

  it("keeps paths relative to a glob's static base, and puts an explicit file directly in DIR", () => {
    const dir = tempDir({ ...tree, 'more/c.txt': page('the library') });
    expect(runCli(['--out-dir', 'out/nested', '--format', 'json', 'pages/**/*.txt', 'more/c.txt'], dir).status).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['nested/a.clean.json', 'nested/c.clean.json', 'nested/sub/b.clean.json']);
    expect(JSON.parse(read(dir, 'out/nested/sub/b.clean.json'))).toMatchObject({ input: '../../../pages/sub/b.txt' });
  });

  it('reports two inputs that map to the same output and does not overwrite the first', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'other/a.txt': page('the park') });
    const run = runCli(['--out-dir', 'out', 'pages/a.txt', 'other/a.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('clean-news: other/a.txt: output out/a.clean.txt is also the output of pages/a.txt, not overwritten\n');
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.clean.txt']);
    expect(read(dir, 'out/a.clean.txt')).toBe(clean(page('the harbour')).text);
  });

  it('is a usage error together with --stdout', () => {
    const dir = tempDir(tree);
    const run = runCli(['--stdout', '--out-dir', 'out', 'pages'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clean-news: .*--out-dir.*--stdout/);
  });
});

describe('inputs named more than once', () => {
  it('processes the same file once, in the order of first mention', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park'), 'c.txt': page('the library') });
    const run = runCli(['--stdout', '--format', 'json', 'b.txt', '*.txt', './b.txt', 'a.txt'], dir);
    expect(run.status).toBe(0);
    const inputs = run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { input: string }).input);
    expect(inputs).toEqual(['b.txt', 'a.txt', 'c.txt']);
  });
});
