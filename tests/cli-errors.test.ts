import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { clean } from '../src/index.js';
import { listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(() => {
  removeTempDirs();
  vi.restoreAllMocks();
});

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');
const STACK_LINE = /^\s+at /m;

describe('inputs that fail', () => {
  it('reports a missing file in one line, with status 1, and still cleans the others', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    const run = runCli(['a.txt', 'nope.txt', 'b.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: nope.txt: no such file or directory\n' });
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'b.clean.txt', 'b.txt']);
  });

  it('reports a glob that matches nothing, quoted, with status 1', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    const run = runCli(['x/*.txt', 'a.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: "clean-news: 'x/*.txt': no files match\n" });
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt']);
  });

  it('reports a directory with no .txt files', () => {
    const dir = tempDir({ 'empty/notes.md': 'x' });
    expect(runCli(['empty'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: empty: no .txt files in directory\n' });
  });

  it('words system errors plainly, e.g. a symbolic link loop', () => {
    const dir = tempDir();
    symlinkSync('loop.txt', path.join(dir, 'loop.txt'));
    expect(runCli(['loop.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: loop.txt: too many levels of symbolic links\n' });
  });

  it('skips a file with NUL bytes as binary, with status 1, and cleans the others', () => {
    const dir = tempDir({ 'a.bin.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), 'b.txt': page('the park') });
    const run = runCli(['--stdout', 'a.bin.txt', 'b.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('clean-news: a.bin.txt: looks binary, skipped\n');
    expect(run.stdout).toContain(`==> b.txt <==\n${clean(page('the park')).text}`);
    expect(run.stdout).not.toContain('a.bin.txt');
  });
});

describe('encodings', () => {
  const text = page('the harbour', 'Owners of the harbour café said trade had “already fallen” by a fifth.');
  const windows1252 = Buffer.from(text.replace('“', '\x93').replace('”', '\x94'), 'latin1');

  it('decodes a file that is not valid UTF-8 as Windows-1252, with a warning but status 0', () => {
    const dir = tempDir({ 'old.txt': windows1252 });
    const run = runCli(['--stdout', 'old.txt'], dir);
    expect(run).toEqual({ status: 0, stdout: clean(text).text, stderr: 'clean-news: old.txt: not valid UTF-8, decoded as Windows-1252\n' });
  });

  it('silences the warning with --quiet but still reports errors', () => {
    const dir = tempDir({ 'old.txt': windows1252 });
    const run = runCli(['-q', 'old.txt', 'nope.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: nope.txt: no such file or directory\n' });
    expect(read(dir, 'old.clean.txt')).toBe(clean(text).text);
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, and drops a UTF-8 BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(0)).swap16();
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const dir = tempDir({ 'le.txt': le, 'be.txt': be, 'bom.txt': utf8 });
    expect(runCli(['le.txt', 'be.txt', 'bom.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    for (const name of ['le', 'be', 'bom']) expect(read(dir, `${name}.clean.txt`)).toBe(clean(text).text);
  });
});

describe('usage', () => {
  it('rejects an unknown option with status 2, a clean-news: line and a hint, no stack trace', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    const run = runCli(['--bogus', 'a.txt'], dir);
    expect(run).toEqual({ status: 2, stdout: '', stderr: "clean-news: unknown option '--bogus'\nTry 'clean-news --help'.\n" });
    expect(listFiles(dir)).toEqual(['a.txt']);
  });

  it('stops at a misspelt command before anything is written, and cleans a file of that name', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'pages/a.clean.txt': 'the reviewed output\n' });
    for (const [typed, meant] of [['chek', 'check'], ['Check', 'check'], ['rule', 'rules'], ['lern', 'learn']]) {
      expect(runCli([typed as string, 'pages/'], dir)).toEqual({ status: 2, stdout: '', stderr: `clean-news: unknown command '${typed}' (did you mean ${meant}?)\nTry 'clean-news --help'.\n` });
    }
    expect(listFiles(dir)).toEqual(['pages/a.clean.txt', 'pages/a.txt']);
    expect(read(dir, 'pages/a.clean.txt')).toBe('the reviewed output\n');
    // A name far from every command is a path like any other; so is one a file has.
    expect(runCli(['cheque', 'pages/a.txt'], dir)).toMatchObject({ status: 1, stderr: 'clean-news: cheque: no such file or directory\n' });
    const named = tempDir({ chek: page('the park') });
    expect(runCli(['chek'], named).status).toBe(0);
    expect(listFiles(named)).toEqual(['chek', 'chek.clean.txt']);
  });

  it('rejects a bad --format value with status 2', () => {
    const run = runCli(['--format', 'xml', 'a.txt'], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clean-news: .*'xml' is invalid.*\nTry 'clean-news --help'\.\n$/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('rejects an option with its argument missing, with status 2', () => {
    const run = runCli(['a.txt', '--out-dir'], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clean-news: .*--out-dir.*argument missing\n/);
  });

  it('prints help on stdout with status 0', () => {
    const run = runCli(['--help'], tempDir());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: clean-news \[options\] \[paths\.\.\.\]/);
    for (const option of ['--format', '--stdout', '--out-dir', '--quiet', '--debug', '--version']) expect(run.stdout).toContain(option);
    expect(run.stderr).toBe('');
  });

  it('prints the package.json version with status 0', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(runCli(['--version'], tempDir())).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('is a usage error to name no inputs while stdin is a terminal', async () => {
    // In-process: a spawned child cannot be given a terminal portably.
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const wasTTY = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
    try {
      expect(await main([])).toBe(2);
    } finally {
      if (wasTTY === undefined) Reflect.deleteProperty(process.stdin, 'isTTY');
      else Object.defineProperty(process.stdin, 'isTTY', wasTTY);
    }
    expect(stderr.mock.calls.map(([chunk]) => String(chunk)).join('')).toBe("clean-news: no input files\nTry 'clean-news --help'.\n");
  });
});
