/**
 * --jsonl: JSON Lines in on stdin, one record out on stdout per line in, in order, written as
 * soon as each is ready, through a real pipe, the way Hadoop Streaming and Spark's RDD.pipe()
 * drive a mapper. Bad lines become error records; the stream goes on.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { clean, toRecord } from '../src/index.js';
import { CLI, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';
import { ALMOST_ALL_CHROME } from './pages.js';

afterEach(removeTempDirs);

/** What --jsonl prints for a page: the JSON output record without `input`. */
function cleaned(text: string): Record<string, unknown> {
  const { input: _input, ...fields } = toRecord(clean(text), '');
  return fields;
}

const lines = (stdout: string): unknown[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);

describe('--jsonl', () => {
  it('streams 10,000 records through a pipe, each written as soon as it is ready, in input order', async () => {
    const total = 10_000;
    const child = spawn(process.execPath, [CLI, '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'close');
    const output = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const record = (n: number): string => `${JSON.stringify({ id: `doc-${n}`, shard: n % 7, text: page(`district ${n}`) })}\n`;

    // The first record's output comes back while stdin is still open: nothing waits for the end of the input.
    child.stdin.write(record(0));
    const first = await output.next();
    expect(JSON.parse(first.value as string)).toMatchObject({ id: 'doc-0', shard: 0, title: 'Council approves new plan for district 0' });

    // Then the rest as a stream, heeding backpressure, while the output is read as it comes.
    const writing = (async () => {
      for (let n = 1; n < total; n++) if (!child.stdin.write(record(n))) await once(child.stdin, 'drain');
      child.stdin.end();
    })();
    let count = 1;
    for (let next = await output.next(); !next.done; next = await output.next()) {
      const got = JSON.parse(next.value) as { id: string; shard: number; text: string };
      expect(got.id).toBe(`doc-${count}`);
      expect(got.shard).toBe(count % 7);
      if (count % 1000 === 0) expect(got).toEqual({ id: `doc-${count}`, shard: count % 7, ...cleaned(page(`district ${count}`)) });
      count++;
    }
    await writing;
    const [status] = (await exited) as [number | null];
    expect(count).toBe(total);
    expect(status).toBe(0);
    expect(stderr).toBe('');
  }, 600_000);

  it('passes other fields through, and where names clash the cleaned fields win', () => {
    const text = page('the harbour');
    const input = { id: 42, url: 'https://example.com/a', title: 'Crawler title', tags: ['x'], meta: { lang: 'en' }, text };
    const run = runCli(['--jsonl'], tempDir(), `${JSON.stringify(input)}\n`);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const [record] = lines(run.stdout) as [Record<string, unknown>];
    expect(record).toEqual({ id: 42, url: 'https://example.com/a', tags: ['x'], meta: { lang: 'en' }, ...cleaned(text) });
    expect(record['title']).toBe('Council approves new plan for the harbour');
    expect(record).not.toHaveProperty('input');
    expect(Object.keys(record).slice(0, 3)).toEqual(['id', 'url', 'title']);
  });

  it('turns each bad line into an error record with its line number, and its id when it has one, and goes on', () => {
    const good = (id: string): string => JSON.stringify({ id, text: page(id) });
    const input = [
      good('first'),
      '{"id": "broken", "text": ',
      '',
      '[1, 2, 3]',
      '"just a string"',
      JSON.stringify({ id: 'no-text', body: 'wrong field' }),
      JSON.stringify({ id: 7, text: 12 }),
      JSON.stringify({ id: null, text: null }),
      good('last'),
    ].join('\n');
    const run = runCli(['--jsonl'], tempDir(), `${input}\n`);
    expect(run.status).toBe(0);
    const records = lines(run.stdout) as Array<Record<string, unknown>>;
    expect(records).toHaveLength(9);
    expect(records[0]).toMatchObject({ id: 'first', schemaVersion: 1 });
    expect(records[1]).toEqual({ line: 2, error: expect.stringMatching(/^not valid JSON: /) });
    expect(records[2]).toEqual({ line: 3, error: expect.stringMatching(/^not valid JSON: /) });
    expect(records[3]).toEqual({ line: 4, error: 'not a JSON object' });
    expect(records[4]).toEqual({ line: 5, error: 'not a JSON object' });
    expect(records[5]).toEqual({ id: 'no-text', line: 6, error: 'no "text" field' });
    expect(records[6]).toEqual({ id: 7, line: 7, error: '"text" is not a string' });
    expect(records[7]).toEqual({ id: null, line: 8, error: '"text" is not a string' });
    expect(records[8]).toMatchObject({ id: 'last', schemaVersion: 1 });
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^clean-news: line 2: not valid JSON: /), expect.stringMatching(/^clean-news: line 3: not valid JSON: /), 'clean-news: line 4: not a JSON object']);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(7);
    expect(runCli(['--jsonl', '--quiet'], tempDir(), `${input}\n`)).toEqual({ ...run, stderr: '' });
  });

  it('reads a last line without a newline, CRLF line ends, and UTF-8 split across reads', () => {
    const text = page('the café terrace, ünïcödé and 東京');
    const input = `${JSON.stringify({ id: 'a', text })}\r\n${JSON.stringify({ id: 'b', text })}`;
    const run = runCli(['--jsonl'], tempDir(), input);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(lines(run.stdout)).toEqual([
      { id: 'a', ...cleaned(text) },
      { id: 'b', ...cleaned(text) },
    ]);
    expect(runCli(['--jsonl'], tempDir(), '')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('gives an error record for a page over --max-removed, and uses --rules', () => {
    const dir = tempDir({ 'site.json': JSON.stringify({ rules: [{ id: 'site/by-ana', kind: 'line', description: 'A byline.', lines: ['By Ana Ruiz'] }] }) });
    const input = [JSON.stringify({ id: 'chrome', text: ALMOST_ALL_CHROME }), JSON.stringify({ id: 'page', text: page('the harbour') })].join('\n');
    const run = runCli(['--jsonl', '--max-removed', '0.5', '--rules', 'site.json'], dir, input);
    expect(run.status).toBe(0);
    const [chrome, good] = lines(run.stdout) as [Record<string, unknown>, { removed: { rule: string }[] }];
    expect(chrome).toEqual({ id: 'chrome', line: 1, error: expect.stringMatching(/^cleaning would remove \d+% of the text, over --max-removed 0\.5$/) });
    expect(good.removed.map((removal) => removal.rule)).toContain('site/by-ana');
  });

  it('gives the same output with --jobs 2', () => {
    const input = Array.from({ length: 200 }, (_, n) => (n % 17 === 5 ? '{oops' : JSON.stringify({ id: n, text: page(`district ${n}`) }))).join('\n');
    const one = runCli(['--jsonl'], tempDir(), input);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(200);
    expect(runCli(['--jsonl', '--jobs', '2'], tempDir(), input)).toEqual(one);
  });

  it('is a usage error with paths or with options about files and formats', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    expect(runCli(['--jsonl', 'a.txt'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^clean-news: --jsonl reads standard input: give no paths\n/) });
    for (const option of [['--stdout'], ['--out-dir', 'out'], ['--explain'], ['--format', 'json'], ['--stats']]) {
      expect(runCli(['--jsonl', ...option], dir, '').status, option.join(' ')).toBe(2);
    }
  });
});
