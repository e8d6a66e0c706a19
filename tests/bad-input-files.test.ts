/**
 * Bad input, the file system: paths that give nothing, what cannot be read or written, odd
 * names, symbolic links, and the guarantee that no input is ever written to or replaced.
 * The tests run as root on CI, for whom permissions do not stop a read or a write: those cases
 * are covered with what root cannot read or write either, and the permission tests run only
 * for other users.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { CLI, listFiles, NO_COLOR, page, removeTempDirs, runCli, runCliWithSummary, tempDir, type CliRun } from './cli-helpers.js';

afterEach(removeTempDirs);

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');
const cleaned = (topic: string): string => clean(page(topic)).text;
const isRoot = process.getuid?.() === 0;

/** Runs the CLI, killing it if it has not finished within `ms`: a hang fails the test instead of stalling the suite. */
function runWithin(ms: number, args: readonly string[], cwd: string): CliRun & { signal: NodeJS.Signals | null } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: ms, killSignal: 'SIGKILL' });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

describe('paths that give no input', () => {
  it('reports each missing path, empty argument and glob that matches nothing, in order, and still cleans the rest', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    const run = runCliWithSummary(['a.txt', 'gone.txt', 'no dir/', '', 'x/*.txt', 'b.txt'], dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 5)).toEqual([
      'clean-news: gone.txt: no such file or directory',
      "clean-news: 'no dir/': no such file or directory",
      "clean-news: '': no such file or directory",
      "clean-news: 'x/*.txt': no files match",
      expect.stringMatching(/^clean-news: 2 cleaned, 4 failed, 0 skipped \(own outputs\);/),
    ]);
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'b.clean.txt', 'b.txt']);
  });

  it('treats a path through a file as not a directory', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    const run = runCli(['a.txt/', 'a.txt/b.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: a.txt/: not a directory\nclean-news: a.txt/b.txt: not a directory\n' });
    expect(listFiles(dir)).toEqual(['a.txt']);
  });
});

describe('directories', () => {
  it('takes a directory named like a page, given by name, as a directory: its pages, or `no .txt files in directory`', () => {
    const dir = tempDir({ 'full.txt/p.txt': page('the harbour'), 'b.txt': page('the park') });
    mkdirSync(path.join(dir, 'empty.txt'));
    const run = runCli(['empty.txt', 'full.txt', 'b.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: empty.txt: no .txt files in directory\n' });
    expect(read(dir, 'full.txt/p.clean.txt')).toBe(cleaned('the harbour'));
    expect(read(dir, 'b.clean.txt')).toBe(cleaned('the park'));
  });

  it('passes over a directory named like a page below a directory argument, taking the pages in it', () => {
    const dir = tempDir({ 'pages/dir.txt/p.txt': page('the harbour') });
    expect(runCli(['pages'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(path.join(dir, 'pages'))).toEqual(['dir.txt/p.clean.txt', 'dir.txt/p.txt']);
  });
});

describe('inputs that cannot be read', () => {
  it('reports a dangling symbolic link named as an input, and cleans the others', () => {
    const dir = tempDir({ 'b.txt': page('the park') });
    symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
    expect(runCli(['dangling.txt', 'b.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: dangling.txt: no such file or directory\n' });
    expect(read(dir, 'b.clean.txt')).toBe(cleaned('the park'));
  });

  it('follows no symbolic link below a directory argument, as `grep -r` does: loops cannot hang it', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'elsewhere/b.txt': page('the park') });
    const at = (file: string): string => path.join(dir, 'pages', file);
    symlinkSync('loop.txt', at('loop.txt'));
    symlinkSync('nowhere.txt', at('dangling.txt'));
    symlinkSync('.', at('self'));
    symlinkSync('..', at('up'));
    mkdirSync(at('sub'));
    symlinkSync('../../pages', at('sub/back'));
    symlinkSync('../elsewhere/b.txt', at('link-to-page.txt'));
    for (const args of [['pages'], ['pages/**/*.txt']]) {
      const run = runWithin(30_000, args, dir);
      expect(run, args[0]).toEqual({ status: 0, signal: null, stdout: '', stderr: '' });
    }
    expect(listFiles(dir)).toEqual(['elsewhere/b.txt', 'pages/a.clean.txt', 'pages/a.txt']);
    // Named, a link is followed like any file argument.
    expect(runCli(['pages/link-to-page.txt'], dir).status).toBe(0);
    expect(read(dir, 'pages/link-to-page.clean.txt')).toBe(cleaned('the park'));
  });

  it('says why a file whose name is not valid UTF-8 cannot be opened, and what to do', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour') });
    // Node reads such a name with U+FFFD in place of its bad byte, and can then not open it.
    writeFileSync(Buffer.from(path.join(dir, 'pages/caf\xe9.txt'), 'latin1'), page('the park'));
    const run = runCli(['pages'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: "clean-news: 'pages/caf\uFFFD.txt': cannot open a file whose name is not valid UTF-8 (rename it)\n" });
    expect(read(dir, 'pages/a.clean.txt')).toBe(cleaned('the harbour'));
  });

  describe.skipIf(isRoot)('without permission (not as root, whom permissions do not stop)', () => {
    it('reports a file it may not read, and cleans the others', () => {
      const dir = tempDir({ 'secret.txt': page('the harbour'), 'b.txt': page('the park') });
      chmodSync(path.join(dir, 'secret.txt'), 0o000);
      expect(runCli(['secret.txt', 'b.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: secret.txt: permission denied\n' });
      expect(listFiles(dir)).toEqual(['b.clean.txt', 'b.txt', 'secret.txt']);
    });

    it('reports a directory it may not list below a directory or glob argument, and cleans the rest of the tree', () => {
      const dir = tempDir({ 'pages/a/p.txt': page('the harbour'), 'pages/locked/q.txt': page('the park'), 'pages/z/r.txt': page('the bridge') });
      chmodSync(path.join(dir, 'pages/locked'), 0o000);
      try {
        for (const args of [['pages'], ['pages/**/*.txt']]) {
          const run = runCli(args, dir);
          expect(run, args[0]).toEqual({ status: 1, stdout: '', stderr: 'clean-news: pages/locked: cannot list files: permission denied\n' });
        }
        expect(read(dir, 'pages/a/p.clean.txt')).toBe(cleaned('the harbour'));
        expect(read(dir, 'pages/z/r.clean.txt')).toBe(cleaned('the bridge'));
      } finally {
        chmodSync(path.join(dir, 'pages/locked'), 0o755);
      }
    });

    it('reports a directory it may not write in', () => {
      const dir = tempDir({ 'ro/a.txt': page('the harbour'), 'b.txt': page('the park') });
      chmodSync(path.join(dir, 'ro'), 0o555);
      try {
        const run = runCli(['ro/a.txt', 'b.txt'], dir);
        expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: ro/a.txt: cannot write ro/a.clean.txt: permission denied\n' });
        expect(read(dir, 'b.clean.txt')).toBe(cleaned('the park'));
      } finally {
        chmodSync(path.join(dir, 'ro'), 0o755);
      }
    });
  });
});

