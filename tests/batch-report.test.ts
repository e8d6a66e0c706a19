/**
 * --report: the JSON summary of a run, and the HTML review page opened in a real browser
 * (Debian's chromium, driven by playwright-core; skipped, saying so, where it is not installed).
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');

/** The fixture batch (aggregator pages and seeds) copied into a fresh directory. */
function fixtureBatch(): string {
  const dir = tempDir();
  for (const set of ['aggregator', 'seeds']) cpSync(path.join(root, 'fixtures', set), path.join(dir, set), { recursive: true });
  return dir;
}

/** A function run in the page, written in its terms: these tests are not compiled with the DOM's types. */
const inPage = (parameter: string, body: string) => new Function(parameter, body) as (value: unknown) => unknown;

interface Report {
  schemaVersion: 1;
  totals: { pages: number; cleaned: number; failed: number; charsIn: number; charsOut: number; rules: Record<string, number> };
  pages: Array<{ input: string; failed: boolean; title: string | null; lostShare: number; removedShare: number; charsRelated: number; rules: Record<string, number>; messages: string[]; lines?: unknown[] }>;
}

describe('--report', () => {
  it('writes a JSON summary: totals, then every page, those that lost most first, failures included', () => {
    const dir = tempDir({ 'a.txt': `${page('the harbour')}Advertisement\n`, 'b.txt': page('the ferry'), 'bin.txt': Buffer.from([0, 1, 2, 3]) });
    const run = runCli(['--report', 'report.json', 'a.txt', 'b.txt', 'bin.txt'], dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.totals).toMatchObject({ pages: 3, cleaned: 2, failed: 1 });
    expect(report.pages.map((entry) => entry.input)).toEqual(['a.txt', 'b.txt', 'bin.txt']);
    expect(report.pages[0]).toMatchObject({ failed: false, title: expect.any(String), rules: { 'generic/advertisement-line': 1 } });
    expect(report.pages[0]?.lostShare).toBeGreaterThan(report.pages[1]?.lostShare ?? 1);
    expect(report.pages[2]).toMatchObject({ failed: true, messages: ['clean-news: bin.txt: looks binary, skipped'] });
    expect(report.pages.every((entry) => entry.lines === undefined)).toBe(true);
    expect(report.totals.rules['generic/advertisement-line']).toBe(1);
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'b.clean.txt', 'b.txt', 'bin.txt', 'report.json']);
  });

  it('is the same with --jobs 2, and a usage error for a file that is neither .json nor .html', () => {
    const dir = fixtureBatch();
    expect(runCli(['--stdout', '-q', '--jobs', '1', '--report', 'one.json', 'aggregator', 'seeds'], dir).status).toBe(0);
    expect(runCli(['--stdout', '-q', '--jobs', '2', '--report', 'two.json', 'aggregator', 'seeds'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'two.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'one.json'), 'utf8'));
    expect(runCli(['--report', 'report.txt', 'seeds'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/--report report\.txt: name a \.json or an \.html file/) });
  });

  it.skipIf(!existsSync(CHROMIUM))('writes a self-contained HTML page: a table by what the article lost, sortable by column, filtered by path and rule, with counts, a legend and each page\'s lines (in chromium)', async () => {
    const dir = fixtureBatch();
    expect(runCli(['--stdout', '-q', '--report', 'report.html', 'aggregator', 'seeds'], dir).status).toBe(0);
    const file = path.join(dir, 'report.html');
    const html = readFileSync(file, 'utf8');
    // Self-contained: no address it would fetch.
    expect(html).not.toMatch(/\b(?:src|href)=|https?:\/\/|@import|url\(/);
    const data = JSON.parse(readFileSync(path.join(dir, 'report.html'), 'utf8').match(/<script type="application\/json" id="report-data">(.*?)<\/script>/s)?.[1] ?? '{}') as Report;

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // Playwright's 30 s per action is not enough for a browser on a loaded 2-core machine.
      tab.setDefaultTimeout(120_000);
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`file://${file}`);
      const rows = tab.locator('tr.page');
      expect(await rows.count()).toBe(data.totals.pages);
      const column = async (n: number) => tab.locator(`tr.page:not([hidden]) td:nth-child(${n})`).allTextContents();
      const numbers = (texts: string[]) => texts.map((text) => Number.parseFloat(text.replace(/,/g, '')));
      const descending = (values: number[]) => expect([...values].sort((a, b) => b - a)).toEqual(values);

      // First by what the article lost; related stories moved out of it are not a loss.
      descending(numbers(await column(1)));
      expect(numbers(await column(1))[0]).toBeLessThan(Math.max(...numbers(await column(4))));
      expect(await tab.locator('th[data-key="lost"]').getAttribute('aria-sort')).toBe('descending');
      // The confidence sorts the lowest first: the doubtful pages are read first.
      await tab.click('th[data-key="confidence"]');
      const confidences = numbers(await column(2));
      expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
      expect(confidences.every((confidence) => confidence >= 0 && confidence <= 1)).toBe(true);
      expect((await column(3)).every((kind) => ['article', 'service', 'product', 'collection', 'forum', 'listing', 'documentation'].includes(kind))).toBe(true);
      // Any column sorts; a second click turns the order round.
      await tab.click('th[data-key="charsIn"]');
      descending(numbers(await column(6)));
      await tab.click('th[data-key="charsIn"]');
      expect(numbers(await column(6))).toEqual([...numbers(await column(6))].sort((a, b) => a - b));
      await tab.click('th[data-key="input"]');
      const inputs = await column(8);
      expect(inputs).toEqual([...inputs].sort((a, b) => a.localeCompare(b)));
      expect(numbers(await column(7)).every((count) => count >= 0)).toBe(true);

      // The path filter keeps the pages whose path holds the text.
      await tab.fill('#path-filter', 'seeds/');
      const seeds = data.pages.filter((entry) => entry.input.includes('seeds/')).length;
      expect(await tab.locator('tr.page:not([hidden])').count()).toBe(seeds);
      expect(await tab.locator('#shown').textContent()).toBe(`${seeds} of ${data.totals.pages} pages shown`);
      await tab.fill('#path-filter', '');

      // A row opens to its lines: removed ones struck through with their rule, related stories told apart.
      await tab.click('th[data-key="related"]');
      await rows.first().click();
      const lines = tab.locator('tr.lines:not([hidden])').first();
      const removed = lines.locator('li.removed');
      await removed.first().waitFor({ timeout: 120_000 });
      expect(await removed.first().locator('.rule').textContent()).toMatch(/^\[[a-z0-9-]+\/[a-z0-9-]+/);
      expect(await lines.locator('li.removed:not(.related)').first().evaluate(inPage('node', 'return getComputedStyle(node).textDecorationLine'))).toBe('line-through');
      expect(await removed.first().locator('.rule').evaluate(inPage('node', 'return getComputedStyle(node).textDecorationLine'))).toBe('none');
      expect(await lines.locator('li.related').count()).toBeGreaterThan(0);
      expect(await lines.locator('li.related .rule').first().textContent()).toMatch(/to related stories\]$/);
      expect(await lines.locator('li.kept').count()).toBeGreaterThan(0);

      // The legend says what the model's scores mean.
      expect(await tab.locator('details.legend').textContent()).toMatch(/log-odds that the line is article text/);

      // The rule filter keeps the pages where the rule fired, and marks its removals.
      const rule = 'daily8/ai-promo';
      await tab.selectOption('#rule-filter', rule);
      const visible = (await tab.locator('tr.page:not([hidden])').evaluateAll(inPage('nodes', 'return nodes.map((node) => node.dataset.rules)'))) as string[];
      expect(visible.length).toBe(data.pages.filter((entry) => rule in entry.rules).length);
      expect(visible.every((rules) => rules.split(' ').includes(rule))).toBe(true);
      expect(await tab.locator('#shown').textContent()).toBe(`${visible.length} of ${data.totals.pages} pages shown`);

      const shot = path.join(dir, 'report.png');
      await tab.screenshot({ path: shot, fullPage: false });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
