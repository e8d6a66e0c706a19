/**
 * The temporary files of atomic writes. Only the main thread writes files, one at a time (worker
 * threads hand their outputs back), so a temporary file named from its target and the process
 * is unique, and a later run can tell those of a process that no longer runs.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/** `.NAME.clean.txt.PID.tmp` (or .clean.json), and the `.PID.RANDOM.tmp` and `.PID.THREAD.tmp` of earlier versions. */
const TEMP_NAME = /^\..+\.clean\.(?:txt|json)\.(\d+)(?:\.(?:\d+|[0-9a-f]{8}))?\.tmp$/;

/** `dir/.NAME.PID.tmp`, with NAME cut short (at a character) where the whole would be too long a file name. */
export function tempPathFor(target: string, pid: number = process.pid): string {
  const suffix = `.${pid}.tmp`;
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

/**
 * SIGINT and SIGTERM are handled, so that a run stops between two writes, never in the middle
 * of one (JavaScript runs the handler once the write under way is done); then it dies of the
 * same signal, so the shell sees how the run ended. The handler runs only when the main thread
 * is free: a page large enough to keep it busy for long is cleaned in a worker thread (see
 * off-thread.ts), and loops over inputs let the event loop run between two (betweenWrites).
 * Worker threads write no files. The handler stays for the whole run: a handler removed and
 * installed again would lose a signal caught in between.
 */
export function installInterruptHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.kill(process.pid, signal));
}

/**
 * Lets the event loop run. A page cleaned and written in the main thread never leaves it to
 * the loop; loops over inputs call this between two, so that a signal is handled there, not
 * once the whole batch is done.
 */
export function betweenWrites(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
