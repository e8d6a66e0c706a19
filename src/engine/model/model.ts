/**
 * The fitted generic layer: a logistic regression that scores each line as article text or
 * chrome, the costs of the decoding that turns those scores into kept lines, and a second small
 * regression that scores headline candidates. Fitted by `npm run train` (scripts/train), saved in
 * fitted.ts; nothing here is set by hand.
 */
import { SECOND_STAGE_FEATURES } from './context.js';
import { DENSE_NAMES, DENSE_SIZE } from './features.js';
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

export interface Model {
  /** Hash space of the line model's words: 2^bits buckets. */
  bits: number;
  lineWeights: Float32Array;
  /** The second stage, scoring a line again from the first stage's scores around it (SECOND_STAGE_FEATURES). */
  secondStage: Forest;
  decode: DecodeCosts;
  /** Weights of TITLE_FEATURES, and the score of "no headline". */
  titleWeights: Float32Array;
  noTitle: number;
}

/** The model as saved: what `npm run train` writes into fitted.ts. */
export interface SavedModel {
  format: 1;
  /** How it was fitted, for people reading the file. */
  fitted: string;
  bits: number;
  dense: readonly string[];
  lineWeights: EncodedWeights;
  secondStageFeatures: readonly string[];
  secondStage: Forest;
  decode: DecodeCosts;
  titleFeatures: readonly string[];
  titleWeights: readonly number[];
  noTitle: number;
}

function sameNames(saved: readonly string[], current: readonly string[], what: string): void {
  if (saved.length !== current.length || saved.some((name, index) => name !== current[index])) {
    throw new Error(`the saved model's ${what} features differ from the engine's: run npm run train`);
  }
}

export function loadModel(saved: SavedModel): Model {
  sameNames(saved.dense, DENSE_NAMES, 'line');
  sameNames(saved.secondStageFeatures, SECOND_STAGE_FEATURES, 'second-stage');
  sameNames(saved.titleFeatures, TITLE_FEATURES, 'title');
  return {
    bits: saved.bits,
    lineWeights: decodeWeights(saved.lineWeights, DENSE_SIZE + (1 << saved.bits)),
    secondStage: {
      feature: Int16Array.from(saved.secondStage.feature),
      value: Float32Array.from(saved.secondStage.value),
      left: Int32Array.from(saved.secondStage.left),
      roots: Int32Array.from(saved.secondStage.roots),
      base: saved.secondStage.base,
    },
    decode: saved.decode,
    titleWeights: Float32Array.from(saved.titleWeights),
    noTitle: saved.noTitle,
  };
}

/** A dense vector's score under weights of the same length. */
export function denseDot(weights: ArrayLike<number>, vector: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < vector.length; k++) sum += (weights[k] ?? 0) * (vector[k] ?? 0);
  return sum;
}
