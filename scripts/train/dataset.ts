/**
 * The corpus as training examples: each page read by the engine's own first stages (lines,
 * profile, features, rule claims), so the model is fitted on exactly what it will be shown.
 * Lines the rules' layout takes (chrome removed wherever it stands, the tail after a section that
 * always ends the article) are left out: the model never sees them.
 */
import type { RuleSet } from '../../src/rules/compile.js';
import { claimLines } from '../../src/engine/claims.js';
import { isOpen, readLayout } from '../../src/engine/layout.js';
import { foldSpace, splitLines, type Line } from '../../src/engine/lines.js';
import { lineFeatures, rowOf, type LineFeatures } from '../../src/engine/model/features.js';
import { pageFeatures } from '../../src/engine/model/page-kind.js';
import { profilePage } from '../../src/engine/profile.js';
import type { CorpusPage } from '../corpus.js';
import type { SyntheticPage } from './augment.js';
import type { Example } from './ftrl.js';
import { labelLines, measureTargets, type LineLabel, type MeasureTargets, type SpanTrust } from './labels.js';
import { sparsePage } from './page-kind.js';

export interface PageData {
  page: CorpusPage;
  lines: Line[];
  features: Array<LineFeatures | null>;
  labels: Array<LineLabel | null>;
  /** What the page's measure counts, for fitting the decoding on it (null for gold-made pages). */
  targets: MeasureTargets | null;
  /** Lines the model is not asked about: those the rules' layout takes (see layout.ts). */
  ruled: boolean[];
  /** The page-kind model's features of the page, sparse. */
  pageVector: { indices: Int32Array; values: Float32Array };
}

const LANGUAGE_SAMPLE = 20_000;

function read(page: CorpusPage, bits: number, set: RuleSet, label: (lines: Line[]) => Array<LineLabel | null>, measured: boolean): PageData {
  const lines = splitLines(page.text);
  const profile = profilePage(lines, LANGUAGE_SAMPLE);
  const claims = claimLines(lines, set);
  const layout = readLayout(lines, claims, set);
  const ruled = lines.map((line, index) => line.text !== '' && !isOpen(layout, claims, lines, index));
  const targets = measured ? measureTargets(page, lines) : null;
  return { page, lines, features: lineFeatures(lines, profile, bits, (index) => ruled[index] === true), labels: label(lines), targets, ruled, pageVector: sparsePage(pageFeatures(lines)) };
}

export function readCorpusPage(page: CorpusPage, bits: number, set: RuleSet, trust: SpanTrust): PageData {
  return read(page, bits, set, (lines) => labelLines(page, lines, trust), true);
}

/** A gold-made page: every line is article text but its headline. */
export function readSyntheticPage(synthetic: SyntheticPage, bits: number, set: RuleSet): PageData {
  const title = synthetic.title === null ? null : foldSpace(synthetic.title);
  return read(synthetic.page, bits, set, (lines) => lines.map((line) => (line.text === '' ? null : { y: foldSpace(line.text) === title ? 0 : 1, confidence: 1 })), false);
}

/**
 * How much each of a page's labelled lines counts, so that a page counts by the square root of
 * its lines: a 2,000-character news page and a 500-line portal page both matter.
 */
export function pageWeight(lines: number): number {
  return lines === 0 ? 0 : PAGE_SCALE / Math.sqrt(lines);
}

/** Keeps the mean weight of a line near 1 for pages of the corpus's typical size. */
const PAGE_SCALE = 10;

/** The labelled lines the model decides on a page. */
export function decided(page: PageData): number[] {
  return page.features.flatMap((line, index) => (line && page.labels[index] && !page.ruled[index] && (page.labels[index]?.confidence ?? 0) > 0 ? [index] : []));
}

/** The lines the model decides, as examples; an article line weighs `articleCost` times a chrome line. */
export function examplesOf(data: readonly PageData[], articleCost: number, perPage: boolean, setWeight: (page: PageData) => number): Example[] {
  return data.flatMap((page) => {
    const scale = (perPage ? pageWeight(decided(page).length) : 1) * setWeight(page);
    return page.features.flatMap((line, index) => {
      const label = page.labels[index];
      if (!line || !label || page.ruled[index] || label.confidence === 0) return [];
      const row = rowOf(line);
      return [{ indices: row.indices, values: row.values, y: label.y, weight: scale * label.confidence * (label.y === 1 ? articleCost : 1) }];
    });
  });
}
