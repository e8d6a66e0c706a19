/**
 * `clean-news check`: clean each input in memory and compare the result byte for byte with the
 * expected outputs beside it (`NAME.clean.txt`, `NAME.clean.json`, or under --out-dir), for CI
 * and for review. With --update, the expected files that differ are rewritten instead.
 * Inputs are only read; nothing is written but the expected files that --update rewrites.
 */
import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Cleaner } from '../engine/clean.js';
import type { CleanResult } from '../engine/types.js';
import { chalkFor } from './color.js';
import { visibleText } from './visible.js';
import { expandArguments, type FileInput } from './inputs.js';
import { FORMATS, outputPathFor, StdoutSink, writeFileAtomic, type Format } from './output.js';
import { DEFAULT_MAX_BYTES, InputRefused, readFileBounded } from './read-input.js';
import { LARGE_PAGE_CHARS } from './large-pages.js';
import { OffThread } from './off-thread.js';
import type { ConfigFlags } from './settings.js';
import { betweenWrites, installInterruptHandlers } from './temp-files.js';
import { decodePage, jsonOutput } from './task.js';
import { displayPath, type Reporter } from './report.js';

export interface CheckOptions extends ConfigFlags {
  /** Cleans one page with the rules in force. */
  cleaner: Cleaner;
  outDir?: string;
  /** Rewrite the expected files that differ instead of failing. */
  update?: boolean;
  /** False under --no-color. */
  color?: boolean;
  /** Inputs and expected files larger than this are not read (--max-bytes). */
  maxBytes?: number;
}

export interface CheckCounts {
  /** Inputs that had expected outputs and were compared. */
  checked: number;
  /** Of those, the ones whose result differs from an expected output. */
  differ: number;
  /** Expected files rewritten under --update. */
  updated: number;
  /** Inputs with no expected output at all (gold files, new pages). */
  without: number;
  /** Arguments or inputs that could not be read, and expected files that could not be rewritten. */
  failed: number;
}

interface Expected {
  format: Format;
  path: string;
  bytes: Buffer;
}

/** Checks every input the arguments name; prints diffs and the summary on stdout and returns the counts. */
export async function checkInputs(args: readonly string[], options: CheckOptions, reporter: Reporter): Promise<CheckCounts> {
  const stdout = new StdoutSink();
  const chalk = chalkFor(process.stdout, options.color);
  const counts: CheckCounts = { checked: 0, differ: 0, updated: 0, without: 0, failed: 0 };
  // --update writes files, so it handles signals, between two writes: its large pages are cleaned in a worker thread meanwhile.
  if (options.update) installInterruptHandlers();
  const offThread = options.update ? new OffThread(options, { format: 'text' }) : undefined;
  const clean = (page: string): CleanResult | Promise<CleanResult> => (offThread !== undefined && page.length > LARGE_PAGE_CHARS ? offThread.clean(page) : options.cleaner(page));
  try {
    for (const item of await expandArguments(args)) {
      if (item.kind === 'unmatched') {
        reporter.error(displayPath(item.argument), item.reason);
        counts.failed++;
      } else if (item.kind === 'unlistable') {
        reporter.failure(displayPath(item.argument), item.error, 'cannot list files');
        counts.failed++;
      } else if (item.kind === 'stdin') {
        reporter.error('standard input', 'has no expected output to check against');
        counts.failed++;
      } else {
        await checkInput(item, { ...options, clean }, reporter, stdout, chalk, counts);
        await betweenWrites();
      }
    }
  } finally {
    await offThread?.close();
  }
  const updated = options.update ? `, ${counts.updated} file${counts.updated === 1 ? '' : 's'} updated` : '';
  const failed = counts.failed > 0 ? `, ${counts.failed} failed` : '';
  await stdout.write(`${counts.checked} checked, ${counts.differ} differ${updated}, ${counts.without} without expected output${failed}\n`);
  await stdout.flush();
  if (stdout.error !== undefined) {
    reporter.failure('standard output', stdout.error);
    counts.failed++;
  }
  return counts;
}

