import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, removeTempDirs, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const ROOT = path.join(path.dirname(CLI), '..');
const LOADER = path.join(ROOT, 'bin', 'load-cli.cjs');

/** Node's built-in modules that a CLI run loads beyond those Node itself starts with. */
function builtinsLoadedBy(args: readonly string[], cwd: string): string[] {
  const script = `
    const before = new Set(process.moduleLoadList);
    process.on('exit', () => console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13)))));
    require(${JSON.stringify(LOADER)}).loadCli().main(${JSON.stringify(args)});`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe('start-up', () => {
  it('a one-page run loads none of the modules that only other runs need', () => {
    const dir = tempDir({ 'a.txt': readFileSync(path.join(ROOT, 'fixtures', 'seeds', '000_e3f9d65b3f747020.txt')) });
    const loaded = builtinsLoadedBy(['--quiet', 'a.txt'], dir);
    expect(readFileSync(path.join(dir, 'a.clean.txt'), 'utf8')).not.toBe('');
    for (const name of ['worker_threads', 'crypto', 'fs/promises', 'stream/consumers']) expect(loaded).not.toContain(name);
  });
});
