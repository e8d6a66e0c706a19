/**
 * Bad input, encodings: every way a scraped page's bytes can arrive, through the built CLI.
 * (tests/cli-errors.test.ts already covers the plain UTF-16 and Windows-1252 cases and a file
 * with NUL bytes on --stdout; tests/cli-decode.test.ts covers decode() byte by byte.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { listFiles, NO_COLOR, page, removeTempDirs, runCli, runCliWithSummary, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const bytesOf = (dir: string, file: string): Buffer => readFileSync(path.join(dir, file));
const REPLACEMENT_CHAR_UTF8 = Buffer.from('\uFFFD', 'utf8');
const BOM = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

const withBom = (bom: readonly number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bom), body]);
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('line ends and byte order marks', () => {
  // Non-ASCII on purpose: a decoder that guessed wrong would garble it.
  const text = page('the harbour café', 'Owners of the café said trade had “already fallen” by a fifth since the works began in May.');
  const expected = clean(text).text;

  it('gives the same LF-only output for UTF-8, UTF-8 with a BOM, CRLF, lone CR and mixed line ends', () => {
    const dir = tempDir({
      'lf.txt': text,
      'bom.txt': withBom(BOM.utf8, Buffer.from(text)),
      'crlf.txt': text.replaceAll('\n', '\r\n'),
      'cr.txt': text.replaceAll('\n', '\r'),
      'mixed.txt': text.split('\n').map((line, i) => line + ['\r\n', '\r', '\n'][i % 3]).join(''),
    });
    expect(runCli(['.'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    for (const name of ['lf', 'bom', 'crlf', 'cr', 'mixed']) {
      const output = bytesOf(dir, `${name}.clean.txt`).toString('utf8');
      expect(output, name).toBe(expected);
      expect(output, name).not.toMatch(/[\r\uFEFF]/);
    }
  });

  it('decodes UTF-16 LE and BE with a BOM and CRLF line ends to the same UTF-8, LF output', () => {
    const crlf = text.replaceAll('\n', '\r\n');
    const dir = tempDir({ 'le.txt': withBom(BOM.utf16le, Buffer.from(crlf, 'utf16le')), 'be.txt': withBom(BOM.utf16be, utf16be(crlf)) });
    expect(runCli(['le.txt', 'be.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(bytesOf(dir, 'le.clean.txt').toString('utf8')).toBe(expected);
    expect(bytesOf(dir, 'be.clean.txt').toString('utf8')).toBe(expected);
  });
});

describe('bytes that are not valid UTF-8', () => {
  const text = page('the harbour', 'Owners of the harbour café said trade had “already fallen” by a fifth — costing €40,000 a year.');

  it('reads them as Windows-1252, warns naming the file, and never writes U+FFFD', () => {
    // Every byte 0x80-0xFF, including the five that Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    const everyHighByte = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    const dir = tempDir({
      'old pages/1252.txt': Buffer.from(text.replace('“', '\x93').replace('”', '\x94').replace('—', '\x97').replace('€', '\x80'), 'latin1'),
      'old pages/high bytes.txt': Buffer.concat([Buffer.from(text, 'latin1'), everyHighByte, Buffer.from('\n')]),
      // A UTF-8 page cut short in the middle of a character, as an interrupted download leaves it.
      'old pages/truncated.txt': Buffer.from(text.trimEnd() + ' Zoë').subarray(0, -1),
    });
    const run = runCli(['old pages'], dir);
    expect(run).toEqual({
      status: 0,
      stdout: '',
      stderr: [
        "clean-news: 'old pages/1252.txt': not valid UTF-8, decoded as Windows-1252\n",
        "clean-news: 'old pages/high bytes.txt': not valid UTF-8, decoded as Windows-1252\n",
        "clean-news: 'old pages/truncated.txt': not valid UTF-8, decoded as Windows-1252\n",
      ].join(''),
    });
    expect(bytesOf(dir, 'old pages/1252.clean.txt').toString('utf8')).toBe(clean(text).text);
    for (const name of ['1252', 'high bytes', 'truncated']) {
      expect(bytesOf(dir, `old pages/${name}.clean.txt`).includes(REPLACEMENT_CHAR_UTF8), name).toBe(false);
    }
  });

  it('keeps a U+FFFD that the page itself holds, without a warning: only the input puts one in the output', () => {
    const holding = page('the harbour', 'The scraper saved an unreadable character here: \uFFFD, and the sentence goes on after it.');
    const dir = tempDir({ 'a.txt': holding });
    expect(runCli(['a.txt'], dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(bytesOf(dir, 'a.clean.txt').toString('utf8')).toBe(clean(holding).text);
  });
});

describe('UTF-16 that is not valid', () => {
  it('shows a lone surrogate or an odd last byte as U+FFFD, never silently: a warning names the file', () => {
    const text = page('the harbour');
    const loneSurrogate = Buffer.from(text.replace('harbour', 'harbour \uD800'), 'utf16le');
    const dir = tempDir({
      'lone.txt': withBom(BOM.utf16le, loneSurrogate),
      'odd.txt': withBom(BOM.utf16be, Buffer.concat([utf16be(text), Buffer.from([0x41])])),
    });
    const run = runCli(['lone.txt', 'odd.txt'], dir);
    expect(run).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'clean-news: lone.txt: not valid UTF-16LE, undecodable bytes replaced with U+FFFD\n' +
        'clean-news: odd.txt: not valid UTF-16BE, undecodable bytes replaced with U+FFFD\n',
    });
    expect(bytesOf(dir, 'lone.clean.txt').toString('utf8')).toBe(clean(text.replace('harbour', 'harbour \uFFFD')).text);
    expect(bytesOf(dir, 'odd.clean.txt').toString('utf8')).toBe(clean(text + '\uFFFD').text);
  });
});

describe('content that looks binary', () => {
  it('skips each such file with `looks binary, skipped`, writes nothing for it, cleans the others, exits 1 and counts it failed', () => {
    const dir = tempDir({
      'a.txt': page('the harbour'),
      // An image saved as .txt: NUL bytes.
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      // No NUL, but mostly control characters.
      'controls.txt': Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 some text \x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f'),
      // UTF-16 without a BOM is not guessed: its NUL bytes make it binary rather than garbled.
      'utf16-no-bom.txt': Buffer.from(page('the park'), 'utf16le'),
      'z.txt': page('the bridge'),
    });
    const run = runCliWithSummary(['.'], dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'clean-news: controls.txt: looks binary, skipped',
      'clean-news: image.txt: looks binary, skipped',
      'clean-news: utf16-no-bom.txt: looks binary, skipped',
    ]);
    expect(lines[3]).toMatch(/^clean-news: 2 cleaned, 3 failed, 0 skipped \(own outputs\);/);
    expect(listFiles(dir)).toEqual(['a.clean.txt', 'a.txt', 'controls.txt', 'image.txt', 'utf16-no-bom.txt', 'z.clean.txt', 'z.txt']);
  });
});
