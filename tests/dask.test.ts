/**
 * The --jsonl map step on Dask's distributed scheduler (Debian's python3-distributed): a
 * LocalCluster of 2 worker processes maps 4,000 records in 8 partitions through
 * `clean-news --jsonl`. Every record must come back once, in order within its partition,
 * identical to one local run over all of them. Skipped, saying so, where Dask is not installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { wetFile } from '../scripts/crawl-files.js';
import { CLI, page, removeTempDirs, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const PYTHON = '/usr/bin/python3';
const hasDask = spawnSync(PYTHON, ['-c', 'import distributed'], { encoding: 'utf8' }).status === 0;
if (!hasDask) console.warn('dask.test.ts: skipped: Debian python3-distributed is not installed (.ci/run installs it)');

const RECORDS = 4_000;
const PARTITIONS = 8;

/** A small page each, with chrome, and every tenth line a bad record: error records must map like the rest. */
function record(n: number): string {
  if (n % 10 === 9) return n % 20 === 19 ? '{not json' : JSON.stringify({ id: n, body: 'no text field' });
  const text = [`Council approves plan ${n}`, '', `The council approved plan ${n} on Tuesday, and work on district ${n % 97} starts in May, officials said.`, 'Advertisement', `Residents of district ${n % 97} will be consulted first.`, 'Share this article'].join('\n');
  return JSON.stringify({ id: n, source: `site-${n % 7}`, text });
}

describe.skipIf(!hasDask)('the --jsonl map step on Dask', () => {
  it(`maps ${RECORDS} records in ${PARTITIONS} partitions on 2 worker processes, each back once, in order, as one local run gives them`, () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.jsonl');
    writeFileSync(input, Array.from({ length: RECORDS }, (_, n) => `${record(n)}\n`).join(''));

    const local = spawnSync(process.execPath, [CLI, '--jsonl', '--quiet'], { input: Array.from({ length: RECORDS }, (_, n) => `${record(n)}\n`).join(''), encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(local.status).toBe(0);
    const expected = local.stdout.trimEnd().split('\n');
    expect(expected).toHaveLength(RECORDS);

    const run = spawnSync(PYTHON, [path.join(import.meta.dirname, 'dask', 'map_jsonl.py'), CLI, input, String(PARTITIONS), '2'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { records: number; partitions: number; workers: number; seconds: number; workersUsed: number; outputs: string[][] };
    expect(result).toMatchObject({ records: RECORDS, partitions: PARTITIONS, workers: 2 });
    expect(result.workersUsed).toBe(2);
    // In order within each partition, partitions in input order: the local run's lines, but that
    // an error record counts its line within its partition, as the mapper that read it saw it.
    const size = RECORDS / PARTITIONS;
    expect(result.outputs.map((lines) => lines.length)).toEqual(Array.from({ length: PARTITIONS }, () => size));
    const asMapped = expected.map((line, k) => {
      const value = JSON.parse(line) as { line?: number; error?: string };
      return value.error === undefined ? line : JSON.stringify({ ...value, line: (value.line ?? 0) - Math.floor(k / size) * size });
    });
    expect(result.outputs.flat()).toEqual(asMapped);
    // Each record once: its id comes back once, error records by their line within the partition.
    const ids = result.outputs.flat().map((line) => (JSON.parse(line) as { id?: number }).id);
    expect(new Set(ids.filter((id) => id !== undefined)).size).toBe(RECORDS - RECORDS / 20);
    console.log(`dask: ${result.records} records, ${result.partitions} partitions, ${result.workersUsed} workers, ${result.seconds} s`);
  }, 600_000);
});

describe.skipIf(!hasDask)('the map step over WET files on Dask', () => {
  const FILES = 6;
  const PER_FILE = 300;

  it(`cleans ${FILES} WET files of ${PER_FILE} records on 2 worker processes, a file a task, each output as one local run writes it`, async () => {
    const dir = tempDir();
    const inputs: string[] = [];
    for (let f = 0; f < FILES; f++) {
      const input = path.join(dir, `CC-MAIN-${f}.warc.wet.gz`);
      writeFileSync(input, await wetFile(Array.from({ length: PER_FILE }, (_, n) => ({ url: `https://example.org/${f}/${n}`, text: page(`district ${f * PER_FILE + n}`) }))));
      inputs.push(input);
    }
    const out = tempDir();
    const run = spawnSync(PYTHON, [path.join(import.meta.dirname, 'dask', 'map_wet.py'), CLI, out, '2', ...inputs], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { files: number; workersUsed: number; seconds: number; results: Array<{ input: string; status: number; out: string; rejected: string; stderr: string }> };
    expect(result.workersUsed).toBe(2);
    expect(result.results.map(({ input, status, stderr }) => [input, status, stderr])).toEqual(inputs.map((input) => [input, 0, '']));
    for (const { input, out: written, rejected } of result.results) {
      const local = spawnSync(process.execPath, [CLI, '--quiet', input], { encoding: 'utf8', maxBuffer: 1 << 30 });
      expect(gunzipSync(readFileSync(written)).toString('utf8')).toBe(local.stdout);
      expect(local.stdout.trimEnd().split('\n')).toHaveLength(PER_FILE);
      expect(readFileSync(rejected, 'utf8')).toBe('');
    }
    console.log(`dask: ${FILES} WET files, ${FILES * PER_FILE} records, ${result.workersUsed} workers, ${result.seconds} s`);
  }, 600_000);
});
