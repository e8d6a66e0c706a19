/**
 * Crawl files in (WET and WARC: plain, gzip member per record, whole-file gzip, stdin), JSON Lines
 * out: one line per page record, in order, the same with any --jobs; damaged members, records too
 * large and records that are no text each one line of --rejected with its reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, removeTempDirs, runUntilReaderLeaves, tempDir } from './cli-helpers.js';
import { recordId, requestRecord, responseRecord, wetFile, wetRecords, type CrawlPage } from '../scripts/crawl-files.js';

afterEach(removeTempDirs);

const SAMPLES = path.resolve('../shared/samples');
const hasSamples = readdirSyncSafe(SAMPLES).includes('whirlwind.warc.wet.gz');

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every fixture page (not the expected outputs), sorted: real pages of several sites. */
function fixturePages(): Array<{ file: string; text: string }> {
  const root = path.resolve('fixtures');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /^[^.]+\.txt$/.test(path.basename(name)))
    .sort()
    .map((name) => ({ file: path.join(root, name), text: readFileSync(path.join(root, name), 'utf8') }));
}

/** The built CLI, its whole stderr kept, stdin given as bytes, stdout as large as a crawl's. */
function run(args: readonly string[], cwd: string, input?: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' }, ...(input === undefined ? {} : { input }) });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface OutputLine {
  id: string;
  url: string;
  date: string;
  crawlLanguage?: string;
  language: string | null;
  text: string;
  confidence: number;
}

const jsonLines = <T = OutputLine>(text: string): T[] => (text === '' ? [] : text.trimEnd().split('\n').map((line) => JSON.parse(line) as T));

describe.runIf(hasSamples)('a real Common Crawl WET file', () => {
  it('prints one JSON line with the record id, url, date, languages and clean text, from the gzipped file, the plain one and stdin alike', () => {
    const dir = tempDir();
    const gz = run([path.join(SAMPLES, 'whirlwind.warc.wet.gz')], dir);
    expect(gz.status).toBe(0);
    const [line, ...more] = jsonLines(gz.stdout);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      id: '<urn:uuid:ba729a40-ff84-4085-8d48-0a5b2ee0c42d>',
      url: 'https://an.wikipedia.org/wiki/Escopete',
      date: '2024-05-18T01:58:10Z',
      crawlLanguage: 'spa',
      language: 'es',
      schemaVersion: 1,
    });
    expect(line!.text).toContain('Escopete');
    expect(gz.stderr).toBe('clean-news: 1 page written, 0 rejected, 1 other record skipped (warcinfo 1)\n');
    const plain = run([path.join(SAMPLES, 'whirlwind.warc.wet')], dir);
    const stdin = run(['--input-format', 'warc'], dir, readFileSync(path.join(SAMPLES, 'whirlwind.warc.wet')));
    expect(plain.stdout).toBe(gz.stdout);
    expect(stdin.stdout).toBe(gz.stdout);
  }, 60_000);
});

describe('a WET file of 2,000 records built from the fixture pages', () => {
  const fixtures = fixturePages();
  const pages: CrawlPage[] = Array.from({ length: 2000 }, (_, n) => ({ url: `https://example.org/${n}`, text: fixtures[n % fixtures.length]!.text }));

  it('gives one line per conversion record, in order, byte-identical with --jobs 1 and 2, each the clean text --stdout gives for the page', async () => {
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile(pages) });
    const one = run(['--jobs', '1', 'crawl.warc.wet.gz'], dir);
    const two = run(['--jobs', '2', 'crawl.warc.wet.gz'], dir);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const lines = jsonLines(one.stdout);
    expect(lines.map((line) => line.id)).toEqual(pages.map((_, n) => recordId(n + 1)));
    expect(lines.map((line) => line.url)).toEqual(pages.map((page) => page.url));
    // Each page's text as the main command writes it for the page's own file.
    const out = tempDir();
    const files = run(['--format', 'json', '--out-dir', out, 'fixtures'], path.resolve('.'));
    expect(files.status).toBe(0);
    const expected = fixtures.map(({ file }) => {
      const target = path.join(out, path.relative(path.resolve('fixtures'), file)).replace(/\.txt$/, '.clean.json');
      return (JSON.parse(readFileSync(target, 'utf8')) as { text: string }).text;
    });
    lines.forEach((line, n) => expect(line.text).toBe(expected[n % fixtures.length]));
    expect(one.stderr).toBe('clean-news: 2,000 pages written, 0 rejected, 1 other record skipped (warcinfo 1)\n');
  }, 300_000);

  it('reads whole-file gzip and plain WET as it reads a gzip member per record', async () => {
    const some = pages.slice(0, 60);
    const dir = tempDir({ 'members.warc.wet.gz': await wetFile(some), 'whole.warc.wet.gz': await wetFile(some, 'whole'), 'plain.warc.wet': await wetFile(some, 'plain') });
    const members = run(['members.warc.wet.gz'], dir);
    expect(jsonLines(members.stdout)).toHaveLength(60);
    expect(run(['whole.warc.wet.gz'], dir).stdout).toBe(members.stdout);
    expect(run(['plain.warc.wet'], dir).stdout).toBe(members.stdout);
  }, 120_000);
});

