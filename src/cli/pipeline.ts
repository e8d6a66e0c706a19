/**
 * The pipeline: read -> decode -> clean -> write or print, for each input (src/cli/task.ts),
 * in the main thread or, for a batch, in worker threads (--jobs). A bounded number of inputs
 * are under way at a time and their outcomes are applied in input order, so results never pile
 * up and the run prints and counts the same whatever the number of jobs.
 */
import path from 'node:path';
import type { Cleaner } from '../engine/clean.js';
import { expandArguments, type ArgumentProblem, type Input } from './inputs.js';
import { outputPathFor, StdoutSink, writeFileAtomic, type Format } from './output.js';
import { ProgressBar } from './progress.js';
import { displayPath, type Reporter } from './report.js';
import type { ConfigFlags } from './settings.js';
import { formatStats, formatSummary, Tally } from './tally.js';
import { visibleLine } from './visible.js';
import { OffThread } from './off-thread.js';
import { betweenWrites, installInterruptHandlers } from './temp-files.js';
import type { ReportFormat } from './batch-report-types.js';
import { BatchReport, failedReport } from './batch-report.js';
import { failedOutcome, inputName, PageRunner, STDIN_LABEL, writeOutput, type Outcome, type PendingWrite, type TaskOptions } from './task.js';
import { defaultJobs, inOrder, WINDOW_PER_JOB, WorkerPool } from './workers.js';

export interface PipelineOptions extends ConfigFlags {
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
  debug?: boolean;
  /** False under --no-color. */
  color?: boolean;
  /** Threads cleaning files (1: the main thread alone); by default, one per core for a large batch. */
  jobs?: number;
  /** Inputs larger than this are skipped (--max-bytes). */
  maxBytes?: number;
  /** The configuration file in use, for the batch summary. */
  configFile?: string;
  /** Names read from --files-from. */
  listed?: readonly string[];
  /** --exclude. */
  excluded?: (file: string) => boolean;
  /** --report FILE: where to write the batch report (JSON or HTML by its extension). */
  report?: { file: string; format: ReportFormat };
}

/** Inputs a batch needs before it shows a progress bar. */
const PROGRESS_MIN_INPUTS = 6;

const STDOUT_LABEL = 'standard output';

