/**
 * --jobs: worker threads change how fast a batch runs, never what it does. The same batch run
 * with 1 and with 2 jobs (and with the default, one thread for fewer than 400 files) gives the
 * same files byte for byte, the same stdout in input order, the same stderr and exit status.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALMOST_ALL_CHROME } from './pages.js';
import { listFiles, NO_COLOR, page, removeTempDirs, runCliWithSummary, tempDir, type CliRun } from './cli-helpers.js';

afterEach(removeTempDirs);

/** 40 pages, and inputs that fail or warn in every way a batch meets, spread among them. */
function mixedBatch(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (let n = 0; n < 40; n++) files[`pages/p${String(n).padStart(2, '0')}.txt`] = page(`district ${n}`, n % 3 === 0 ? `District ${n} gets a new library. Advertisement The doors open in May.` : '');
  files['pages/p05-binary.txt'] = new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]);
  files['pages/p12-cp1252.txt'] = Buffer.from(page('the caf\xe9 terrace'), 'latin1');
  files['pages/p20-chrome.txt'] = ALMOST_ALL_CHROME;
  files['pages/sub/p30.txt'] = page('a second p30 that maps to the same output under --out-dir');
  files['other/p30.txt'] = page('the one p30 that keeps its output');
  return files;
}

/** Runs the CLI in a fresh copy of `files`, returning the run and every file left, with contents. */
function runIn(files: Record<string, string | Uint8Array>, args: readonly string[]): { run: CliRun; outputs: Record<string, string> } {
  const dir = tempDir(files);
  const run = runCliWithSummary(args, dir, NO_COLOR);
  const outputs = Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'latin1')]));
  return { run, outputs };
}

describe('--jobs', () => {
  it('writes the same files and prints the same messages, summary and status with 1, 2 and the default jobs', () => {
    const args = ['--max-removed', '0.5', 'pages', 'missing.txt', 'nothing-*.txt'];
    const one = runIn(mixedBatch(), ['--jobs', '1', ...args]);
    expect(one.run.status).toBe(1);
    expect(one.run.stderr).toContain('clean-news: pages/p05-binary.txt: looks binary, skipped\n');
    expect(one.run.stderr).toContain('clean-news: pages/p12-cp1252.txt: not valid UTF-8, decoded as Windows-1252\n');
    expect(one.run.stderr).toMatch(/clean-news: pages\/p20-chrome\.txt: cleaning would remove \d+% of the text, over --max-removed 0\.5 \(not written\)\n/);
    expect(one.run.stderr).toContain('clean-news: missing.txt: no such file or directory\n');
    expect(one.run.stderr).toMatch(/clean-news: 42 cleaned, 4 failed, 0 skipped/);
    expect(Object.keys(one.outputs).filter((file) => file.endsWith('.clean.txt'))).toHaveLength(42);
    expect(runIn(mixedBatch(), ['--jobs', '2', ...args])).toEqual(one);
    expect(runIn(mixedBatch(), args)).toEqual(one);
  });

  it('fails the second input that maps to a taken output, the same with any number of jobs', () => {
    const args = ['--out-dir', 'out', 'pages/sub', 'other', 'pages'];
    const one = runIn(mixedBatch(), ['--jobs', '1', ...args]);
    expect(one.run.stderr).toContain('clean-news: other/p30.txt: output out/p30.clean.txt is also the output of pages/sub/p30.txt, not overwritten\n');
    expect(runIn(mixedBatch(), ['--jobs', '2', ...args])).toEqual(one);
  });

  const printing = [['--stdout'], ['--stdout', '--format', 'json'], ['--explain'], ['--explain', '--format', 'json'], ['--stdout', '--stats']];
  it.each(printing.map((options) => [options.join(' '), options] as const))('prints the same with %s', (_name, options) => {
    const args = [...options, 'pages', 'missing.txt'];
    const one = runIn(mixedBatch(), ['--jobs', '1', ...args]);
    expect(one.run.stdout).not.toBe('');
    expect(runIn(mixedBatch(), ['--jobs', '2', ...args])).toEqual(one);
  });

  it('prints results in input order', () => {
    const json = runIn(mixedBatch(), ['--jobs', '2', '--stdout', '--format', 'json', 'pages']);
    const inputs = json.run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { input: string }).input);
    expect(inputs).toEqual([...inputs].sort());
    // Every page but the binary one.
    expect(inputs).toHaveLength(43);
  });

  it('loads the configuration and rule files in every worker thread', () => {
    const files = {
      ...mixedBatch(),
      'clean-news.config.json': JSON.stringify({ ruleFiles: ['site.json'], rules: { 'generic/comment-widget': 'off' } }),
      'site.json': JSON.stringify({ rules: [{ id: 'site/by-ana', kind: 'line', description: 'The byline of the test pages.', lines: ['By Ana Ruiz'] }] }),
      'more.json': JSON.stringify({ rules: [{ id: 'more/no-comments', kind: 'line', description: 'The empty comment widget.', lines: ['No comments yet...'] }] }),
    };
    const args = ['--stdout', '--format', 'json', '--rules', 'more.json', 'pages'];
    const one = runIn(files, ['--jobs', '1', ...args]);
    const rules = one.run.stdout.trimEnd().split('\n').flatMap((line) => (JSON.parse(line) as { removed: { rule: string }[] }).removed.map((removal) => removal.rule));
    expect(rules).toContain('site/by-ana');
    expect(rules).toContain('more/no-comments');
    expect(rules).not.toContain('generic/comment-widget');
    expect(runIn(files, ['--jobs', '2', ...args])).toEqual(one);
  });

  it('takes a whole number of at least 1', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const run = runCliWithSummary(['--jobs', jobs, 'a.txt'], dir, NO_COLOR);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^clean-news: option '--jobs <n>' argument '.*' is invalid\. Expected a whole number of at least 1\./);
    }
    expect(runCliWithSummary(['--jobs', '8', 'a.txt'], dir, NO_COLOR)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'a.clean.txt'), 'utf8')).toContain('Council approves new plan for the harbour');
  });
});