interface RejectedLine {
  id?: string;
  url?: string;
  file: string | null;
  offset: number;
  reason: string;
  message: string;
}

/** A gzip member with a byte of its compressed data changed: its check (or its inflating) fails. */
function corrupted(member: Buffer): Buffer {
  const copy = Buffer.from(member);
  // Past the 10-byte header, inside the deflate data.
  copy[Math.floor(member.length / 2)]! ^= 0xff;
  return copy;
}

describe('damaged crawl files', () => {
  const pages: CrawlPage[] = Array.from({ length: 40 }, (_, n) => ({ url: `https://example.org/${n}`, text: `Page ${n}\n\nThe council met on Monday to discuss the plan for district ${n}, which residents have debated for months.\n` }));

  it('makes each corrupt or truncated gzip member, and bytes that are no gzip data, one rejected line, and reads the rest of the file', async () => {
    const records = await wetRecords(pages, true);
    // records[0] is the warcinfo; page n is records[n + 1].
    const damaged = Buffer.concat([
      ...records.slice(0, 6),
      corrupted(records[6]!),
      ...records.slice(7, 20),
      Buffer.from('these bytes are not gzip data\n'),
      ...records.slice(20, 30),
      corrupted(records[30]!),
      ...records.slice(31, 41),
      // The file ends inside the last member.
      records[1]!.subarray(0, 40),
    ]);
    const dir = tempDir({ 'crawl.warc.wet.gz': damaged });
    const result = run(['--rejected', 'rejected.jsonl', 'crawl.warc.wet.gz'], dir);
    expect(result.status).toBe(1);
    const written = jsonLines(result.stdout);
    const lost = new Set([5, 29]);
    expect(written.map((line) => line.url)).toEqual(pages.filter((_, n) => !lost.has(n)).map((page) => page.url));
    const rejected = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    expect(rejected.map(({ reason }) => reason)).toEqual(['corrupt-record', 'corrupt-record', 'corrupt-record', 'corrupt-record']);
    expect(rejected.map(({ file }) => file)).toEqual(Array(4).fill('crawl.warc.wet.gz'));
    expect(rejected[1]!.message).toMatch(/bytes that are not gzip data/);
    expect(rejected[3]!.message).toMatch(/truncated/);
    // On stderr: one line per damaged record, then the summary.
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr).toHaveLength(5);
    expect(stderr[4]).toBe('clean-news: 38 pages written, 4 rejected (corrupt-record 4), 1 other record skipped (warcinfo 1)');
  }, 60_000);

  it('rejects a record cut short in a plain WARC, with its id, and keeps those before it', async () => {
    const plain = await wetFile(pages.slice(0, 3), 'plain');
    const dir = tempDir({ 'cut.warc': plain.subarray(0, plain.length - 30) });
    const result = run(['--rejected', 'rejected.jsonl', 'cut.warc'], dir);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((line) => line.id)).toEqual([recordId(1), recordId(2)]);
    const [line] = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    expect(line).toMatchObject({ id: recordId(3), url: 'https://example.org/2', reason: 'corrupt-record' });
    expect(line!.message).toMatch(/^truncated: \d+ of \d+ bytes$/);
  }, 60_000);

  it('passes over a record of 300 MB as too-large, without holding it, plain or gzipped, and cleans the next one', async () => {
    const big = 300 * 1024 * 1024;
    const header = (n: number, length: number) =>
      Buffer.from(`WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: ${recordId(n)}\r\nWARC-Target-URI: https://example.org/big\r\nWARC-Date: 2024-05-18T01:58:10Z\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`);
    const after = await wetFile(pages.slice(0, 1), 'plain');
    const bigRecord = Buffer.concat([header(99, big), Buffer.alloc(big, 0x61), Buffer.from('\r\n\r\n')]);
    const dir = tempDir({ 'big.warc.gz': Buffer.concat([gzipSync(bigRecord), gzipSync(after)]) });
    const plain = run(['--rejected', 'rejected.jsonl', '--input-format', 'warc'], dir, Buffer.concat([bigRecord, after]));
    expect(plain.status).toBe(0);
    expect(jsonLines(plain.stdout).map((line) => line.id)).toEqual([recordId(1)]);
    const [line] = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    expect(line).toMatchObject({ id: recordId(99), file: null, reason: 'too-large' });
    const gzipped = run(['big.warc.gz'], dir);
    expect(gzipped.status).toBe(0);
    expect(gzipped.stdout).toBe(plain.stdout);
    expect(gzipped.stderr).toBe('clean-news: 1 page written, 1 rejected (too-large 1), 1 other record skipped (warcinfo 1)\n');
  }, 180_000);
});

