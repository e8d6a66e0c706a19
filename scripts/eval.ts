/**
 * `npm run eval`: cleans the five development sets (../shared/corpus) and scores them, beside the
 * do-nothing and line-filter baselines measured in the same run. `--cv` also fits the model
 * k times on k-1 folds (grouped by host) and scores each held fold: the honest estimate of how
 * the generic layer does on sites it never saw.
 *
 *   npm run eval                 the shipped model
 *   npm run eval -- --cv         and the cross-validated figures beside it
 *   npm run eval -- --worst 20 --set news-dev
 */
import { Command, InvalidArgumentError } from 'commander';
import { builtinRules, builtinSet } from '../src/rules/index.js';
import { createCleaner, readPage, scorePage as readScores, shippedModel, type Cleaner, type ReadPage } from '../src/engine/clean.js';
import { pageConfidence } from '../src/engine/model/confidence.js';
import { FAVORS, loadModel, type Favor, type Model } from '../src/engine/model/model.js';
import { compileRules } from '../src/rules/compile.js';
import { labelLines } from './train/labels.js';
import { foldWhitespace, isExact, lineFilter, lineRecall, meanWords, scorePage, scoreSet, scoreSnippets, scoreWords, sumSnippets, type SetScore, type WordScore } from './measures.js';
import { loadCorpus, PAGE_KINDS, type CorpusPage, type CorpusSet, type Measure } from './corpus.js';
import { pageF1, type Output } from './page-score.js';
import { confidenceExample, fitConfidence, type ConfidenceExample } from './train/confidence.js';
import { DEFAULT_FIT, fitModel, PageReader, type FitOptions } from './train/fit.js';
import { foldsByHost } from './train/folds.js';

/** What one system gave for one page, scored. */
interface PageOutcome {
  page: CorpusPage;
  /** Page-level F1 for ranking the worst pages. */
  f1: number;
  shingle?: { precision: number | null; recall: number };
  words?: WordScore;
  snippets?: { tp: number; fp: number; fn: number };
  lineRecall?: number;
  exact?: boolean;
  /** null: the headline is not known for this page. */
  titleRight: boolean | null;
  /** Whether the byline found names the page's known author; null: no author is known. */
  authorRight: boolean | null;
  title: string | null;
}

type System = (page: CorpusPage) => Output;

function cleanerSystem(cleaner: (page: CorpusPage) => Cleaner): System {
  return (page) => {
    const result = cleaner(page)(page.text);
    return { title: result.title, byline: result.byline, body: result.paragraphs.join('\n'), text: result.text };
  };
}

const doNothing: System = (page) => ({ title: null, body: page.text, text: page.text });
const filterLines: System = (page) => {
  const kept = lineFilter(page.text);
  return { title: null, body: kept, text: kept };
};

function outcome(set: CorpusSet, page: CorpusPage, system: System): PageOutcome {
  const out = system(page);
  const titleRight = page.title === undefined ? null : page.title === null ? out.title === null : out.title !== null && foldWhitespace(out.title) === foldWhitespace(page.title);
  const f1 = pageF1(set.measure, page, out);
  const author = page.author ? foldWhitespace(page.author).toLowerCase() : null;
  const authorRight = author === null ? null : out.byline !== undefined && out.byline !== null && foldWhitespace(out.byline).toLowerCase().includes(author);
  const common = { page, f1, titleRight, title: out.title, authorRight };
  if (set.measure === 'snippets') return { ...common, snippets: scoreSnippets(out.body, page.with ?? [], page.without ?? []) };
  const output = set.measure === 'text-shingles' ? out.text : out.body;
  const gold = page.gold ?? '';
  const lines = { lineRecall: lineRecall(output, gold), exact: isExact(output, gold) };
  if (set.measure === 'words') return { ...common, ...lines, words: scoreWords(output, gold) };
  return { ...common, ...lines, shingle: scorePage(output, gold) };
}

