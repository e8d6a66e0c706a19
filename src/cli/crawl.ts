/**
 * Crawl files in, JSON Lines out: each text record of WET and WARC files (plain or gzipped, or
 * standard input with --input-format warc) cleaned into one line, in input order, on stdout or
 * into --out; each page not written is one line of --rejected with its reason. Streamed: a
 * bounded number of records is under way whatever the size of the file.
 */
import { createReadStream } from 'node:fs';
import type { Cleaner } from '../engine/clean.js';
import { crawlItems, type CrawlItem, type RecordIdentity } from '../input/warc.js';
import { cleanCrawlPage, crawlLine, type CleanedPage, type CrawlFilters } from './crawl-page.js';
import { STDIN_ARGUMENT } from './inputs.js';
import { JsonlFile } from './jsonl-file.js';
import { StdoutSink } from './output.js';
import { DEFAULT_MAX_BYTES } from './read-input.js';
import { displayPath, type Reporter } from './report.js';
import type { ConfigFlags } from './settings.js';
import { grouped } from './tally.js';
import { STDIN_LABEL } from './task.js';
import { inOrder, WINDOW_PER_JOB, WorkerPool } from './workers.js';

export interface CrawlOptions extends ConfigFlags, CrawlFilters {
  cleaner: Cleaner;
  jobs?: number;
  /** Records larger than this are rejected as too-large. */
  maxBytes?: number;
  /** --out FILE: the output lines go there instead of stdout. */
  out?: string;
  /** --rejected FILE: one line per page not written. */
  rejected?: string;
  quiet?: boolean;
  debug?: boolean;
}

/** One record's fate, as the main thread applies it in order. */
type Fate = { written: string; warning?: string } | { reason: string; message: string; record: RecordIdentity; warning?: string } | { skipped: string };

/** Tallies of a run, for its summary line. */
class CrawlCounts {
  written = 0;
  readonly rejected = new Map<string, number>();
  readonly skipped = new Map<string, number>();
  corrupt = 0;

