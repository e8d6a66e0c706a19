/** Bad input, edge content: empty pages, pages with nothing or only chrome, huge and repetitive pages. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean, toRecord } from '../src/index.js';
import { listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';
import { NO_CHROME } from './pages.js';

afterEach(removeTempDirs);

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

interface Removal {
  rule: string;
  line: number;
  text: string;
}

/** The JSON Lines that `--stdout --format json` printed. */
const records = (stdout: string): Array<{ input: string; text: string; paragraphs: string[]; removed: Removal[] }> =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { input: string; text: string; paragraphs: string[]; removed: Removal[] });

describe('empty and blank pages', () => {
  const blank = {
    'empty.txt': '',
    'spaces.txt': '   \t  ',
    'newlines.txt': '\n\n\n',
    'crlf.txt': '\r\n\r\n',
    'bom-only.txt': new Uint8Array([0xef, 0xbb, 0xbf]),
    'unicode-spaces.txt': '\u00a0 \u2003\n\u3000\n',
  };

  it('writes an empty output for each, with status 0 and no message', () => {
    const dir = tempDir(blank);
    expect(runCli(['.'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    for (const name of Object.keys(blank)) expect(read(dir, name.replace(/\.txt$/, '.clean.txt')), name).toBe('');
  });

  it('gives a JSON record with no title, no paragraphs, empty text and nothing removed', () => {
    const dir = tempDir(blank);
    const run = runCli(['--stdout', '--format', 'json', '.'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const printed = records(run.stdout);
    expect(printed.map((record) => record.input).sort()).toEqual(Object.keys(blank).sort());
    for (const record of printed) expect(record).toEqual(toRecord(clean(''), record.input));
  });
});

describe('a page with no chrome', () => {
  it('comes out unchanged when it is already in the output format: title, blank line, one paragraph per line', () => {
    const dir = tempDir({ 'a.txt': NO_CHROME });
    expect(runCli(['a.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(read(dir, 'a.clean.txt')).toBe(NO_CHROME);
  });

  it('keeps every word of other layouts, changing only the layout into the output format', () => {
    const [title = '', , first = '', second = ''] = NO_CHROME.split('\n');
    const layouts = {
      'no-blank.txt': [title, first, second].join('\n'),
      'spaced.txt': `\n\n${title}\n\n\n\n${first}\n\n${second}\n\n\n`,
      'indented.txt': `   ${title}   \n\n\t${first}  \n  ${second}\n`,
    };
    const dir = tempDir(layouts);
    const run = runCli(['--stdout', '--format', 'json', '.'], dir);
    expect(run.status).toBe(0);
    for (const record of records(run.stdout)) {
      expect(record.text, record.input).toBe(NO_CHROME);
      expect(record.removed, record.input).toEqual([]);
    }
  });
});

describe('a page made only of chrome', () => {
  const chrome = [
    'logo',
    'Connect with us',
    'Advertisement',
    'Try Our AI Features',
    'DOWNLOAD THE APP',
    'Comments',
    'No comments yet...',
    'Related Articles',
    'Copyright © All rights reserved.',
    '',
  ].join('\n');

  it('gives an empty body and reports every line it removed, with its rule, in `removed`', () => {
    const dir = tempDir({ 'chrome.txt': chrome });
    expect(runCli(['chrome.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(read(dir, 'chrome.clean.txt')).toBe('');
    const [record] = records(runCli(['--stdout', '--format', 'json', 'chrome.txt'], dir).stdout);
    expect(record?.paragraphs).toEqual([]);
    const lines = chrome.split('\n');
    expect(record?.removed.map((removal) => removal.line)).toEqual(lines.flatMap((line, i) => (line === '' ? [] : [i + 1])));
    for (const removal of record?.removed ?? []) expect(removal.text).toBe(lines[removal.line - 1]);
  });

  it('is a failure under --max-removed, with nothing written', () => {
    const dir = tempDir({ 'chrome.txt': chrome });
    const run = runCli(['--max-removed', '0.9', 'chrome.txt'], dir);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'clean-news: chrome.txt: cleaning would remove 100% of the text, over --max-removed 0.9 (not written)\n' });
    expect(listFiles(dir)).toEqual(['chrome.txt']);
  });
});

// 20 MB: large enough that anything worse than linear in a line's length would show, small enough for CI.
describe('a 20 MB page on a single line', () => {
  it('is cleaned to completion with nothing lost', { timeout: 600_000 }, () => {
    const sentence = 'The council met on Monday to discuss the budget, and members spoke for hours about it. ';
    const line = sentence.repeat(Math.ceil(20_000_000 / sentence.length)).trimEnd();
    const dir = tempDir({ 'big.txt': line });
    expect(runCli(['big.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(statSync(path.join(dir, 'big.clean.txt')).size).toBe(line.length + 1);
    expect(read(dir, 'big.clean.txt') === `${line}\n`).toBe(true);
  });
});

describe('thousands of repeated chrome lines', () => {
  const article = page('the harbour');
  const lines = article.split('\n');
  const body = 5; // lines[5] and lines[6] are the two paragraphs; the comment widget follows.
  const repeat = (count: number, block: readonly string[]): string[] => Array.from({ length: count }, () => block).flat();

  it('removes 3,000 lines of header chrome above the headline and keeps the article', () => {
    const dir = tempDir({ 'a.txt': [...repeat(1000, ['logo', 'Connect with us', 'Top Stories']), ...lines].join('\n') });
    const [record] = records(runCli(['--stdout', '--format', 'json', 'a.txt'], dir).stdout);
    expect(record?.text).toBe(clean(article).text);
    expect(record?.removed.length).toBeGreaterThanOrEqual(3000);
  });

  it('removes 12,000 lines of widgets after the article and keeps the article', () => {
    const tail = repeat(3000, ['Comments', 'No comments yet...', 'logo', 'Related Articles']);
    const dir = tempDir({ 'a.txt': [...lines.slice(0, body + 2), ...tail].join('\n') });
    const [record] = records(runCli(['--stdout', '--format', 'json', 'a.txt'], dir).stdout);
    expect(record?.text).toBe(clean(article).text);
    expect(record?.removed.length).toBeGreaterThanOrEqual(12_000);
  });

  it('keeps 2,000 paragraphs each followed by an Advertisement line, and removes the 2,000 ads', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `The council met on Monday to discuss item ${i} of the budget, and members spoke for hours about it.`);
    const dir = tempDir({ 'a.txt': [...lines.slice(0, body), ...paragraphs.flatMap((paragraph) => [paragraph, 'Advertisement'])].join('\n') });
    const [record] = records(runCli(['--stdout', '--format', 'json', 'a.txt'], dir).stdout);
    expect(record?.paragraphs).toEqual(paragraphs);
    expect(record?.removed.filter((removal) => removal.rule === 'generic/advertisement-line')).toHaveLength(2000);
  });

  // A run of rule-removed lines weighs against the main run of text only once, so however long
  // it is, it cannot cut off the article after it.
  it('keeps a paragraph that 20 Advertisement lines in a row separate from the first one', () => {
    const dir = tempDir({ 'a.txt': [...lines.slice(0, body + 1), ...repeat(20, ['Advertisement']), ...lines.slice(body + 1)].join('\n') });
    const [record] = records(runCli(['--stdout', '--format', 'json', 'a.txt'], dir).stdout);
    expect(record?.text).toBe(clean(article).text);
  });
});
