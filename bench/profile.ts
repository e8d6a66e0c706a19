/**
 * `npm run bench -- --profile`: where a batch's time goes, stage by stage, in one process on
 * one core: reading and decoding each page, the engine's stages (as src/engine/clean.ts runs
 * them, timed through its StageClock), and writing the output as the CLI does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../src/cli/output.js';
import { createCleaner, type Stage, type StageClock } from '../src/engine/clean.js';
import { decode } from '../src/input/decode.js';
import { builtinRules } from '../src/rules/index.js';

type Step = 'read' | 'decode' | Stage | 'write';
const STEPS: readonly Step[] = ['read', 'decode', 'lines', 'profile', 'rules', 'layout', 'features', 'model', 'decoding', 'assembly', 'write'];

/** Pages are first cleaned this many at a time untimed, so the JIT has warmed up as in a long batch. */
const WARM_UP_PAGES = 200;

export function profileBatch(files: readonly string[]): void {
  const spent = new Map<Step, number>(STEPS.map((step) => [step, 0]));
  const time = <T>(step: Step, run: () => T): T => {
    const start = performance.now();
    const value = run();
    spent.set(step, (spent.get(step) ?? 0) + performance.now() - start);
    return value;
  };
  const clock: StageClock = { time };
  const clean = createCleaner(builtinRules, { clock });
  const out = mkdtempSync(path.join(tmpdir(), 'clean-news-profile-'));
  for (const file of files.slice(0, WARM_UP_PAGES)) clean(readFileSync(file, 'utf8'));
  for (const step of STEPS) spent.set(step, 0);
  let bytes = 0;
  try {
    files.forEach((file, n) => {
      const raw = time('read', () => readFileSync(file));
      bytes += raw.length;
      const decoded = time('decode', () => decode(raw));
      if (decoded.kind !== 'text') return;
      const result = clean(decoded.text);
      time('write', () => writeFileAtomic(path.join(out, `${n}.clean.txt`), result.text));
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const total = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`profile: ${files.length.toLocaleString('en-US')} pages, ${(bytes / 2 ** 20).toFixed(1)} MB, one core, after ${WARM_UP_PAGES} pages to warm up`);
  console.log(`${'stage'.padEnd(10)} ${'ms'.padStart(8)} ${'share'.padStart(7)} ${'µs/page'.padStart(9)}`);
  for (const step of STEPS) {
    const ms = spent.get(step) ?? 0;
    console.log(`${step.padEnd(10)} ${ms.toFixed(0).padStart(8)} ${`${((100 * ms) / total).toFixed(1)}%`.padStart(7)} ${((1000 * ms) / files.length).toFixed(0).padStart(9)}`);
  }
  console.log(`${'total'.padEnd(10)} ${total.toFixed(0).padStart(8)} ${'100%'.padStart(7)} ${((1000 * total) / files.length).toFixed(0).padStart(9)}   ${((files.length * 1000) / total).toFixed(0)} pages/s, ${(bytes / 2 ** 20 / (total / 1000)).toFixed(1)} MB/s`);
}
