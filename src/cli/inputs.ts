/** Command-line arguments -> the inputs to clean, in argument order, each expansion sorted, no repeats. */
import { readdir, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type FastGlob from 'fast-glob';
import { isOwnOutput } from './output.js';

export interface FileInput {
  kind: 'file';
  path: string;
  /** The directory that --out-dir keeps this file's path relative to. */
  base: string;
}

export type Input = FileInput | { kind: 'stdin' };

/** An argument that gave no input: nothing matched it, or listing its files failed. */
export type ArgumentProblem =
  | { kind: 'unmatched'; argument: string; reason: string }
  | { kind: 'unlistable'; argument: string; error: unknown };

export const STDIN_ARGUMENT = '-';

const GLOB_OPTIONS = { dot: false, followSymbolicLinks: false, onlyFiles: true } as const;

export interface ExpandOptions {
  /** Called once for each of the tool's own outputs that an argument named or matched, and that was left out. */
  onOwnOutput?: (file: string) => void;
  /** Names read from --files-from, after the arguments: files or directories as named, never globs. */
  listed?: readonly string[];
  /** --exclude: files it matches are left out, wherever they came from. */
  excluded?: (file: string) => boolean;
}

export async function expandArguments(args: readonly string[], options: ExpandOptions = {}): Promise<Array<Input | ArgumentProblem>> {
  const seen = new Set<string>();
  const expanded: Array<Input | ArgumentProblem> = [];
  const all = [...args.map((argument) => ({ argument, literal: false })), ...(options.listed ?? []).map((argument) => ({ argument, literal: true }))];
  for (const { argument, literal } of all) {
    for (const input of await expandArgument(argument, literal)) {
      if (input.kind === 'unmatched' || input.kind === 'unlistable') {
        expanded.push(input);
        continue;
      }
      const key = input.kind === 'stdin' ? STDIN_ARGUMENT : path.resolve(input.path);
      if (seen.has(key) || (input.kind === 'file' && options.excluded?.(input.path))) continue;
      seen.add(key);
      // Only a file named as an argument can be a symbolic link: directories and globs list regular files alone.
      if (input.kind === 'file' && (isOwnOutput(input.path) || (input.path === argument && linksToOwnOutput(argument)))) {
        options.onOwnOutput?.(input.path);
        continue;
      }
      expanded.push(input);
    }
  }
  return expanded;
}

async function expandArgument(argument: string, literal: boolean): Promise<Array<Input | ArgumentProblem>> {
  if (argument === STDIN_ARGUMENT && !literal) return [{ kind: 'stdin' }];
  const kind = kindOf(argument);
  // An existing file is taken as named, even with glob characters in its name.
  if (kind === 'file') return [{ kind: 'file', path: argument, base: path.dirname(argument) }];
  if (kind === 'directory') {
    // Directories that cannot be read are each reported, after the files of the rest of the tree.
    const unreadable: ArgumentProblem[] = [];
    const files: Input[] = [];
    for (const file of walkTextFiles(argument, unreadable)) files.push({ kind: 'file', path: path.join(argument, file), base: argument });
    if (files.length === 0 && unreadable.length === 0) return [{ kind: 'unmatched', argument, reason: 'no .txt files in directory' }];
    return [...files, ...unreadable];
  }
  // An empty argument is no pattern (fast-glob would throw): like any missing file, reading it reports it.
  if (argument !== '' && !literal) {
    // Loaded only for globs: a run on named files or directories starts faster without it.
    const { default: fg } = await import('fast-glob');
    if (fg.isDynamicPattern(argument)) {
      const unreadable: ArgumentProblem[] = [];
      try {
        const files = await fg(argument, { ...GLOB_OPTIONS, suppressErrors: true, fs: { readdir: recordingReaddir(argument, unreadable) } });
        if (files.length === 0 && unreadable.length === 0) return [{ kind: 'unmatched', argument, reason: 'no files match' }];
        const base = fg.generateTasks([argument])[0]?.base ?? '.';
        return [...sorted(files).map((file): Input => ({ kind: 'file', path: file, base })), ...unreadable];
      } catch (err) {
        return [{ kind: 'unlistable', argument, error: err }];
      }
    }
  }
  // Not there (or not statable): reading it will report why, in the same words as for any file.
  return [{ kind: 'file', path: argument, base: path.dirname(argument) }];
}

/**
 * The paths, relative to `root`, of the `.txt` files below it, as a glob of them would take them
 * (regular files, no name or directory starting with a dot, no symbolic link followed), in
 * code-unit order of the whole path, reading one directory at a time. Siblings sort as `NAME`
 * for a file and `NAME/` for a directory, so this depth-first walk gives the order of sorting
 * the whole list. Directories that cannot be read are noted in `unreadable`.
 */
function* walkTextFiles(root: string, unreadable: ArgumentProblem[], dir = '', hidden = false): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    // Gone since it was listed: skipped, as a glob does.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ kind: 'unlistable', argument: shownDirectory(root, dir), error });
    return;
  }
  const keyed = entries.filter((entry) => entry.isDirectory() || entry.isFile()).map((entry) => ({ entry, key: entry.isDirectory() ? `${entry.name}/` : entry.name }));
  for (const { entry, key } of keyed.sort((a, b) => compare(a.key, b.key))) {
    const file = dir === '' ? entry.name : `${dir}/${entry.name}`;
    // Like fast-glob, hidden directories are still read (an unreadable one is reported), their files never taken.
    const isHidden = hidden || entry.name.startsWith('.');
    if (entry.isDirectory()) yield* walkTextFiles(root, unreadable, file, isHidden);
    else if (!isHidden && entry.name.endsWith('.txt')) yield file;
  }
}