describe('output locations that cannot be written', () => {
  it('reports an --out-dir that is a file, or under one, as not a directory, and leaves that file alone', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), plain: 'not a directory\n' });
    expect(runCli(['--out-dir', 'a.txt', 'a.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: a.txt: cannot write a.txt/a.clean.txt: not a directory\n' });
    expect(runCli(['--out-dir', 'plain/out', 'a.txt'], dir)).toEqual({ status: 1, stdout: '', stderr: 'clean-news: a.txt: cannot write plain/out/a.clean.txt: not a directory\n' });
    expect(listFiles(dir)).toEqual(['a.txt', 'plain']);
    expect(read(dir, 'a.txt')).toBe(page('the harbour'));
  });

  it('fails only the inputs whose place under --out-dir is blocked by a file', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'pages/sub/b.txt': page('the park'), 'out/sub': 'in the way\n' });
    const run = runCliWithSummary(['--out-dir', 'out', 'pages'], dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^clean-news: pages\/sub\/b\.txt: cannot write out\/sub\/b\.clean\.txt: not a directory\nclean-news: 1 cleaned, 1 failed, /);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.clean.txt', 'sub']);
  });
});

describe('names with spaces and non-ASCII characters', () => {
  const names = ['my page.txt', 'café – 東京.txt', "it's \"quoted\".txt", 'Ünïcödé/ñ.txt', '-dash.txt'];
  const files = Object.fromEntries(names.map((name, i) => [name, page(`district ${i}`)]));

  it('reads and writes them through a directory, a glob, and by name', () => {
    for (const args of [['.'], ['**/*.txt'], ['--', ...names]]) {
      const dir = tempDir(files);
      expect(runCli(args, dir), args[0]).toEqual({ status: 0, stdout: '', stderr: '' });
      names.forEach((name, i) => expect(read(dir, name.replace(/\.txt$/, '.clean.txt'))).toBe(cleaned(`district ${i}`)));
    }
  });

  it('keeps the exact name in the JSON record', () => {
    const dir = tempDir(files);
    const run = runCli(['--stdout', '--format', 'json', '.'], dir);
    const inputs = run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { input: string }).input);
    expect(inputs.sort()).toEqual([...names].sort());
  });

  it('quotes them in messages, a newline included, so each message stays one line', () => {
    const dir = tempDir();
    const run = runCli(['--', 'no such.txt', 'café.txt', 'two\nlines.txt'], dir);
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        "clean-news: 'no such.txt': no such file or directory\n",
        "clean-news: 'café.txt': no such file or directory\n",
        "clean-news: $'two\\nlines.txt': no such file or directory\n",
      ].join(''),
    });
  });
});

