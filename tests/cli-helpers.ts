/** Shared helpers for the CLI tests: temp dirs with real files, and running the built CLI. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../bin/clean-news.js', import.meta.url));

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

export function runCli(args: readonly string[], cwd: string, input?: string | Uint8Array): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