/** A directory below a directory argument as messages name it: relative when the argument is, as fast-glob's readdir saw it otherwise. */
function shownDirectory(root: string, dir: string): string {
  const absolute = path.resolve(root, dir);
  return path.isAbsolute(root) ? absolute : path.relative('.', absolute) || '.';
}

type ReaddirCallback<T> = (error: NodeJS.ErrnoException | null, entries: T) => void;

/**
 * fast-glob's readdir, noting each directory it cannot read (fast-glob would either skip it
 * silently or drop the whole argument), named as the argument names it: relative when it is.
 * A directory that is gone is skipped, as fast-glob does, so a missing glob base stays `no files match`.
 */
function recordingReaddir(argument: string, unreadable: ArgumentProblem[]): FastGlob.FileSystemAdapter['readdir'] {
  const noting =
    <T>(dir: string, callback: ReaddirCallback<T>): ReaddirCallback<T> =>
    (error, entries) => {
      if (error !== null && error.code !== 'ENOENT') {
        unreadable.push({ kind: 'unlistable', argument: path.isAbsolute(argument) ? dir : path.relative('.', dir) || '.', error });
      }
      callback(error, entries);
    };
  function recording(dir: string, options: { withFileTypes: true }, callback: ReaddirCallback<Dirent[]>): void;
  function recording(dir: string, callback: ReaddirCallback<string[]>): void;
  function recording(dir: string, ...rest: [{ withFileTypes: true }, ReaddirCallback<Dirent[]>] | [ReaddirCallback<string[]>]): void {
    if (rest.length === 2) readdir(dir, rest[0], noting(dir, rest[1]));
    else readdir(dir, noting(dir, rest[0]));
  }
  return recording;
}

/**
 * --exclude: a glob with a slash matches the path as named (`drafts/**`); one without matches
 * the file's name wherever it is (`*.draft.txt`), as rsync and grep read them.
 */
export async function excludeMatcher(globs: readonly string[]): Promise<(file: string) => boolean> {
  const { default: picomatch } = await import('picomatch');
  const matchers = globs.map((glob) => (glob.includes('/') ? picomatch(glob.replace(/^\.\//, ''), { dot: true }) : picomatch(glob, { dot: true, basename: true })));
  return (file) => {
    const named = path.normalize(file).split(path.sep).join('/');
    return matchers.some((matches) => matches(named));
  };
}

/**
 * A symbolic link to one of the tool's outputs: a run may replace that file, so reading it as an
 * input could lose it. (A hard link is safe: the write replaces the name, not the file.)
 */
function linksToOwnOutput(file: string): boolean {
  try {
    // Synchronous: a batch named file by file (a shell's `*.txt`) would otherwise wait on the thread pool once per file.
    return isOwnOutput(realpathSync.native(file));
  } catch {
    // Not there: reading it will report why.
    return false;
  }
}

// Synchronous, as reading inputs is: node:fs/promises would cost a one-page run ~2 ms to load.
function kindOf(argument: string): 'file' | 'directory' | 'other' {
  try {
    const stats = statSync(argument);
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

// Code-unit order: the same on every machine, whatever the locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sorted(files: string[]): string[] {
  return files.sort(compare);
}
