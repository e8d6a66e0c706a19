/**
 * `--jsonl`: pages as JSON Lines on stdin, one `{"id": ..., "text": ...}` object per line, and
 * one JSON object per line on stdout for each, in the same order, written as soon as it is
 * ready: the contract of a Hadoop Streaming mapper or of Spark's `RDD.pipe()`. A bad line gives
 * an error record instead of stopping the stream. Memory stays bounded on unbounded input: one
 * chunk of stdin, the line being read, and the few records under way.
 */
import type { Cleaner } from '../engine/clean.js';
import { toRecord } from '../engine/record.js';
import { lostShare } from '../engine/stats.js';
import { decodeUtf8, hasUtf8Bom } from '../input/decode.js';
import { StdoutSink } from './output.js';
import { DEFAULT_MAX_BYTES, describeBytes } from './read-input.js';
import type { Reporter } from './report.js';
import type { ConfigFlags } from './settings.js';
import { overMaxRemoved, STDIN_LABEL } from './task.js';
import { inOrder, WINDOW_PER_JOB, WorkerPool, type RecordOutcome } from './workers.js';

export interface JsonlOptions extends ConfigFlags {
  cleaner: Cleaner;
  /** Give an error record for a page whose cleaning would remove more than this share of its text. */
  maxRemoved?: number;
  /** Threads cleaning records (1: the main thread alone). */
  jobs?: number;
  quiet?: boolean;
  debug?: boolean;
  /** Records longer than this are error records (--max-bytes). */
  maxBytes?: number;
}

/**
 * One input line -> one output line. A page's output is the input object without its `text`
 * (so `id` and every other field pass through), then the fields of the JSON output but `input`;
 * where names clash, clean-news's fields win. A line that gives no page gives
 * `{"id": ..., "line": N, "error": "..."}`, with `id` when the line is an object that has one.
 */
export function cleanRecord(line: string, number: number, cleaner: Cleaner, maxRemoved: number | undefined): RecordOutcome {
  // Deeper values parse, but writing them back overflows the stack, at a depth that differs by thread.
  if (nestedDeeperThan(line, MAX_DEPTH)) return errorRecord(undefined, number, `nested deeper than ${MAX_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return errorRecord(undefined, number, `not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return errorRecord(undefined, number, 'not a JSON object');
  const { text, ...passed } = value as Record<string, unknown>;
  if (typeof text !== 'string') return errorRecord(passed, number, text === undefined ? 'no "text" field' : '"text" is not a string');
  try {
    const result = cleaner(text);
    if (maxRemoved !== undefined) {
      const share = lostShare(text, result);
      if (share > maxRemoved) return errorRecord(passed, number, overMaxRemoved(share, maxRemoved));
    }
    // `input` names the file a page came from; a record has its own id instead.
    const { input: _input, ...fields } = toRecord(result, '');
    return { output: `${JSON.stringify({ ...passed, ...fields })}\n` };
  } catch (err) {
    // One record that breaks the engine must not end the stream: it is an error record like any other.
    return errorRecord(passed, number, `cannot be cleaned: ${(err as Error).message}`);
  }
}

/** How deep a record's arrays and objects may nest. */
const MAX_DEPTH = 1000;

/** Whether JSON text nests arrays and objects deeper than `limit` (brackets in strings do not count). */
function nestedDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string: to its closing quote, past escaped characters.
      for (i++; i < json.length && json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c) i++;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

function errorRecord(passed: Record<string, unknown> | undefined, number: number, error: string): RecordOutcome {
  const id = passed !== undefined && 'id' in passed ? { id: passed['id'] } : {};
  return { output: `${JSON.stringify({ ...id, line: number, error })}\n`, error };
}

/** One line of the stream: its bytes, or null when it was longer than the bound (and dropped). */
interface RawLine {
  bytes: Buffer | null;
  number: number;
}

/**
 * The lines of a stream, numbered from 1, read one chunk at a time; a last line without a
 * newline counts. A line longer than `maxBytes` is not kept: its bytes are dropped as they
 * come, so a line that never ends (< /dev/zero) takes no more memory than one chunk.
 */
async function* rawLines(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<RawLine> {
  let number = 0;
  // The start of a line that spans chunks, in pieces: joined once, when its end comes.
  let pieces: Buffer[] = [];
  let length = 0;
  let dropped = false;
  const take = (piece: Buffer): void => {
    length += piece.length;
    if (length > maxBytes) {
      dropped = true;
      pieces = [];
    } else if (!dropped) pieces.push(piece);
  };
  const line = (): RawLine => {
    const raw = { bytes: dropped ? null : Buffer.concat(pieces, length), number: ++number };
    pieces = [];
    length = 0;
    dropped = false;
    return raw;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, from)) {
      take(chunk.subarray(from, end));
      yield line();
      from = end + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
  }
  if (length > 0 || dropped) yield line();
}

/** A record line as text, decoded as a file is: UTF-8, else Windows-1252 with a warning; or why it is an error record. */
interface RecordLine {
  number: number;
  line?: string;
  warning?: string;
  refused?: string;
}

async function* recordLines(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<RecordLine> {
  for await (const { bytes, number } of rawLines(stream, maxBytes)) {
    if (bytes === null) {
      yield { number, refused: `longer than ${describeBytes(maxBytes)} (--max-bytes)` };
      continue;
    }
    // A byte order mark may start the stream, as editors save files.
    const { text, warning } = decodeUtf8(number === 1 && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
    yield warning === undefined ? { number, line: text } : { number, line: text, warning };
  }
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
  async function* records(): AsyncGenerator<RecordLine> {
    try {
      yield* recordLines(process.stdin, options.maxBytes ?? DEFAULT_MAX_BYTES);
    } catch (err) {
      readError = err;
    }
  }
  try {
    await inOrder(
      records(),
      jobs * WINDOW_PER_JOB,
      async ({ line, number, refused }) => {
        if (line === undefined) return errorRecord(undefined, number, refused ?? 'unreadable');
        return pool ? pool.record(line, number) : cleanRecord(line, number, options.cleaner, maxRemoved);
      },
      async (outcome, { number, warning }) => {
        if (warning !== undefined) reporter.warning(`line ${number}`, warning);
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
