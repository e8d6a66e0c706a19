import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('the code cache', () => {
  /** A copy of the package's bin and bundle, whose cache a test may take away or spoil. */
  function packageCopy(): string {
    const dir = tempDir({ 'package.json': readFileSync(path.join(ROOT, 'package.json')) });
    cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist', 'bundle'), path.join(dir, 'dist', 'bundle'), { recursive: true });
    return dir;
  }
  const page = readFileSync(path.join(ROOT, 'fixtures', 'seeds', '000_e3f9d65b3f747020.txt'));
  const expected = readFileSync(path.join(ROOT, 'fixtures', 'seeds', '000_e3f9d65b3f747020.clean.txt'), 'utf8');
  const clean = (dir: string) => spawnSync(process.execPath, [path.join(dir, 'bin', 'clean-news.cjs'), '--stdout', '-'], { input: page, encoding: 'utf8' });

  it('is accepted by the Node that built it', () => {
    const script = `const { script } = require(${JSON.stringify(LOADER)}).loadCli(); console.log(script.cachedDataRejected);`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout).toBe('false\n');
  });

  it('is not needed: without one, or with one this V8 rejects, the CLI cleans as it does with it', () => {
    const dir = packageCopy();
    const cache = path.join(dir, 'dist', 'bundle', 'cli.cache');
    expect(clean(dir)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    writeFileSync(cache, Buffer.from('not a code cache'));
    expect(clean(dir)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    rmSync(cache);
    expect(clean(dir)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
  });
});
