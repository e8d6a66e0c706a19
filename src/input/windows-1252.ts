/**
 * Windows-1252 -> string. Written out because Node 20's TextDecoder('windows-1252') decodes
 * Latin-1 instead (0x80 gives U+0080, not '€'), and 0x80-0x9F is where the curly quotes,
 * dashes and € of old news pages live.
 */

// Code points for bytes 0x80-0x9F; the five unassigned bytes map to the C1 control of the same value, as WHATWG does.
const BYTES_80_TO_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

// Bounded so String.fromCharCode never gets more arguments than the engine allows.
const CHUNK = 0x2000;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const units = Array.from(bytes.subarray(start, start + CHUNK), (byte) => BYTES_80_TO_9F[byte - 0x80] ?? byte);
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}
