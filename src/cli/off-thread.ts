/**
 * Large pages cleaned in a worker thread, while the main thread waits, free to act on a signal
 * at once. One thread, started when the first large page comes: most runs never start it.
 */
import type { CleanResult } from '../engine/types.js';
import type { ConfigFlags } from './settings.js';
import type { Outcome, PageTask, ReadPage, TaskOptions } from './task.js';
import { WorkerPool } from './workers.js';

export class OffThread {
  private pool: Promise<WorkerPool> | undefined;

  /** `flags` load the same rules in the worker; `options` are the run's, its outputs handed back to write. */
  constructor(
    private readonly flags: ConfigFlags,
    private readonly options: TaskOptions,
  ) {}

  private started(): Promise<WorkerPool> {
    this.pool ??= WorkerPool.start(1, this.flags, { ...this.options, deferWrites: true });
    return this.pool;
  }

  /** A page's task, from its text on: as PageRunner.finish, the output handed back. */
  async finish(task: PageTask, read: ReadPage): Promise<Outcome> {
    return (await this.started()).finish(task, read);
  }

  async clean(text: string): Promise<CleanResult> {
    return (await this.started()).clean(text);
  }

  async close(): Promise<void> {
    if (this.pool !== undefined) await (await this.pool).close();
  }
}
