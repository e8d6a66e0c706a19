/**
 * `npm run eval -- [--body] <dir...>`: cleans every NAME.txt that has a NAME.gold.txt beside it
 * and scores the output against the gold, beside a do-nothing baseline (the page unchanged).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { decode } from '../cli/decode.js';
import { clean } from '../index.js';
import { isExact, lineRecall, scorePage, scoreSet, type PageScore } from './score.js';

interface PageResult {
  name: string;
  ours: PageScore;
  baseline: PageScore;
  lineRecall: number;
  exact: boolean;
}

function f1(score: PageScore): number {
  const precision = score.precision ?? 0;
  return precision + score.recall === 0 ? 0 : (2 * precision * score.recall) / (precision + score.recall);
}

function readPage(file: string): string {
  const decoded = decode(readFileSync(file));
  return decoded.kind === 'text' ? decoded.text : '';
}

function evaluateDir(dir: string, bodyOnly: boolean): PageResult[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && !/\.(gold|clean)\.txt$/.test(name))
    .filter((name) => readdirSync(dir).includes(name.replace(/\.txt$/, '.gold.txt')))
    .sort();
  return names.map((name) => {
    const page = readPage(path.join(dir, name));
    const gold = readFileSync(path.join(dir, name.replace(/\.txt$/, '.gold.txt')), 'utf8');
    const result = clean(page);
    const output = bodyOnly ? result.paragraphs.join('\n') : result.text;
    return {
      name,
      ours: scorePage(output, gold),
      baseline: scorePage(page, gold),
      lineRecall: lineRecall(output, gold),
      exact: isExact(output, gold),
    };
  });
}

const pct = (value: number | null): string => (value === null ? '    -' : (value * 100).toFixed(1).padStart(5));

function printDir(dir: string, pages: readonly PageResult[], worst: number): void {
  console.log(`\n${dir}: ${pages.length} pages`);
  console.log('  page                                      P      R     F1  lines  exact  baseline F1');
  const ranked = [...pages].sort((a, b) => f1(a.ours) - f1(b.ours) || a.name.localeCompare(b.name));
  for (const page of ranked.slice(0, worst)) {
    const name = page.name.length > 38 ? `${page.name.slice(0, 35)}...` : page.name.padEnd(38);
    console.log(
      `  ${name} ${pct(page.ours.precision)}  ${pct(page.ours.recall)}  ${pct(f1(page.ours))}  ${pct(page.lineRecall)}  ${page.exact ? '  yes' : '   no'}  ${pct(f1(page.baseline))}`,
    );
  }
  if (ranked.length > worst) console.log(`  ... ${ranked.length - worst} better pages not shown`);
  const ours = scoreSet(pages.map((page) => page.ours));
  const baseline = scoreSet(pages.map((page) => page.baseline));
  const articleRecall = pages.reduce((sum, page) => sum + page.lineRecall, 0) / Math.max(1, pages.length);
  const exact = pages.filter((page) => page.exact).length;
  console.log(`  clean-news   P ${pct(ours.precision)}  R ${pct(ours.recall)}  F1 ${pct(ours.f1)}  article recall ${pct(articleRecall)}  exact ${exact}/${pages.length}`);
  console.log(`  do-nothing   P ${pct(baseline.precision)}  R ${pct(baseline.recall)}  F1 ${pct(baseline.f1)}`);
}

const program = new Command('eval')
  .description('Score clean-news against gold outputs (NAME.txt beside NAME.gold.txt).')
  .argument('<dirs...>', 'directories of pages with gold outputs')
  .option('--body', 'score the body alone (JSON paragraphs), for gold without the headline')
  .option('--worst <n>', 'how many pages to list, worst first', '10')
  .action((dirs: string[], options: { body?: boolean; worst: string }) => {
    for (const dir of dirs) printDir(dir, evaluateDir(dir, options.body === true), Number(options.worst));
  });

program.parse();
