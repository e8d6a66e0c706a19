/**
 * The line model's weights as saved in the source tree: only the non-zero ones (L1 leaves most
 * hashed buckets at zero), each as the gap to the previous index (a varint) and a 16-bit value
 * scaled by the largest weight, the whole in base64. About 3 bytes a weight.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(chunk >> 18) & 63];
    out += BASE64[(chunk >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[chunk & 63] : '=';
  }
  return out;
}

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/** Node's own base64 decoder, where the engine runs on Node: a loop in JS costs milliseconds of start-up. */
const nodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;

function fromBase64(text: string): Uint8Array {
  if (nodeBuffer && /^[A-Za-z0-9+/]*={0,2}$/.test(text)) return nodeBuffer.from(text, 'base64');
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const digit = DIGIT[clean.charCodeAt(i)] ?? -1;
    if (digit < 0) throw new Error(`model weights: invalid base64 at ${i}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

export interface EncodedWeights {
  /** The largest absolute weight: a stored value v means v / 32767 * scale. */
  scale: number;
  data: string;
}

export function encodeWeights(weights: ArrayLike<number>): EncodedWeights {
  let scale = 0;
  for (let i = 0; i < weights.length; i++) scale = Math.max(scale, Math.abs(weights[i] ?? 0));
  const bytes: number[] = [];
  let previous = -1;
  for (let i = 0; i < weights.length; i++) {
    const value = scale === 0 ? 0 : Math.round(((weights[i] ?? 0) / scale) * 32767);
    if (value === 0) continue;
    for (let gap = i - previous; ; gap >>>= 7) {
      if (gap < 0x80) {
        bytes.push(gap);
        break;
      }
      bytes.push((gap & 0x7f) | 0x80);
    }
    const unsigned = value & 0xffff;
    bytes.push(unsigned >> 8, unsigned & 0xff);
    previous = i;
  }
  return { scale, data: toBase64(Uint8Array.from(bytes)) };
}

export function decodeWeights(encoded: EncodedWeights, size: number): Float32Array {
  const weights = new Float32Array(size);
  const bytes = fromBase64(encoded.data);
  let index = -1;
  for (let at = 0; at < bytes.length; ) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++] ?? 0;
      gap |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    index += gap;
    const raw = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    at += 2;
    if (index >= size) throw new Error(`model weights: index ${index} outside ${size}`);
    weights[index] = ((raw << 16) >> 16) / 32767 * encoded.scale;
  }
  return weights;
}
