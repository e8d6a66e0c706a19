/**
 * The title model, fitted: a softmax over each page's headline candidates and "no headline",
 * with L2, by full-batch gradient descent from zero (deterministic). Its examples are the pages
 * whose headline is known (or known to be absent).
 */
import { denseDot } from '../../src/engine/model/model.js';
import { TITLE_FEATURES } from '../../src/engine/model/title-features.js';

export interface TitleExample {
  candidates: Float32Array[];
  /** Index of the right candidate, or -1 when the page has no headline. */
  target: number;
  /** How much the example counts: less for a headline read off the page's address. */
  weight: number;
}

export interface TitleWeights {
  weights: number[];
  noTitle: number;
}

const ITERATIONS = 2000;
const STEP = 0.5;
const L2 = 0.01;

export function fitTitleModel(examples: readonly TitleExample[]): TitleWeights {
  const size = TITLE_FEATURES.length;
  const weights = new Float64Array(size);
  let noTitle = 0;
  const n = Math.max(1e-9, examples.reduce((sum, example) => sum + example.weight, 0));
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Float64Array(size);
    let gradientNone = 0;
    for (const example of examples) {
      const scores = example.candidates.map((vector) => denseDot(weights, vector));
      const top = Math.max(noTitle, ...scores);
      const exps = scores.map((score) => Math.exp(score - top));
      const none = Math.exp(noTitle - top);
      const total = none + exps.reduce((sum, value) => sum + value, 0);
      example.candidates.forEach((vector, c) => {
        const p = ((exps[c] ?? 0) / total - (c === example.target ? 1 : 0)) * example.weight;
        for (let k = 0; k < size; k++) gradient[k] = (gradient[k] ?? 0) + p * (vector[k] ?? 0);
      });
      gradientNone += (none / total - (example.target === -1 ? 1 : 0)) * example.weight;
    }
    for (let k = 0; k < size; k++) weights[k] = (weights[k] ?? 0) - STEP * ((gradient[k] ?? 0) / n + L2 * (weights[k] ?? 0));
    noTitle -= STEP * (gradientNone / n);
  }
  return { weights: [...weights], noTitle };
}
