/**
 * One input, from start to end: read, decode, clean, check --max-removed, then write the output
 * file or render what to print. The same code runs in the main thread and in worker threads
 * (--jobs), so the number of jobs never changes what a run does: an input's messages are kept
 * with its outcome, and the main thread prints outcomes in input order.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Cleaner } from '../engine/clean.js';
import { toRecord } from '../engine/record.js';
import type { CleanResult } from '../engine/types.js';
import type { PageReport, ReportFormat } from './batch-report-types.js';
import { pageReport } from './batch-report.js';
import type { ColorLevel } from './color.js';
import { decode } from '../input/decode.js';
import { STDIN_ARGUMENT, type FileInput, type Input } from './inputs.js';
import { LARGE_PAGE_CHARS } from './large-pages.js';
import { writeFileAtomic, type Format } from './output.js';
import { DEFAULT_MAX_BYTES, InputRefused, readFileBounded, readStreamBounded, type BoundedFile } from './read-input.js';
import { displayPath, Reporter, type ReportOptions } from './report.js';
import { pageCounts, type PageCounts } from './tally.js';

export const STDIN_LABEL = 'standard input';

/** What every input of a run shares; plain data, so it can be sent to worker threads. */
export interface TaskOptions extends ReportOptions {
  format: Format;
  /** Fail a page when cleaning would remove more than this share (0 to 1) of its text. */
  maxRemoved?: number;
  /** Print each page with its removals marked instead of its result. */
  explain?: boolean;
  /** The colors of --explain, as settled for the main thread's stdout (none by default). */
  colorLevel?: ColorLevel;
  /** Whether the run has several inputs (--explain --format json prints them differently). */
  several?: boolean;
  /** Inputs larger than this are skipped (--max-bytes). */
  maxBytes?: number;
  /** --report: what each page adds to it (its lines too for the HTML page). */
  report?: ReportFormat;
  /** Hand each output back to be written by the main thread (worker threads): see PendingWrite. */
  deferWrites?: boolean;
}

/**
 * An output for the main thread to write. Worker threads clean and hand back; one thread
 * creates the files: threads creating files in the same directory contend for its lock, which
 * cost the two jobs of a batch more than the cleaning they shared.
 */
export interface PendingWrite {
  target: string;
  data: string;
  mode: number;
}

/** One input: a file written to `target`, or any input printed. */
export type PageTask = { input: FileInput; target: string } | { input: Input; target?: undefined };

export interface Outcome {
  ok: boolean;
  /** The input's messages for stderr, as printed, in the order they were made ('' for none). */
  messages: string;
  /** When printing: the input's result as printed, without the header that separates pages. */
  printed?: string;
  /** When the page was cleaned: what it adds to the batch summary and --stats. */
  counts?: PageCounts;
  /** When the page was cleaned and --report asked: what it adds to the report. */
  report?: PageReport;
  /** With deferWrites: the output still to write. */
  write?: PendingWrite;
}

/** Collects the messages of one input to be printed later, when its turn comes. */
class MessageBuffer {
  text = '';
  readonly reporter: Reporter;

  constructor(options: ReportOptions) {
    this.reporter = new Reporter(options, { write: (text: string) => (this.text += text) });
  }
}

/** An input that failed before it could be read (an argument that matched nothing, a taken output path). */
export function failedOutcome(options: ReportOptions, report: (reporter: Reporter) => void): Outcome {
  const messages = new MessageBuffer(options);
  report(messages.reporter);
  return { ok: false, messages: messages.text };
}

type Render = (result: CleanResult, input: Input, page: string) => string;

/** Finishes a large page's task elsewhere (a worker thread, see off-thread.ts), the output handed back to write. */
export type Offload = (task: PageTask, read: ReadPage) => Promise<Outcome>;

/** Runs page tasks with one set of rules and options; one per thread. */
export class PageRunner {
  private constructor(
    private readonly cleaner: Cleaner,
    private readonly options: TaskOptions,
    private readonly render: Render,
    private readonly offload: Offload | undefined,
  ) {}

  /**
   * Loads only what the options need: --explain's renderer and colors are left out of other runs.
   * `offload`: where pages over LARGE_PAGE_CHARS are finished, so that this thread stays free.
   */
  static async create(cleaner: Cleaner, options: TaskOptions, offload?: Offload): Promise<PageRunner> {
    return new PageRunner(cleaner, options, await rendererFor(options), offload);
  }

  /** Never throws: whatever goes wrong is an outcome that is not ok, with its messages. */
  async run(task: PageTask): Promise<Outcome> {
    const messages = new MessageBuffer(this.options);
    try {
      const read = await readPage(task.input, subjectOf(task.input), messages.reporter, this.options.maxBytes);
      if (read === undefined) return { ok: false, messages: messages.text };
      if (this.offload !== undefined && read.text.length > LARGE_PAGE_CHARS) {
        const outcome = await this.offload(task, read);
        return { ...outcome, messages: messages.text + outcome.messages };
      }
      return this.finish(task, read, messages);
    } catch (err) {
      messages.reporter.failure(subjectOf(task.input), err);
      return { ok: false, messages: messages.text };
    }
  }