describe('WARC files', () => {
  it('rejects each response that is not plain text as not-text, and skips requests, counted', async () => {
    const records = [];
    for (let n = 1; n <= 6; n++) {
      records.push(await requestRecord(100 + n, `https://example.org/${n}`, true));
      records.push(await responseRecord(n, `https://example.org/${n}`, 'text/html; charset=utf-8', `<html><body><p>Page ${n}</p></body></html>`, true));
    }
    const dir = tempDir({ 'html.warc.gz': Buffer.concat(records) });
    const result = run(['--rejected', 'rejected.jsonl', 'html.warc.gz'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const rejected = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    expect(rejected.map(({ id, reason }) => [id, reason])).toEqual(Array.from({ length: 6 }, (_, n) => [recordId(n + 1), 'not-text']));
    expect(rejected[0]!.message).toBe('text/html, not text/plain');
    expect(result.stderr).toBe('clean-news: 0 pages written, 6 rejected (not-text 6), 6 other records skipped (request 6)\n');
  }, 60_000);

  it('cleans a text/plain response, its payload unchunked and inflated as HTTP says', async () => {
    const text = 'Storm closes the harbour\n\nThe harbour was closed on Monday after a storm damaged the breakwater, officials said.\n';
    const gzipped = gzipSync(text);
    const chunked = `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`;
    const records = [
      await responseRecord(1, 'https://example.org/plain', 'text/plain', text, false),
      await responseRecord(2, 'https://example.org/chunked', 'text/plain; charset=utf-8', chunked, false, { 'Transfer-Encoding': 'chunked' }),
      await responseRecord(3, 'https://example.org/gzipped', 'text/plain', gzipped, false, { 'Content-Encoding': 'gzip' }),
    ];
    const dir = tempDir({ 'text.warc': Buffer.concat(records) });
    const result = run(['text.warc'], dir);
    expect(result.status).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.map((line) => line.url)).toEqual(['https://example.org/plain', 'https://example.org/chunked', 'https://example.org/gzipped']);
    expect(lines[0]!.text).toContain('The harbour was closed on Monday');
    expect(lines[1]!.text).toBe(lines[0]!.text);
    expect(lines[2]!.text).toBe(lines[0]!.text);
  }, 60_000);
});

describe('what is written and what is rejected', () => {
  const fixtures = fixturePages();
  const pages: CrawlPage[] = fixtures.map(({ text }, n) => ({ url: `https://example.org/${n}`, text }));

  it('sends pages under --min-confidence, or not in --language, to --rejected with their reasons; each page is written or rejected, once', async () => {
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile(pages) });
    const all = jsonLines(run(['crawl.warc.wet.gz'], dir).stdout);
    expect(all).toHaveLength(pages.length);
    const threshold = [...all.map((line) => line.confidence)].sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
    const result = run(['--min-confidence', String(threshold), '--language', 'de,fr', '--rejected', 'rejected.jsonl', 'crawl.warc.wet.gz'], dir);
    expect(result.status).toBe(0);
    const written = jsonLines(result.stdout);
    const rejected = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    const expectedReason = (line: OutputLine) => (line.confidence < threshold ? 'low-confidence' : line.language === 'de' || line.language === 'fr' ? null : 'language');
    expect(written.map((line) => line.id)).toEqual(all.filter((line) => expectedReason(line) === null).map((line) => line.id));
    expect(rejected.map(({ id, reason }) => [id, reason])).toEqual(all.filter((line) => expectedReason(line) !== null).map((line) => [line.id, expectedReason(line)]));
    expect(rejected.some(({ reason }) => reason === 'low-confidence')).toBe(true);
    expect(rejected.some(({ reason }) => reason === 'language')).toBe(true);
  }, 120_000);

  it('rejects a page over --max-removed with the words the other modes use', async () => {
    const text = 'Storm closes the harbour\n\nThe harbour was closed on Monday after a storm damaged the breakwater, officials said.\nAdvertisement\nRelated Articles\nComments\nNo comments yet...\n';
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile([{ url: 'https://example.org/storm', text }]) });
    const result = run(['--max-removed', '0.01', '--rejected', 'rejected.jsonl', 'crawl.warc.wet.gz'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const [line] = jsonLines<RejectedLine>(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'));
    expect(line).toMatchObject({ id: recordId(1), reason: 'max-removed' });
    expect(line!.message).toMatch(/^cleaning would remove \d+(?:\.\d+)?% of the text, over --max-removed 0\.01$/);
  }, 60_000);

  it('writes --out FILE.jsonl.gz compressed, the same lines as stdout, and leaves no file behind when it cannot be written', async () => {
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile(pages.slice(0, 10)) });
    const printed = run(['crawl.warc.wet.gz'], dir);
    const written = run(['--out', 'clean.jsonl.gz', 'crawl.warc.wet.gz'], dir);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(gunzipSync(readFileSync(path.join(dir, 'clean.jsonl.gz'))).toString('utf8')).toBe(printed.stdout);
    const missing = run(['--out', 'no/such/dir/clean.jsonl', 'crawl.warc.wet.gz'], dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("clean-news: no/such/dir/clean.jsonl: cannot be written: no such file or directory\n");
    expect(readdirSync(dir).sort()).toEqual(['clean.jsonl.gz', 'crawl.warc.wet.gz']);
  }, 60_000);

  it.each([
    [['page.txt', 'crawl.warc.wet.gz'], 'crawl files and pages cannot be cleaned in one run: page.txt is not named as a crawl file (see --input-format)'],
    [['--format', 'text', 'crawl.warc.wet.gz'], '--format is for pages: crawl files give JSON Lines (see --out)'],
    [['--out-dir', 'out', 'crawl.warc.wet.gz'], '--out-dir is for pages: crawl files give JSON Lines (see --out)'],
    [['--rejected', 'r.jsonl', 'page.txt'], '--rejected is for crawl files (WET, WARC): name them, or give --input-format warc'],
    [['--language', 'german', 'crawl.warc.wet.gz'], "option '--language <codes>' argument 'german' is invalid. Expected ISO 639-1 codes, comma-separated (such as de,fr)."],
  ])('refuses %j as a usage error', (args, message) => {
    const dir = tempDir({ 'page.txt': 'A page.\n' });
    const result = run(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`clean-news: ${message}`);
    expect(result.stdout).toBe('');
  }, 30_000);
});

