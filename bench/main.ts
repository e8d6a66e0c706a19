/**
 * `npm run bench`: clean-news against baselines measured in the same run, on a generated corpus.
 *
 *   (a) cp -r of the corpus: the floor, reading and writing the same bytes
 *   (b) one awk process deleting a fixed list of chrome lines from every file, into a file beside it
 *   (c) clean-news on the corpus, writing NAME.clean.txt beside each input (default --jobs, and --jobs 1);
 *       (c0) with --baseline REV, that commit's clean-news built in a temporary directory, --jobs 1
 *   (g) clean-news on the same pages as one WET file, --jobs 1 and 2: CPU per page against (c1j), the
 *       pages as files written as JSON; the WET lines checked against the files' outputs
 *   (d) clean-news on one seed page, beside (e) `node -e 0`: start-up
 *   and clean-news on one 10 MB and one 100 MB file (pages concatenated): time linear in size.
 *
 * Each figure is the median of several runs, the commands taken in turn round after round. Before
 * each run the last run's outputs are removed and `sync` writes pending data to disk, so no run
 * pays for another's writes. The load average before and after shows how busy the machine was. Peak RSS is read from /proc/PID/status (VmHWM,
 * the kernel's high-water mark of the process's resident memory, threads included), polled
 * while the command runs. It only reports: it fails nothing.
 *
 *   npm run bench                      20,000 pages, 100 MB and more
 *   npm run bench -- --scale 0.1       a tenth of that, for a quick look
 *   npm run bench -- --pages 2000 --no-big
 *   npm run bench -- --baseline b475113   also the commit before issue 14, for pages per second per core
 *   npm run bench -- --profile --pages 2000   where the time goes, stage by stage (bench/profile.ts)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wetFile } from '../scripts/crawl-files.js';
import { seededRandom } from '../scripts/random.js';
import { buildBaseline } from './baseline.js';
import { profileBatch } from './profile.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'clean-news.cjs');
const SHARED_CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

/** The full corpus: at least 20,000 pages, and at least 100 MB since every page is at least 2,600 bytes and their mean over 5,300. */
const FULL_PAGES = 20_000;
const MIN_PAGE_BYTES = 2_600;
const MAX_TARGET_BYTES = 8_000;
const PAGES_PER_DIR = 100;
const SEED = 20251123;
const BATCH_ROUNDS = 3;
const START_ROUNDS = 11;

/** What a shell user would delete with awk: chrome lines found across the seed pages, matched exactly. */
const CHROME_LINES = [
  'logo',
  'Advertisement',
  'ADVERTISEMENT',
  'Try Our AI Features',
  'Explore what Daily8 AI can do for you:',
  'Get Started Now: Download the App',
  'DOWNLOAD THE APP',
  'Related Articles',
  'Comments',
  'No comments yet...',
  'Subscribe',
  'Share',
  'Facebook',
  'Twitter',
  'Close',
  'Search',
  'Back To Main Menu',
  'Most Popular',
  'Privacy Policy',
  'Terms of Use',
  'Contact Us',
  'Sign In',
  'Newsletter',
  'Orange background',
];

interface Args {
  pages: number;
  big: boolean;
  keep: boolean;
  /** Only the per-stage breakdown, in this process. */
  profile: boolean;
  /** A commit whose clean-news is timed too (c0). */
  baseline: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { pages: FULL_PAGES, big: true, keep: false, profile: false, baseline: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-big') args.big = false;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--profile') args.profile = true;
    else if (arg === '--baseline' && argv[i + 1] !== undefined) args.baseline = argv[++i] as string;
    else {
      const value = Number(argv[++i]);
      if (arg === '--pages' && Number.isInteger(value) && value > 0) args.pages = value;
      else if (arg === '--scale' && value > 0) args.pages = Math.max(1, Math.round(FULL_PAGES * value));
      else throw new Error(`bad argument ${arg ?? ''} (expected --pages N, --scale S, --baseline REV, --no-big, --keep, --profile)`);
    }
  }
  return args;
}

// ---- The corpus ----------------------------------------------------------------------------

