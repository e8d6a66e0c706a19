/**
 * Bad input, the messages: every failure is one line on stderr, `clean-news: PATH: what
 * happened`, never a stack trace (the failures bad input causes are all known ones, so not even
 * under --debug), the run goes on, and the batch summary counts the failures.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, NO_COLOR, page, removeTempDirs, runCli, runCliWithSummary, tempDir } from './cli-helpers.js';

const STACK_LINE = /^\s+at /m;

/** A directory holding every kind of bad input next to good pages, and the arguments that name them. */
function badBatch(): string {
  const dir = tempDir({
    'a.txt': page('the harbour'),
    'old.txt': Buffer.from(page('the café').replace('é', '\xe9'), 'latin1'),
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
    'blocked.txt': page('the bridge'),
    'z.txt': page('the park'),
  });
  symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
  mkdirSync(path.join(dir, 'blocked.clean.txt'));
  return dir;
}

const ARGS = ['a.txt', 'old.txt', 'binary.txt', 'dangling.txt', 'socket.txt', 'gone.txt', 'x/*.txt', 'blocked.txt', 'z.txt'];
const WARNING = 'clean-news: old.txt: not valid UTF-8, decoded as Windows-1252';
const FAILURES = [
  'clean-news: binary.txt: looks binary, skipped',
  'clean-news: dangling.txt: no such file or directory',
  'clean-news: socket.txt: no such device or address',
  'clean-news: gone.txt: no such file or directory',
  "clean-news: 'x/*.txt': no files match",
  'clean-news: blocked.txt: cannot write blocked.clean.txt: is a directory',
];

let socket: Server | undefined;
let dir = '';

beforeEach(async () => {
  dir = badBatch();
  // A socket named like a page: even root cannot read one.
  const server = createServer();
  socket = server;
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
});

afterEach(async () => {
  const server = socket;
  socket = undefined;
  if (server !== undefined) await new Promise((resolve) => server.close(resolve));
  removeTempDirs();
});

describe('messages for bad input', () => {
  it('gives each failure one line, in input order, goes on with the rest, exits 1 and counts the failures in the summary', () => {
    const run = runCliWithSummary(ARGS, dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -2)).toEqual([WARNING, ...FAILURES]);
    expect(lines.at(-2)).toMatch(/^clean-news: 3 cleaned, 6 failed, 0 skipped \(own outputs\); [\d,]+ characters in, [\d,]+ out$/);
    expect(lines.at(-1)).toMatch(/^clean-news: top rules: /);
    expect(listFiles(dir).filter((file) => file.endsWith('.clean.txt'))).toEqual(['a.clean.txt', 'old.clean.txt', 'z.clean.txt']);
  });

  it('gives the same messages, in the same order, when worker threads clean the files (--jobs)', () => {
    expect(runCliWithSummary(['--jobs', '2', ...ARGS], dir, NO_COLOR)).toEqual(runCliWithSummary(ARGS, dir, NO_COLOR));
  });

  it('prints no stack trace for them, not even under --debug', () => {
    const plain = runCliWithSummary(ARGS, dir, NO_COLOR);
    const debug = runCliWithSummary(['--debug', ...ARGS], dir, NO_COLOR);
    expect(debug).toEqual(plain);
    expect(debug.stderr).not.toMatch(STACK_LINE);
    for (const line of debug.stderr.trimEnd().split('\n')) expect(line).toMatch(/^clean-news: \S/);
  });

  it('still prints every failure under --quiet, without the warning and the summary', () => {
    expect(runCliWithSummary(['--quiet', ...ARGS], dir, NO_COLOR)).toEqual({ status: 1, stdout: '', stderr: FAILURES.map((line) => `${line}\n`).join('') });
  });

  it('keeps the failures off stdout when printing: only the good pages are printed', () => {
    const run = runCli(['--stdout', '--format', 'json', ...ARGS], dir);
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { input: string }).input)).toEqual(['a.txt', 'old.txt', 'blocked.txt', 'z.txt']);
    // Printing writes no files, so the blocked output is no failure here.
    expect(run.stderr).toBe([WARNING, ...FAILURES.slice(0, -1)].map((line) => `${line}\n`).join(''));
  });

  it('names standard input as such', () => {
    expect(runCli(['-'], dir, new Uint8Array([0x00, 0x01, 0x02]))).toEqual({ status: 1, stdout: '', stderr: 'clean-news: standard input: looks binary, skipped\n' });
  });
});
