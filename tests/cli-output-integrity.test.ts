/** Outputs are whole or absent: no temporary file survives a signal or a killed run, permission bits carry over, long names work. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPathFor } from '../src/cli/temp-files.js';
import { CLI, page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

/** A pid that no process has: above the kernel's default maximum. */
const DEAD_PID = 4_194_305;

describe('output integrity', () => {
  it('stops on SIGTERM between two writes, leaving no temporary file, and dies of the signal', async () => {
    const dir = tempDir();
    // Large pages, so that writes are under way when the signal comes.
    const text = page('the harbour').repeat(3_000);
    for (let n = 0; n < 60; n++) writeFileSync(path.join(dir, `p${n}.txt`), text);
    const child = spawn(process.execPath, [CLI, '--jobs', '2', '--quiet', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Signal once the first outputs are there.
    while (!readdirSync(dir).some((name) => name.endsWith('.clean.txt'))) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGTERM', stderr: '' });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('removes the temporary files a killed run left next to the outputs it writes, not those of running processes', () => {
    const dir = tempDir({ 'a.txt': page('the harbour') });
    const target = path.join(dir, 'a.clean.txt');
    // This version's naming, and those of earlier ones (a random tag, a thread id).
    const stale = [tempPathFor(target, DEAD_PID), path.join(dir, `.b.clean.txt.${DEAD_PID}.0a1b2c3d.tmp`), path.join(dir, `.c.clean.txt.${DEAD_PID}.2.tmp`)];
    const live = tempPathFor(target, process.pid);
    for (const file of [...stale, live]) writeFileSync(file, 'half a page');
    expect(runCli(['a.txt'], dir).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([path.basename(live), 'a.clean.txt', 'a.txt']);
  });

  it("gives an output its input's permission bits", () => {
    const dir = tempDir({ 'private.txt': page('the harbour'), 'shared.txt': page('the ferry') });
    chmodSync(path.join(dir, 'private.txt'), 0o600);
    chmodSync(path.join(dir, 'shared.txt'), 0o644);
    expect(runCli(['private.txt', 'shared.txt', '--format', 'json'], dir).status).toBe(0);
    expect(statSync(path.join(dir, 'private.clean.json')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'shared.clean.json')).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('writes an output whose name is near the file-system limit, though its temporary name would be longer', () => {
    const name = `${'a'.repeat(245)}.txt`;
    const dir = tempDir({ [name]: page('the harbour') });
    expect(runCli([name], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(dir)).toContain(`${'a'.repeat(245)}.clean.txt`);
    expect(Buffer.byteLength(path.basename(tempPathFor(path.join(dir, `${'é'.repeat(120)}.clean.txt`))))).toBeLessThanOrEqual(255);
  });
});
