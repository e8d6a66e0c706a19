/** Command-line arguments -> the inputs to clean, in argument order, each expansion sorted, no repeats. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
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
}

export async function expandArguments(args: readonly string[], options: ExpandOptions = {}): Promise<Array<Input | ArgumentProblem>> {
  const seen = new Set<string>();
  const expanded: Array<Input | ArgumentProblem> = [];
  for (const argument of args) {
    const found = await expandArgument(argument);
    if (!Array.isArray(found)) {
      expanded.push(found);
      continue;
    }
    for (const input of found) {
      const key = input.kind === 'stdin' ? STDIN_ARGUMENT : path.resolve(input.path);
      if (seen.has(key)) continue;
      seen.add(key);
      if (input.kind === 'file' && isOwnOutput(input.path)) {
        options.onOwnOutput?.(input.path);
        continue;
      }
      expanded.push(input);
    }
  }
  return expanded;
}

async function expandArgument(argument: string): Promise<Input[] | ArgumentProblem> {
  if (argument === STDIN_ARGUMENT) return [{ kind: 'stdin' }];
  const kind = await kindOf(argument);
  // An existing file is taken as named, even with glob characters in its name.
  if (kind === 'file') return [{ kind: 'file', path: argument, base: path.dirname(argument) }];
  try {
    if (kind === 'directory') {
      const files = await fg('**/*.txt', { ...GLOB_OPTIONS, cwd: argument });
      if (files.length === 0) return { kind: 'unmatched', argument, reason: 'no .txt files in directory' };
      return sorted(files).map((file) => ({ kind: 'file', path: path.join(argument, file), base: argument }));
    }
    if (fg.isDynamicPattern(argument)) {
      const files = await fg(argument, GLOB_OPTIONS);
      if (files.length === 0) return { kind: 'unmatched', argument, reason: 'no files match' };
      const base = fg.generateTasks([argument])[0]?.base ?? '.';
      return sorted(files).map((file) => ({ kind: 'file', path: file, base }));
    }
  } catch (err) {
    return { kind: 'unlistable', argument, error: err };
  }
  // Not there (or not statable): reading it will report why, in the same words as for any file.
  return [{ kind: 'file', path: argument, base: path.dirname(argument) }];
}

async function kindOf(argument: string): Promise<'file' | 'directory' | 'other'> {
  try {
    const stats = await stat(argument);
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

// Code-unit order: the same on every machine, whatever the locale.
function sorted(files: string[]): string[] {
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
