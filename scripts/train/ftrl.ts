/**
 * Logistic regression fitted by FTRL-Proximal (McMahan et al., "Ad Click Prediction: a View from
 * the Trenches", 2013): per-coordinate learning rates suit hashed sparse features, and its L1 term
 * leaves most buckets at exactly zero, which keeps the saved model small. Deterministic: the
 * examples are visited in an order shuffled by a seeded generator.
 */
import { seededRandom } from '../random.js';

export interface Example {
  indices: readonly number[];
  values: readonly number[];
  y: 0 | 1;
  /** How much the example counts: its label's confidence times the cost of its class. */
  weight: number;
}

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
  /** L1 applies from this index on: the hashed words, not the named dense features before them, whose rare ones (a line ending in "…") must keep their weight. */
  l1From: number;
}

export const DEFAULT_FTRL: FtrlOptions = { alpha: 0.1, beta: 1, l1: 0.5, l2: 1, epochs: 6, seed: 20261201, l1From: 0 };

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, x))));

/** Fits weights for a feature space of `size` indices. */
export function fitLogistic(examples: readonly Example[], size: number, options: FtrlOptions = DEFAULT_FTRL): Float64Array {
  const { alpha, beta, l1, l2 } = options;
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const weightOf = (i: number): number => {
    const zi = z[i] ?? 0;
    const penalty = i >= options.l1From ? l1 : 0;
    if (Math.abs(zi) <= penalty) return 0;
    return -(zi - Math.sign(zi) * penalty) / ((beta + Math.sqrt(n[i] ?? 0)) / alpha + l2);
  };
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  const current: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffled(order, random)) {
      const example = examples[index] as Example;
      const { indices, values } = example;
      let margin = 0;
      current.length = 0;
      for (let k = 0; k < indices.length; k++) {
        const w = weightOf(indices[k] ?? 0);
        current.push(w);
        margin += w * (values[k] ?? 0);
      }
      const gradient = (sigmoid(margin) - example.y) * example.weight;
      if (gradient === 0) continue;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k] ?? 0;
        const g = gradient * (values[k] ?? 0);
        const ni = n[i] ?? 0;
        const sigma = (Math.sqrt(ni + g * g) - Math.sqrt(ni)) / alpha;
        z[i] = (z[i] ?? 0) + g - sigma * (current[k] ?? 0);
        n[i] = ni + g * g;
      }
    }
  }
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) weights[i] = weightOf(i);
  return weights;
}