interface Seed {
  file: string;
  lines: string[];
  /** Indexes of the lines long enough to be article paragraphs. */
  prose: number[];
}

/** Pages from fixtures/ and, when it is there, ../shared/corpus; the same page twice is taken once. */
function loadSeeds(): Seed[] {
  const dirs = [
    path.join(ROOT, 'fixtures', 'seeds'),
    path.join(ROOT, 'fixtures', 'aggregator'),
    path.join(ROOT, 'fixtures', 'layouts'),
    path.join(SHARED_CORPUS, 'aggregator-dev'),
    path.join(SHARED_CORPUS, 'generic-dev', 'browser'),
    path.join(SHARED_CORPUS, 'generic-dev', 'htmltotext'),
  ];
  const seen = new Set<string>();
  const seeds: Seed[] = [];
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.txt') || name.endsWith('.clean.txt') || name.endsWith('.gold.txt')) continue;
      const text = readFileSync(path.join(dir, name), 'utf8');
      const hash = createHash('sha1').update(text).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
      const prose = lines.flatMap((line, index) => (line.trim().length >= 80 ? [index] : []));
      seeds.push({ file: path.relative(ROOT, path.join(dir, name)), lines, prose });
    }
  }
  return seeds;
}

/**
 * A page made from a seed page: its paragraphs shuffled among their own places (headers and
 * chrome stay where they are), then grown with paragraphs of other pages, inserted after its
 * last paragraph, until it reaches a size drawn between MIN_PAGE_BYTES and MAX_TARGET_BYTES.
 */
function makePage(seeds: readonly Seed[], random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const seed = pick(seeds);
  const lines = [...seed.lines];
  const places = seed.prose;
  const shuffled = [...places];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }
  places.forEach((place, i) => (lines[place] = seed.lines[shuffled[i] as number] as string));
  const target = MIN_PAGE_BYTES + random() * (MAX_TARGET_BYTES - MIN_PAGE_BYTES);
  let size = Buffer.byteLength(lines.join('\n')) + 1;
  const extra: string[] = [];
  while (size < target) {
    const other = pick(seeds);
    if (other.prose.length === 0) continue;
    const paragraph = other.lines[pick(other.prose)] as string;
    extra.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  const at = places.length > 0 ? (places[places.length - 1] as number) + 1 : lines.length;
  lines.splice(at, 0, ...extra);
  return `${lines.join('\n')}\n`;
}

interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

function writeCorpus(dir: string, pages: number, seeds: readonly Seed[]): Corpus {
  const random = seededRandom(SEED);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const sub = path.join(dir, `d${String(Math.floor(i / PAGES_PER_DIR)).padStart(3, '0')}`);
    if (i % PAGES_PER_DIR === 0) mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `p${String(i).padStart(5, '0')}.txt`);
    const page = makePage(seeds, random);
    writeFileSync(file, page);
    files.push(file);
    bytes += Buffer.byteLength(page);
  }
  return { dir, files, bytes };
}

/** One file of pages one after another, a blank line between them, of at least `bytes` bytes. */
function writeBigFile(file: string, bytes: number, seeds: readonly Seed[]): number {
  const random = seededRandom(SEED + bytes);
  const fd = openSync(file, 'w');
  let written = 0;
  while (written < bytes) written += writeSync(fd, `${makePage(seeds, random)}\n`);
  closeSync(fd);
  return written;
}

// ---- Measuring -----------------------------------------------------------------------------

interface Run {
  seconds: number;
  /** User and system CPU seconds, all threads, as /proc/PID/stat last showed them (polled: up to POLL_MS short). */
  cpuSeconds: number | null;
  /** Peak resident memory in bytes, or null where /proc cannot tell. */
  peakRss: number | null;
  status: number | null;
  stderr: string;
}

const POLL_MS = 20;

