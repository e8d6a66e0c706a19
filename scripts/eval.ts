/**
 * `npm run eval`: cleans the four development sets (../shared/corpus) and scores them, beside the
 * do-nothing and line-filter baselines measured in the same run. `--cv` also fits the model
 * k times on k-1 folds (grouped by host) and scores each held fold: the honest estimate of how
 * the generic layer does on sites it never saw.
 *
 *   npm run eval                 the shipped model
 *   npm run eval -- --cv         and the cross-validated figures beside it
 *   npm run eval -- --worst 20 --set news-dev
 */
import { Command } from 'commander';
import { builtinRules, builtinSet } from '../src/rules/index.js';
import { createCleaner, scorePage as readScores, shippedModel, type Cleaner } from '../src/engine/clean.js';
import { loadModel, type Model } from '../src/engine/model/model.js';
import { compileRules } from '../src/rules/compile.js';
import { labelLines } from './train/labels.js';
import { foldWhitespace, isExact, lineFilter, lineRecall, scorePage, scoreSet, scoreSnippets, sumSnippets, type SetScore } from './measures.js';
import { loadCorpus, type CorpusPage, type CorpusSet } from './corpus.js';
import { DEFAULT_FIT, fitModel, PageReader } from './train/fit.js';
import { foldsByHost } from './train/folds.js';

/** What one system gave for one page, scored. */
interface PageOutcome {
  page: CorpusPage;
  /** Page-level F1 for ranking the worst pages. */
  f1: number;
  shingle?: { precision: number | null; recall: number };
  snippets?: { tp: number; fp: number; fn: number };
  lineRecall?: number;
  exact?: boolean;
  /** null: the headline is not known for this page. */
  titleRight: boolean | null;
  title: string | null;
}

type System = (page: CorpusPage) => { title: string | null; body: string; text: string };

function cleanerSystem(cleaner: (page: CorpusPage) => Cleaner): System {
  return (page) => {
    const result = cleaner(page)(page.text);
    return { title: result.title, body: result.paragraphs.join('\n'), text: result.text };
  };
}

const doNothing: System = (page) => ({ title: null, body: page.text, text: page.text });
const filterLines: System = (page) => {
  const kept = lineFilter(page.text);
  return { title: null, body: kept, text: kept };
};

function pageF1(precision: number | null, recall: number): number {
  const p = precision ?? 0;
  return p + recall === 0 ? 0 : (2 * p * recall) / (p + recall);
}

function outcome(set: CorpusSet, page: CorpusPage, system: System): PageOutcome {
  const out = system(page);
  const titleRight = page.title === undefined ? null : page.title === null ? out.title === null : out.title !== null && foldWhitespace(out.title) === foldWhitespace(page.title);
  if (set.measure === 'snippets') {
    const counts = scoreSnippets(out.body, page.with ?? [], page.without ?? []);
    const f1 = counts.tp === 0 ? (counts.fn + counts.fp === 0 ? 1 : 0) : (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn);
    return { page, f1, snippets: counts, titleRight, title: out.title };
  }
  const output = set.measure === 'text-shingles' ? out.text : out.body;
  const gold = page.gold ?? '';
  const shingle = scorePage(output, gold);
  return { page, f1: pageF1(shingle.precision, shingle.recall), shingle, lineRecall: lineRecall(output, gold), exact: isExact(output, gold), titleRight, title: out.title };
}

interface Summary {
  score: SetScore;
  lineRecall: number | null;
  exact: number | null;
  /** Right headlines among pages with a known headline, and among those with a known absence. */
  titles: { right: number; known: number; absentRight: number; absent: number };
}

function summarise(set: CorpusSet, outcomes: readonly PageOutcome[]): Summary {
  const score = set.measure === 'snippets' ? sumSnippets(outcomes.map((o) => o.snippets ?? { tp: 0, fp: 0, fn: 0 })) : scoreSet(outcomes.map((o) => o.shingle ?? { precision: null, recall: 0 }));
  const gold = set.measure !== 'snippets';
  const titled = outcomes.filter((o) => typeof o.page.title === 'string');
  const absent = outcomes.filter((o) => o.page.title === null);
  return {
    score,
    lineRecall: gold ? outcomes.reduce((sum, o) => sum + (o.lineRecall ?? 0), 0) / Math.max(1, outcomes.length) : null,
    exact: gold ? outcomes.filter((o) => o.exact).length : null,
    titles: { right: titled.filter((o) => o.titleRight).length, known: titled.length, absentRight: absent.filter((o) => o.titleRight).length, absent: absent.length },
  };
}

const pct = (value: number | null): string => (value === null ? '    -' : (value * 100).toFixed(1).padStart(5));

