/** Bytes of a scraped page -> text, guessing the encoding the way editors do. */

import { decodeWindows1252 } from './windows-1252.js';

export type Decoded = { kind: 'text'; text: string; warning?: string } | { kind: 'binary' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

// The UTF-8 BOM is cut off by hand (the Windows-1252 fallback must not see it either),
// so ignoreBOM keeps the decoder from also eating a second one that belongs to the content.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// These drop the BOM themselves. Without a BOM, UTF-16 is not guessed: its NUL bytes make it look
// binary, which is safer than garbling it.
const utf16le = utf16Decoders('utf-16le');
const utf16be = utf16Decoders('utf-16be');

export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, UTF16LE_BOM)) return decodeUtf16(bytes, utf16le);
  if (startsWith(bytes, UTF16BE_BOM)) return decodeUtf16(bytes, utf16be);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const { text, warning } = decodeUtf8(body);
  return checked(text, warning);
}

/** UTF-8, else Windows-1252 with a warning: how pages and --jsonl records are read alike. */
export function decodeUtf8(bytes: Uint8Array): { text: string; warning?: string } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // Pages from old sites are often Windows-1252; it maps every byte, so it is the fallback.
    return { text: decodeWindows1252(bytes), warning: 'not valid UTF-8, decoded as Windows-1252' };
  }
}

/** Whether the bytes start with a UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, UTF8_BOM);
}

interface Utf16Decoders {
  name: string;
  /** Throws on a lone surrogate or an odd last byte. */
  strict: InstanceType<typeof TextDecoder>;
  /** Shows them as U+FFFD. */
  lenient: InstanceType<typeof TextDecoder>;
}

function utf16Decoders(label: 'utf-16le' | 'utf-16be'): Utf16Decoders {
  return { name: label.toUpperCase(), strict: new TextDecoder(label, { fatal: true }), lenient: new TextDecoder(label) };
}

/** Bad UTF-16 has no other reading: it becomes U+FFFD, as editors show it, but never silently. */
function decodeUtf16(bytes: Uint8Array, decoders: Utf16Decoders): Decoded {
  try {
    return checked(decoders.strict.decode(bytes));
  } catch {
    return checked(decoders.lenient.decode(bytes), `not valid ${decoders.name}, undecodable bytes replaced with U+FFFD`);
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function checked(text: string, warning?: string | undefined): Decoded {
  if (looksBinary(text)) return { kind: 'binary' };
  return warning === undefined ? { kind: 'text', text } : { kind: 'text', text, warning };
}

/** NUL never occurs in text; otherwise, a page that is mostly control characters is not a page. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls++;
  }
  return controls * 2 > text.length;
}

// C0 controls and DEL, except the whitespace ones that real text uses (\t \n \v \f \r).
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}
