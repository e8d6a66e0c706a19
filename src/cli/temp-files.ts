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
 * Signals and writes. Most of the time a run has no handler for SIGINT and SIGTERM: they end it
 * at once, by their default action, whatever it is doing (cleaning a page of a million lines in
 * this thread, waiting for worker threads), and no temporary file exists to be left behind. A
 * JavaScript handler could not do that: it runs only when the thread is free. Only while an
 * output is written (a temporary file, then a rename; only the main thread writes) are they
 * held: one that comes then is handled once the write is done, and the run dies of it, so the
 * shell sees how it ended.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let held = false;

function dieOf(signal: NodeJS.Signals): void {
  letSignalsAct();
  process.kill(process.pid, signal);
}

/** Holds SIGINT and SIGTERM until the next betweenWrites(): called as an output's temporary file is made. */
export function holdSignals(): void {
  if (held) return;
  held = true;
  for (const signal of SIGNALS) process.on(signal, dieOf);
}

/** Removing the handlers gives the signals back their default action. */
function letSignalsAct(): void {
  if (!held) return;
  held = false;
  for (const signal of SIGNALS) process.removeListener(signal, dieOf);
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Called after each output is written: lets a signal that came during the write reach its
 * handler, then lets signals act at once again. Two turns of the event loop, since it reads
 * signals in its poll phase, and the first turn may not poll again after the write.
 */
export async function betweenWrites(): Promise<void> {
  if (!held) return;
  await turn();
  await turn();
  letSignalsAct();
}