async function checkInput(input: FileInput, options: CheckOptions & { clean: (page: string) => CleanResult | Promise<CleanResult> }, reporter: Reporter, stdout: StdoutSink, chalk: ChalkInstance, counts: CheckCounts): Promise<void> {
  const subject = displayPath(input.path);
  let bytes: Buffer;
  try {
    // Read first, so a named file that is not there fails as it does for the main command.
    bytes = readFileBounded(input.path, options.maxBytes ?? DEFAULT_MAX_BYTES).bytes;
  } catch (err) {
    if (err instanceof InputRefused) reporter.error(subject, err.message);
    else reporter.failure(subject, err);
    counts.failed++;
    return;
  }
  const expected: Expected[] = [];
  for (const format of FORMATS) {
    const target = outputPathFor(input.path, format, input.base, options.outDir);
    try {
      expected.push({ format, path: target, bytes: readFileBounded(target, options.maxBytes ?? DEFAULT_MAX_BYTES).bytes });
    } catch (err) {
      if (isMissing(err)) continue;
      if (err instanceof InputRefused) reporter.error(subject, `expected output ${displayPath(target)}: ${err.message}`);
      else reporter.failure(subject, err, `cannot read ${displayPath(target)}`);
      counts.failed++;
      return;
    }
  }
  if (expected.length === 0) {
    counts.without++;
    return;
  }
  const page = decodePage(bytes, subject, reporter);
  if (page === undefined) {
    counts.failed++;
    return;
  }
  const result = await options.clean(page);
  counts.checked++;
  let differs = false;
  for (const { format, path, bytes } of expected) {
    const actual = format === 'json' ? jsonOutput(result, path, input.path) : result.text;
    if (bytes.equals(Buffer.from(actual, 'utf8'))) continue;
    differs = true;
    // A diff is for a person: what the files hold is shown with its control characters escaped.
    await stdout.write(colorDiff(visibleText(unifiedDiff(path, bytes.toString('utf8'), actual)), chalk));
    if (!options.update) continue;
    try {
      writeFileAtomic(path, actual);
      counts.updated++;
    } catch (err) {
      reporter.failure(subject, err, `cannot write ${displayPath(path)}`);
      counts.failed++;
    }
  }
  if (differs) counts.differ++;
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}

/**
 * Diffs take time in proportion to the size times the number of changes: past this many changed
 * lines, a summary is shown instead (two 20,000-line files that differ throughout took 135 s).
 */
const MAX_DIFF_EDITS = 1000;

/** A unified diff from the expected file to the actual output, headed `--- expected PATH` and `+++ actual`; a summary when they differ too much. */
export function unifiedDiff(expectedPath: string, expected: string, actual: string): string {
  const oldName = `expected ${displayPath(expectedPath)}`;
  const patch = createTwoFilesPatch(oldName, 'actual', expected, actual, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY, maxEditLength: MAX_DIFF_EDITS });
  if (patch !== undefined) return patch;
  const before = expected.split('\n');
  const after = actual.split('\n');
  let first = 0;
  while (first < before.length && before[first] === after[first]) first++;
  return `--- ${oldName}\n+++ actual\n@@ over ${MAX_DIFF_EDITS} lines differ, from line ${first + 1} on: the expected file has ${before.length - 1} lines, the output ${after.length - 1} (too many changes to show as a diff) @@\n`;
}

/** Colors a unified diff line by line: `+` green, `-` red, `@@` cyan, file headers bold. */
export function colorDiff(patch: string, chalk: ChalkInstance): string {
  if (chalk.level === 0) return patch;
  return patch
    .split('\n')
    .map((line, index) => {
      // The patch of one file: its first two lines are the file headers, whatever the text says.
      if (index < 2) return chalk.bold(line);
      if (line.startsWith('@@')) return chalk.cyan(line);
      if (line.startsWith('+')) return chalk.green(line);
      if (line.startsWith('-')) return chalk.red(line);
      if (line.startsWith('\\')) return chalk.dim(line);
      return line;
    })
    .join('\n');
}
