/**
 * A real interrupted run: a large batch stopped by Ctrl-C (SIGINT), then by kill -9, while an
 * output is being written. Outputs are written to a temporary file beside the target and
 * renamed over it, so every output present afterwards is complete. A kill leaves the temporary
 * file, `.NAME.clean.txt.PID.tmp`: a dot file not ending in .txt, so neither a directory
 * argument, a glob, nor a shell's `*` takes it as an input, and it is not named as an output.
 * The next run writes every output afresh and removes it, since its process is gone.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { CLI, NO_COLOR, removeTempDirs, runCliWithSummary, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const PAGES = 60;
/** Every BIG-th page is large, so its output takes several writes: a kill can land in the middle of them. */
const BIG = 15;
const size = (n: number): number => (n % BIG === BIG - 1 ? 1_000_000 : 50_000);

/** A distinct page of about `size(n)` characters: a headline, prose paragraphs, a comment widget. */
function bigPage(n: number): string {
  const paragraphs: string[] = [];
  for (let length = 0, i = 0; length < size(n); i++) {
    const paragraph = `Paragraph ${i} of page ${n}: the city council voted on Monday to approve a long-debated plan for district ${n}, ending months of argument between residents and officials.`;
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return [`Council approves plan for district ${n}`, '', ...paragraphs, 'Comments', 'No comments yet...', ''].join('\n');
}

const name = (n: number): string => `p${String(n).padStart(3, '0')}`;
const INPUT = /^p\d{3}\.txt$/;
const TEMP_FILE = /^\.p\d{3}\.clean\.txt\.\d+\.tmp$/;
/** The output of a large page, under its final name or its temporary one. */
const isBigOutput = (file: string): boolean => {
  const n = /^\.?p(\d{3})\.clean\.txt/.exec(file)?.[1];
  return n !== undefined && size(Number(n)) > size(0);
};

const filesIn = (dir: string): string[] => readdirSync(path.join(dir, 'pages'));
const outputsIn = (dir: string): string[] => filesIn(dir).filter((file) => file.endsWith('.clean.txt'));

/**
 * Starts a batch over `pages/` and, once at least `outputs` outputs exist, sends `signal` the
 * moment a large page's output starts to be written. Waits for the run to end.
 */
async function interrupt(dir: string, signal: NodeJS.Signals, outputs: number): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'pages'], { cwd: dir, stdio: 'ignore' });
  const exited = once(child, 'exit');
  const stop = (): void => {
    watcher.close();
    clearTimeout(deadline);
    // Only this child, by its pid.
    child.kill(signal);
  };
  const watcher = watch(path.join(dir, 'pages'), (_event, file) => {
    if (file !== null && isBigOutput(file) && outputsIn(dir).length >= outputs) stop();
  });
  const deadline = setTimeout(stop, 60_000);
  const [code] = (await exited) as [number | null];
  watcher.close();
  clearTimeout(deadline);
  // Stopped mid-batch, by the signal or on its own account after it: not finished before it came.
  expect(code).not.toBe(0);
}

/** 300,000 short lines: seconds of cleaning, in one page. */
const HUGE_PAGE = Array.from({ length: 300_000 }, (_, n) => `Line ${n} of the page`).join('\n');
/** How long a signal may take to end a run: a second, and room for a loaded machine's scheduler. */
const PROMPT_MS = 3_000;

/** Starts `args` on a huge page, signals it once it is at work, and resolves with how it ended and how long that took. */
async function signalAtWork(args: readonly string[], dir: string, signal: NodeJS.Signals, stdin?: string): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
  if (stdin !== undefined) child.stdin?.end(stdin);
  const exited = once(child, 'exit');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const sent = Date.now();
  child.kill(signal);
  const [code, by] = (await exited) as [number | null, string | null];
  return { code, signal: by, ms: Date.now() - sent };
}

describe('a signal', () => {
  it('ends a run at once while it cleans a huge page, leaving no file behind', { timeout: 300_000 }, async () => {
    const dir = tempDir({ 'huge.txt': HUGE_PAGE });
    const cases = [
      [['huge.txt'], 'SIGTERM', undefined],
      [['--format', 'json', '--explain', 'huge.txt'], 'SIGINT', undefined],
      [['--jsonl'], 'SIGTERM', `${JSON.stringify({ id: 1, text: HUGE_PAGE })}\n`],
    ] as const;
    const ended = await Promise.all(cases.map(([args, signal, stdin]) => signalAtWork(args, dir, signal, stdin)));
    cases.forEach(([args, signal], k) => {
      const { code, signal: by, ms } = ended[k] as { code: number | null; signal: string | null; ms: number };
      expect({ args, code, signal: by }).toEqual({ args, code: null, signal });
      expect(ms, `${args.join(' ')} took ${ms} ms to end`).toBeLessThan(PROMPT_MS);
    });
    expect(readdirSync(dir)).toEqual(['huge.txt']);
  });
});

describe('an interrupted run', () => {
  it('never leaves a partial output, and its leftover temporary files are neither inputs nor outputs', { timeout: 600_000 }, async () => {
    const dir = tempDir(Object.fromEntries(Array.from({ length: PAGES }, (_, n) => [`pages/${name(n)}.txt`, bigPage(n)])));

    await interrupt(dir, 'SIGINT', 10);
    // A second run, over the first one's outputs, killed outright further on.
    await interrupt(dir, 'SIGKILL', outputsIn(dir).length + 20);

    const outputs = outputsIn(dir);
    expect(outputs.length).toBeGreaterThanOrEqual(30);
    expect(outputs.length).toBeLessThan(PAGES);
    for (const output of outputs) {
      const n = Number(output.slice(1, 4));
      expect(readFileSync(path.join(dir, 'pages', output), 'utf8') === clean(bigPage(n)).text, `${output} is complete`).toBe(true);
    }
    // Nothing else: inputs, complete outputs, and temporary files.
    const leftovers = filesIn(dir).filter((file) => !INPUT.test(file) && !file.endsWith('.clean.txt')).sort();
    for (const file of leftovers) expect(file).toMatch(TEMP_FILE);

    // The next run cleans every page, counts the old outputs as skipped, takes no temporary file for a page, and removes them.
    const run = runCliWithSummary(['pages'], dir, NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^clean-news: ${PAGES} cleaned, 0 failed, ${outputs.length} skipped \\(own outputs\\);`));
    expect(outputsIn(dir)).toHaveLength(PAGES);
    expect(filesIn(dir).filter((file) => TEMP_FILE.test(file))).toEqual([]);
    const last = BIG * Math.floor(PAGES / BIG) - 1;
    expect(readFileSync(path.join(dir, 'pages', `${name(last)}.clean.txt`), 'utf8') === clean(bigPage(last)).text).toBe(true);
  });
});
