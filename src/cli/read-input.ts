/**
 * Reading inputs with a bound: a page larger than --max-bytes is refused while it is read, not
 * after it has filled the memory, and what is not a regular file (a FIFO, a device, a socket)
 * is refused before it is read, since reading it might never end.
 */
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { readToEndBounded } from '../input/read-bounded.js';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** An input that is not read, and why: reported as `clean-news: PATH: <message>`. */
export class InputRefused extends Error {}

const UNITS: readonly [string, number][] = [
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['KB', 1024],
];

/** 268435456 -> "256 MB"; a size that is no whole number of units stays in bytes. */
export function describeBytes(bytes: number): string {
  for (const [unit, size] of UNITS) if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  return `${bytes} bytes`;
}

/** `--max-bytes`: a whole number of bytes, or of K, M or G (powers of 1024). */
export function parseByteCount(value: string): number | null {
  const match = /^([1-9]\d*)\s*([KMG])?B?$/i.exec(value.trim());
  if (!match) return null;
  const unit = match[2] === undefined ? 1 : (UNITS.find(([name]) => name[0] === match[2]?.toUpperCase())?.[1] ?? 1);
  const bytes = Number(match[1]) * unit;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

function tooLarge(maxBytes: number): InputRefused {
  return new InputRefused(`larger than ${describeBytes(maxBytes)} (--max-bytes), skipped`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** A file's bytes, and its permission bits: what its output is created with. */
export interface BoundedFile {
  bytes: Buffer;
  mode: number;
}

/**
 * A regular file's bytes, at most `maxBytes` of them, and its mode. Opened without blocking, so
 * a FIFO named as an input does not wait for a writer before it is refused.
 */
export function readFileBounded(file: string, maxBytes: number): BoundedFile {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputRefused(`not a regular file (${kindOf(stats)}), skipped`);
    if (stats.size > maxBytes) throw tooLarge(maxBytes);
    const bytes = readToEndBounded(fd, maxBytes, stats.size);
    if (bytes === null) throw tooLarge(maxBytes);
    return { bytes, mode: stats.mode & 0o777 };
  } finally {
    closeSync(fd);
  }
}

/** A stream's bytes, at most `maxBytes`: reading stops as soon as it has more. */
export async function readStreamBounded(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length);
}