function vmHwm(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second, the unit of /proc/PID/stat's CPU times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** User plus system CPU seconds of a process, its threads included. */
function cpuTime(pid: number): number | null {
  try {
    // The command name, in parentheses, may hold spaces: the fields are counted after it.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Runs a command (no shell), timing it from spawn to exit and polling its peak RSS and CPU time. */
function run(command: string, args: readonly string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let peakRss: number | null = null;
    let cpuSeconds: number | null = null;
    let stderr = '';
    const poll = (): void => {
      const rss = child.pid === undefined ? null : vmHwm(child.pid);
      if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
      const cpu = child.pid === undefined ? null : cpuTime(child.pid);
      if (cpu !== null) cpuSeconds = cpu;
    };
    const timer = setInterval(poll, POLL_MS);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // 'exit' comes before the process is reaped: a last look at its high-water mark, then stop.
    child.on('exit', poll);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds, peakRss, status, stderr });
    });
  });
}

interface Measure {
  label: string;
  runs: Run[];
  /** The median of the runs that succeeded; NaN when none did. */
  seconds: number;
  /** The median CPU seconds of those runs. */
  cpuSeconds: number;
  peakRss: number | null;
  /** Runs that exited with an error: their figures are left out. */
  failed: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Command {
  label: string;
  command: string;
  args: readonly string[];
  /** Removes the outputs of a run, so that every run does the same work. */
  reset?: () => void;
}

/**
 * `rounds` runs of each command, taken in turn (a, b, c, a, b, c, ...) so that a busy spell of
 * a shared machine slows them alike. Before each run, `reset`, then `sync`: the writes of
 * earlier runs go to disk, so no run pays for their writeback.
 */
async function measure(commands: readonly Command[], rounds: number): Promise<Measure[]> {
  const runs = commands.map((): Run[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { label, command, args, reset }] of commands.entries()) {
      reset?.();
      spawnSync('sync');
      const result = await run(command, args);
      if (result.status !== 0) console.log(`  ! ${label}: exit status ${result.status}: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
      runs[i]?.push(result);
    }
  }
  return commands.map(({ label, reset }, i) => {
    reset?.();
    const own = (runs[i] ?? []).filter((r) => r.status === 0);
    const failed = (runs[i]?.length ?? 0) - own.length;
    const rss = own.flatMap((r) => (r.peakRss === null ? [] : [r.peakRss]));
    console.log(`  ${label}: ${own.map((r) => r.seconds.toFixed(3)).join(' ')} s${failed > 0 ? ` (${failed} runs failed)` : ''}`);
    const cpu = own.flatMap((r) => (r.cpuSeconds === null ? [] : [r.cpuSeconds]));
    return {
      label,
      runs: own,
      seconds: own.length === 0 ? Number.NaN : median(own.map((r) => r.seconds)),
      cpuSeconds: cpu.length === 0 ? Number.NaN : median(cpu),
      peakRss: rss.length === 0 ? null : Math.max(...rss),
      failed,
    };
  });
}

/**
 * Whether the WET runs wrote the same bytes, and for each page of the first CHECKED_PAGES the
 * text the main command writes for the page's own file (cleaned again here, once): a page whose
 * clean text is empty has no line (it is rejected as empty-after-cleaning).
 */
function checkCrawl(files: readonly string[], outputs: readonly string[]): string {
  const [first, ...others] = outputs.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
  const same = others.every((other) => other === first);
  const byPage = new Map<number, string>();
  for (const line of (first ?? '').split('\n').filter((l) => l !== '')) {
    const { url, text } = JSON.parse(line) as { url: string; text: string };
    byPage.set(Number(url.slice(url.lastIndexOf('/') + 1)), text);
  }
  const checked = files.slice(0, CHECKED_PAGES);
  spawnSync(process.execPath, [CLI, '--quiet', ...checked], { stdio: 'ignore' });
  const differ = checked.filter((file, n) => {
    const clean = file.replace(/\.txt$/, '.clean.txt');
    const text = existsSync(clean) ? readFileSync(clean, 'utf8') : null;
    rmSync(clean, { force: true });
    return text === null || (text.trim() === '' ? byPage.has(n) : byPage.get(n) !== text);
  }).length;
  const ok = same && differ === 0;
  return `WET check: ${byPage.size} lines for ${files.length} pages, the --jobs runs ${same ? 'identical' : 'DIFFER'}, ${differ} of the first ${checked.length} pages unlike their files' output (${ok ? 'ok' : 'NOT ok'})`;
}

/** Pages whose WET output text is compared with the files' output. */
const CHECKED_PAGES = 2000;

// ---- Report --------------------------------------------------------------------------------

const MB = 1024 * 1024;

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function mb(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`;
}

function row(m: Measure, pages?: number, bytes?: number): string {
  const failed = m.runs.length === 0;
  const cells = [
    m.label.padEnd(44),
    (failed ? 'FAILED' : `${m.seconds.toFixed(3)} s`).padStart(10),
    `${m.runs.length}`.padStart(5),
    (pages === undefined || failed ? '' : (pages / m.seconds).toFixed(0)).padStart(9),
    (bytes === undefined || failed ? '' : (bytes / MB / m.seconds).toFixed(1)).padStart(7),
    mb(m.peakRss).padStart(9),
  ];
  return cells.join('  ');
}

/** A ratio and its target; NaN (a command that failed every run) is not measured. */
function ratio(name: string, value: number, target: string, met: (value: number) => boolean): string {
  const shown = Number.isFinite(value) ? value.toFixed(2) : 'n/a';
  const verdict = Number.isFinite(value) ? (met(value) ? 'met' : 'NOT met') : 'not measured';
  return `  ${name.padEnd(44)} ${shown.padStart(6)}   target ${target.padEnd(8)} ${verdict}`;
}

/** A ratio without a target. */
function figure(name: string, value: number, note: string): string {
  return `  ${name.padEnd(44)} ${(Number.isFinite(value) ? value.toFixed(2) : 'n/a').padStart(6)}   (${note})`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cores = availableParallelism();
  const seeds = loadSeeds();
  if (seeds.length === 0) throw new Error('no seed pages found under fixtures/');
  const work = mkdtempSync(path.join(tmpdir(), 'clean-news-bench-'));
  const corpusDir = path.join(work, 'corpus');
  console.log(`clean-news bench: node ${process.version}, ${cores} cores (availableParallelism), ${process.platform}, load average ${loadAverage()}`);
  console.log(`seeds: ${seeds.length} pages (${existsSync(SHARED_CORPUS) ? 'fixtures/ and ../shared/corpus' : 'fixtures/ only: ../shared/corpus not found'})`);
  console.log(`generating the corpus in ${corpusDir} ...`);
  const corpus = writeCorpus(corpusDir, args.pages, seeds);
  const pages = corpus.files.length;
  console.log(`corpus: ${pages.toLocaleString('en-US')} pages, ${(corpus.bytes / MB).toFixed(1)} MB (${(corpus.bytes / 1e6).toFixed(1)} million bytes) in ${Math.ceil(pages / PAGES_PER_DIR)} directories`);

  if (args.profile) {
    profileBatch(corpus.files);
    rmSync(work, { recursive: true, force: true });
    return;
  }
  let baseline: { commit: string; bin: string } | null = null;
  if (args.baseline !== null) {
    console.log(`building the baseline, commit ${args.baseline}, in ${path.join(work, 'baseline')} ...`);
    baseline = buildBaseline(ROOT, args.baseline, path.join(work, 'baseline'));
  } else console.log('no baseline commit (--baseline REV): pages per second are not compared with an earlier clean-news');

  const fileList = path.join(work, 'files.list');
  writeFileSync(fileList, `${corpus.files.join('\n')}\n`);
  const chromeFile = path.join(work, 'chrome.list');
  writeFileSync(chromeFile, `${CHROME_LINES.join('\n')}\n`);
  const copyDir = path.join(work, 'copy');
  const removeOutputs = (suffix: string) => () => {
    for (const file of corpus.files) rmSync(file.replace(/\.txt$/, suffix), { force: true });
  };
  const awkProgram = [
    'BEGIN {',
    '  while ((getline line < CHROME) > 0) chrome[line] = 1',
    '  while ((getline file < LIST) > 0) {',
    '    out = file ".awk.out"; printf "" > out',
    '    while ((getline line < file) > 0) if (!(line in chrome)) print line > out',
    '    close(file); close(out)',
    '  }',
    '}',
  ].join('\n');

  console.log('measuring (seconds of each run):');
  const cleanOutputs = removeOutputs('.clean.txt');
  const batchCommands: Command[] = [
    { label: '(a) cp -r corpus', command: 'cp', args: ['-r', corpusDir, copyDir], reset: () => rmSync(copyDir, { recursive: true, force: true }) },
    { label: '(b) awk chrome-line filter', command: 'awk', args: ['-v', `CHROME=${chromeFile}`, '-v', `LIST=${fileList}`, awkProgram], reset: removeOutputs('.txt.awk.out') },
    { label: `(c) clean-news --quiet --jobs ${cores} DIR`, command: process.execPath, args: [CLI, '--quiet', '--jobs', String(cores), corpusDir], reset: cleanOutputs },
    { label: '(c1) clean-news --quiet --jobs 1 DIR', command: process.execPath, args: [CLI, '--quiet', '--jobs', '1', corpusDir], reset: cleanOutputs },
  ];
  if (baseline !== null) {
    batchCommands.push({ label: `(c0) ${baseline.commit} --quiet --jobs 1 DIR`, command: process.execPath, args: [baseline.bin, '--quiet', '--jobs', '1', corpusDir], reset: cleanOutputs });
  }
  const [copy, awk, batch, batch1, batch0] = (await measure(batchCommands, BATCH_ROUNDS)) as [Measure, Measure, Measure, Measure, Measure | undefined];

  // The same pages as one WET file, a gzip member per record as Common Crawl ships them.
  const wet = path.join(work, 'corpus.warc.wet.gz');
  writeFileSync(wet, await wetFile(corpus.files.map((file, n) => ({ url: `https://example.org/${n}`, text: readFileSync(file, 'utf8') }))));
  const crawlOut = (jobs: number) => path.join(work, `crawl-${jobs}.jsonl`);
  const crawlCommand = (jobs: number): Command => ({
    label: `(g${jobs}) clean-news --jobs ${jobs} WET --out FILE`,
    command: process.execPath,
    // No reset: --out replaces the file whole, and the last run's output is checked below.
    args: [CLI, '--quiet', '--jobs', String(jobs), wet, '--out', crawlOut(jobs)],
  });
  // The like-for-like baseline: the same pages as files, written as JSON as the WET lines are.
  const asJson: Command = { label: '(c1j) clean-news --quiet --jobs 1 --format json DIR', command: process.execPath, args: [CLI, '--quiet', '--jobs', '1', '--format', 'json', corpusDir], reset: removeOutputs('.clean.json') };
  const [crawl1, crawl, batch1Json] = (await measure([crawlCommand(1), crawlCommand(cores), asJson], BATCH_ROUNDS)) as [Measure, Measure, Measure];
  const crawlCheck = checkCrawl(corpus.files, [crawlOut(1), crawlOut(cores)]);

  const seedDir = path.join(work, 'seed');
  mkdirSync(seedDir);
  const seedPage = path.join(seedDir, '000_e3f9d65b3f747020.txt');
  writeFileSync(seedPage, readFileSync(path.join(ROOT, 'fixtures', 'seeds', '000_e3f9d65b3f747020.txt')));
  const [one, bare] = (await measure(
    [
      { label: '(d) clean-news --quiet one seed page', command: process.execPath, args: [CLI, '--quiet', seedPage], reset: () => rmSync(seedPage.replace(/\.txt$/, '.clean.txt'), { force: true }) },
      { label: '(e) node -e 0', command: process.execPath, args: ['-e', '0'] },
    ],
    START_ROUNDS,
  )) as [Measure, Measure];

  const big: Array<{ m: Measure; bytes: number }> = [];
  if (args.big) {
    for (const size of [10 * MB, 100 * MB]) {
      const file = path.join(work, `big-${size / MB}mb.txt`);
      const bytes = writeBigFile(file, size, seeds);
      const reset = (): void => rmSync(file.replace(/\.txt$/, '.clean.txt'), { force: true });
      const [m] = (await measure([{ label: `(f) clean-news --quiet one ${size / MB} MB file`, command: process.execPath, args: [CLI, '--quiet', file], reset }], 1)) as [Measure];
      big.push({ m, bytes });
      rmSync(file, { force: true });
    }
  }

  console.log('');
  console.log(`${'command'.padEnd(44)}  ${'median'.padStart(10)}  ${'runs'.padStart(5)}  ${'pages/s'.padStart(9)}  ${'MB/s'.padStart(7)}  ${'peak RSS'.padStart(9)}`);
  for (const m of [copy, awk, batch, batch1, ...(batch0 ? [batch0] : []), batch1Json, crawl1, crawl]) console.log(row(m, pages, corpus.bytes));
  console.log(row(one, 1));
  console.log(row(bare));
  for (const { m, bytes } of big) console.log(row(m, undefined, bytes));

  console.log('');
  console.log(`ratios (medians; ${cores} cores):`);
  console.log(ratio('d/e   one page / node -e 0', one.seconds / bare.seconds, '<= 1.5', (v) => v <= 1.5));
  console.log(ratio('c/a   batch / cp -r', batch.seconds / copy.seconds, '<= 2', (v) => v <= 2));
  console.log(figure('c/b   batch / awk', batch.seconds / awk.seconds, 'for reference: awk drops exact lines'));
  const perCore = batch0 === undefined ? Number.NaN : batch0.seconds / batch1.seconds;
  console.log(ratio(`c0/c1 pages/s, 1 job, over ${batch0 === undefined ? 'a baseline' : baseline?.commit}`, perCore, '>= 2', (v) => v >= 2));
  const scaling = batch1.seconds / batch.seconds;
  console.log(ratio(`c1/c  pages/s, ${cores} jobs over 1${pages < FULL_PAGES ? ` (target on ${FULL_PAGES.toLocaleString('en-US')})` : ''}`, scaling, '>= 1.5', (v) => v >= 1.5));
  console.log(`  ${crawlCheck}`);
  console.log(ratio('g1/c1j pages per CPU-second, WET over JSON files', batch1Json.cpuSeconds / crawl1.cpuSeconds, '>= 0.9', (v) => v >= 0.9));
  console.log(figure('g1/c1  pages per CPU-second, WET over text files', batch1.cpuSeconds / crawl1.cpuSeconds, 'the WET lines are JSON, with a language'));
  console.log(ratio('peak RSS of the WET runs, MB', Math.max(crawl.peakRss ?? 0, crawl1.peakRss ?? 0) / MB, '< 300', (v) => v < 300));
  const batchRss = Math.max(batch.peakRss ?? 0, batch1.peakRss ?? 0);
  console.log(ratio('peak RSS of the batch runs, MB', batchRss / MB, '<= 200', (v) => v <= 200));
  for (const { m, bytes } of big) {
    console.log(figure(`peak RSS / size of one ${Math.round(bytes / MB)} MB file`, (m.peakRss ?? Number.NaN) / bytes, `Node's own ${mb(bare.peakRss)} included`));
  }
  if (big.length === 2) {
    const [small, large] = big as [{ m: Measure; bytes: number }, { m: Measure; bytes: number }];
    const perMb = (b: { m: Measure; bytes: number }) => b.m.seconds / (b.bytes / MB);
    console.log(ratio('peak RSS of the 100 MB file, GB', (large.m.peakRss ?? Number.NaN) / 1024 / MB, '<= 1', (v) => v <= 1));
    console.log(figure('s/MB at 100 MB / at 10 MB', perMb(large) / perMb(small), '1 is linear'));
  }
  console.log(`load average at the end: ${loadAverage()}`);
  const failed = [copy, awk, batch, batch1, batch0, batch1Json, crawl1, crawl, one, bare, ...big.map((b) => b.m)].filter((m) => m !== undefined && m.failed > 0);
  if (failed.length > 0) {
    console.log(`failed runs: ${failed.map((m) => m?.label).join(', ')}`);
    process.exitCode = 1;
  }
  if (args.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
