/** The pipeline, one input at a time so results never pile up: read -> decode -> clean -> write or print. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { ChalkInstance } from 'chalk';
import { removedShare, toRecord, type Cleaner, type CleanResult } from '../index.js';
import { chalkFor } from './color.js';
import { decode } from './decode.js';
import { explainPage, renderExplained } from './explain.js';
import { expandArguments, STDIN_ARGUMENT, type FileInput, type Input } from './inputs.js';
import { outputPathFor, StdoutSink, writeFileAtomic, type Format } from './output.js';
import { ProgressBar } from './progress.js';
import { displayPath, type Reporter } from './report.js';
import { formatStats, formatSummary, Tally } from './tally.js';

export interface PipelineOptions {
  format: Format;
  /** Cleans one page with the rules in force. */
  cleaner: Cleaner;
  /** Ids of the rules in force, in order, for --stats. */
  ruleIds: readonly string[];
  /** Print every result instead of writing files (stdin is always printed). */
  stdout?: boolean;
  outDir?: string;
  /** Fail a page when cleaning would remove more than this share (0 to 1) of its text. */
  maxRemoved?: number;
  /** Print each page with its removals marked instead of its result (never writes files). */
  explain?: boolean;
  /** After the batch, print removals per rule and the rules that never fired (stderr). */
  stats?: boolean;
  /** No warnings, no summary, no progress bar. */
  quiet?: boolean;
  /** False under --no-color. */
  color?: boolean;
}

/** Inputs a batch needs before it shows a progress bar. */
const PROGRESS_MIN_INPUTS = 6;

const STDIN_LABEL = 'standard input';
const STDOUT_LABEL = 'standard output';

/** Cleans every input the arguments name; returns how many failed (each one already reported). */
export async function cleanInputs(args: readonly string[], options: PipelineOptions, reporter: Reporter): Promise<number> {
  const stdout = new StdoutSink();
  const tally = new Tally();
  const items = await expandArguments(args, { onOwnOutput: () => tally.skipped++ });
  const inputCount = items.filter((item) => item.kind === 'file' || item.kind === 'stdin').length;
  const several = inputCount > 1;
  const printer = options.explain
    ? new ExplainPrinter(stdout, options.format, several, chalkFor(process.stdout, options.color))
    : new Printer(stdout, options.format, options.stdout === true && several);
  const batch = new Batch(options, reporter, printer, tally);
  const progress = showsProgress(options, inputCount) ? new ProgressBar(process.stderr, inputCount) : undefined;
  reporter.attach(progress);
  let failures = 0;
  let done = 0;
  for (const item of items) {
    // Once the reader of stdout is gone, producing more is pointless.
    if ((options.stdout || options.explain) && stdout.closed) break;
    if (item.kind === 'file' || item.kind === 'stdin') progress?.update(done++, item.kind === 'stdin' ? STDIN_LABEL : displayPath(item.path));
    if (item.kind === 'unmatched') {
      reporter.error(displayPath(item.argument), item.reason);
      failures++;
    } else if (item.kind === 'unlistable') {
      reporter.failure(displayPath(item.argument), item.error, 'cannot list files');
      failures++;
    } else if (!(await batch.clean(item))) {
      failures++;
    }
  }
  progress?.clear();
  reporter.attach(undefined);
  // A write can fail after it was accepted (async stdout): wait for the last one before judging.
  await stdout.flush();
  if (stdout.error !== undefined) {
    reporter.failure(STDOUT_LABEL, stdout.error);
    failures++;
  }
  tally.failed = failures;
  if (options.stats) reporter.print(formatStats(tally, options.ruleIds));
  // A reader that left early (`| head`) cut the batch short on purpose: end quietly.
  const cutShort = stdout.closed && stdout.error === undefined;
  if (several && !options.quiet && !cutShort) reporter.print(formatSummary(tally));
  return failures;
}

/**
 * A bar only for a person watching a long batch: stderr a terminal, more than a handful of
 * inputs, not --quiet, and not while results are printed on that same terminal.
 */
function showsProgress(options: PipelineOptions, inputCount: number): boolean {
  const printing = options.stdout || options.explain;
  return !options.quiet && process.stderr.isTTY && inputCount >= PROGRESS_MIN_INPUTS && !(printing && process.stdout.isTTY);
}