/** Cleans every input the arguments name; returns how many failed (each one already reported). */
export async function cleanInputs(args: readonly string[], options: PipelineOptions, reporter: Reporter): Promise<number> {
  const stdout = new StdoutSink();
  const tally = new Tally();
  const ownOutputs: string[] = [];
  const items = await expandArguments(args, {
    onOwnOutput: (file) => {
      tally.skipped++;
      ownOutputs.push(file);
    },
    ...(options.listed === undefined ? {} : { listed: options.listed }),
    ...(options.excluded === undefined ? {} : { excluded: options.excluded }),
  });
  const files = items.filter((item) => item.kind === 'file').length;
  const inputCount = files + (items.some((item) => item.kind === 'stdin') ? 1 : 0);
  const several = inputCount > 1;
  // Named on purpose, skipped in silence, it would look like a run that did its work.
  if (items.length === 0 && ownOutputs.length > 0) {
    reporter.warning(ownOutputs.length === 1 ? displayPath(ownOutputs[0] ?? '') : `${ownOutputs.length} inputs`, `${ownOutputs.length === 1 ? 'is' : 'are all'} clean-news output (*.clean.txt, *.clean.json), never cleaned again: nothing to do`);
  }
  const printing = options.stdout === true || options.explain === true;
  const taskOptions = { ...(await taskOptionsOf(options, several)), ...(options.report === undefined ? {} : { report: options.report.format }) };
  // A run that writes files handles signals, between two writes: its large pages are cleaned in a worker thread meanwhile.
  const writes = !printing || options.report !== undefined;
  if (writes) installInterruptHandlers();
  const offThread = writes ? new OffThread(options, taskOptions) : undefined;
  const runner = await PageRunner.create(options.cleaner, taskOptions, offThread && ((task, read) => offThread.finish(task, read)));
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(files), files));
  const pool = jobs > 1 ? await WorkerPool.start(jobs, options, { ...taskOptions, deferWrites: true }) : undefined;
  /** A worker's outcome once the main thread has written its output. */
  const written = (outcome: Outcome, write: PendingWrite, item: Input | ArgumentProblem): Outcome => {
    const error = writeOutput(write);
    if (error === undefined) return outcome;
    const subject = item.kind === 'file' ? displayPath(item.path) : STDIN_LABEL;
    return { ok: false, messages: outcome.messages + failedOutcome(options, (r) => r.failure(subject, error, `cannot write ${displayPath(write.target)}`)).messages };
  };
  // Text pages printed one after another are told apart by `==> NAME <==` headers, as `head` does.
  const headers = several && options.format === 'text' && (options.explain === true || options.stdout === true);
  const progress = showsProgress(options, inputCount) ? new ProgressBar(process.stderr, inputCount) : undefined;
  reporter.attach(progress);
  // Output path -> the input it was claimed for: a second input mapping there fails instead of overwriting.
  const claimed = new Map<string, string>();
  let failures = 0;
  let done = 0;
  let printed = 0;

  const start = async (item: Input | ArgumentProblem): Promise<Outcome> => {
    if (item.kind === 'unmatched') return failedOutcome(options, (r) => r.error(displayPath(item.argument), item.reason));
    if (item.kind === 'unlistable') return failedOutcome(options, (r) => r.failure(displayPath(item.argument), item.error, 'cannot list files'));
    if (item.kind === 'stdin' || printing) return (item.kind === 'file' && pool ? pool.page({ input: item }) : runner.run({ input: item }));
    const target = outputPathFor(item.path, options.format, item.base, options.outDir);
    const owner = claimed.get(path.resolve(target));
    if (owner !== undefined) {
      return failedOutcome(options, (r) => r.error(displayPath(item.path), `output ${displayPath(target)} is also the output of ${displayPath(owner)}, not overwritten`));
    }
    // No output can be an input: outputs end in .clean.txt or .clean.json, which are never taken as inputs.
    claimed.set(path.resolve(target), item.path);
    return pool ? pool.page({ input: item, target }) : runner.run({ input: item, target });
  };

  const report = options.report === undefined ? undefined : new BatchReport(options.report.format);
  const apply = async (handed: Outcome, item: Input | ArgumentProblem): Promise<boolean> => {
    const outcome = handed.write === undefined ? handed : written(handed, handed.write, item);
    if (outcome.messages !== '') reporter.print(outcome.messages);
    report?.add(outcome.report ?? failedReport(item.kind === 'file' || item.kind === 'stdin' ? inputName(item) : item.argument), outcome.messages);
    if (!outcome.ok) failures++;
    if (outcome.printed !== undefined) {
      // A file's name is the one thing here not from the page: its control characters are shown escaped.
      const header = headers ? `${printed > 0 ? '\n' : ''}==> ${item.kind === 'file' ? visibleLine(item.path) : STDIN_LABEL} <==\n` : '';
      printed++;
      await stdout.write(header + outcome.printed);
    }
    if (outcome.counts !== undefined) tally.add(outcome.counts);
    if (item.kind === 'file' || item.kind === 'stdin') progress?.update(++done, labelOf(item));
    await betweenWrites();
    // Once the reader of stdout is gone, producing more is pointless.
    return !(printing && stdout.closed);
  };

  try {
    // In one thread, one input at a time: the loop turns between two, so a signal never waits for more than one page.
    await inOrder(items, pool ? jobs * WINDOW_PER_JOB : 1, start, apply);
  } finally {
    await pool?.close();
    await offThread?.close();
  }
  progress?.clear();
  reporter.attach(undefined);
  // A write can fail after it was accepted (async stdout): wait for the last one before judging.
  await stdout.flush();
  if (stdout.error !== undefined) {
    reporter.failure(STDOUT_LABEL, stdout.error);
    failures++;
  }
  if (report !== undefined && options.report !== undefined) {
    try {
      writeFileAtomic(options.report.file, await report.render());
    } catch (err) {
      reporter.failure(displayPath(options.report.file), err, 'cannot write the report');
      failures++;
    }
    await betweenWrites();
  }
  tally.failed = failures;
  if (options.stats) reporter.print(formatStats(tally, options.ruleIds));
  // A reader that left early (`| head`) cut the batch short on purpose: end quietly.
  const cutShort = stdout.closed && stdout.error === undefined;
  if (several && !options.quiet && !cutShort) reporter.print(formatSummary(tally, options.configFile === undefined ? undefined : displayPath(options.configFile)));
  return failures;
}

/** The options every input shares; --explain's colors are settled here, for this process's stdout. */
async function taskOptionsOf(options: PipelineOptions, several: boolean): Promise<TaskOptions> {
  const { format, maxRemoved, explain, quiet, debug, maxBytes } = options;
  const colorLevel = explain ? (await import('./color.js')).colorLevel(process.stdout, process.env, options.color) : 0;
  return {
    format,
    colorLevel,
    several,
    ...(maxRemoved === undefined ? {} : { maxRemoved }),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(explain === undefined ? {} : { explain }),
    ...(quiet === undefined ? {} : { quiet }),
    ...(debug === undefined ? {} : { debug }),
  };
}

function labelOf(input: Input): string {
  return input.kind === 'stdin' ? STDIN_LABEL : displayPath(input.path);
}

/**
 * A bar only for a person watching a long batch: stderr a terminal, more than a handful of
 * inputs, not --quiet, and not while results are printed on that same terminal.
 */
function showsProgress(options: PipelineOptions, inputCount: number): boolean {
  const printing = options.stdout || options.explain;
  return !options.quiet && inputCount >= PROGRESS_MIN_INPUTS && process.stderr.isTTY && !(printing && process.stdout.isTTY);
}
