import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  const clean = (dir: string) => spawnSync(process.execPath, [path.join(dir, 'bin', 'clean-news.cjs'), '--stdout', '-'], { input: page, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: tempDir() } });

  /** Which cache a CLI copy compiles from, with `home` as the user's cache directory. */
  const cacheUsed = (dir: string, home: string) =>
    spawnSync(process.execPath, ['-e', `console.log(require(${JSON.stringify(path.join(dir, 'bin', 'load-cli.cjs'))}).loadCli().cache)`], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } }).stdout.trim();

  it('is accepted by the Node that built it', () => {
    const script = `const { script, cache } = require(${JSON.stringify(LOADER)}).loadCli(); console.log(script.cachedDataRejected, cache);`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout).toBe('false package\n');
  });

  it("under a Node that rejects the package's cache, is written for that Node in the user's cache directory and used from there", () => {
    const dir = packageCopy();
    const home = tempDir();
    writeFileSync(path.join(dir, 'dist', 'bundle', 'cli.cache'), Buffer.from('not a code cache'));
    expect(cacheUsed(dir, home)).toBe('null');
    const written = path.join(home, 'clean-news', `cli-${process.version}-${process.arch}.cache`);
    expect(statSync(written).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(written)).mode & 0o777).toBe(0o700);
    expect(cacheUsed(dir, home)).toBe('user');
    // A cache directory others may write to is neither read nor written: a cache is code.
    chmodSync(path.dirname(written), 0o777);
    expect(cacheUsed(dir, home)).toBe('null');
    chmodSync(path.dirname(written), 0o700);
    chmodSync(written, 0o666);
    expect(cacheUsed(dir, home)).toBe('null');
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
