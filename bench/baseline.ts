/**
 * The CLI of another commit, built in a temporary directory, so that the bench times it against
 * this one in the same run, on the same corpus (`npm run bench -- --baseline REV`). The commit's
 * files come from `git archive`; its devDependencies are taken from this checkout's
 * node_modules (the build tools, which are the same for the commits it is meant for), and it is
 * built with its own `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

function run(command: string, args: readonly string[], cwd: string, input?: Buffer): Buffer {
  const result = spawnSync(command, args, { cwd, input, maxBuffer: 1 << 30, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString().trim().split('\n').slice(-3).join(' | ')}`);
  return result.stdout;
}

/** Builds commit `rev` of the repository at `root` in `dir`; returns the commit and its bin script. */
export function buildBaseline(root: string, rev: string, dir: string): { commit: string; bin: string } {
  const commit = run('git', ['rev-parse', '--verify', '--short', `${rev}^{commit}`], root).toString().trim();
  mkdirSync(dir, { recursive: true });
  run('tar', ['-x', '-C', dir], root, run('git', ['archive', '--format=tar', commit], root));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  run('npm', ['run', 'build', '--silent'], dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['clean-news'];
  if (bin === undefined) throw new Error(`commit ${commit} has no clean-news bin in its package.json`);
  return { commit, bin: path.join(dir, bin) };
}
