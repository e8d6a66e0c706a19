/**
 * The fitted generic layer: a logistic regression that scores each line as article text or
 * chrome, the costs of the decoding that turns those scores into kept lines, and a second small
 * regression that scores headline candidates. Fitted by `npm run train` (scripts/train), saved in
 * fitted.ts; nothing here is set by hand.
 */
import { SECOND_STAGE_FEATURES } from './context.js';
import { DENSE_NAMES, DENSE_SIZE } from './features.js';
import { PAGE_FEATURE_SIZE, PAGE_KINDS, PAGE_SHAPE, PAGE_WORD_BITS, type PageKind } from './page-kind.js';
import { CONFIDENCE_FEATURES } from './confidence.js';
import { TITLE_FEATURES } from './title-features.js';
import type { Forest } from './trees.js';
import { decodeWeights, type EncodedWeights } from './weights.js';

/** The costs of the decoding (see decode.ts). */
export interface DecodeCosts {
  /** Added to every line's score: how far the line model's own threshold moves. */
  bias: number;
  /** Charged for opening or closing a gap of chrome inside the article, so a lone odd line does not break it. */
  switchCost: number;
  /** Charged for entering the article from the chrome above it and for leaving it for the chrome below. */
  edgeCost: number;
}

/**
 * Which way the decoding leans when a line is in doubt: the fitted balance (recall counts a
 * little more than precision), or the costs fitted for precision or for recall, as a user asks
 * with --favor.
 */
export const FAVORS = ['balanced', 'precision', 'recall'] as const;
export type Favor = (typeof FAVORS)[number];

/** The decoding's costs for each favour and each page kind: a forum's posts are kept with other costs than an article's paragraphs. */
export type DecodeTable = Readonly<Record<Favor, Readonly<Record<PageKind, DecodeCosts>>>>;

export interface Model {
  /** The page-kind model's weights: a row of PAGE_FEATURE_SIZE for each of PAGE_KINDS. */
  kindWeights: Float32Array;
  /** Hash space of the line model's words: 2^bits buckets. */
  bits: number;
  lineWeights: Float32Array;
  /** The second stage, scoring a line again from the first stage's scores around it (SECOND_STAGE_FEATURES). */
  secondStage: Forest;
  decode: DecodeTable;
  /** Weights of TITLE_FEATURES, and the score of "no headline". */
  titleWeights: Float32Array;
  noTitle: number;
  /** The confidence model: trees over CONFIDENCE_FEATURES, estimating the page's F1. */
  confidence: Forest;
}

/** The model as saved: what `npm run train` writes into fitted.ts. */
export interface SavedModel {
  format: 1;
  /** How it was fitted, for people reading the file. */
  fitted: string;
  /** The page-kind model: its kinds, its named features and hashed-word bits, its weights. */
  pageKinds: readonly string[];
  pageFeatures: readonly string[];
  kindWeights: EncodedWeights;
  bits: number;
  dense: readonly string[];
  lineWeights: EncodedWeights;
  secondStageFeatures: readonly string[];
  secondStage: Forest;
  decode: DecodeTable;
  titleFeatures: readonly string[];
  titleWeights: readonly number[];
  noTitle: number;
  confidenceFeatures: readonly string[];
  confidence: Forest;
}

function sameNames(saved: readonly string[], current: readonly string[], what: string): void {
  if (saved.length !== current.length || saved.some((name, index) => name !== current[index])) {
    throw new Error(`the saved model's ${what} names differ from the engine's: run npm run train`);
  }
}

/** A saved forest in typed arrays, as the engine walks it. */
function forestOf(saved: Forest): Forest {
  return { feature: Int16Array.from(saved.feature), value: Float32Array.from(saved.value), left: Int32Array.from(saved.left), roots: Int32Array.from(saved.roots), base: saved.base };
}

/** The page-kind model's feature names as saved: the named ones, then the hashed words' bits. */
export const PAGE_FEATURE_NAMES: readonly string[] = [...PAGE_SHAPE, `words:${PAGE_WORD_BITS}-bits`];

export function loadModel(saved: SavedModel): Model {
  sameNames(saved.pageKinds, PAGE_KINDS, 'page-kind');
  sameNames(saved.pageFeatures, PAGE_FEATURE_NAMES, 'page');
  sameNames(saved.dense, DENSE_NAMES, 'line');
  sameNames(saved.secondStageFeatures, SECOND_STAGE_FEATURES, 'second-stage');
  sameNames(saved.titleFeatures, TITLE_FEATURES, 'title');
  sameNames(saved.confidenceFeatures, CONFIDENCE_FEATURES, 'confidence');
  return {
    kindWeights: decodeWeights(saved.kindWeights, PAGE_KINDS.length * PAGE_FEATURE_SIZE),
    bits: saved.bits,
    lineWeights: decodeWeights(saved.lineWeights, DENSE_SIZE + (1 << saved.bits)),
    secondStage: forestOf(saved.secondStage),
    decode: saved.decode,
    titleWeights: Float32Array.from(saved.titleWeights),
    noTitle: saved.noTitle,
    confidence: forestOf(saved.confidence),
  };
}

/** A dense vector's score under weights of the same length. */
export function denseDot(weights: ArrayLike<number>, vector: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < vector.length; k++) sum += (weights[k] ?? 0) * (vector[k] ?? 0);
  return sum;
}