  static add(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  summary(): string {
    const list = (map: Map<string, number>) => (map.size === 0 ? '' : ` (${[...map].map(([key, count]) => `${key} ${grouped(count)}`).join(', ')})`);
    const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    const skipped = total(this.skipped);
    return (
      `${grouped(this.written)} ${this.written === 1 ? 'page' : 'pages'} written, ${grouped(total(this.rejected))} rejected${list(this.rejected)}, ` +
      `${grouped(skipped)} other ${skipped === 1 ? 'record' : 'records'} skipped${list(this.skipped)}\n`
    );
  }
}

/** Returns the number of failures: inputs or outputs that could not be read or written, and damaged records. */
export async function cleanCrawl(paths: readonly string[], options: CrawlOptions, reporter: Reporter): Promise<number> {
  const { minConfidence, languages, maxRemoved } = options;
  const filters: CrawlFilters = { ...(maxRemoved === undefined ? {} : { maxRemoved }), ...(minConfidence === undefined ? {} : { minConfidence }), ...(languages === undefined ? {} : { languages }) };
  const out = openOutput(options.out, reporter);
  const rejected = out === null ? null : openOutput(options.rejected, reporter);
  if (out === null || rejected === null) {
    out?.abort();
    return 1;
  }
  let stdout: StdoutSink | undefined;
  const output = out ?? (stdout = new StdoutSink());
  const jobs = options.jobs ?? 1;
  const pool = jobs > 1 ? await WorkerPool.start(jobs, options, { format: 'json' }, filters) : undefined;
  const run: CrawlRun = { options, filters, reporter, pool, output, stdout, rejected, counts: new CrawlCounts() };
  let failures = 0;
  let completed = false;
  try {
    for (const file of paths) {
      failures += await crawlFile(file, run);
      if (stdout?.closed) break;
    }
    completed = true;
  } finally {
    await pool?.close();
    // An error no input caught (a bug, memory): the outputs are left as they were.
    if (!completed) {
      out?.abort();
      rejected?.abort();
    }
  }
  failures += await finish(out, reporter);
  failures += await finish(rejected, reporter);
  if (stdout !== undefined) {
    await stdout.flush();
    if (stdout.error !== undefined) {
      reporter.failure('standard output', stdout.error);
      failures++;
    }
  }
  // A reader of stdout that left early ends the run quietly, as for pages.
  if (!options.quiet && !stdout?.closed) reporter.print(`clean-news: ${run.counts.summary()}`);
  return failures + run.counts.corrupt;
}

/** What every crawl file of a run shares. */
interface CrawlRun {
  options: CrawlOptions;
  filters: CrawlFilters;
  reporter: Reporter;
  pool: WorkerPool | undefined;
  /** Where page lines go: --out, else stdout. */
  output: { write(line: string): Promise<void> };
  stdout: StdoutSink | undefined;
  rejected: JsonlFile | undefined;
  counts: CrawlCounts;
}

/** One crawl file's records, cleaned in order; 1 when the file cannot be read to its end. */
async function crawlFile(file: string, run: CrawlRun): Promise<number> {
  const { options, filters, reporter, pool, counts } = run;
  const label = file === STDIN_ARGUMENT ? STDIN_LABEL : displayPath(file);
  const stream = file === STDIN_ARGUMENT ? process.stdin : createReadStream(file);
  const subject = (record: RecordIdentity) => `${label}: record ${record.id ?? `at byte ${record.offset}`}`;
  const fate = async (item: CrawlItem): Promise<Fate> => {
    if (item.kind === 'skipped') return { skipped: item.what };
    if (item.kind === 'rejected') return { reason: item.reason, message: item.message, record: item.record };
    const cleaned: CleanedPage = pool ? await pool.crawlPage(item.bytes) : cleanCrawlPage(item.bytes, options.cleaner, filters);
    const warned = cleaned.warning === undefined ? {} : { warning: cleaned.warning };
    const outcome = 'fields' in cleaned ? await crawlLine(cleaned.fields, item.record, filters.languages) : cleaned;
    if ('output' in outcome) return { written: outcome.output, ...warned };
    return { reason: outcome.rejected, message: outcome.message, record: item.record, ...warned };
  };
  const apply = async (done: Fate, item: CrawlItem): Promise<boolean> => {
    if ('warning' in done && done.warning !== undefined) reporter.warning(subject(item.record), done.warning);
    if ('skipped' in done) {
      CrawlCounts.add(counts.skipped, done.skipped);
    } else if ('written' in done) {
      counts.written++;
      await run.output.write(done.written);
    } else {
      CrawlCounts.add(counts.rejected, done.reason);
      // Damage is a failure, said on stderr; a page filtered out is only counted.
      if (done.reason === 'corrupt-record') {
        counts.corrupt++;
        reporter.error(subject(done.record), done.message);
      }
      const { id, url, offset } = done.record;
      await run.rejected?.write(`${JSON.stringify({ id, url, file: file === STDIN_ARGUMENT ? null : file, offset, reason: done.reason, message: done.message })}\n`);
    }
    return run.stdout === undefined || !run.stdout.closed;
  };
  try {
    await inOrder(crawlItems(stream as AsyncIterable<Uint8Array>, options.maxBytes ?? DEFAULT_MAX_BYTES), (options.jobs ?? 1) * WINDOW_PER_JOB, fate, apply);
    return 0;
  } catch (err) {
    reporter.failure(label, err);
    return 1;
  }
}

/** The file named, opened; undefined when none is; null (after saying why) when it cannot be created. */
function openOutput(target: string | undefined, reporter: Reporter): JsonlFile | undefined | null {
  if (target === undefined) return undefined;
  try {
    return new JsonlFile(target);
  } catch (err) {
    reporter.failure(displayPath(target), err, 'cannot be written');
    return null;
  }
}

async function finish(file: JsonlFile | undefined, reporter: Reporter): Promise<number> {
  if (file === undefined) return 0;
  try {
    await file.commit();
    return 0;
  } catch (err) {
    reporter.failure(displayPath(file.target), err, 'cannot be written');
    return 1;
  }
}
