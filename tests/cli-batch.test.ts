import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { ANSI, CLI, NO_COLOR, page, removeTempDirs, runCliWithSummary, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const pages = {
  'a.txt': page('the harbour'),
  'b.txt': page('the park', 'The council met on Monday. Advertisement The vote passed easily, and the park plan now goes ahead as drawn.'),
  'c.txt': page('the bridge'),
};

const number = (n: number): string => n.toLocaleString('en-US');
const chars = (text: string): number => [...text].length;

/** The summary the CLI should print for `texts`, computed with the library. */
function summaryFor(texts: readonly string[], failed: number, skipped: number): string {
  const byRule = new Map<string, number>();
  let charsIn = 0;
  let charsOut = 0;
  for (const text of texts) {
    const result = clean(text);
    charsIn += chars(text);
    charsOut += chars(result.text);
    for (const { rule } of result.removed) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const top = [...byRule]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .slice(0, 3)
    .map(([rule, count]) => `${rule} ${count}`);
  return (
    `clean-news: ${texts.length} cleaned, ${failed} failed, ${skipped} skipped (own outputs); ${number(charsIn)} characters in, ${number(charsOut)} out\n` +
    `clean-news: top rules: ${top.join(', ')}\n`
  );
}

describe('the batch summary', () => {
  it('ends a run of several inputs on stderr: cleaned, failed, skipped, characters, top rules', () => {
    const dir = tempDir({ ...pages, 'a.clean.txt': 'an old output\n' });
    const run = runCliWithSummary(['.', 'missing.txt'], dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`clean-news: missing.txt: no such file or directory\n${summaryFor(Object.values(pages), 1, 1)}`);
  });

  it('comes after the printed results, on stderr only', () => {
    const dir = tempDir(pages);
    const run = runCliWithSummary(['--stdout', 'a.txt', 'b.txt'], dir, NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('cleaned');
    expect(run.stderr).toBe(summaryFor([pages['a.txt'], pages['b.txt']], 0, 0));
  });

  it('warns, naming the rule, when one rule alone takes most of the text of most pages, and not for the fixture batch', () => {
    const rule = { id: 'mysite/everything', kind: 'pattern', description: 'A pattern that matches every line.', pattern: '.*' };
    const dir = tempDir({ ...pages, 'bad.json': JSON.stringify({ rules: [rule] }) });
    const run = runCliWithSummary(['--rules', 'bad.json', 'a.txt', 'b.txt', 'c.txt'], dir, NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^clean-news: warning: mysite\/everything alone removed most of the text of 3 of 3 pages: is it right\? \(--explain shows what it removes\)$/m);
    // Quiet asks for no warnings, and one page is no batch.
    expect(runCliWithSummary(['--rules', 'bad.json', '-q', 'a.txt', 'b.txt'], dir, NO_COLOR).stderr).toBe('');
    const fixtures = runCliWithSummary(['--stdout', 'aggregator', 'seeds', 'layouts', 'chrome-free'], path.join(import.meta.dirname, '..', 'fixtures'), NO_COLOR);
    expect(fixtures.status).toBe(0);
    expect(fixtures.stderr).not.toMatch(/warning/);
  });

  it('is not printed with --quiet, nor for a single input', () => {
    const dir = tempDir(pages);
    expect(runCliWithSummary(['--quiet', '.'], dir, NO_COLOR)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCliWithSummary(['a.txt'], dir, NO_COLOR)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('is printed into a pipe too, where logs keep it', () => {
    const dir = tempDir(pages);
    const run = runCliWithSummary(['.'], dir, NO_COLOR);
    expect(run.stderr).toMatch(/^clean-news: \d+ cleaned, 0 failed/);
  });

  it('never draws a progress bar when stderr is not a terminal, however many inputs', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}.txt`, page(`district ${i}`)]));
    const dir = tempDir(many);
    const run = runCliWithSummary(['.'], dir, { FORCE_COLOR: '1' });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toMatch(ANSI);
    expect(run.stderr).not.toContain('[=');
    expect(run.stderr).toMatch(/^clean-news: 12 cleaned, 0 failed, 0 skipped/);
  });
});

/** `script` (util-linux) runs the CLI on a pseudo-terminal: stdout and stderr both go to it. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function runOnTerminal(args: readonly string[], cwd: string): { status: number | null; screen: string } {
  const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...NO_COLOR, COLUMNS: '100' } });
  return { status: run.status, screen: run.stdout };
}

describe.skipIf(!hasScript)('on a terminal', () => {
  const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}.txt`, page(`district ${i}`)]));

  it('draws a progress bar on one line with \\r while a batch of more than 5 runs, clears it, then prints the summary', () => {
    const dir = tempDir(many);
    const { status, screen } = runOnTerminal(['.'], dir);
    expect(status).toBe(0);
    expect(screen).toMatch(/\r\[[=> ]{24}\] +\d\/8 {2}p\d\.txt\x1b\[K/);
    expect(screen).toContain('\r\x1b[Kclean-news: 8 cleaned, 0 failed, 0 skipped (own outputs);');
    expect(screen).toMatch(/clean-news: top rules: .*\r?\n$/);
  });

  it('shows no bar for 5 inputs or fewer, but still the summary', () => {
    const dir = tempDir(pages);
    const { status, screen } = runOnTerminal(['.'], dir);
    expect(status).toBe(0);
    expect(screen).not.toContain('[=');
    expect(screen).not.toContain('[>');
    expect(screen).toMatch(/^clean-news: 3 cleaned, 0 failed, 0 skipped/);
  });

  it('shows neither bar nor summary with --quiet', () => {
    const dir = tempDir(many);
    expect(runOnTerminal(['--quiet', '.'], dir)).toEqual({ status: 0, screen: '' });
  });
});
