/**
 * `npm run inline-cuts`: every phrase the inline rules cut out of a paragraph of the development
 * corpus (all five sets), with the text on each side, and every phrase an inline rule matched
 * but left in place because it did not stand apart from its sentence. The review list for the
 * inline rules: a cut that took a word a sentence needs shows here.
 *
 *   npm run inline-cuts                            cuts and kept matches, then counts per rule
 *   npm run inline-cuts -- --rule generic/advertisement-inline --kept
 */
import { Command } from 'commander';
import { createCleaner } from '../src/engine/clean.js';
import { cutParts } from '../src/cli/explain.js';
import { visibleLine } from '../src/cli/visible.js';
import { splitLines } from '../src/engine/lines.js';
import { builtinRules } from '../src/rules/index.js';
import type { InlineRule } from '../src/rules/types.js';
import { loadCorpus } from './corpus.js';

/** Characters of context shown on each side of a phrase. */
const CONTEXT = 60;

function inContext(text: string, start: number, end: number): string {
  const left = text.slice(Math.max(0, start - CONTEXT), start);
  const right = text.slice(end, end + CONTEXT);
  return visibleLine(`${start > CONTEXT ? '…' : '|'}${left}⟦${text.slice(start, end)}⟧${right}${end + CONTEXT < text.length ? '…' : '|'}`);
}

interface Args {
  rule: string | null;
  cuts: boolean;
  kept: boolean;
  sets: string[] | null;
}

function main(args: Args): void {
  const loaded = loadCorpus();
  if ('missing' in loaded) {
    console.log(`inline-cuts: skipped: ${loaded.missing}`);
    return;
  }
  const inline = builtinRules.filter((rule): rule is InlineRule => rule.kind === 'inline' && (args.rule === null || rule.id === args.rule));
  const ids = new Set(inline.map((rule) => rule.id));
  const counts = new Map(inline.map((rule) => [rule.id, { cut: 0, kept: 0 }]));
  const clean = createCleaner(builtinRules);
  const pages = loaded.sets.flatMap((set) => set.pages).filter((page) => args.sets === null || args.sets.includes(page.set));
  for (const page of pages) {
    const result = clean(page.text);
    const lines = splitLines(page.text);
    const name = `${page.set}/${page.id}`;
    const byLine = new Map<number, typeof result.removed>();
    for (const removal of result.removed) if (ids.has(removal.rule)) byLine.set(removal.line, [...(byLine.get(removal.line) ?? []), removal]);
    for (const [no, removals] of byLine) {
      const text = lines[no - 1]?.text ?? '';
      let at = 0;
      for (const part of cutParts(text, removals)) {
        if (part.kind === 'cut') {
          (counts.get(part.rule) as { cut: number }).cut += 1;
          if (args.cuts) console.log(`cut   ${part.rule.padEnd(32)} ${name}:${no}  ${inContext(text, at, at + part.text.length)}`);
        }
        at += part.text.length;
      }
    }
    for (const paragraph of result.paragraphs) {
      for (const rule of inline) {
        for (const match of paragraph.matchAll(rule.pattern)) {
          if (match[0].trim() === '') continue;
          (counts.get(rule.id) as { kept: number }).kept += 1;
          if (args.kept) console.log(`kept  ${rule.id.padEnd(32)} ${name}  ${inContext(paragraph, match.index, match.index + match[0].length)}`);
        }
      }
    }
  }
  console.log(`\n${pages.length} pages; per rule, phrases cut and matches kept in place:`);
  for (const [id, { cut, kept }] of counts) console.log(`  ${id.padEnd(34)} cut ${String(cut).padStart(4)}  kept ${String(kept).padStart(4)}`);
}

const program = new Command('inline-cuts')
  .description('List every inline cut on the development corpus with its context, and the matches the guard kept.')
  .option('--rule <id>', 'only this inline rule')
  .option('--cuts', 'only the cuts')
  .option('--kept', 'only the matches kept in place')
  .option('--set <name...>', 'only these sets (aggregator-dev, generic-dev/browser, generic-dev/htmltotext, news-dev, multilingual-dev, wcxb-dev)')
  .action((options: { rule?: string; cuts?: boolean; kept?: boolean; set?: string[] }) => {
    const both = options.cuts === undefined && options.kept === undefined;
    main({ rule: options.rule ?? null, cuts: both || options.cuts === true, kept: both || options.kept === true, sets: options.set ?? null });
  });

program.parse();
