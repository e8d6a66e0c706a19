/** Shared helpers for the CLI tests: temp dirs with real files, and running the built CLI. */
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../bin/clean-news.cjs', import.meta.url));

/** A page shaped like the scraped ones: title, source line, byline, body paragraphs, then chrome. */
export function page(topic: string, extraParagraph = ''): string {
  return [
    `Council approves new plan for ${topic}`,
    '',
    `Council approves new plan for ${topic}`,
    'Coastal Herald2 days ago',
    'By Ana Ruiz',
    `The city council voted on Monday to approve a long-debated plan for ${topic}, ending months of argument between residents and officials.`,
    `Supporters said the plan for ${topic} would be finished within two years, while critics warned that its cost had been underestimated.`,
    ...(extraParagraph === '' ? [] : [extraParagraph]),
    'Comments',
    'No comments yet...',
    '',
  ].join('\n');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const SUMMARY_LINE = /^clean-news: (?:\d+ cleaned, |top rules: |configuration: )/;

/**
 * Drops the batch summary that ends stderr after a run of several inputs, so tests of
 * messages see only the messages; tests/cli-batch.test.ts checks the summary itself.
 */
function withoutSummary(run: CliRun): CliRun {
  const lines = run.stderr.split(/(?<=\n)/);
  return { ...run, stderr: lines.filter((line) => !SUMMARY_LINE.test(line)).join('') };
}

function spawn(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input?: string | Uint8Array): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, ...(input === undefined ? {} : { input }) });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function runCli(args: readonly string[], cwd: string, input?: string | Uint8Array): CliRun {
  return withoutSummary(spawn(args, cwd, process.env, input));
}

/**
 * Runs the built CLI with colors settled by `env` alone: the inherited FORCE_COLOR and NO_COLOR
 * are dropped first, so a developer's own settings cannot change what a test sees. The whole
 * of stderr, batch summary included.
 */
export function runCliWithSummary(args: readonly string[], cwd: string, env: Readonly<Record<string, string>>, input?: string): CliRun {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR' && name !== 'NO_COLOR'));
  return spawn(args, cwd, { ...base, ...env }, input);
}

/** As runCliWithSummary, without the batch summary. */
export function runCliEnv(args: readonly string[], cwd: string, env: Readonly<Record<string, string>>, input?: string): CliRun {
  return withoutSummary(runCliWithSummary(args, cwd, env, input));
}

/** Colors off, as a pipe gets them anyway: the plain forms the tests compare. */
export const NO_COLOR = { NO_COLOR: '1' } as const;

/** Any ANSI escape sequence (colors, cursor movement). */
export const ANSI = /\x1b\[[0-9;]*[A-Za-z]/;

const tempDirs: string[] = [];

/** A fresh temp dir holding `files` (relative path -> content); removed by `removeTempDirs`. */
export function tempDir(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-news-cli-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (dotfiles included), as sorted relative paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Runs the built CLI with stdout piped to a reader that leaves after the first chunk, as
 * `| head -1` does; returns how much it read, the child's stderr and its status.
 */
export async function runUntilReaderLeaves(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ received: number; stderr: string; status: number | null }> {
  const child = spawnChild(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let received = 0;
  child.stdout.once('data', (chunk: Buffer) => {
    received = chunk.length;
    child.stdout.destroy();
  });
  const [status] = (await once(child, 'close')) as [number | null];
  return { received, stderr, status };
}
