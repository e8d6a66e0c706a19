/**
 * The temporary files of atomic writes, and what removes them when a run is stopped. A
 * temporary file is named from its target, the process and the thread: a thread writes one
 * file at a time, so the name is unique, a signal handler can name those of every thread, and
 * a later run can tell those of a process that no longer runs.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/** `.NAME.PID.THREAD.tmp`, and the `.NAME.PID.RANDOM.tmp` of earlier versions. */
const TEMP_NAME = /^\..+\.(\d+)\.(?:\d+|[0-9a-f]{8})\.tmp$/;

/** This thread's id (0 in the main thread): set by worker threads, so that one-thread runs need not load node:worker_threads. */
let ownThread = 0;

export function setThreadId(id: number): void {
  ownThread = id;
}

/** `dir/.NAME.PID.THREAD.tmp`, with NAME cut short (at a character) where the whole would be too long a file name. */
export function tempPathFor(target: string, pid: number = process.pid, thread: number = ownThread): string {
  const suffix = `.${pid}.${thread}.tmp`;
  let name = path.basename(target);
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  while (Buffer.byteLength(name) > room) name = name.slice(0, Math.min(name.length - 1, room));
  return path.join(path.dirname(target), `.${name}${suffix}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/**
 * Removes, once per directory and run, the temporary files that a process stopped mid-write
 * left in `dir` (those of processes still running are theirs). Never fails the write it precedes.
 */
export function sweepStaleTemps(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(path.join(dir, name), { force: true });
  }
}

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();

/** Runs `cleanup` if the run is stopped by SIGINT or SIGTERM; returns what unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * On SIGINT or SIGTERM, runs the cleanups, then dies of the same signal, so the shell sees
 * how the run ended. In the main thread's own writes there is nothing to clean: a signal is
 * handled between two pages, never in the middle of a write.
 */
export function installInterruptHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.kill(process.pid, signal));
    });
  }
}
