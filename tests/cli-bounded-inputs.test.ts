/** Inputs are bounded: over --max-bytes they are skipped while read, and what is not a regular file is refused unread. */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBytes, parseByteCount } from '../src/cli/read-input.js';
import { CLI, listFiles, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

describe('bounded inputs', () => {
  it('skip a file over --max-bytes with one line, and clean the others', () => {
    const dir = tempDir({ 'big.txt': page('the harbour').repeat(40), 'small.txt': page('the ferry') });
    const run = runCli(['--max-bytes', '2K', 'big.txt', 'small.txt'], dir);
    expect(run).toMatchObject({ status: 1, stderr: 'clean-news: big.txt: larger than 2 KB (--max-bytes), skipped\n' });
    expect(listFiles(dir)).toEqual(['big.txt', 'small.clean.txt', 'small.txt']);
  });

  it('stop reading standard input past --max-bytes', async () => {
    const child = spawn(process.execPath, [CLI, '--max-bytes', '64K'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // It stops reading and exits while this is still writing: the pipe closes under the writer.
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.alloc(5 * 1024 * 1024, 0x61));
    const [status] = (await once(child, 'close')) as [number];
    expect({ status, stderr }).toEqual({ status: 1, stderr: 'clean-news: standard input: larger than 64 KB (--max-bytes), skipped\n' });
  });

  it('refuse devices and FIFOs named as inputs at once, and as expected files in check', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt'), path.join(dir, 'a.clean.txt')]);
    const run = runCli(['--stdout', '/dev/zero', 'pipe.txt'], dir);
    expect(run).toMatchObject({
      status: 1,
      stderr: 'clean-news: /dev/zero: not a regular file (a device), skipped\nclean-news: pipe.txt: not a regular file (a FIFO), skipped\n',
    });
    expect(runCli(['check', 'a.txt'], dir)).toMatchObject({
      status: 1,
      stderr: 'clean-news: a.txt: expected output a.clean.txt: not a regular file (a FIFO), skipped\n',
    });
  });

  it('refuse an input or expected file over --max-bytes in check', () => {
    const dir = tempDir({ 'a.txt': page('the harbour').repeat(40) });
    writeFileSync(path.join(dir, 'a.clean.txt'), 'x\n');
    expect(runCli(['check', '--max-bytes', '1K', 'a.txt'], dir)).toMatchObject({ status: 1, stderr: 'clean-news: a.txt: larger than 1 KB (--max-bytes), skipped\n' });
  });

  it('read sizes with units and print them back', () => {
    expect(['1000', '64K', '256M', '1g', '2KB'].map(parseByteCount)).toEqual([1000, 65_536, 268_435_456, 1_073_741_824, 2048]);
    expect(['', '0', '-1', '1.5M', '12x', '9'.repeat(20)].map(parseByteCount)).toEqual([null, null, null, null, null, null]);
    expect([268_435_456, 1000, 65_536].map(describeBytes)).toEqual(['256 MB', '1000 bytes', '64 KB']);
    expect(runCli(['--max-bytes', '1.5M', 'a.txt'], tempDir())).toMatchObject({ status: 2, stderr: expect.stringMatching(/argument '1\.5M' is invalid/) });
  });
});
