/**
 * Finding the configuration file, apart from reading it: a run without one needs neither the
 * schema validator nor the rule-file reader, so the CLI can skip loading them.
 *
 * A file found by searching is used only if it is safe, as git decides for a repository
 * (safe.directory): a configuration another user planted in a parent directory (world-writable
 * /tmp) would otherwise send outputs where they choose and apply their rules. Files named on
 * the command line are the user's choice and are not checked.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const CONFIG_FILE_NAME = 'clean-news.config.json';

export interface FoundConfig {
  /** The configuration file to use, or null. */
  file: string | null;
  /** Files named like a configuration that were passed over, and why. */
  warnings: ConfigWarning[];
}

export interface ConfigWarning {
  file: string;
  message: string;
}

const WRITABLE_BY_OTHERS = 0o002;
const STICKY = 0o1000;

/** Why a file found by searching must not be trusted, or null when it may. */
export function unsafeReason(file: string, stats: Stats, uid = process.getuid?.()): string | null {
  // Without user ids (Windows), there is nothing to compare.
  if (uid === undefined) return null;
  if (stats.uid !== uid && stats.uid !== 0) return `owned by another user (uid ${stats.uid})`;
  if (stats.mode & WRITABLE_BY_OTHERS) return 'writable by other users';
  const dir = path.dirname(file);
  const dirStats = statSync(dir);
  // In a sticky directory such as /tmp, only a file's owner can replace it.
  if (dirStats.mode & WRITABLE_BY_OTHERS && !(dirStats.mode & STICKY && stats.uid === uid)) return `in ${dir}, which other users can write to`;
  return null;
}

function isRepositoryRoot(dir: string): boolean {
  return statSync(path.join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
}

/**
 * The nearest clean-news.config.json in `cwd` or its parents, up to the user's home or the
 * repository's root, whichever comes first. The nearest file named so decides: when it cannot
 * be used (unsafe, a directory, unreadable), the run goes on without a configuration, saying why.
 */
export function findConfigFile(cwd: string, home: string = homedir()): FoundConfig {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const found = checkCandidate(candidate);
    if (found !== undefined) return found;
    if (dir === path.resolve(home) || isRepositoryRoot(dir) || path.dirname(dir) === dir) return { file: null, warnings: [] };
  }
}

function checkCandidate(candidate: string): FoundConfig | undefined {
  let stats: Stats | undefined;
  try {
    stats = statSync(candidate, { throwIfNoEntry: false });
  } catch (error) {
    return ignored(candidate, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (stats === undefined) return undefined;
  if (!stats.isFile()) return ignored(candidate, 'is not a file');
  try {
    accessSync(candidate, constants.R_OK);
  } catch {
    return ignored(candidate, 'cannot be read');
  }
  const unsafe = unsafeReason(candidate, stats);
  if (unsafe !== null) return ignored(candidate, unsafe);
  return { file: candidate, warnings: [] };
}

function ignored(file: string, why: string): FoundConfig {
  return { file: null, warnings: [{ file, message: `${why}: not used` }] };
}
