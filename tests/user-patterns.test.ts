import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readRuleFile } from '../src/config/rule-file.js';
import { createCleaner } from '../src/index.js';

/** Patterns that V8's backtracking engine takes from seconds to forever on, and that an older check let through. */
const HOSTILE = ['(a|a)*$', '(a|aa)*$', 'a*a*a*a*a*b', '.*.*.*.*.*x$', '(\\p{L}|\\p{Ll})+$', '^(.|\\s)*Advertisement$', '(a+)+$', '^Page( \\d+)?$'];

const LONG_LINES = ['a'.repeat(100_000), `${'a'.repeat(99_999)}!`, Array.from({ length: 20_000 }, () => 'word').join(' ').slice(0, 100_000)];

/** The built library, as a program gets it. */
const library = pathToFileURL(path.resolve('dist/bundle/index.js')).href;

/**
 * Runs every hostile pattern on every long line in a worker, loaded by the built library's loadRuleFile,
 * and returns which lines each matched. A hang shows as the worker not answering in time.
 */
function matchInWorker(patterns: readonly string[], lines: readonly string[], timeoutMs: number): Promise<boolean[][]> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.library).then(({ loadRuleFile }) => {
      const compiled = loadRuleFile(workerData.file);
      parentPort.postMessage(compiled.map((rule) => workerData.lines.map((line) => rule.pattern.test(line))));
    });`;
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-news-patterns-'));
  const file = path.join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify({ rules: patterns.map((pattern, index) => ({ id: `user/p${index}`, kind: 'pattern', description: 'x', pattern })) }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { library, file, lines } });
    const done = () => rmSync(dir, { recursive: true, force: true });
    const timer = setTimeout(() => {
      done();
      void worker.terminate();
      reject(new Error(`no answer in ${timeoutMs} ms: a pattern backtracks`));
    }, timeoutMs);
    worker.once('message', (answer: boolean[][]) => {
      done();
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', (error) => {
      done();
      clearTimeout(timer);
      reject(error);
    });
  });
}

function userRules(entries: readonly object[]) {
  const { rules, problems } = readRuleFile('site.json', { rules: entries }, new Set());
  expect(problems).toEqual([]);
  return rules;
}

describe('user patterns', () => {
  it('run in linear time: every hostile pattern on 100,000-character lines', async () => {
    const matched = await matchInWorker(HOSTILE, LONG_LINES, 20_000);
    // A user pattern matches the whole trimmed line: "(a|a)*$" is "^(?:(a|a)*$)$".
    expect(matched).toEqual([
      [true, false, false],
      [true, false, false],
      [false, false, false],
      [false, false, false],
      [true, false, false],
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
  }, 30_000);

  it('match the whole trimmed line, as the README says', () => {
    const cleaner = createCleaner({ rules: userRules([{ id: 'site/share', kind: 'pattern', description: 'Share.', pattern: 'Share' }]) });
    const page = 'Markets slide\n\nShare prices fell 5% on Monday as investors sold technology stocks.\nShare\n';
    const result = cleaner(page);
    expect(result.text).toContain('Share prices fell 5% on Monday as investors sold technology stocks.');
    expect(result.removed).toEqual([{ rule: 'site/share', line: 4, text: 'Share' }]);
  });

  it('keep alternation whole when anchored, and their flags', () => {
    const [rule] = userRules([{ id: 'site/ads', kind: 'pattern', description: 'Ads.', pattern: 'advert|sponsored', flags: 'i' }]);
    const test = (line: string) => rule?.kind === 'pattern' && rule.pattern.test(line);
    expect(['Advert', 'SPONSORED'].map(test)).toEqual([true, true]);
    expect(['Advert here', 'not sponsored'].map(test)).toEqual([false, false]);
  });

  it('read \\s and \\S as JavaScript does, no-break spaces included', () => {
    const rules = userRules([
      { id: 'site/share', kind: 'pattern', description: 'Share.', pattern: 'Share\\sthis[\\s!]*' },
      { id: 'site/tag', kind: 'pattern', description: 'Tag.', pattern: 'Tag:\\S+' },
    ]);
    const tests = rules.map((rule) => (line: string) => rule.kind === 'pattern' && rule.pattern.test(line));
    expect(['Share\u00a0this', 'Share this\u2003!', 'Share\\sthis'].map(tests[0] ?? (() => false))).toEqual([true, true, false]);
    expect(['Tag:news', 'Tag:\u00a0news'].map(tests[1] ?? (() => false))).toEqual([true, false]);
  });

  it('cut phrases and read metadata groups anywhere in the line', () => {
    const cleaner = createCleaner({
      rules: userRules([
        { id: 'site/ad', kind: 'inline', description: 'Ad.', pattern: '\\[ad\\]', flags: 'i' },
        { id: 'site/dateline', kind: 'metadata', description: 'Dateline.', pattern: '(?<source>[A-Z][a-z]+ Daily) \\| (?<published>\\d+ hours ago)' },
      ]),
    });
    const result = cleaner('Storm hits coast\nMetro Daily | 4 hours ago\nThe storm reached the coast on Monday. [AD] Thousands of homes lost power. [Ad]\n');
    expect(result).toMatchObject({ source: 'Metro Daily', published: '4 hours ago', paragraphs: ['The storm reached the coast on Monday. Thousands of homes lost power.'] });
    // Between two words of a sentence, the phrase stays: no inline cut takes a word a sentence may need.
    expect(cleaner('Storm hits coast\nThe storm reached the coast [AD] on Monday, and thousands of homes lost power.\n').paragraphs).toEqual(['The storm reached the coast [AD] on Monday, and thousands of homes lost power.']);
  });

  it('are rejected at load time when RE2 cannot run them, with the reason', () => {
    const { problems } = readRuleFile('site.json', { rules: [{ id: 'site/back', kind: 'pattern', description: 'x', pattern: '(a)\\1' }] }, new Set());
    expect(problems).toEqual([
      { file: 'site.json', path: '$.rules[0].pattern', message: 'not supported by the linear-time engine (RE2 syntax: no look-arounds or back-references): invalid escape sequence: `\\1`' },
    ]);
  });
});
