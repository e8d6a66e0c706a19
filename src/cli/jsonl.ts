/**
 * `--jsonl`: pages as JSON Lines on stdin, one `{"id": ..., "text": ...}` object per line, and
 * one JSON object per line on stdout for each, in the same order, written as soon as it is
 * ready: the contract of a Hadoop Streaming mapper or of Spark's `RDD.pipe()`. A bad line gives
 * an error record instead of stopping the stream. Memory stays bounded on unbounded input: one
 * chunk of stdin, the line being read, and the few records under way.
 */
import { removedShare, toRecord, type Cleaner } from '../index.js';
import { StdoutSink } from './output.js';
import type { Reporter } from './report.js';
import type { ConfigFlags } from './settings.js';
import { percent, STDIN_LABEL } from './task.js';
import { inOrder, WINDOW_PER_JOB, WorkerPool } from './workers.js';

export interface JsonlOptions extends ConfigFlags {
  cleaner: Cleaner;
  /** Give an error record for a page whose cleaning would remove more than this share of its text. */
  maxRemoved?: number;
  /** Threads cleaning records (1: the main thread alone). */
  jobs?: number;
  quiet?: boolean;
  debug?: boolean;
}

export interface RecordOutcome {
  /** The output line, newline included. */
  output: string;
  /** Why the record is an error record. */
  error?: string;
}

/**
 * One input line -> one output line. A page's output is the input object without its `text`
 * (so `id` and every other field pass through), then the fields of the JSON output but `input`;
 * where names clash, clean-news's fields win. A line that gives no page gives
 * `{"id": ..., "line": N, "error": "..."}`, with `id` when the line is an object that has one.
 */
export function cleanRecord(line: string, number: number, cleaner: Cleaner, maxRemoved: number | undefined): RecordOutcome {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return errorRecord(undefined, number, `not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return errorRecord(undefined, number, 'not a JSON object');
  const { text, ...passed } = value as Record<string, unknown>;
  if (typeof text !== 'string') return errorRecord(passed, number, text === undefined ? 'no "text" field' : '"text" is not a string');
  const result = cleaner(text);
  if (maxRemoved !== undefined) {
    const share = removedShare(text, result);
    if (share > maxRemoved) return errorRecord(passed, number, `cleaning would remove ${percent(share, maxRemoved)} of the text, over --max-removed ${maxRemoved}`);
  }
  // `input` names the file a page came from; a record has its own id instead.
  const { input: _input, ...fields } = toRecord(result, '');
  return { output: `${JSON.stringify({ ...passed, ...fields })}\n` };
}

function errorRecord(passed: Record<string, unknown> | undefined, number: number, error: string): RecordOutcome {
  const id = passed !== undefined && 'id' in passed ? { id: passed['id'] } : {};
  return { output: `${JSON.stringify({ ...id, line: number, error })}\n`, error };
}

/** The lines of a stream, numbered from 1, read one chunk at a time; a last line without a newline counts. */
async function* numberedLines(stream: NodeJS.ReadableStream): AsyncGenerator<{ line: string; number: number }> {
  stream.setEncoding('utf8');
  let number = 0;
  // The start of a line that spans chunks, in pieces: joined once, when its end comes.
  let pieces: string[] = [];
  for await (const chunk of stream as AsyncIterable<string>) {
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      pieces.push(chunk.slice(from, end));
      yield { line: pieces.join(''), number: ++number };
      pieces = [];
      from = end + 1;
    }
    if (from < chunk.length) pieces.push(chunk.slice(from));
  }
  if (pieces.length > 0) yield { line: pieces.join(''), number: ++number };
}

/**
 * Cleans the records of stdin onto stdout. Error records leave the exit status alone (a
 * mapper must not fail its job for one bad record); returns 1 only when stdin cannot be read
 * or stdout fails, after reporting it.
 */
export async function cleanJsonl(options: JsonlOptions, reporter: Reporter): Promise<number> {
  const stdout = new StdoutSink();
  const jobs = options.jobs ?? 1;
  const { maxRemoved } = options;
  // Records need only --max-removed of the task options.
  const pool = jobs > 1 ? await WorkerPool.start(jobs, options, { format: 'json', ...(maxRemoved === undefined ? {} : { maxRemoved }) }) : undefined;
  let failures = 0;
  // Records read before stdin failed are still cleaned and written.
  let readError: unknown;
  async function* records(): AsyncGenerator<{ line: string; number: number }> {
    try {
      yield* numberedLines(process.stdin);
    } catch (err) {
      readError = err;
    }
  }
  try {
    await inOrder(
      records(),
      jobs * WINDOW_PER_JOB,
      async ({ line, number }) => (pool ? pool.record(line, number) : cleanRecord(line, number, options.cleaner, maxRemoved)),
      async (outcome, { number }) => {
        if (outcome.error !== undefined) reporter.warning(`line ${number}`, outcome.error);
        await stdout.write(outcome.output);
        return !stdout.closed;
      },
    );
  } finally {
    await pool?.close();
  }
  if (readError !== undefined) {
    reporter.failure(STDIN_LABEL, readError);
    failures++;
  }
  await stdout.flush();
  if (stdout.error !== undefined) {
    reporter.failure('standard output', stdout.error);
    failures++;
  }
  return failures;
}