describe('crawl inputs and outputs that fail', () => {
  it('says in one line which input cannot be read, goes on with the others, and exits 1', async () => {
    const pages = [{ url: 'https://example.org/1', text: 'Storm closes the harbour\n\nThe harbour was closed on Monday after a storm damaged the breakwater, officials said.\n' }];
    const dir = tempDir({ 'good.warc.wet.gz': await wetFile(pages), 'empty.warc': '' });
    mkdirSync(path.join(dir, 'folder.warc'));
    const result = run(['missing.warc.wet.gz', 'folder.warc', 'empty.warc', 'good.warc.wet.gz'], dir);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((line) => line.url)).toEqual(['https://example.org/1']);
    expect(result.stderr.split('\n')).toEqual([
      'clean-news: missing.warc.wet.gz: no such file or directory',
      'clean-news: folder.warc: is a directory',
      'clean-news: 1 page written, 0 rejected, 1 other record skipped (warcinfo 1)',
      '',
    ]);
  }, 60_000);

  it('does not take a page for a WARC file: standard input that is no WARC is a damaged record, status 1', () => {
    const dir = tempDir();
    const result = run(['--input-format', 'warc'], dir, Buffer.from('Storm closes the harbour\n\nThe harbour was closed on Monday.\n'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'clean-news: standard input: record at byte 0: not a WARC record: it starts "Storm closes the harbour"',
      'clean-news: 0 pages written, 1 rejected (corrupt-record 1), 0 other records skipped',
      '',
    ]);
  }, 30_000);

  it('stops quietly when the reader of stdout leaves, as `| head -1` does', async () => {
    const pages = Array.from({ length: 400 }, (_, n) => ({ url: `https://example.org/${n}`, text: `Page ${n}\n\n${'The council met on Monday to discuss the plan. '.repeat(40)}\n` }));
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile(pages) });
    const { received, stderr, status } = await runUntilReaderLeaves(['--quiet', 'crawl.warc.wet.gz'], dir);
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);

  it('leaves no --out or --rejected file, and no temporary file, when interrupted', async () => {
    const pages = Array.from({ length: 3000 }, (_, n) => ({ url: `https://example.org/${n}`, text: `Page ${n}\n\n${'The council met on Monday to discuss the plan. '.repeat(40)}\n` }));
    const dir = tempDir({ 'crawl.warc.wet.gz': await wetFile(pages) });
    const child = spawn(process.execPath, [CLI, '--quiet', '--out', 'clean.jsonl', '--rejected', 'rejected.jsonl', 'crawl.warc.wet.gz'], { cwd: dir, stdio: 'ignore' });
    const exited = once(child, 'exit');
    // Once the temporary output exists, the run is under way.
    for (let tries = 0; tries < 600 && !readdirSync(dir).some((file) => file.startsWith('.clean.jsonl.')); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([null, 'SIGINT']);
    expect(readdirSync(dir)).toEqual(['crawl.warc.wet.gz']);
  }, 120_000);
});