interface Summary {
  score: SetScore;
  lineRecall: number | null;
  exact: number | null;
  /** Right headlines among pages with a known headline, and among those with a known absence. */
  titles: { right: number; known: number; absentRight: number; absent: number; printed: number; printedRight: number };
  authors: { right: number; known: number };
}

const printed = new Map<CorpusPage, boolean>();

/** Whether the page prints its known headline as a line of its own (wcxb-dev's titles are the page's, not always a line of its text). */
function printsTitle(page: CorpusPage): boolean {
  let known = printed.get(page);
  if (known === undefined) {
    const title = foldWhitespace(page.title ?? '');
    known = title !== '' && page.text.split('\n').some((line) => foldWhitespace(line) === title);
    printed.set(page, known);
  }
  return known;
}

function summarise(set: CorpusSet, outcomes: readonly PageOutcome[]): Summary {
  const score =
    set.measure === 'snippets'
      ? sumSnippets(outcomes.map((o) => o.snippets ?? { tp: 0, fp: 0, fn: 0 }))
      : set.measure === 'words'
        ? meanWords(outcomes.map((o) => o.words ?? { precision: 0, recall: 0, f1: 0 }))
        : scoreSet(outcomes.map((o) => o.shingle ?? { precision: null, recall: 0 }));
  const gold = set.measure !== 'snippets';
  const titled = outcomes.filter((o) => typeof o.page.title === 'string');
  const absent = outcomes.filter((o) => o.page.title === null);
  return {
    score,
    lineRecall: gold ? outcomes.reduce((sum, o) => sum + (o.lineRecall ?? 0), 0) / Math.max(1, outcomes.length) : null,
    exact: gold ? outcomes.filter((o) => o.exact).length : null,
    titles: {
      right: titled.filter((o) => o.titleRight).length,
      known: titled.length,
      absentRight: absent.filter((o) => o.titleRight).length,
      absent: absent.length,
      printed: titled.filter((o) => printsTitle(o.page)).length,
      printedRight: titled.filter((o) => o.titleRight && printsTitle(o.page)).length,
    },
    authors: { right: outcomes.filter((o) => o.authorRight === true).length, known: outcomes.filter((o) => o.authorRight !== null).length },
  };
}

const MEASURE_NAMES: Record<CorpusSet['measure'], string> = {
  snippets: 'snippet measure',
  'text-shingles': 'word 4-grams of the text output',
  'body-shingles': 'word 4-grams of the body',
  words: "WCXB's bag of lower-cased words of the body, P/R/F1 averaged over pages",
};

const pct = (value: number | null): string => (value === null ? '    -' : (value * 100).toFixed(1).padStart(5));

function row(label: string, pages: number, summary: Summary): string {
  const { score, titles } = summary;
  const parts = [`  ${label.padEnd(24)} P ${pct(score.precision)}  R ${pct(score.recall)}  F1 ${pct(score.f1)}`];
  if (summary.lineRecall !== null) parts.push(`lines ${pct(summary.lineRecall)}  exact ${String(summary.exact).padStart(3)}/${pages}`);
  if (titles.known > 0) parts.push(`title ${titles.right}/${titles.known} (${pct(titles.right / titles.known).trim()})`);
  if (titles.printed < titles.known) parts.push(`of those printed as a line ${titles.printedRight}/${titles.printed} (${pct(titles.printedRight / Math.max(1, titles.printed)).trim()})`);
  if (titles.absent > 0) parts.push(`no-title ${titles.absentRight}/${titles.absent}`);
  if (summary.authors.known > 0) parts.push(`author ${summary.authors.right}/${summary.authors.known}`);
  return parts.join('  ');
}

