import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/input/decode.js';
import { decodeWindows1252 } from '../src/input/windows-1252.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(parts.flatMap((part) => [...part]));
const WARNING = 'not valid UTF-8, decoded as Windows-1252';

describe('decode', () => {
  it('decodes UTF-8 without a warning', () => {
    expect(decode(utf8('Zoë’s café — 東京\n'))).toEqual({ kind: 'text', text: 'Zoë’s café — 東京\n' });
  });

  it('drops a UTF-8 BOM, but only the first one', () => {
    expect(decode(concat(bytes(0xef, 0xbb, 0xbf), utf8('title')))).toEqual({ kind: 'text', text: 'title' });
    expect(decode(concat(bytes(0xef, 0xbb, 0xbf), utf8('\uFEFFtitle')))).toEqual({ kind: 'text', text: '\uFEFFtitle' });
  });

  it('decodes bytes that are not valid UTF-8 as Windows-1252, with a warning', () => {
    expect(decode(bytes(0x63, 0x61, 0x66, 0xe9))).toEqual({ kind: 'text', text: 'café', warning: WARNING });
    // 0x80-0x9f are where Windows-1252 differs from Latin-1.
    expect(decode(bytes(0x80, 0x20, 0x93, 0x71, 0x94))).toEqual({ kind: 'text', text: '€ “q”', warning: WARNING });
  });

  it('does not let a UTF-8 BOM through into the Windows-1252 fallback', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0xe9))).toEqual({ kind: 'text', text: 'é', warning: WARNING });
  });

  it('decodes UTF-16 LE and BE with a BOM, dropping the BOM', () => {
    expect(decode(bytes(0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde))).toEqual({ kind: 'text', text: 'Hé😀' });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00))).toEqual({ kind: 'text', text: 'Hé😀' });
  });

  it('calls content with a NUL byte binary, in UTF-8, Windows-1252 and UTF-16 alike', () => {
    expect(decode(utf8('a page\0with a NUL'))).toEqual({ kind: 'binary' });
    expect(decode(bytes(0xe9, 0x00, 0x41))).toEqual({ kind: 'binary' });
    expect(decode(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0x00))).toEqual({ kind: 'binary' });
  });

  it('calls content that is mostly control characters binary, but not text with some', () => {
    expect(decode(bytes(0x01, 0x02, 0x41, 0x1b, 0x7f))).toEqual({ kind: 'binary' });
    expect(decode(bytes(0x01, 0x02, 0x41, 0x42, 0x43))).toEqual({ kind: 'text', text: '\x01\x02ABC' });
    // Tabs, line and page breaks are text, not control noise.
    expect(decode(utf8('\t\t\r\n\f\v\n'))).toEqual({ kind: 'text', text: '\t\t\r\n\f\v\n' });
  });

  it('decodes an empty file as empty text', () => {
    expect(decode(bytes())).toEqual({ kind: 'text', text: '' });
  });

  it('round-trips any UTF-8 text free of control characters', () => {
    const textChar = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 200 }).map((s) => s.replace(/[\p{Cc}\uFEFF]/gu, ''));
    fc.assert(
      fc.property(textChar, (text) => {
        expect(decode(utf8(text))).toEqual({ kind: 'text', text });
      }),
    );
  });
});

describe('decodeWindows1252', () => {
  const range = (from: number, to: number): Uint8Array => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('maps 0x80-0x9F to the Windows-1252 characters, unassigned bytes to C1 controls', () => {
    expect(decodeWindows1252(range(0x80, 0x9f))).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ');
  });

  it('maps every other byte to the code point of the same value', () => {
    const others = [...range(0x00, 0x7f), ...range(0xa0, 0xff)];
    expect(decodeWindows1252(Uint8Array.from(others))).toBe(String.fromCharCode(...others));
  });

  it('decodes inputs longer than one chunk whole', () => {
    const long = new Uint8Array(50_000).fill(0x93);
    expect(decodeWindows1252(long)).toBe('“'.repeat(50_000));
  });
});
