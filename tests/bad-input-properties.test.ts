/**
 * Bad input, properties on generated inputs (fast-check): bytes of every kind through decode(),
 * pages with every kind of line end through the engine, and a few generated batches through the
 * built CLI end to end. tests/properties.test.ts holds the engine's own properties (never throws,
 * nothing invented, removal line numbers, idempotence): they are not repeated here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decode } from '../src/input/decode.js';
import { clean } from '../src/index.js';
import { PAGE_LINES } from './pages.js';
import { page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const REPLACEMENT = '\uFFFD';
const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

/** Text without U+FFFD: what a page holds before anything could have been replaced. */
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(page('the harbour'), '')).map((s) => s.replaceAll(REPLACEMENT, ''));

const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

/** Text as the bytes a file could hold: every encoding decode() knows, with and without BOM. */
const encoded = fc.tuple(text, fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'latin1')).map(([s, encoding]): Uint8Array => {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(s, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from(BOMS.utf8), Buffer.from(s, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from(BOMS.utf16le), Buffer.from(s, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from(BOMS.utf16be), utf16be(s)]);
    case 'latin1':
      return Buffer.from(s, 'latin1');
  }
});

/** Those bytes, then maybe damaged: a byte changed, a byte cut off the end, or random bytes put in. */
const damaged = fc.oneof(
  encoded,
  fc.tuple(encoded, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([bytes, at, byte]) => {
    const copy = Uint8Array.from(bytes);
    if (copy.length > 0) copy[at % copy.length] = byte;
    return copy;
  }),
  encoded.map((bytes) => bytes.subarray(0, Math.max(0, bytes.length - 1))),
  fc.tuple(encoded, fc.nat(), fc.uint8Array({ maxLength: 8 })).map(([bytes, at, junk]) => {
    const cut = bytes.length === 0 ? 0 : at % bytes.length;
    return Uint8Array.from([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
  }),
);

/** Any bytes at all, the generated kinds and the purely random. */
const anyBytes = fc.oneof(damaged, fc.uint8Array({ maxLength: 300 }));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);

/** The bytes that `decoded` would be written as in the encoding decode() read `bytes` in. */
function reencode(bytes: Uint8Array, decoded: string): Buffer {
  if (startsWith(bytes, BOMS.utf16le)) return Buffer.concat([Buffer.from(BOMS.utf16le), Buffer.from(decoded, 'utf16le')]);
  if (startsWith(bytes, BOMS.utf16be)) return Buffer.concat([Buffer.from(BOMS.utf16be), utf16be(decoded)]);
  if (startsWith(bytes, BOMS.utf8)) return Buffer.concat([Buffer.from(BOMS.utf8), Buffer.from(decoded, 'utf8')]);
  return Buffer.from(decoded, 'utf8');
}

describe('decode on any bytes', () => {
  it('never throws, and gives text or `binary`, never text holding NUL', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const decoded = decode(bytes);
        expect(['text', 'binary']).toContain(decoded.kind);
        if (decoded.kind === 'text') expect(decoded.text).not.toContain('\0');
      }),
    );
  });

  it('is lossless when it does not warn: the text, written back in the encoding it was read in, gives the same bytes', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const decoded = decode(bytes);
        if (decoded.kind === 'text' && decoded.warning === undefined) expect(reencode(bytes, decoded.text).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('never yields U+FFFD for input that had none, unless its warning says so', () => {
    fc.assert(
      fc.property(damaged, (bytes) => {
        const decoded = decode(bytes);
        if (decoded.kind !== 'text' || !decoded.text.includes(REPLACEMENT)) return;
        // The only way in: the bytes of U+FFFD itself (a damaged byte can make them), or a warning that names it.
        const literal = reencode(bytes, decoded.text).equals(Buffer.from(bytes));
        expect(literal || (decoded.warning?.includes('U+FFFD') ?? false)).toBe(true);
      }),
    );
  });

  it('reads bytes that are not valid UTF-8 one character per byte, as Windows-1252, never as U+FFFD', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const decoded = decode(bytes);
        if (decoded.kind !== 'text' || decoded.warning !== 'not valid UTF-8, decoded as Windows-1252') return;
        const body = startsWith(bytes, BOMS.utf8) ? bytes.length - BOMS.utf8.length : bytes.length;
        expect(decoded.text).toHaveLength(body);
        expect(decoded.text).not.toContain(REPLACEMENT);
      }),
    );
  });
});

/** Lines without line-end characters, so the same page can be written with any line end. */
const line = fc.oneof(
  fc.constantFrom(...PAGE_LINES),
  fc.string({ maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const lines = fc.array(line, { maxLength: 30 });

describe('line ends', () => {
  it('CRLF, lone CR and LF give the same result, line numbers included', () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (page, finalEnd) => {
        const write = (end: string): string => page.join(end) + (finalEnd ? end : '');
        const lf = clean(write('\n'));
        expect(clean(write('\r\n'))).toEqual(lf);
        expect(clean(write('\r'))).toEqual(lf);
      }),
    );
  });

  it('always gives the documented output: the title, a blank line, one trimmed paragraph per line, LF only', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom('\n', '\r\n', '\r'), (page, end) => {
        const { title, paragraphs, text: output } = clean(page.join(end));
        for (const part of [...(title === null ? [] : [title]), ...paragraphs]) {
          expect(part).not.toMatch(/[\r\n]/);
          expect(part).not.toBe('');
          expect(part.trim()).toBe(part);
        }
        const body = paragraphs.map((paragraph) => `${paragraph}\n`).join('');
        expect(output).toBe(title === null ? body : body === '' ? `${title}\n` : `${title}\n\n${body}`);
      }),
    );
  });
});

describe('the CLI on generated files', () => {
  it('cleans each decodable file as the library does, skips each binary one, and leaves every input as it was', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(fc.array(anyBytes, { minLength: 1, maxLength: 4 }), (files) => {
        const names = files.map((_, i) => `f${i}.txt`);
        const dir = tempDir(Object.fromEntries(names.map((name, i) => [name, files[i] ?? new Uint8Array()])));
        const run = runCli(['.'], dir);
        const expectedMessages: string[] = [];
        let binary = false;
        names.forEach((name, i) => {
          const bytes = files[i] ?? new Uint8Array();
          const decoded = decode(bytes);
          const output = path.join(dir, name.replace(/\.txt$/, '.clean.txt'));
          expect(readFileSync(path.join(dir, name)).equals(Buffer.from(bytes))).toBe(true);
          if (decoded.kind === 'binary') {
            binary = true;
            expectedMessages.push(`clean-news: ${name}: looks binary, skipped\n`);
            expect(readdirSync(dir)).not.toContain(path.basename(output));
            return;
          }
          if (decoded.warning !== undefined) expectedMessages.push(`clean-news: ${name}: ${decoded.warning}\n`);
          expect(readFileSync(output, 'utf8')).toBe(clean(decoded.text).text);
        });
        expect(run).toEqual({ status: binary ? 1 : 0, stdout: '', stderr: expectedMessages.join('') });
        removeTempDirs();
      }),
      { numRuns: 10 },
    );
  });
});
