/**
 * What the corpus says of each line of a page: article text (1), chrome (0), or nothing known,
 * and how sure that is. Full gold outputs label every line by how much of it the gold holds;
 * snippet sets label the lines holding their snippets, and more weakly the lines between the
 * first and last article snippet (article) and those outside them (chrome).
 */
import { foldSpace, type Line } from '../../src/engine/lines.js';
import { tokenize } from '../measures.js';
import type { CorpusPage } from '../corpus.js';

export interface LineLabel {
  /** 1: article text; 0: chrome. */
  y: 0 | 1;
  /** How sure the label is, from 0 to 1. */
  confidence: number;
}

/** How much a weak label from a snippet set's span counts beside a snippet's own line. */
export interface SpanTrust {
  inside: number;
  outside: number;
}

const SHINGLE = 4;

function shingleSet(tokens: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) set.add(tokens.slice(i, i + SHINGLE).join(' '));
  return set;
}

/** Labels from a full gold: the share of a line's word 4-grams the gold has; short lines must be a gold line or a phrase of one. */
function goldLabels(lines: readonly Line[], gold: string, headline: ReadonlySet<string>): Array<LineLabel | null> {
  const goldLines = gold.split('\n').map((line) => tokenize(line).join(' ')).filter((line) => line !== '');
  const whole = new Set(goldLines);
  const grams = shingleSet(tokenize(gold));
  const padded = ` ${goldLines.join(' | ')} `;
  return lines.map((line) => {
    if (line.text === '') return null;
    if (headline.has(foldSpace(line.text))) return { y: 0, confidence: 1 };
    const tokens = tokenize(line.text);
    if (tokens.length === 0) return { y: 0, confidence: 1 };
    const joined = tokens.join(' ');
    if (whole.has(joined)) return { y: 1, confidence: 1 };
    if (tokens.length < SHINGLE) return tokens.length >= 2 && padded.includes(` ${joined} `) ? { y: 1, confidence: 0.5 } : { y: 0, confidence: 1 };
    let found = 0;
    const own = tokens.length - SHINGLE + 1;
    for (let i = 0; i < own; i++) if (grams.has(tokens.slice(i, i + SHINGLE).join(' '))) found++;
    const share = found / own;
    if (share >= 0.5) return { y: 1, confidence: share >= 0.8 ? 1 : 0.5 };
    return { y: 0, confidence: share <= 0.2 ? 1 : 0.5 };
  });
}

/** The non-blank lines folded and joined by single spaces, with where each line sits in the join. */
function foldedPage(lines: readonly Line[]): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const line of lines) {
    const folded = foldSpace(line.text);
    if (folded === '') {
      starts.push(-1);
      ends.push(-1);
      continue;
    }
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += folded;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** For each occurrence of the snippet, the indexes of the lines it overlaps. */
function occurrences(page: ReturnType<typeof foldedPage>, snippet: string): number[][] {
  const needle = foldSpace(snippet);
  const found: number[][] = [];
  if (needle === '') return found;
  for (let at = page.text.indexOf(needle); at >= 0; at = page.text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const holding: number[] = [];
    page.starts.forEach((start, index) => {
      if (start >= 0 && start < end && (page.ends[index] ?? 0) > at) holding.push(index);
    });
    found.push(holding);
  }
  return found;
}

const linesHolding = (page: ReturnType<typeof foldedPage>, snippet: string): number[] => occurrences(page, snippet).flat();

function snippetLabels(lines: readonly Line[], page: CorpusPage, headline: ReadonlySet<string>, trust: SpanTrust): Array<LineLabel | null> {
  const folded = foldedPage(lines);
  const labels: Array<LineLabel | null> = lines.map(() => null);
  const positive = new Set((page.with ?? []).flatMap((snippet) => linesHolding(folded, snippet)));
  const negative = new Set((page.without ?? []).flatMap((snippet) => linesHolding(folded, snippet)));
  for (const index of negative) labels[index] = { y: 0, confidence: 1 };
  // A line holding article text stays, whatever chrome is glued to it.
  for (const index of positive) labels[index] = { y: 1, confidence: 1 };
  if (positive.size > 0) {
    const first = Math.min(...positive);
    const last = Math.max(...positive);
    lines.forEach((line, index) => {
      if (line.text === '' || labels[index] !== null) return;
      const inside = index > first && index < last;
      labels[index] = inside ? { y: 1, confidence: trust.inside } : { y: 0, confidence: trust.outside };
    });
  }
  lines.forEach((line, index) => {
    if (headline.has(foldSpace(line.text))) labels[index] = { y: 0, confidence: 1 };
  });
  return labels;
}

/** The labels of a page's lines. The headline, where it is known, is not body: the title model takes it from the lines the body leaves out. */
export function labelLines(page: CorpusPage, lines: readonly Line[], trust: SpanTrust): Array<LineLabel | null> {
  const headline = new Set<string>();
  if (typeof page.title === 'string') headline.add(foldSpace(page.title));
  if (page.gold !== undefined) {
    const gold = page.set === 'aggregator-dev' && typeof page.title === 'string' ? page.gold.split('\n').slice(1).join('\n') : page.gold;
    return goldLabels(lines, gold, headline);
  }
  return snippetLabels(lines, page, headline, trust);
}

/**
 * What the page's measure looks at, line by line, for fitting the decoding on it directly:
 * snippets (found when every line of one of their occurrences is kept), or for a full gold the
 * words of each line and how many of them the gold holds.
 */
export interface MeasureTargets {
  snippets: Array<{ occurrences: number[][]; article: boolean }>;
  /** By line index: word count and words in gold 4-grams; and the gold's own word count. */
  words: Array<{ all: number; gold: number }> | null;
  goldWords: number;
}

export function measureTargets(page: CorpusPage, lines: readonly Line[]): MeasureTargets {
  if (page.gold === undefined) {
    const folded = foldedPage(lines);
    const snippets = [
      ...(page.with ?? []).map((snippet) => ({ occurrences: occurrences(folded, snippet), article: true })),
      ...(page.without ?? []).map((snippet) => ({ occurrences: occurrences(folded, snippet), article: false })),
    ];
    return { snippets, words: null, goldWords: 0 };
  }
  const goldTokens = tokenize(page.gold);
  const grams = shingleSet(goldTokens);
  const padded = ` ${goldTokens.join(' ')} `;
  const words = lines.map((line) => {
    const tokens = tokenize(line.text);
    if (tokens.length < SHINGLE) return { all: tokens.length, gold: tokens.length > 0 && padded.includes(` ${tokens.join(' ')} `) ? tokens.length : 0 };
    let found = 0;
    for (let i = 0; i + SHINGLE <= tokens.length; i++) if (grams.has(tokens.slice(i, i + SHINGLE).join(' '))) found++;
    return { all: tokens.length, gold: (found / (tokens.length - SHINGLE + 1)) * tokens.length };
  });
  return { snippets: [], words, goldWords: goldTokens.length };
}
