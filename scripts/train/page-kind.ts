/**
 * The page-kind model, fitted: a softmax regression over PAGE_KINDS with L2, by full-batch
 * gradient descent from zero with AdaGrad's per-weight steps (the page's shares are small
 * numbers beside the bias; plain steps took thousands of rounds), deterministic. Its examples are the pages whose kind the corpus
 * knows: wcxb-dev's labels, and the article sets' pages as articles.
 */
import { PAGE_FEATURE_SIZE, PAGE_KINDS, type PageKind } from '../../src/engine/model/page-kind.js';

export interface KindExample {
  /** The page's features, as sparse pairs (most hashed words are absent). */
  indices: Int32Array;
  values: Float32Array;
  kind: PageKind;
}

const ITERATIONS = 500;
const STEP = 1;
const L2 = 1e-3;

/** The page's features as sparse pairs. */
export function sparsePage(vector: Float32Array): { indices: Int32Array; values: Float32Array } {
  const indices: number[] = [];
  for (let k = 0; k < vector.length; k++) if (vector[k]) indices.push(k);
  return { indices: Int32Array.from(indices), values: Float32Array.from(indices, (k) => vector[k] ?? 0) };
}

/** Weights of each kind, one row of PAGE_FEATURE_SIZE per kind in PAGE_KINDS order. */
export function fitPageKind(examples: readonly KindExample[]): Float32Array {
  const kinds = PAGE_KINDS.length;
  const weights = new Float64Array(kinds * PAGE_FEATURE_SIZE);
  const gradient = new Float64Array(weights.length);
  const squares = new Float64Array(weights.length);
  const n = Math.max(1, examples.length);
  const scores = new Float64Array(kinds);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    gradient.fill(0);
    for (const { indices, values, kind } of examples) {
      let top = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < kinds; c++) {
        let sum = 0;
        for (let j = 0; j < indices.length; j++) sum += (weights[c * PAGE_FEATURE_SIZE + (indices[j] ?? 0)] ?? 0) * (values[j] ?? 0);
        scores[c] = sum;
        top = Math.max(top, sum);
      }
      let total = 0;
      for (let c = 0; c < kinds; c++) total += (scores[c] = Math.exp((scores[c] ?? 0) - top));
      const target = PAGE_KINDS.indexOf(kind);
      for (let c = 0; c < kinds; c++) {
        const error = (scores[c] ?? 0) / total - (c === target ? 1 : 0);
        for (let j = 0; j < indices.length; j++) {
          const at = c * PAGE_FEATURE_SIZE + (indices[j] ?? 0);
          gradient[at] = (gradient[at] ?? 0) + error * (values[j] ?? 0);
        }
      }
    }
    for (let k = 0; k < weights.length; k++) {
      const step = (gradient[k] ?? 0) / n + L2 * (weights[k] ?? 0);
      if (step === 0) continue;
      squares[k] = (squares[k] ?? 0) + step * step;
      weights[k] = (weights[k] ?? 0) - (STEP * step) / Math.sqrt(squares[k] ?? 1);
    }
  }
  return Float32Array.from(weights);
}