  /** Cleans a page already read, then writes, hands back or renders its result. Never throws. */
  finish(task: PageTask, read: ReadPage, messages = new MessageBuffer(this.options)): Outcome {
    const { input } = task;
    const subject = subjectOf(input);
    const { reporter } = messages;
    const failed = (): Outcome => ({ ok: false, messages: messages.text });
    try {
      const page = read.text;
      const result = this.cleaner(page);
      const counts = pageCounts(page, result);
      const limit = this.options.maxRemoved;
      // What the article lost: related stories moved out of it are not a loss.
      if (limit !== undefined && counts.lostShare > limit) {
        reporter.error(subject, `${overMaxRemoved(counts.lostShare, limit)} (${task.target === undefined ? 'not printed' : 'not written'})`);
        return failed();
      }
      const report = this.options.report === undefined ? {} : { report: pageReport(inputName(input), page, result, counts, this.options.report === 'html') };
      if (task.target === undefined) return { ok: true, messages: messages.text, printed: this.render(result, input, page), counts, ...report };
      const write = { target: task.target, data: this.options.format === 'json' ? jsonOutput(result, task.target, task.input.path) : result.text, mode: read.mode };
      if (this.options.deferWrites) return { ok: true, messages: messages.text, counts, ...report, write };
      const error = writeOutput(write);
      if (error !== undefined) {
        reporter.failure(subject, error, `cannot write ${displayPath(task.target)}`);
        return failed();
      }
      return { ok: true, messages: messages.text, counts, ...report };
    } catch (err) {
      reporter.failure(subject, err);
      return failed();
    }
  }
}

function subjectOf(input: Input): string {
  return input.kind === 'stdin' ? STDIN_LABEL : displayPath(input.path);
}

/** Writes an output; the error, if it could not be written. */
export function writeOutput(write: PendingWrite): unknown {
  try {
    writeFileAtomic(write.target, write.data, write.mode);
    return undefined;
  } catch (err) {
    return err;
  }
}

/**
 * How a result is printed: the text output, a JSON Lines record, or with --explain the page
 * with its removals marked (with --format json the removals: an array for one input, JSON
 * Lines of `{input, removed}` for several).
 */
/** An input as the outputs name it: its path as given, `-` for standard input. */
export function inputName(input: Input): string {
  return input.kind === 'stdin' ? STDIN_ARGUMENT : input.path;
}

async function rendererFor(options: TaskOptions): Promise<Render> {
  const name = inputName;
  if (options.explain && options.format === 'json') {
    return (result, input) => JSON.stringify(options.several ? { input: name(input), kind: result.kind, confidence: result.confidence, removed: result.removed } : result.removed) + '\n';
  }
  if (options.explain) {
    const [{ explainPage, renderExplained }, { Chalk }] = await Promise.all([import('./explain.js'), import('chalk')]);
    const chalk = new Chalk({ level: options.colorLevel ?? 0 });
    return (result, _input, page) => `${chalk.dim(`# ${result.kind}, confidence ${result.confidence.toFixed(2)}`)}\n${renderExplained(explainPage(page, result.removed), chalk)}`;
  }
  if (options.format === 'json') return (result, input) => JSON.stringify(toRecord(result, name(input))) + '\n';
  return (result) => result.text;
}

/**
 * The JSON output file's content: the record, indented, with a final newline. Its `input` is
 * the path from the output file's directory to the page, with forward slashes (`a.txt` for
 * `a.clean.json` beside it): the same whatever the working directory and the spelling of the
 * arguments, so that `check` compares exactly what the main command wrote.
 */
export function jsonOutput(result: CleanResult, outputPath: string, inputPath: string): string {
  const input = path.relative(path.dirname(path.resolve(outputPath)), path.resolve(inputPath)).split(path.sep).join('/');
  return JSON.stringify(toRecord(result, input), null, 2) + '\n';
}

/**
 * Reads and decodes one input; undefined (after reporting why) when it is refused (too large,
 * not a regular file) or looks binary. Read errors are thrown for the caller to report. Inputs
 * are only ever opened for reading. Files are read synchronously, as outputs are written (see
 * writeFileAtomic).
 */
export async function readPage(input: Input, subject: string, reporter: Reporter, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadPage | undefined> {
  let file: BoundedFile;
  try {
    // Standard input is printed, never written to a file: its mode is that of a new file.
    file = input.kind === 'stdin' ? { bytes: await readStreamBounded(process.stdin, maxBytes), mode: 0o666 } : readFileBounded(input.path, maxBytes);
  } catch (err) {
    if (!(err instanceof InputRefused)) throw err;
    reporter.error(subject, err.message);
    return undefined;
  }
  const text = decodePage(file.bytes, subject, reporter);
  if (text === undefined) return undefined;
  if (input.kind === 'stdin' && looksLikeFileList(text)) {
    reporter.warning(subject, 'looks like a list of file names, not a page: to clean those files, use --files-from - (-0 for find -print0)');
  }
  return { text, mode: file.mode };
}

/** A page read: its text, and the permission bits its output is created with. */
export interface ReadPage {
  text: string;
  mode: number;
}

/** Standard input that names files (`find . -name '*.txt' | clean-news`) rather than holding a page. */
function looksLikeFileList(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  return lines.length > 0 && lines.slice(0, 100).every((line) => !/\s/.test(line) && (/\.txt$/i.test(line) || statSync(line, { throwIfNoEntry: false })?.isFile() === true));
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

/** Why a page over --max-removed is not written, in the words every mode uses. */
export function overMaxRemoved(share: number, limit: number): string {
  return `cleaning would remove ${percent(share, limit)} of the text, over --max-removed ${limit}`;
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