function describeWorst(set: CorpusSet, o: PageOutcome): string {
  const name = o.page.id.length > 30 ? `${o.page.id.slice(0, 27)}...` : o.page.id.padEnd(30);
  const precision = o.words?.precision ?? o.shingle?.precision ?? null;
  const recall = o.words?.recall ?? o.shingle?.recall ?? 0;
  const detail = o.snippets ? `tp ${o.snippets.tp} fn ${o.snippets.fn} fp ${o.snippets.fp}` : `P ${pct(precision)} R ${pct(recall)} lines ${pct(o.lineRecall ?? null)}`;
  const kind = o.page.kind === undefined ? '' : ` ${o.page.kind}`;
  const title = o.titleRight === false ? `  title ${JSON.stringify((o.title ?? 'null').slice(0, 40))}` : '';
  return `    ${name} F1 ${pct(o.f1)}  ${detail}  ${o.page.host}${kind}${title}`;
}

/** Each line of a page as the engine read it: its label from the corpus, its score, and what became of it. */
function showPage(page: CorpusPage, cleaner: Cleaner, model: Model): void {
  const scored = readScores(page.text, compileRules(builtinRules, builtinSet), model);
  const result = cleaner(page.text);
  const labels = labelLines(page, scored.lines, DEFAULT_FIT.trust);
  const fates = new Map(result.removed.map((removal) => [removal.line, removal.rule] as const));
  console.log(`\n${page.set} ${page.id} (${page.host}): title ${JSON.stringify(result.title)}, wanted ${JSON.stringify(page.title)}`);
  scored.lines.forEach((line, index) => {
    if (line.text === '') return;
    const label = labels[index];
    const mark = label ? `${label.y === 1 ? '+' : '-'}${label.confidence < 1 ? '?' : ' '}` : '  ';
    const fate = fates.get(line.no) ?? (line.text === result.title ? 'TITLE' : 'kept');
    console.log(`${mark} ${(scored.scores[index] ?? 0).toFixed(2).padStart(6)} ${fate.padEnd(28).slice(0, 28)} ${line.text.slice(0, 100)}`);
  });
  for (const snippet of page.with ?? []) if (!result.paragraphs.join(' ').replace(/\s+/g, ' ').includes(foldWhitespace(snippet))) console.log(`  missing: ${snippet}`);
  for (const snippet of page.without ?? []) if (result.paragraphs.join(' ').replace(/\s+/g, ' ').includes(foldWhitespace(snippet))) console.log(`  leaked: ${snippet}`);
}

interface Args {
  show: string[];
  cv: boolean;
  folds: number;
  worst: number;
  sets: string[] | null;
  /** Fit options to try instead of the defaults, for --cv (a JSON object). */
  fit: Partial<FitOptions>;
}

/** A system that gives each page the result read for it beforehand (by a fold's model). */
function readSystem(reads: ReadonlyMap<CorpusPage, ReadPage>): System {
  return (page) => {
    const result = reads.get(page)?.result;
    return result ? { title: result.title, byline: result.byline, body: result.paragraphs.join('\n'), text: result.text } : doNothing(page);
  };
}

/** The shipped model, or null with a line saying why (a model saved by an older engine does not load). */
function loadShipped(): Model | null {
  try {
    return shippedModel();
  } catch (error) {
    console.log(`eval: the shipped model does not load (${(error as Error).message}): its rows are left out`);
    return null;
  }
}

interface CrossValidated {
  /** Each page read by its fold's model, for each favour. */
  reads: Record<Favor, Map<CorpusPage, ReadPage>>;
  folds: CorpusPage[][];
  models: Map<CorpusPage, Model>;
}

/** Folds over every page of every set, so that a site in two sets is held out of both at once. */
function crossValidate(all: readonly CorpusPage[], k: number, options: FitOptions): CrossValidated {
  const set = compileRules(builtinRules, builtinSet);
  const reads = { balanced: new Map(), precision: new Map(), recall: new Map() } as Record<Favor, Map<CorpusPage, ReadPage>>;
  const models = new Map<CorpusPage, Model>();
  const reader = new PageReader(options);
  const folds = foldsByHost(all, k, (page) => page.host);
  folds.forEach((fold, index) => {
    const held = new Set(fold);
    const model = loadModel(fitModel(all.filter((page) => !held.has(page)), options, reader).saved);
    for (const page of fold) {
      models.set(page, model);
      for (const favor of FAVORS) reads[favor].set(page, readPage(page.text, set, model, favor));
    }
    console.log(`cv: fold ${index + 1}/${k} fitted (${fold.length} pages held out)`);
  });
  return { reads, folds, models };
}

