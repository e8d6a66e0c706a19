/**
 * A JSON Lines file written as a stream (--out, --rejected): into a temporary file beside the
 * target, renamed over it once complete, so a run that fails or is interrupted leaves the
 * target as it was, never half-written. A name ending in .gz is written gzip-compressed.
 */
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { tempPathFor } from './temp-files.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class JsonlFile {
  private readonly temp: string;
  private readonly file: Writable;
  private readonly head: Writable;
  private failure: Error | undefined;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.abort();
    process.kill(process.pid, signal);
  };

  /** Throws at once when the file cannot be created (no such directory, no permission): before any input is read. */
  constructor(readonly target: string) {
    this.temp = tempPathFor(target);
    // Before the file exists: a signal between the two would leave it behind.
    for (const signal of SIGNALS) process.once(signal, this.onSignal);
    try {
      this.file = createWriteStream('', { fd: openSync(this.temp, 'wx') });
    } catch (err) {
      this.release();
      throw err;
    }
    this.head = target.endsWith('.gz') ? createGzip() : this.file;
    if (this.head !== this.file) this.head.pipe(this.file);
    for (const stream of new Set([this.head, this.file])) stream.on('error', (err: Error) => (this.failure ??= err));
  }

  /** The first write error, if any: the run reports it and the target is left alone. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Resolves once the stream can take more, so a fast producer never piles lines up in memory. */
  async write(line: string): Promise<void> {
    if (this.failure !== undefined || this.head.write(line)) return;
    // A stream that fails is destroyed, and closes: its error is kept by the listener set at the start.
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.head.off('drain', done).off('close', done);
        this.file.off('close', done);
        resolve();
      };
      this.head.on('drain', done).on('close', done);
      this.file.on('close', done);
    });
  }

  /** Finishes the file and puts it in place; on a write error, removes it and throws. */
  async commit(): Promise<void> {
    if (this.failure === undefined) {
      this.head.end();
      await new Promise<void>((resolve) => {
        if (this.file.writableFinished) resolve();
        this.file.once('finish', resolve).once('error', () => resolve()).once('close', resolve);
      });
    }
    this.release();
    if (this.failure !== undefined) {
      rmSync(this.temp, { force: true });
      throw this.failure;
    }
    renameSync(this.temp, this.target);
  }

  /** Leaves the target as it was. */
  abort(): void {
    this.release();
    this.file?.destroy();
    rmSync(this.temp, { force: true });
  }

  private release(): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