function row(label: string, set: CorpusSet, summary: Summary): string {
  const { score, titles } = summary;
  const parts = [`  ${label.padEnd(24)} P ${pct(score.precision)}  R ${pct(score.recall)}  F1 ${pct(score.f1)}`];
  if (summary.lineRecall !== null) parts.push(`lines ${pct(summary.lineRecall)}  exact ${String(summary.exact).padStart(3)}/${set.pages.length}`);
  if (titles.known > 0) parts.push(`title ${titles.right}/${titles.known} (${pct(titles.right / titles.known).trim()})`);
  if (titles.absent > 0) parts.push(`no-title ${titles.absentRight}/${titles.absent}`);
  return parts.join('  ');
}

function describeWorst(set: CorpusSet, o: PageOutcome): string {
  const name = o.page.id.length > 30 ? `${o.page.id.slice(0, 27)}...` : o.page.id.padEnd(30);
  const detail = o.snippets ? `tp ${o.snippets.tp} fn ${o.snippets.fn} fp ${o.snippets.fp}` : `P ${pct(o.shingle?.precision ?? null)} R ${pct(o.shingle?.recall ?? 0)} lines ${pct(o.lineRecall ?? null)}`;
  const title = o.titleRight === false ? `  title ${JSON.stringify((o.title ?? 'null').slice(0, 40))}` : '';
  return `    ${name} F1 ${pct(o.f1)}  ${detail}  ${o.page.host}${title}`;
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
}

function main(args: Args): void {
  const loaded = loadCorpus();
  if ('missing' in loaded) {
    console.log(`eval: skipped: ${loaded.missing}`);
    return;
  }
  const started = Date.now();
  const sets = loaded.sets.filter((set) => args.sets === null || args.sets.includes(set.name));
  const shipped = createCleaner(builtinRules);
  const systems: Array<[string, System]> = [['clean-news', cleanerSystem(() => shipped)]];
  const modelOf = new Map<CorpusPage, Model>();
  if (args.cv) {
    // Folds over every page of every set, so that a site in two sets is held out of both at once.
    const all = loaded.sets.flatMap((set) => set.pages);
    const cleanerOf = new Map<CorpusPage, Cleaner>();
    const reader = new PageReader(DEFAULT_FIT);
    foldsByHost(all, args.folds, (page) => page.host).forEach((fold, k) => {
      const held = new Set(fold);
      const fitted = fitModel(all.filter((page) => !held.has(page)), DEFAULT_FIT, reader);
      const model = loadModel(fitted.saved);
      const cleaner = createCleaner(builtinRules, model);
      for (const page of fold) {
        cleanerOf.set(page, cleaner);
        modelOf.set(page, model);
      }
      console.log(`cv: fold ${k + 1}/${args.folds} fitted (${fold.length} pages held out)`);
    });
    systems.push([`cross-validated (${args.folds})`, cleanerSystem((page) => cleanerOf.get(page) ?? shipped)]);
  }
  systems.push(['line filter', filterLines], ['do-nothing', doNothing]);
  for (const name of args.show) {
    const page = loaded.sets.flatMap((set) => set.pages).find((candidate) => `${candidate.set}/${candidate.id}` === name || candidate.id === name);
    if (!page) console.log(`eval: --show ${name}: no such page`);
    else showPage(page, createCleaner(builtinRules, modelOf.get(page) ?? shippedModel()), modelOf.get(page) ?? shippedModel());
  }
  if (args.show.length > 0) return;
  for (const set of sets) {
    const results = systems.map(([label, system]) => [label, set.pages.map((page) => outcome(set, page, system))] as const);
    const [, ours] = results[results.length > 3 ? 1 : 0] ?? [];
    console.log(`\n${set.name}: ${set.pages.length} pages, ${set.measure === 'snippets' ? 'snippet measure' : set.measure === 'text-shingles' ? 'word 4-grams of the text output' : 'word 4-grams of the body'}`);
    if (args.worst > 0 && ours) {
      console.log(`  worst pages (${results.length > 3 ? 'cross-validated' : 'shipped model'}):`);
      const ranked = [...ours].sort((a, b) => a.f1 - b.f1 || a.page.id.localeCompare(b.page.id));
      for (const o of ranked.slice(0, args.worst)) console.log(describeWorst(set, o));
    }
    for (const [label, outcomes] of results) console.log(row(label, set, summarise(set, outcomes)));
  }
  console.log(`\neval: ${sets.reduce((sum, set) => sum + set.pages.length, 0)} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const program = new Command('eval')
  .description('Score clean-news on the development corpus beside the do-nothing and line-filter baselines.')
  .option('--cv', 'also fit on k-1 folds grouped by host and score each held fold')
  .option('--folds <k>', 'folds for --cv', '5')
  .option('--worst <n>', 'how many of the worst pages to list per set', '8')
  .option('--show <page...>', 'print the lines of these pages (ID or SET/ID) with their labels, scores and fates')
  .option('--set <name...>', 'only these sets (aggregator-dev, generic-dev/browser, generic-dev/htmltotext, news-dev, multilingual-dev)')
  .action((options: { cv?: boolean; folds: string; worst: string; set?: string[]; show?: string[] }) => {
    main({ show: options.show ?? [], cv: options.cv === true, folds: Number(options.folds), worst: Number(options.worst), sets: options.set ?? null });
  });

program.parse();