describe('inputs are never written to or replaced', () => {
  /** What must not change about an input file. */
  const identity = (file: string): { content: string; ino: number; size: number; mtimeMs: number; mode: number } => {
    const stats = statSync(file);
    return { content: readFileSync(file, 'latin1'), ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, mode: stats.mode };
  };

  it('leaves a read-only input as it was (content, inode, time, mode), whatever the output', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'old.txt': Buffer.from('caf\xe9 page\n', 'latin1') });
    for (const file of ['a.txt', 'old.txt']) chmodSync(path.join(dir, file), 0o444);
    const before = ['a.txt', 'old.txt'].map((file) => identity(path.join(dir, file)));
    for (const args of [['a.txt', 'old.txt'], ['--format', 'json', '.'], ['--stdout', '.'], ['--explain', '.'], ['--out-dir', '.', '.'], ['check', '--update', '.']]) {
      expect(runCli(['-q', ...args], dir).status, args.join(' ')).toBe(0);
    }
    expect(['a.txt', 'old.txt'].map((file) => identity(path.join(dir, file)))).toEqual(before);
  });

  it('replaces a symbolic link standing at the output path, never the input it points to', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    symlinkSync('b.txt', path.join(dir, 'a.clean.txt'));
    expect(runCli(['a.txt', 'b.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(lstatSync(path.join(dir, 'a.clean.txt')).isSymbolicLink()).toBe(false);
    expect(read(dir, 'a.clean.txt')).toBe(cleaned('the harbour'));
    expect(read(dir, 'b.txt')).toBe(page('the park'));
    expect(read(dir, 'b.clean.txt')).toBe(cleaned('the park'));
  });

  it('replaces a hard link standing at the output path, never the input file it shares', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    linkSync(path.join(dir, 'b.txt'), path.join(dir, 'a.clean.txt'));
    const input = statSync(path.join(dir, 'b.txt'));
    expect(runCli(['a.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(read(dir, 'a.clean.txt')).toBe(cleaned('the harbour'));
    expect(statSync(path.join(dir, 'a.clean.txt')).ino).not.toBe(input.ino);
    expect(statSync(path.join(dir, 'b.txt'))).toMatchObject({ ino: input.ino, mtimeMs: input.mtimeMs, nlink: 1 });
    expect(read(dir, 'b.txt')).toBe(page('the park'));
  });

  it('does not take a link to an output as an input, so writing that output never changes an input mid-run', () => {
    // Were in/b.txt an input, its text would be replaced when out/a.clean.txt is written.
    const dir = tempDir({ 'in/a.txt': page('the harbour'), 'in/c.txt': page('the bridge'), 'out/a.clean.txt': page('the park') });
    symlinkSync('../out/a.clean.txt', path.join(dir, 'in/b.txt'));
    const run = runCliWithSummary(['--out-dir', 'out', 'in/b.txt', 'in'], dir, NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^clean-news: 2 cleaned, 0 failed, 1 skipped \(own outputs\);/);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.clean.txt', 'c.clean.txt']);
    expect(read(dir, 'out/a.clean.txt')).toBe(cleaned('the harbour'));
  });

  it('writes beside the inputs with --out-dir set to their own directory, and never feeds on its outputs', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'pages/sub/b.txt': page('the park') });
    // Run twice each: the outputs now inside the input directory are skipped, not cleaned into new outputs.
    for (const [outDir, outputs] of [['pages', 2], ['pages/clean', 4]] as const) {
      expect(runCli(['--out-dir', outDir, 'pages'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
      const again = runCliWithSummary(['--out-dir', outDir, 'pages'], dir, NO_COLOR);
      expect(again.stderr, outDir).toMatch(new RegExp(`^clean-news: 2 cleaned, 0 failed, ${outputs} skipped \\(own outputs\\);`));
    }
    expect(listFiles(path.join(dir, 'pages'))).toEqual(['a.clean.txt', 'a.txt', 'clean/a.clean.txt', 'clean/sub/b.clean.txt', 'sub/b.clean.txt', 'sub/b.txt']);
    expect(read(dir, 'pages/a.txt')).toBe(page('the harbour'));
    expect(read(dir, 'pages/clean/sub/b.clean.txt')).toBe(cleaned('the park'));
  });
});