/** Confidence bands: the pages whose cross-validated confidence falls in each, and the F1 they scored. */
const BANDS = [0, 0.5, 0.7, 0.8, 0.9, 1.01];

/**
 * The confidence's calibration, cross-validated: for each fold, the confidence model fitted on
 * the other folds' pages (each read out of fold) estimates the held pages' F1.
 */
function reportCalibration(cv: CrossValidated, measureOf: ReadonlyMap<CorpusPage, Measure>): void {
  const examples = new Map<CorpusPage, ConfidenceExample>();
  for (const [page, read] of cv.reads.balanced) examples.set(page, confidenceExample(page, measureOf.get(page) ?? 'snippets', read));
  const estimated: Array<{ f1: number; confidence: number; kind: string }> = [];
  for (const fold of cv.folds) {
    const held = new Set(fold);
    const forest = fitConfidence([...examples.values()].filter((example) => !held.has(example.page)));
    for (const page of fold) {
      const example = examples.get(page);
      if (example) estimated.push({ f1: example.f1, confidence: pageConfidence(forest, example.vector), kind: page.kind ?? page.set });
    }
  }
  const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  console.log(`
confidence, cross-validated (${estimated.length} pages; mean |confidence - F1| ${meanOf(estimated.map((e) => Math.abs(e.confidence - e.f1))).toFixed(3)}):`);
  for (let b = 0; b + 1 < BANDS.length; b++) {
    const low = BANDS[b] ?? 0;
    const high = BANDS[b + 1] ?? 1;
    const inBand = estimated.filter((e) => e.confidence >= low && e.confidence < high);
    console.log(`  ${low.toFixed(1)}-${Math.min(1, high).toFixed(1)}  ${String(inBand.length).padStart(5)} pages  mean confidence ${pct(meanOf(inBand.map((e) => e.confidence)))}  mean F1 ${pct(meanOf(inBand.map((e) => e.f1)))}`);
  }
}

/** The page-kind model's reading of wcxb-dev's pages against their labels, cross-validated. */
function reportKinds(cv: CrossValidated): void {
  const labelled = [...cv.reads.balanced].filter(([page]) => page.kind !== undefined);
  if (labelled.length === 0) return;
  const right = labelled.filter(([page, read]) => read.result.kind === page.kind).length;
  console.log(`
page kinds, cross-validated: ${right}/${labelled.length} right (${pct(right / labelled.length).trim()}%); rows are the labels, columns the model's reading`);
  console.log(`  ${''.padEnd(14)}${PAGE_KINDS.map((kind) => kind.slice(0, 6).padStart(7)).join('')}`);
  for (const kind of PAGE_KINDS) {
    const ofKind = labelled.filter(([page]) => page.kind === kind);
    console.log(`  ${kind.padEnd(14)}${PAGE_KINDS.map((read) => String(ofKind.filter(([, r]) => r.result.kind === read).length).padStart(7)).join('')}`);
  }
}