class Batch {
  // Output path -> the input it was claimed for: a second input mapping there fails instead of overwriting.
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly options: PipelineOptions,
    private readonly reporter: Reporter,
    private readonly printer: ResultPrinter,
    private readonly tally: Tally,
  ) {}

  /** Returns false if the input failed, after reporting why; one input's failure never stops the batch. */
  async clean(input: Input): Promise<boolean> {
    const subject = input.kind === 'stdin' ? STDIN_LABEL : displayPath(input.path);
    try {
      if (input.kind === 'stdin' || this.options.stdout || this.options.explain) return await this.print(input, subject);
      return await this.write(input, subject);
    } catch (err) {
      this.reporter.failure(subject, err);
      return false;
    }
  }

  private async print(input: Input, subject: string): Promise<boolean> {
    const cleaned = await this.readAndClean(input, subject);
    if (cleaned === undefined) return false;
    await this.printer.print(cleaned.result, input, cleaned.page);
    this.tally.add(cleaned.page, cleaned.result);
    return true;
  }

  private async write(input: FileInput, subject: string): Promise<boolean> {
    const target = outputPathFor(input.path, this.options.format, input.base, this.options.outDir);
    if (!this.claim(target, input.path, subject)) return false;
    const cleaned = await this.readAndClean(input, subject);
    if (cleaned === undefined) return false;
    const { result } = cleaned;
    const data = this.options.format === 'json' ? jsonOutput(result, input.path) : result.text;
    try {
      await writeFileAtomic(target, data);
    } catch (err) {
      this.reporter.failure(subject, err, `cannot write ${displayPath(target)}`);
      return false;
    }
    this.tally.add(cleaned.page, result);
    return true;
  }

  // No output can be an input: outputs end in .clean.txt or .clean.json, which are never taken as inputs.
  private claim(target: string, input: string, subject: string): boolean {
    const key = path.resolve(target);
    const owner = this.claimed.get(key);
    if (owner !== undefined) {
      this.reporter.error(subject, `output ${displayPath(target)} is also the output of ${displayPath(owner)}, not overwritten`);
      return false;
    }
    this.claimed.set(key, input);
    return true;
  }

  private async readAndClean(input: Input, subject: string): Promise<{ page: string; result: CleanResult } | undefined> {
    const page = await readPage(input, subject, this.reporter);
    if (page === undefined) return undefined;
    const result = this.options.cleaner(page);
    const limit = this.options.maxRemoved;
    if (limit !== undefined) {
      const share = removedShare(page, result);
      if (share > limit) {
        const outcome = input.kind === 'stdin' || this.options.stdout || this.options.explain ? 'not printed' : 'not written';
        this.reporter.error(subject, `cleaning would remove ${percent(share, limit)} of the text, over --max-removed ${limit} (${outcome})`);
        return undefined;
      }
    }
    return { page, result };
  }
}

/** The JSON output file's content: the record, indented, with a final newline. */
export function jsonOutput(result: CleanResult, input: string): string {
  return JSON.stringify(toRecord(result, input), null, 2) + '\n';
}

/**
 * Reads and decodes one input; undefined (after reporting why) when it looks binary.
 * Read errors are thrown for the caller to report. Inputs are only ever opened for reading.
 */
export async function readPage(input: Input, subject: string, reporter: Reporter): Promise<string | undefined> {
  return decodePage(input.kind === 'stdin' ? await buffer(process.stdin) : await readFile(input.path), subject, reporter);
}

/** Decodes an input's bytes; undefined (after reporting why) when they look binary. */
export function decodePage(bytes: Uint8Array, subject: string, reporter: Reporter): string | undefined {
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') {
    reporter.error(subject, 'looks binary, skipped');
    return undefined;
  }
  if (decoded.warning !== undefined) reporter.warning(subject, decoded.warning);
  return decoded.text;
}

/**
 * A share as a percentage, as short as it can be while still reading as over `limit` and,
 * unless everything went, under 100%: 0.834 -> `83%`, but 0.503 over 0.5 -> `50.3%`.
 */
export function percent(share: number, limit: number): string {
  let shown = '';
  for (let digits = 0; digits <= 4; digits++) {
    shown = (share * 100).toFixed(digits);
    const value = Number(shown);
    if (value > limit * 100 && (value < 100 || share >= 1)) break;
  }
  return `${shown}%`;
}

interface ResultPrinter {
  print(result: CleanResult, input: Input, page: string): Promise<void>;
}

/** Results on stdout: JSON Lines, or text with `==> NAME <==` headers between several inputs, as `head` does. */
class Printer implements ResultPrinter {
  private printed = 0;

  constructor(
    private readonly stdout: StdoutSink,
    private readonly format: Format,
    private readonly headers: boolean,
  ) {}

  async print(result: CleanResult, input: Input): Promise<void> {
    if (this.format === 'json') {
      const name = input.kind === 'stdin' ? STDIN_ARGUMENT : input.path;
      await this.stdout.write(JSON.stringify(toRecord(result, name)) + '\n');
      return;
    }
    const label = input.kind === 'stdin' ? STDIN_LABEL : input.path;
    const header = this.headers ? `${this.printed > 0 ? '\n' : ''}==> ${label} <==\n` : '';
    this.printed++;
    await this.stdout.write(header + result.text);
  }
}

/**
 * `--explain` on stdout: each page with its removals marked, under `==> NAME <==` headers when
 * there are several; with --format json the removals themselves, a JSON array for one input,
 * JSON Lines of `{input, removed}` for several.
 */
class ExplainPrinter implements ResultPrinter {
  private printed = 0;

  constructor(
    private readonly stdout: StdoutSink,
    private readonly format: Format,
    private readonly several: boolean,
    private readonly chalk: ChalkInstance,
  ) {}

  async print(result: CleanResult, input: Input, page: string): Promise<void> {
    if (this.format === 'json') {
      const name = input.kind === 'stdin' ? STDIN_ARGUMENT : input.path;
      await this.stdout.write(JSON.stringify(this.several ? { input: name, removed: result.removed } : result.removed) + '\n');
      return;
    }
    const label = input.kind === 'stdin' ? STDIN_LABEL : input.path;
    const header = this.several ? `${this.printed > 0 ? '\n' : ''}==> ${label} <==\n` : '';
    this.printed++;
    await this.stdout.write(header + renderExplained(explainPage(page, result.removed), this.chalk));
  }
}
