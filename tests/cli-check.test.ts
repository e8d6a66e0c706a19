import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterEach, describe, expect, it } from 'vitest';
import { clean, toRecord } from '../src/index.js';
import { ANSI, listFiles, NO_COLOR, page, removeTempDirs, runCliEnv, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const root = path.resolve(import.meta.dirname, '..');
const harbour = page('the harbour');
const park = page('the park');

const expectedText = (text: string): string => clean(text).text;
const expectedJson = (text: string, input: string): string => `${JSON.stringify(toRecord(clean(text), input), null, 2)}\n`;

/** Two pages with their reviewed outputs: a.txt with text and JSON, b.txt with text only. */
function reviewed(): string {
  return tempDir({
    'pages/a.txt': harbour,
    'pages/a.clean.txt': expectedText(harbour),
    'pages/a.clean.json': expectedJson(harbour, 'a.txt'),
    'pages/b.txt': park,
    'pages/b.clean.txt': expectedText(park),
  });
}

const check = (args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = NO_COLOR) => runCliEnv(['check', ...args], cwd, env);

describe('clean-news check', () => {
  it('passes when every expected file matches: status 0, the summary line alone on stdout, nothing written', () => {
    const dir = reviewed();
    const before = listFiles(dir);
    expect(check(['pages'], dir)).toEqual({ status: 0, stdout: '2 checked, 0 differ, 0 without expected output\n', stderr: '' });
    expect(listFiles(dir)).toEqual(before);
  });

  it('fails on an expected file one character off, showing the changed line as - and +; --update fixes it, leaving the input alone', () => {
    const dir = reviewed();
    const expectedPath = path.join(dir, 'pages/b.clean.txt');
    const good = readFileSync(expectedPath, 'utf8');
    const bodyLine = good.split('\n')[2] ?? '';
    expect(bodyLine).toContain('The city council voted');
    const edited = bodyLine.replace('voted', 'vited');
    writeFileSync(expectedPath, good.replace(bodyLine, edited));
    const inputBefore = readFileSync(path.join(dir, 'pages/b.txt'));

    const failing = check(['pages'], dir);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toBe('');
    expect(failing.stdout).toContain('--- expected pages/b.clean.txt\n+++ actual\n@@ ');
    expect(failing.stdout).toContain(`\n-${edited}\n+${bodyLine}\n`);
    expect(failing.stdout).not.toContain('a.clean');
    expect(failing.stdout.endsWith('2 checked, 1 differ, 0 without expected output\n')).toBe(true);
    expect(failing.stdout).not.toMatch(ANSI);

    const update = check(['--update', 'pages'], dir);
    expect(update.status).toBe(0);
    expect(update.stdout.endsWith('2 checked, 1 differ, 1 file updated, 0 without expected output\n')).toBe(true);
    expect(readFileSync(expectedPath, 'utf8')).toBe(good);
    expect(readFileSync(path.join(dir, 'pages/b.txt'))).toEqual(inputBefore);
    expect(listFiles(dir)).toEqual(['pages/a.clean.json', 'pages/a.clean.txt', 'pages/a.txt', 'pages/b.clean.txt', 'pages/b.txt']);

    expect(check(['pages'], dir)).toEqual({ status: 0, stdout: '2 checked, 0 differ, 0 without expected output\n', stderr: '' });
  });

  it('compares the JSON output byte for byte, with the input path from the expected file, whatever the spelling of the argument', () => {
    const dir = reviewed();
    for (const argument of ['./pages/a.txt', 'pages/a.txt', path.join(dir, 'pages/a.txt')]) {
      expect(check([argument], dir).stdout, argument).toBe('1 checked, 0 differ, 0 without expected output\n');
    }
    // An expected file that names the input as the arguments gave it differs in that field alone.
    writeFileSync(path.join(dir, 'pages/a.clean.json'), expectedJson(harbour, 'pages/a.txt'));
    const run = check(['pages/a.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- expected pages/a.clean.json\n+++ actual\n');
    expect(run.stdout).toContain('\n-  "input": "pages/a.txt",\n+  "input": "a.txt",\n');
    expect(run.stdout).not.toContain('a.clean.txt');
    expect(run.stdout.endsWith('1 checked, 1 differ, 0 without expected output\n')).toBe(true);
  });

  it('passes on what the main command just wrote, whatever the directory either runs in and with --out-dir', () => {
    const dir = tempDir({ 'site/pages/a.txt': harbour, 'site/pages/deep/b.txt': park });
    const site = path.join(dir, 'site');
    const pages = path.join(site, 'pages');
    for (const [writeIn, written, checkIn, checked] of [
      [site, 'pages/', site, 'pages/'],
      [site, 'pages/', pages, '.'],
      [pages, '.', dir, 'site/pages'],
      [dir, path.join(pages, 'deep', 'b.txt'), site, 'pages/deep/b.txt'],
    ] as const) {
      expect(runCliEnv(['--format', 'json', '--quiet', written], writeIn, NO_COLOR).status).toBe(0);
      expect(check([checked], checkIn)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+ checked, 0 differ, 0 without expected output\n$/) });
    }
    const record = JSON.parse(readFileSync(path.join(pages, 'deep', 'b.clean.json'), 'utf8')) as { input: string };
    expect(record.input).toBe('b.txt');
    expect(runCliEnv(['--format', 'json', '--quiet', '--out-dir', 'clean', 'pages/'], site, NO_COLOR).status).toBe(0);
    expect((JSON.parse(readFileSync(path.join(site, 'clean', 'deep', 'b.clean.json'), 'utf8')) as { input: string }).input).toBe('../../pages/deep/b.txt');
    expect(check(['--out-dir', '../clean', '.'], pages)).toMatchObject({ status: 0 });
  });

  it('counts inputs without any expected output, gold files among them, and writes nothing for them, even with --update', () => {
    const dir = reviewed();
    writeFileSync(path.join(dir, 'pages/new.txt'), page('the bridge'));
    writeFileSync(path.join(dir, 'pages/a.gold.txt'), 'Council approves new plan for the harbour\n');
    const before = listFiles(dir);
    expect(check(['pages'], dir)).toEqual({ status: 0, stdout: '2 checked, 0 differ, 2 without expected output\n', stderr: '' });
    expect(check(['--update', 'pages'], dir)).toEqual({ status: 0, stdout: '2 checked, 0 differ, 0 files updated, 2 without expected output\n', stderr: '' });
    expect(listFiles(dir)).toEqual(before);
  });

  it('finds the expected files under --out-dir, at the same paths the main command writes', () => {
    const dir = tempDir({ 'pages/sub/a.txt': harbour, 'out/sub/a.clean.txt': expectedText(harbour), 'pages/sub/a.clean.txt': 'stale\n' });
    expect(check(['--out-dir', 'out', 'pages'], dir)).toEqual({ status: 0, stdout: '1 checked, 0 differ, 0 without expected output\n', stderr: '' });
    expect(check(['pages'], dir).status).toBe(1);
  });

  it('fails, with the others still checked, when an input cannot be read', () => {
    const dir = reviewed();
    const run = check(['pages/a.txt', 'pages/gone.txt', 'pages/b.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '2 checked, 0 differ, 0 without expected output, 1 failed\n', stderr: 'clean-news: pages/gone.txt: no such file or directory\n' });
    const unmatched = check(['pages/*.html', 'pages'], dir);
    expect(unmatched).toEqual({ status: 1, stdout: '2 checked, 0 differ, 0 without expected output, 1 failed\n', stderr: "clean-news: 'pages/*.html': no files match\n" });
  });

  it('is a usage error with no paths, or with standard input', () => {
    const dir = reviewed();
    const none = check([], dir);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^clean-news: missing required argument 'paths'\nTry 'clean-news check --help'\.\n$/);
    const stdin = check(['-'], dir);
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/^clean-news: standard input has no expected output/);
  });

  it('colors the diff when FORCE_COLOR says so (green +, red -, cyan @@), and not under --no-color', () => {
    const dir = reviewed();
    writeFileSync(path.join(dir, 'pages/b.clean.txt'), 'Another title\n');
    const colored = check(['pages'], dir, { FORCE_COLOR: '1' });
    expect(colored.status).toBe(1);
    expect(colored.stdout).toContain('\x1b[32m+Council approves new plan for the park\x1b[39m');
    expect(colored.stdout).toContain('\x1b[31m-Another title\x1b[39m');
    expect(colored.stdout).toMatch(/\x1b\[36m@@ [^\n]*@@\x1b\[39m/);
    const plain = check(['--no-color', 'pages'], dir, { FORCE_COLOR: '1' });
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toContain('\n+Council approves new plan for the park\n');
    expect(plain.stdout).toBe(colored.stdout.replaceAll(new RegExp(ANSI.source, 'g'), ''));
    // Before the subcommand, as a flag of the main command, it counts too.
    expect(runCliEnv(['--no-color', 'check', 'pages'], dir, { FORCE_COLOR: '1' }).stdout).toBe(plain.stdout);
  });
});

describe('check on the repository fixtures (what CI runs)', () => {
  it('passes, counting the gold files as without expected output', () => {
    const run = runCliEnv(['check', 'fixtures/'], root, NO_COLOR);
    const pages = fg.sync('fixtures/**/*.txt', { cwd: root, ignore: ['**/*.clean.txt'] });
    const gold = pages.filter((file) => file.endsWith('.gold.txt')).length;
    const withExpected = pages.length - gold;
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${withExpected} checked, 0 differ, ${gold} without expected output\n`);
    expect(run.status).toBe(0);
    expect(gold).toBeGreaterThan(0);
  });

  it('is what `npm run check` and .ci/run run, after the tests', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.check).toBe('node bin/clean-news.cjs check fixtures/');
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8').split('\n');
    const at = (command: string): number => ci.findIndex((line) => line.trim() === command);
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm test')).toBeGreaterThan(at('npm ci'));
    expect(at('node bin/clean-news.cjs check fixtures/')).toBeGreaterThan(at('npm test'));
  });
});