function main(args: Args): void {
  const loaded = loadCorpus();
  if ('missing' in loaded) {
    console.log(`eval: skipped: ${loaded.missing}`);
    return;
  }
  const started = Date.now();
  const sets = loaded.sets.filter((set) => args.sets === null || args.sets.includes(set.name));
  const all = loaded.sets.flatMap((set) => set.pages);
  const measureOf = new Map(loaded.sets.flatMap((set) => set.pages.map((page) => [page, set.measure] as const)));
  const shipped = loadShipped();
  const systems: Array<[string, System]> = [];
  if (shipped) {
    for (const favor of FAVORS) {
      const cleaner = createCleaner(builtinRules, { model: shipped, favor });
      systems.push([favor === 'balanced' ? 'clean-news' : `  --favor ${favor}`, cleanerSystem(() => cleaner)]);
    }
  }
  const cv = args.cv ? crossValidate(all, args.folds, { ...DEFAULT_FIT, ...args.fit }) : null;
  if (cv) for (const favor of FAVORS) systems.push([favor === 'balanced' ? `cross-validated (${args.folds})` : `  cv --favor ${favor}`, readSystem(cv.reads[favor])]);
  const ours = cv ? `cross-validated (${args.folds})` : 'clean-news';
  systems.push(['line filter', filterLines], ['do-nothing', doNothing]);
  for (const name of args.show) {
    const page = all.find((candidate) => `${candidate.set}/${candidate.id}` === name || candidate.id === name);
    const model = (page && cv?.models.get(page)) ?? shipped;
    if (!page) console.log(`eval: --show ${name}: no such page`);
    else if (model) showPage(page, createCleaner(builtinRules, { model }), model);
  }
  if (args.show.length > 0) return;
  for (const set of sets) {
    const results = systems.map(([label, system]) => [label, set.pages.map((page) => outcome(set, page, system))] as const);
    console.log(`\n${set.name}: ${set.pages.length} pages, ${MEASURE_NAMES[set.measure]}`);
    const worst = results.find(([label]) => label === ours)?.[1];
    if (args.worst > 0 && worst) {
      console.log(`  worst pages (${ours}):`);
      const ranked = [...worst].sort((a, b) => a.f1 - b.f1 || a.page.id.localeCompare(b.page.id));
      for (const o of ranked.slice(0, args.worst)) console.log(describeWorst(set, o));
    }
    for (const [label, outcomes] of results) console.log(row(label, set.pages.length, summarise(set, outcomes)));
    for (const kind of PAGE_KINDS) {
      const ofKind = results.map(([label, outcomes]) => [label, outcomes.filter((o) => o.page.kind === kind)] as const);
      const count = ofKind[0]?.[1].length ?? 0;
      if (count === 0) continue;
      console.log(`  ${kind}: ${count} pages`);
      for (const [label, outcomes] of ofKind) console.log(row(`  ${label}`, count, summarise(set, outcomes)));
    }
  }
  if (cv) {
    reportKinds(cv);
    reportCalibration(cv, measureOf);
  }
  console.log(`\neval: ${sets.reduce((sum, set) => sum + set.pages.length, 0)} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const program = new Command('eval')
  .description('Score clean-news on the development corpus beside the do-nothing and line-filter baselines.')
  .option('--cv', 'also fit on k-1 folds grouped by host and score each held fold')
  .option('--folds <k>', 'folds for --cv', '5')
  .option('--worst <n>', 'how many of the worst pages to list per set', '8')
  .option('--show <page...>', 'print the lines of these pages (ID or SET/ID) with their labels, scores and fates')
  .option('--set <name...>', 'only these sets (aggregator-dev, generic-dev/browser, generic-dev/htmltotext, news-dev, multilingual-dev, wcxb-dev)')
  .option('--fit <json>', 'with --cv, fit options to try instead of the defaults, such as \'{"goldPageSets":["aggregator-dev"]}\'', parseFit)
  .action((options: { cv?: boolean; folds: string; worst: string; set?: string[]; show?: string[]; fit?: Partial<FitOptions> }) => {
    main({ show: options.show ?? [], cv: options.cv === true, folds: Number(options.folds), worst: Number(options.worst), sets: options.set ?? null, fit: options.fit ?? {} });
  });

/** --fit: a JSON object of FitOptions fields; anything else is a usage error. */
function parseFit(value: string): Partial<FitOptions> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('Expected a JSON object of fit options.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('Expected a JSON object of fit options.');
  const unknown = Object.keys(parsed).filter((key) => !(key in DEFAULT_FIT));
  if (unknown.length > 0) throw new InvalidArgumentError(`Unknown fit options: ${unknown.join(', ')} (see DEFAULT_FIT in scripts/train/fit.ts).`);
  return parsed as Partial<FitOptions>;
}

program.parse();
