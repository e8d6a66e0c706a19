/** The exit status tells the truth: a failed write is one line and status 1, a reader that left is quiet, nothing prints a stack trace. */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

/** Runs the CLI with its stdout on /dev/full, where every write fails with ENOSPC. */
function intoFullDisk(args: readonly string[], cwd: string): { status: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    closeSync(full);
  }
}

const NO_SPACE = 'clean-news: standard output: no space left on device\n';

describe('exit status', () => {
  it('is 1, with one line, when stdout is full: learn, --help, --version, rules', () => {
    const dir = tempDir({ 'a.txt': page('the harbour'), 'b.txt': page('the ferry'), 'c.txt': page('the bridge') });
    for (const args of [['learn', '.'], ['--help'], ['--version'], ['check', '--help'], ['rules']]) {
      expect(intoFullDisk(args, dir), args.join(' ')).toEqual({ status: 1, stderr: NO_SPACE });
    }
  });

  it('is 0 and quiet when the reader of --help leaves before it is written', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('is 1, with one line, when the working directory was deleted', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    const gone = path.join(dir, 'gone');
    mkdirSync(gone);
    const run = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${CLI}" --stdout "${path.join(dir, 'a.txt')}"`], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: 'clean-news: working directory: cannot be read (ENOENT): was it deleted?\n' });
  });

  it('caps --jobs at 4 per core with a warning, and prints no listener warning even with -q', () => {
    const dir = tempDir();
    const input = Array.from({ length: 50 }, (_, n) => JSON.stringify({ id: n, text: page(`district ${n}`) })).join('\n');
    const cap = 4 * availableParallelism();
    const loud = runCli(['--jsonl', '--jobs', String(cap + 3)], dir, input);
    expect(loud).toMatchObject({ status: 0, stderr: `clean-news: --jobs: ${cap + 3} is more than 4 per core: using ${cap}\n` });
    expect(loud.stdout.trimEnd().split('\n')).toHaveLength(50);
    expect(runCli(['--jsonl', '--jobs', '10', '-q'], dir, input)).toMatchObject({ status: 0, stderr: '' });
  });
});
