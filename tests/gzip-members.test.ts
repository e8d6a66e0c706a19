/** Gzip members one by one: boundaries, damage and the search for the next member, whatever the chunking. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipMembers } from '../src/input/gzip-members.js';

/** The bytes as a stream cut into chunks of these sizes, the last taking the rest. */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) return;
    yield bytes.subarray(at, at + size);
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function read(bytes: Uint8Array, sizes: readonly number[] = []): Promise<Array<{ offset: number; text: string; error?: string }>> {
  const members = [];
  for await (const member of gzipMembers(chunked(bytes, sizes))) {
    const parts: Uint8Array[] = [];
    for await (const chunk of member.chunks) parts.push(chunk);
    members.push({ offset: member.offset, text: Buffer.concat(parts).toString('utf8'), ...(member.error === undefined ? {} : { error: member.error }) });
  }
  return members;
}

const texts = ['first record\n', 'second record, a little longer\n', 'third\n'];
const members = texts.map((text) => gzipSync(text));
const offsets = members.map((_, n) => members.slice(0, n).reduce((sum, member) => sum + member.length, 0));

describe('gzipMembers', () => {
  it('gives each member with its offset and its text, however the stream is chunked', async () => {
    const file = Buffer.concat(members);
    const expected = texts.map((text, n) => ({ offset: offsets[n]!, text }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }), async (sizes) => {
        expect(await read(file, sizes)).toEqual(expected);
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('inflates a member far larger than a piece, and one that inflates 1,000-fold, a piece at a time', async () => {
    const big = 'x'.repeat(5_000_000);
    const [member] = await read(Buffer.concat([gzipSync(big)]), [7]);
    expect(member!.text.length).toBe(big.length);
    expect(member!.error).toBeUndefined();
  });

  it('reports a corrupt member and finds the next header, even one split between two chunks', async () => {
    const bad = Buffer.from(members[1]!);
    bad[12]! ^= 0xff;
    const file = Buffer.concat([members[0]!, bad, members[2]!]);
    const headerAt = offsets[2]!;
    for (const sizes of [[], [headerAt + 1], [headerAt + 2], [1, 1, 1]]) {
      const got = await read(file, sizes);
      expect(got.map(({ offset, text }) => [offset, text])).toEqual([
        [0, texts[0]],
        [offsets[1], expect.any(String)],
        [headerAt, texts[2]],
      ]);
      expect(got[1]!.error).toMatch(/^corrupt gzip data/);
    }
  });

  it('reports bytes that are no gzip data, before, between and after members', async () => {
    const junk = Buffer.from('junk!');
    const got = await read(Buffer.concat([junk, members[0]!, junk, members[1]!, junk]));
    expect(got).toEqual([
      { offset: 0, text: '', error: '5 bytes that are not gzip data' },
      { offset: 5, text: texts[0] },
      { offset: 5 + members[0]!.length, text: '', error: '5 bytes that are not gzip data' },
      { offset: 10 + members[0]!.length, text: texts[1] },
      { offset: 10 + members[0]!.length + members[1]!.length, text: '', error: 'the file ends in bytes that are not gzip data' },
    ]);
  });

  it('reports a member the file ends inside as truncated', async () => {
    const got = await read(Buffer.concat([members[0]!, members[1]!.subarray(0, 15)]));
    expect(got[1]).toEqual({ offset: members[0]!.length, text: expect.any(String), error: 'truncated: the file ends inside this gzip member' });
  });

  it('skips what a reader leaves of a member, and gives the next', async () => {
    const seen = [];
    for await (const member of gzipMembers(chunked(Buffer.concat(members), []))) seen.push(member.offset);
    expect(seen).toEqual(offsets);
  });
});
