/** The conventions users of a CLI expect: lists of files, exclusions, switches on the command line, warnings instead of silence. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const WITH_AD = `${page('the harbour')}Advertisement\n`;

describe('CLI conventions', () => {
  it('--files-from FILE and --files-from - with -0 take the names as they are, globs and spaces included', () => {
    const dir = tempDir({ 'a b.txt': page('the harbour'), '[1].txt': page('the ferry'), '1.txt': page('the bridge'), 'list.txt': 'a b.txt\n[1].txt\n' });
    expect(runCli(['--files-from', 'list.txt'], dir)).toMatchObject({ status: 0 });
    expect(listFiles(dir)).toEqual(['1.txt', '[1].clean.txt', '[1].txt', 'a b.clean.txt', 'a b.txt', 'list.txt']);
    const dir2 = tempDir({ 'a b.txt': page('the harbour'), 'c.txt': page('the ferry') });
    expect(runCli(['--files-from', '-', '-0', '--stdout'], dir2, 'a b.txt\0c.txt\0')).toMatchObject({ status: 0, stdout: expect.stringContaining('==> c.txt <==') });
    expect(runCli(['--files-from', 'missing.txt'], dir2)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^clean-news: --files-from missing\.txt: /) });
    expect(runCli(['-0', 'c.txt'], dir2)).toMatchObject({ status: 2, stderr: expect.stringMatching(/-0 is for --files-from/) });
  });

  it('--exclude leaves out what a glob matches: by path with a slash, by name without', () => {
    const dir = tempDir({ 'pages/a.txt': page('the harbour'), 'pages/drafts/b.txt': page('the ferry'), 'pages/c.draft.txt': page('the bridge') });
    expect(runCli(['pages', '--exclude', 'pages/drafts/**', '--exclude', '*.draft.txt'], dir).status).toBe(0);
    expect(listFiles(path.join(dir, 'pages'))).toEqual(['a.clean.txt', 'a.txt', 'c.draft.txt', 'drafts/b.txt']);
  });

  it('--rule-off and --pack-off switch rules off, and name what does not exist', () => {
    const dir = tempDir({ 'a.txt': WITH_AD });
    const removed = (args: string[]) => (JSON.parse(runCli([...args, '--stdout', '--format', 'json', 'a.txt'], dir).stdout) as { removed: { rule: string }[] }).removed.map((removal) => removal.rule);
    expect(removed([])).toContain('generic/advertisement-line');
    // Repeatable: with the line rule off, the inline rule would cut the word instead.
    const ads = ['generic/advertisement-line', 'generic/advertisement-inline'];
    expect(removed(['--rule-off', ads[0] ?? '', '--rule-off', ads[1] ?? ''])).toEqual(removed([]).filter((rule) => !ads.includes(rule)));
    expect(removed(['--pack-off', 'generic']).filter((rule) => rule.startsWith('generic/'))).toEqual([]);
    expect(runCli(['--rule-off', 'generic/nope', 'a.txt'], dir)).toMatchObject({ status: 2, stderr: 'clean-news: --rule-off: unknown rule id "generic/nope" (see clean-news rules)\n' });
    expect(runCli(['--pack-off', 'nope', 'a.txt'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^clean-news: --pack-off: unknown pack "nope" \(packs: /) });
    expect(JSON.parse(runCli(['--rule-off', 'generic/advertisement-line', '--print-config'], dir).stdout)).toMatchObject({ disabled: ['generic/advertisement-line'] });
  });

  it('warns when standard input is a list of file names rather than a page', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the ferry') });
    expect(runCli([], dir, 'a.txt\nb.txt\n').stderr).toBe('clean-news: standard input: looks like a list of file names, not a page: to clean those files, use --files-from - (-0 for find -print0)\n');
    expect(runCli([], dir, page('the harbour')).stderr).toBe('');
  });

  it('warns, rather than saying nothing, when every input is an output of clean-news, and when learn has too few pages', () => {
    const dir = tempDir({ 'a.clean.txt': 'x\n', 'b.clean.json': '{}\n', 'p1.txt': page('the harbour'), 'p2.txt': page('the ferry') });
    expect(runCli(['a.clean.txt'], dir)).toMatchObject({ status: 0, stderr: 'clean-news: a.clean.txt: is clean-news output (*.clean.txt, *.clean.json), never cleaned again: nothing to do\n' });
    expect(runCli(['a.clean.txt', 'b.clean.json'], dir).stderr).toMatch(/^clean-news: 2 inputs: are all clean-news output/);
    const learn = runCli(['learn', 'p1.txt', 'p2.txt'], dir);
    expect(learn).toMatchObject({ status: 0, stderr: 'clean-news: learn: 2 pages read, but a line must recur in 3 to be proposed: give more pages of the site (or --min-pages)\n' });
  });

  it('makes --out-dir with standard input a usage error, not a flag silently ignored', () => {
    expect(runCli(['--out-dir', 'out'], tempDir(), page('the harbour'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/^clean-news: --out-dir writes files, and standard input is printed/) });
    expect(runCli(['--out-dir', 'out', '-'], tempDir(), page('the harbour')).status).toBe(2);
  });

  it('checks JSON expected files the same whatever the spelling of the path or the working directory', () => {
    const dir = tempDir({ 'site/pages/a.txt': WITH_AD });
    expect(runCli(['--format', 'json', 'site/pages/a.txt'], dir).status).toBe(0);
    expect(runCli(['check', 'site'], dir).stdout).toBe('1 checked, 0 differ, 0 without expected output\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'site/pages/a.clean.json'), 'utf8'))).toMatchObject({ input: 'a.txt' });
    for (const [cwd, argument] of [[dir, 'site'], [dir, './site/'], [dir, path.join(dir, 'site')], [path.join(dir, 'site'), '.'], [path.join(dir, 'site/pages'), 'a.txt']] as const) {
      expect(runCli(['check', argument], cwd).stdout, `${cwd} ${argument}`).toBe('1 checked, 0 differ, 0 without expected output\n');
    }
    mkdirSync(path.join(dir, 'expected'));
    writeFileSync(path.join(dir, 'expected', 'a.clean.json'), readFileSync(path.join(dir, 'site/pages/a.clean.json'), 'utf8').replace('"a.txt"', '"../site/pages/a.txt"'));
    expect(runCli(['check', '--out-dir', 'expected', 'site/pages'], dir).stdout).toBe('1 checked, 0 differ, 0 without expected output\n');
  });
});
