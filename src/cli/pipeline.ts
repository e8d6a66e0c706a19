/** The pipeline, one input at a time so results never pile up: read -> decode -> clean -> write or print. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { clean, removedShare, toRecord, type CleanResult } from '../index.js';
import { decode } from './decode.js';
import { expandArguments, STDIN_ARGUMENT, type FileInput, type Input } from './inputs.js';
import { outputPathFor, StdoutSink, writeFileAtomic, type Format } from './output.js';
import { displayPath, type Reporter } from './report.js';

export interface PipelineOptions {
  format: Format;
  /** Print every result instead of writing files (stdin is always printed). */
  stdout?: boolean;
  outDir?: string;
  /** Fail a page when cleaning would remove more than this share (0 to 1) of its text. */
  maxRemoved?: number;
}

const STDIN_LABEL = 'standard input';
const STDOUT_LABEL = 'standard output';

/** Cleans every input the arguments name; returns how many failed (each one already reported). */
export async function cleanInputs(args: readonly string[], options: PipelineOptions, reporter: Reporter): Promise<number> {
  const stdout = new StdoutSink();
  const items = await expandArguments(args);
  const inputCount = items.filter((item) => item.kind === 'file' || item.kind === 'stdin').length;
  const batch = new Batch(options, reporter, new Printer(stdout, options.format, options.stdout === true && inputCount > 1));
  let failures = 0;
  for (const item of items) {
    // Once the reader of stdout is gone, producing more is pointless.
    if (options.stdout && stdout.closed) break;
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
  // A write can fail after it was accepted (async stdout): wait for the last one before judging.
  await stdout.flush();
  if (stdout.error !== undefined) {
    reporter.failure(STDOUT_LABEL, stdout.error);
    failures++;
  }
  return failures;
}

class Batch {
  // Output path -> the input it was claimed for: a second input mapping there fails instead of overwriting.
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly options: PipelineOptions,
    private readonly reporter: Reporter,
    private readonly printer: Printer,
  ) {}

  /** Returns false if the input failed, after reporting why; one input's failure never stops the batch. */
  async clean(input: Input): Promise<boolean> {
    const subject = input.kind === 'stdin' ? STDIN_LABEL : displayPath(input.path);
    try {
      if (input.kind === 'stdin' || this.options.stdout) return await this.print(input, subject);
      return await this.write(input, subject);
    } catch (err) {
      this.reporter.failure(subject, err);
      return false;
    }
  }

  private async print(input: Input, subject: string): Promise<boolean> {
    const result = await this.readAndClean(input, subject);
    if (result === undefined) return false;
    await this.printer.print(result, input);
    return true;
  }

  private async write(input: FileInput, subject: string): Promise<boolean> {
    const target = outputPathFor(input.path, this.options.format, input.base, this.options.outDir);
    if (!this.claim(target, input.path, subject)) return false;
    const result = await this.readAndClean(input, subject);
    if (result === undefined) return false;
    const data = this.options.format === 'json' ? JSON.stringify(toRecord(result, input.path), null, 2) + '\n' : result.text;
    try {
      await writeFileAtomic(target, data);
    } catch (err) {
      this.reporter.failure(subject, err, `cannot write ${displayPath(target)}`);
      return false;
    }
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

  private async readAndClean(input: Input, subject: string): Promise<CleanResult | undefined> {
    // Inputs are only ever opened for reading.
    const bytes = input.kind === 'stdin' ? await buffer(process.stdin) : await readFile(input.path);
    const decoded = decode(bytes);
    if (decoded.kind === 'binary') {
      this.reporter.error(subject, 'looks binary, skipped');
      return undefined;
    }
    if (decoded.warning !== undefined) this.reporter.warning(subject, decoded.warning);
    const result = clean(decoded.text);
    const limit = this.options.maxRemoved;
    if (limit !== undefined) {
      const share = removedShare(decoded.text, result);
      if (share > limit) {
        const outcome = input.kind === 'stdin' || this.options.stdout ? 'not printed' : 'not written';
        this.reporter.error(subject, `cleaning would remove ${percent(share, limit)} of the text, over --max-removed ${limit} (${outcome})`);
        return undefined;
      }
    }
    return result;
  }
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

/** Results on stdout: JSON Lines, or text with `==> NAME <==` headers between several inputs, as `head` does. */
class Printer {
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
