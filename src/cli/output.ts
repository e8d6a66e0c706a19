/** Where results go: output file naming, atomic file writes, and stdout with backpressure. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sweepStaleTemps, tempPathFor } from './temp-files.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const OUTPUT_SUFFIX: Readonly<Record<Format, string>> = { text: '.clean.txt', json: '.clean.json' };

/** The tool's own outputs are never inputs, so running a command twice gives the same files. */
export function isOwnOutput(file: string): boolean {
  return Object.values(OUTPUT_SUFFIX).some((suffix) => file.endsWith(suffix));
}

/**
 * `NAME.txt` -> `NAME.clean.txt` (or `.clean.json`), next to the input, or under `outDir`
 * at the input's path relative to `base` (the directory its argument named).
 */
export function outputPathFor(input: string, format: Format, base: string, outDir?: string): string {
  const name = path.basename(input).replace(/\.txt$/, '') + OUTPUT_SUFFIX[format];
  const dir = outDir === undefined ? path.dirname(input) : path.join(outDir, path.relative(base, path.dirname(input)));
  return path.join(dir, name);
}

/**
 * Readers never see a half-written file: write a temporary file beside the target, then rename
 * it over. Synchronous, as reading inputs is: for files of a few kilobytes the promise API costs
 * several times the CPU (a thread-pool round trip for each step), and batches run in worker threads.
 * `mode` gives the output its input's permission bits (less the umask): a private page stays private.
 */
export function writeFileAtomic(target: string, data: string, mode = 0o666): void {
  const dir = path.dirname(target);
  makeDirectory(dir);
  sweepStaleTemps(dir);
  const temp = tempPathFor(target);
  try {
    try {
      writeFileSync(temp, data, { flag: 'wx', mode });
    } catch (err) {
      // Left by an earlier process that had this one's pid: this thread is the only writer of that name.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      rmSync(temp, { force: true });
      writeFileSync(temp, data, { flag: 'wx', mode });
    }
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * `mkdir -p`. Where a file stands at DIR itself, mkdir fails with EEXIST, which reads as if all
 * were well: that is reported as `not a directory`, as it is when a file stands higher up.
 */
function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: dir });
  }
}

/**
 * stdout for data. A reader that goes away early (`| head`) is normal, not an error:
 * after EPIPE the sink is closed and drops writes. Other write errors are kept for the caller.
 */
export class StdoutSink {
  private closedBy: Error | 'reader' | undefined;
  private opened: NodeJS.WritableStream | undefined;

  // Set up at the first write: a run that only writes files never pays the ~2 ms process.stdout costs.
  private get stream(): NodeJS.WritableStream {
    if (this.opened === undefined) {
      this.opened = process.stdout;
      this.opened.on('error', (err: Error) => this.closeWith(err));
    }
    return this.opened;
  }

  private closeWith(err: NodeJS.ErrnoException): void {
    this.closedBy ??= err.code === 'EPIPE' ? 'reader' : err;
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** The write error that closed stdout, if it was not the reader leaving. */
  get error(): Error | undefined {
    return this.closedBy instanceof Error ? this.closedBy : undefined;
  }

  /** Resolves once the stream can take more, so a large batch never piles up in memory. */
  async write(data: string): Promise<void> {
    if (this.closed || this.stream.write(data)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      this.stream.on('drain', done).on('error', done).on('close', done);
    });
  }

  /** Resolves once everything written so far has reached the OS, or stdout has failed. */
  async flush(): Promise<void> {
    if (this.closed || this.opened === undefined) return;
    await new Promise<void>((resolve) => {
      this.stream.write('', (err) => {
        if (err) this.closeWith(err);
        resolve();
      });
    });
  }
}
