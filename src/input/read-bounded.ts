/** Reading an open file to its end, never past a bound: what a huge or endless file (/dev/zero) cannot get round. */
import { readSync } from 'node:fs';

/**
 * The bytes of `fd` from where it stands to its end, or null as soon as there are more than
 * `maxBytes`. `sizeHint` (the file's size, when known) sizes the first buffer.
 */
export function readToEndBounded(fd: number, maxBytes: number, sizeHint = 64 * 1024): Buffer | null {
  // The file may grow while it is read: read to its end, but never past the bound.
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return null;
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length > maxBytes ? null : buffer.subarray(0, length);
}
