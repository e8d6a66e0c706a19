/**
 * The decoding's costs, fitted on the measures themselves: the bias, switch cost and edge cost
 * under which the decoded lines of the training pages score best, each set by its own measure
 * (snippets found and leaked; the words and lines of a full gold kept and lost), with recall weighted
 * RECALL_WEIGHT times precision (F-beta): when unsure, keep. The scores are those the line model
 * gave without having seen the page (out of fold), as the shipped model will score new pages.
 */
import { decodeArticle } from '../../src/engine/decode.js';
import { FAVORS, type DecodeCosts, type DecodeTable, type Favor } from '../../src/engine/model/model.js';
import { PAGE_KINDS, type PageKind } from '../../src/engine/model/page-kind.js';
import type { MeasureTargets } from './labels.js';

/** A page as the decoding sees it: its decided lines' scores, and what its measure counts. */
export interface ScoredSequence {
  set: string;
  /** The page's likeliest kind, as a model that never saw the page reads it. */
  kind: PageKind;
  scores: number[];
  /** For each decided line, its index on the page. */
  lines: number[];
  targets: MeasureTargets;
}

const BIASES = Array.from({ length: 25 }, (_, k) => -3 + k * 0.25);
const SWITCH_COSTS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8];
const EDGE_COSTS = [0, 0.5, 1, 2, 3, 4, 6];

/** F-beta of a set's precision and recall. */
function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  return precision + recall === 0 ? 0 : ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

interface SetTally {
  tp: number;
  fp: number;
  fn: number;
  precisions: number[];
  recalls: number[];
}

function tallyPage(sequence: ScoredSequence, kept: readonly boolean[], tally: SetTally): void {
  const { targets } = sequence;
  if (targets.words === null) {
    const keptLine = new Set(sequence.lines.filter((_, k) => kept[k]));
    for (const snippet of targets.snippets) {
      const found = snippet.occurrences.some((lines) => lines.length > 0 && lines.every((index) => keptLine.has(index)));
      if (snippet.article) found ? tally.tp++ : tally.fn++;
      else if (found) tally.fp++;
    }
    return;
  }
  let all = 0;
  let gold = 0;
  let goldLines = 0;
  let keptGoldLines = 0;
  sequence.lines.forEach((index, k) => {
    const words = targets.words?.[index];
    if (!words) return;
    const isGold = words.all > 0 && words.gold >= words.all / 2;
    if (isGold) goldLines++;
    if (!kept[k]) return;
    all += words.all;
    gold += words.gold;
    if (isGold) keptGoldLines++;
  });
  if (all > 0) tally.precisions.push(gold / all);
  // Recall of words, and of article lines: a subheading of two words counts as much as a paragraph.
  const wordRecall = targets.goldWords === 0 ? 1 : Math.min(1, gold / targets.goldWords);
  tally.recalls.push((wordRecall + (goldLines === 0 ? 1 : keptGoldLines / goldLines)) / 2);
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** The mean over sets of each set's F-beta under the costs. */
export function decodeScore(sequences: readonly ScoredSequence[], costs: DecodeCosts, beta: number): number {
  const tallies = new Map<string, SetTally>();
  for (const sequence of sequences) {
    let tally = tallies.get(sequence.set);
    if (!tally) tallies.set(sequence.set, (tally = { tp: 0, fp: 0, fn: 0, precisions: [], recalls: [] }));
    tallyPage(sequence, decodeArticle(sequence.scores, costs), tally);
  }
  const scores = [...tallies.values()].map((tally) =>
    tally.recalls.length > 0 ? fBeta(mean(tally.precisions), mean(tally.recalls), beta) : fBeta(tally.tp / Math.max(1, tally.tp + tally.fp), tally.tp / Math.max(1, tally.tp + tally.fn), beta),
  );
  return mean(scores);
}

/** Coordinate ascent over the grids, from a start: each cost in turn, the others held, until none moves. */
export function fitDecodeCosts(sequences: readonly ScoredSequence[], beta: number, start: DecodeCosts = { bias: 0, switchCost: 1, edgeCost: 1 }): DecodeCosts {
  let best = start;
  let bestScore = decodeScore(sequences, best, beta);
  const grids: Array<[keyof DecodeCosts, readonly number[]]> = [
    ['bias', BIASES],
    ['switchCost', SWITCH_COSTS],
    ['edgeCost', EDGE_COSTS],
  ];
  for (let round = 0, moved = true; moved && round < 6; round++) {
    moved = false;
    for (const [name, grid] of grids) {
      for (const value of grid) {
        const costs = { ...best, [name]: value };
        const score = decodeScore(sequences, costs, beta);
        if (score > bestScore + 1e-9) {
          [best, bestScore] = [costs, score];
          moved = true;
        }
      }
    }
  }
  return best;
}

/** Pages of a kind below which its costs are those of all pages: too few to fit three costs on. */
const MIN_KIND_PAGES = 40;

/**
 * The costs for each favour and page kind: each favour's costs fitted on every page at its beta,
 * then each kind's from there on the pages read as that kind (where there are enough of them).
 */
export function fitDecodeTable(sequences: readonly ScoredSequence[], betas: Readonly<Record<Favor, number>>): DecodeTable {
  const table = {} as Record<Favor, Record<PageKind, DecodeCosts>>;
  for (const favor of FAVORS) {
    const global = fitDecodeCosts(sequences, betas[favor]);
    const byKind = {} as Record<PageKind, DecodeCosts>;
    for (const kind of PAGE_KINDS) {
      const ofKind = sequences.filter((sequence) => sequence.kind === kind);
      byKind[kind] = ofKind.length >= MIN_KIND_PAGES ? fitDecodeCosts(ofKind, betas[favor], global) : global;
    }
    table[favor] = byKind;
  }
  return table;
}
