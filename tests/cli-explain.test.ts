import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { ANSI, listFiles, NO_COLOR, page, removeTempDirs, runCliEnv, runUntilReaderLeaves, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const root = path.resolve(import.meta.dirname, '..');
const seeds = fg.sync('fixtures/seeds/*.txt', { cwd: root, ignore: ['**/*.clean.txt'] }).sort();
const ANSI_ALL = new RegExp(ANSI.source, 'g');

const explain = (args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = NO_COLOR) => runCliEnv(['--explain', ...args], cwd, env);

/** The input's lines as the engine numbers them. */
const inputLines = (text: string): string[] => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

describe('--explain on the seed pages', () => {
  it('has the five seeds to explain', () => {
    expect(seeds).toHaveLength(5);
  });

  describe.each(seeds)('%s', (seed) => {
    const text = readFileSync(path.join(root, seed), 'utf8');
    const result = clean(text);

    it('prints one line per input line, each removal marked with its rule id on its own line, the rest as it was', () => {
      const run = explain([seed], root);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(ANSI);
      const [head, ...shown] = run.stdout.split('\n').slice(0, -1);
      // The first line gives the page's kind and the confidence of its cleaning.
      expect(head).toBe(`# ${result.kind}, confidence ${result.confidence.toFixed(2)}`);
      const lines = inputLines(text);
      expect(shown).toHaveLength(lines.length);
      expect(result.removed.length).toBeGreaterThan(0);
      for (const removal of result.removed) {
        const line = shown[removal.line - 1] ?? '';
        if (removal.text === lines[removal.line - 1]?.trim()) {
          // A removed line: `- TEXT  [rule]` (or `[rule, other]` when two rules claim it).
          expect(line.startsWith(`- ${removal.text}  [`), line).toBe(true);
          expect(line.slice(removal.text.length + 5, -1).split(', '), line).toContain(removal.rule);
        } else {
          expect(line.startsWith('  '), line).toBe(true);
          expect(line, `line ${removal.line}`).toContain(`[-${removal.text}-]{${removal.rule}}`);
        }
      }
      const touched = new Set(result.removed.map((removal) => removal.line));
      lines.forEach((line, index) => {
        if (touched.has(index + 1)) return;
        expect(shown[index]).toBe(line.trim() === '' ? '' : `  ${line.trim()}`);
      });
    });

    it('with --format json prints exactly the removed array', () => {
      const run = explain(['--format', 'json', seed], root);
      expect(run.status).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      expect(JSON.parse(run.stdout)).toEqual(result.removed);
    });
  });
});

describe('--explain', () => {
  const cut = 'The council met on Monday. Advertisement The vote passed easily, and the harbour plan now goes ahead as drawn. Advertisement Work starts next year.';
  const withCuts = page('the harbour', cut);

  it('marks each phrase cut out of a kept line in place, as [-PHRASE-]{rule}', () => {
    const removed = clean(withCuts).removed.filter((removal) => removal.rule === 'generic/advertisement-inline');
    expect(removed).toHaveLength(2);
    const dir = tempDir({ 'a.txt': withCuts });
    const run = explain(['a.txt'], dir);
    expect(run.status).toBe(0);
    const marked = '[-Advertisement-]{generic/advertisement-inline}';
    expect(run.stdout.split('\n')).toContain(`  The council met on Monday. ${marked} The vote passed easily, and the harbour plan now goes ahead as drawn. ${marked} Work starts next year.`);
  });

  it('heads each of several pages `==> path <==` and writes no file', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the park') });
    const run = explain(['a.txt', 'b.txt'], dir);
    expect(run.status).toBe(0);
    const [first, second] = run.stdout.split('\n\n==> b.txt <==\n');
    expect(first).toMatch(/^==> a\.txt <==\n# article, confidence [01]\.\d\d\n {2}Council approves new plan for the harbour\n/);
    expect(second).toMatch(/^# article, confidence [01]\.\d\d\n {2}Council approves new plan for the park\n/);
    expect(listFiles(dir)).toEqual(['a.txt', 'b.txt']);
  });

  it('with --format json and several inputs prints JSON Lines of {input, kind, confidence, removed}', () => {
    const pages = { 'a.txt': page('the harbour'), 'b.txt': page('the park') };
    const dir = tempDir(pages);
    const run = explain(['--format', 'json', '.'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([
      { input: 'a.txt', kind: clean(pages['a.txt']).kind, confidence: clean(pages['a.txt']).confidence, removed: clean(pages['a.txt']).removed },
      { input: 'b.txt', kind: clean(pages['b.txt']).kind, confidence: clean(pages['b.txt']).confidence, removed: clean(pages['b.txt']).removed },
    ]);
  });

  it('explains standard input too', () => {
    const piped = runCliEnv(['--explain'], tempDir(), NO_COLOR, withCuts);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('- Coastal Herald2 days ago  [');
    expect(piped.stdout).toContain('[-Advertisement-]{generic/advertisement-inline}');
  });

  it('is a usage error with --out-dir, since it writes nothing', () => {
    const run = explain(['--out-dir', 'out', 'a.txt'], tempDir({ 'a.txt': page('the harbour') }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clean-news: .*--out-dir.*--explain/);
  });

  it('colors removals under FORCE_COLOR=1, the same characters as the plain form once the colors are stripped', () => {
    const dir = tempDir({ 'a.txt': withCuts });
    const colored = explain(['a.txt'], dir, { FORCE_COLOR: '1' });
    const plain = explain(['a.txt'], dir);
    expect(colored.stdout).toMatch(ANSI);
    expect(colored.stdout).toContain('\x1b[36m[generic/repeated-title]\x1b[39m');
    expect(colored.stdout).toContain('\x1b[31m[-\x1b[39m');
    expect(colored.stdout.replace(ANSI_ALL, '')).toBe(plain.stdout);
  });

  it('prints no colors under --no-color, even with FORCE_COLOR=1', () => {
    const dir = tempDir({ 'a.txt': withCuts });
    const run = explain(['--no-color', 'a.txt'], dir, { FORCE_COLOR: '1' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).toBe(explain(['a.txt'], dir).stdout);
  });

  it('ends quietly with status 0 when the reader closes the pipe early', async () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}.txt`, page(`district ${i}`).repeat(20)]));
    const dir = tempDir(many);
    const { received, stderr, status } = await runUntilReaderLeaves(['--explain', '.'], dir, { ...process.env, ...NO_COLOR });
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
