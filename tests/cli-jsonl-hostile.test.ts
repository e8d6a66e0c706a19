/**
 * --jsonl against records no one should send but someone will: nesting deep enough to overflow
 * the stack, lines that never end, bytes that are not UTF-8, random bytes. One line out for
 * every line in, exit 0, whatever comes.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const nested = (depth: number): string => JSON.stringify({ id: 'deep', x: 0, text: 'The storm reached the coast on Monday.' }).replace('0', `${'['.repeat(depth)}${']'.repeat(depth)}`);
const good = (id: number): string => JSON.stringify({ id, text: page(`the harbour ${id}`) });

/** Input lines as the reader counts them: a last line without a newline counts, a final newline adds none. */
function lineCount(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}

describe('--jsonl with hostile records', () => {
  it('turns a record nested 5,000 or 100,000 levels deep into an error record, the same with --jobs 1 and 2', () => {
    const input = [good(1), nested(5_000), nested(100_000), nested(999), good(2)].join('\n');
    const one = runCli(['--jsonl', '--jobs', '1'], tempDir(), input);
    expect(one.status).toBe(0);
    const records = one.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record['error'] ?? record['id'])).toEqual([1, 'nested deeper than 1000 levels', 'nested deeper than 1000 levels', 'deep', 2]);
    expect(one.stderr).toBe('clean-news: line 2: nested deeper than 1000 levels\nclean-news: line 3: nested deeper than 1000 levels\n');
    expect(runCli(['--jsonl', '--jobs', '2'], tempDir(), input)).toEqual(one);
  });

  it('drops a record longer than --max-bytes as it comes, and goes on with the next', () => {
    const endless = Buffer.alloc(20 * 1024 * 1024);
    const input = Buffer.concat([Buffer.from(`${good(1)}\n`), endless, Buffer.from(`\n${good(2)}\n`), endless]);
    const run = runCli(['--jsonl', '--max-bytes', '1M'], tempDir(), input);
    expect(run.status).toBe(0);
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record['error'] ?? record['id'])).toEqual([1, 'longer than 1 MB (--max-bytes)', 2, 'longer than 1 MB (--max-bytes)']);
    expect(run.stderr).toBe('clean-news: line 2: longer than 1 MB (--max-bytes)\nclean-news: line 4: longer than 1 MB (--max-bytes)\n');
  });

  it('decodes a record that is not UTF-8 as Windows-1252, with the warning a file gets, and takes a BOM at the start', () => {
    const latin = Buffer.from(`${JSON.stringify({ id: 'b', text: 'Caf_ terrace reopens on Monday after a long winter, the owner said.' })}\n`, 'latin1');
    latin[latin.indexOf('_')] = 0xe9;
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${good(1)}\n`), latin]);
    const run = runCli(['--jsonl'], tempDir(), input);
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: unknown; text: string });
    expect(records.map((record) => record.id)).toEqual([1, 'b']);
    expect(records[1]?.text).toContain('Café terrace');
    expect(run.stderr).toBe('clean-news: line 2: not valid UTF-8, decoded as Windows-1252\n');
  });

  it('keeps its contract on random bytes, nesting and line lengths: one valid JSON line out for every line in, exit 0', () => {
    const line = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.integer({ min: 0, max: 3_000 }).map((depth) => Buffer.from(nested(depth))),
      fc.integer({ min: 0, max: 5_000 }).map((id) => Buffer.from(good(id))),
      fc.integer({ min: 0, max: 3_000 }).map((length) => Buffer.from(JSON.stringify({ text: 'word '.repeat(length) }))),
      fc.string({ maxLength: 200 }).map((text) => Buffer.from(JSON.stringify({ text }))),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('1', '2'), fc.boolean(), (lines, jobs, finalNewline) => {
        const input = Buffer.concat([...lines.flatMap((bytes, k) => (k === 0 ? [bytes] : [Buffer.from('\n'), bytes])), Buffer.from(finalNewline ? '\n' : '')]);
        const run = runCli(['--jsonl', '--jobs', jobs, '--max-bytes', '8K', '--quiet'], tempDir(), input);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        const out = run.stdout === '' ? [] : run.stdout.slice(0, -1).split('\n');
        expect(out).toHaveLength(lineCount(input));
        for (const record of out) expect(JSON.parse(record)).toSatisfy((value: Record<string, unknown>) => 'schemaVersion' in value || 'error' in value);
      }),
      { numRuns: 15 },
    );
  }, 600_000);
});
