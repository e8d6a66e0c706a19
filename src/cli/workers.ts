/**
 * --jobs: cleaning on several cores. A pool of worker threads, each loading the rules itself
 * from the same flags, takes pages (and --jsonl records); `inOrder` keeps a bounded number of
 * them under way and hands their outcomes back in input order, so output, messages and exit
 * status are the same whatever the number of jobs.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CleanedPage, CrawlFilters } from './crawl-page.js';
import { configFlagsOf, type ConfigFlags } from './settings.js';
import type { CleanResult } from '../engine/types.js';
import type { Outcome, PageTask, ReadPage, TaskOptions } from './task.js';

/**
 * A batch needs this many files before worker threads pay for their start (each loads the
 * bundle and the model, and warms its own JIT up): measured on 2 cores with pages of 8 KB,
 * --jobs 2 against --jobs 1 took 1.32x as long at 64 files, 0.99x at 384, 0.89x at 768.
 */
const PARALLEL_MIN_FILES = 400;

/** Jobs handed to one worker at a time: the one it works on, and the next, so it never waits for the main thread. */
const JOBS_PER_WORKER = 2;

/** How many jobs `inOrder` keeps under way per thread: enough to keep every thread busy. */
export const WINDOW_PER_JOB = 4;

/** What every worker thread starts from: the flags to load the rules from, and the run's options. */
export interface WorkerData {
  flags: ConfigFlags;
  options: TaskOptions;
  /** What decides which pages of crawl files are written. */
  filters: CrawlFilters;
}

/** What a --jsonl record gives (see cleanRecord in jsonl.ts). */
export interface RecordOutcome {
  /** The output line, newline included. */
  output: string;
  /** Why the record is an error record. */
  error?: string;
}

export type Job =
  | { kind: 'page'; task: PageTask }
  | { kind: 'record'; line: string; number: number }
  | { kind: 'finish'; task: PageTask; read: ReadPage }
  | { kind: 'clean'; text: string }
  | { kind: 'crawl'; bytes: Uint8Array };

/** More threads than this only add memory and switching: --jobs is capped at it. */
export function maxJobs(): number {
  return 4 * availableParallelism();
}

/** The default --jobs: one thread per core for a batch of many files, else the main thread alone. */
export function defaultJobs(files: number): number {
  return files >= PARALLEL_MIN_FILES ? availableParallelism() : 1;
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

export class WorkerPool {
  private readonly load = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Array<{ id: number; job: Job }> = [];
  private nextId = 0;
  private failure: unknown;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', ({ id, result }: { id: number; result: unknown }) => this.settle(worker, id, result));
      // A worker only fails on a bug or out of memory: the run stops, as it would in one thread.
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
      this.load.set(worker, 0);
    }
  }

  /**
   * `size` threads, each loading the rules from `flags` (its --config and --rules) as the main
   * thread did. node:worker_threads is loaded only here: a run in one thread starts faster without it.
   */
  static async start(size: number, flags: ConfigFlags, options: TaskOptions, filters: CrawlFilters = {}): Promise<WorkerPool> {
    const { Worker } = await import('node:worker_threads');
    // Each worker's stdout and stderr are piped into this process's, one listener each: not a leak.
    for (const stream of [process.stdout, process.stderr]) stream.setMaxListeners(stream.getMaxListeners() + size);
    const data: WorkerData = { flags: configFlagsOf(flags), options, filters };
    // A 16 MB nursery, not V8's larger default: a third less memory per thread, as fast. It bounds no live data.
    const spawn = (): Worker => new Worker(new URL('./worker.js', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    return new WorkerPool(Array.from({ length: size }, spawn));
  }

  page(task: PageTask): Promise<Outcome> {
    return this.run({ kind: 'page', task }) as Promise<Outcome>;
  }

  record(line: string, number: number): Promise<RecordOutcome> {
    return this.run({ kind: 'record', line, number }) as Promise<RecordOutcome>;
  }

  /** A page read already, finished in a worker (see OffThread). */
  finish(task: PageTask, read: ReadPage): Promise<Outcome> {
    return this.run({ kind: 'finish', task, read }) as Promise<Outcome>;
  }

  /** A page of a crawl file, cleaned and filtered by the pool's CrawlFilters. */
  crawlPage(bytes: Uint8Array): Promise<CleanedPage> {
    return this.run({ kind: 'crawl', bytes }) as Promise<CleanedPage>;
  }

  clean(text: string): Promise<CleanResult> {
    return this.run({ kind: 'clean', text }) as Promise<CleanResult>;
  }

  /** Stops the workers; every job handed out must have settled. */
  async close(): Promise<void> {
    this.failure ??= new Error('the worker pool is closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private run(job: Job): Promise<unknown> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    const settled = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, job });
    this.dispatch();
    return settled;
  }

  /** Hands queued jobs to the least busy workers, up to JOBS_PER_WORKER each. */
  private dispatch(): void {
    for (;;) {
      const next = this.queue[0];
      const worker = this.workers.reduce<Worker | undefined>((best, w) => (best === undefined || this.busy(w) < this.busy(best) ? w : best), undefined);
      if (next === undefined || worker === undefined || this.busy(worker) >= JOBS_PER_WORKER) return;
      this.queue.shift();
      this.load.set(worker, this.busy(worker) + 1);
      worker.postMessage(next);
    }
  }

  private busy(worker: Worker): number {
    return this.load.get(worker) ?? 0;
  }

  private settle(worker: Worker, id: number, result: unknown): void {
    this.pending.get(id)?.resolve(result);
    this.pending.delete(id);
    this.load.set(worker, this.busy(worker) - 1);
    this.dispatch();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
    this.queue.length = 0;
  }
}

/**
 * Starts `start(item)` for each item, keeping at most `window` items started and not yet
 * applied, and passes each result to `apply` in the order of the items, one at a time, as soon
 * as it and those before it are ready. Once `apply` returns false (the reader of stdout left),
 * nothing more is started or applied.
 */
export async function inOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  window: number,
  start: (item: T) => Promise<R>,
  apply: (result: R, item: T) => Promise<boolean>,
): Promise<void> {
  let going = true;
  // Each item's link settles once it is applied; each link waits for the one before it.
  let last: Promise<void> = Promise.resolve();
  const links: Array<Promise<void>> = [];
  try {
    for await (const item of items) {
      if (!going) break;
      const result = start(item);
      // A failure is seen when its turn comes; until then it must not count as unhandled.
      result.catch(() => undefined);
      last = last.then(async () => {
        const value = await result;
        if (going) going = await apply(value, item);
      });
      // Nor may its link, while the loop waits for the next item: it is awaited below, in turn.
      last.catch(() => undefined);
      links.push(last);
      if (links.length >= window) await links.shift();
    }
    await last;
  } finally {
    await Promise.allSettled(links);
  }
}
