/**
 * Gradient boosting of regression trees for the logistic loss (second-order steps, as XGBoost and
 * LightGBM make them), on features binned at their quantiles. Histograms are built for the
 * smaller child of each split and the larger one's taken as the difference from its parent.
 * Deterministic: no sampling.
 */
import type { Forest } from '../../src/engine/model/trees.js';

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values. */
  lambda: number;
  /** Least hessian a leaf may hold: no leaf for a handful of lines. */
  minChildWeight: number;
  bins: number;
}

export const DEFAULT_BOOST: BoostOptions = { trees: 120, depth: 4, learningRate: 0.1, lambda: 5, minChildWeight: 20, bins: 32 };

export interface BoostExample {
  vector: ArrayLike<number>;
  /** The label, or a target between 0 and 1 (the logistic loss takes both). */
  y: number;
  weight: number;
}

/** Up to `bins - 1` thresholds per feature, at the quantiles of its values. */
function thresholdsOf(examples: readonly BoostExample[], feature: number, bins: number): number[] {
  const values = Float64Array.from(examples, (example) => example.vector[feature] ?? 0).sort();
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const cut = values[Math.floor((k * values.length) / bins)] ?? 0;
    if (cuts.length === 0 || cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
  }
  // A cut at the largest value splits nothing off.
  if (cuts.length > 0 && cuts[cuts.length - 1] === values[values.length - 1]) cuts.pop();
  return cuts;
}

function binOf(cuts: readonly number[], value: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value <= (cuts[mid] ?? 0)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Gradient and hessian sums by feature and bin: [g, h] pairs at (feature * bins + bin) * 2. */
type Histogram = Float64Array;

interface Node {
  samples: Int32Array;
  g: number;
  h: number;
  index: number;
  histogram: Histogram;
}

interface Data {
  /** Row-major bins: sample i's bin of feature f at i * size + f. */
  bins: Uint8Array;
  size: number;
  width: number;
  cuts: number[][];
  grad: Float64Array;
  hess: Float64Array;
}

function histogramOf(data: Data, samples: Int32Array): Histogram {
  const { bins, size, width, grad, hess } = data;
  const histogram = new Float64Array(size * width * 2);
  for (let s = 0; s < samples.length; s++) {
    const i = samples[s] ?? 0;
    const g = grad[i] ?? 0;
    const h = hess[i] ?? 0;
    const row = i * size;
    for (let f = 0; f < size; f++) {
      const at = (f * width + (bins[row + f] ?? 0)) * 2;
      histogram[at] = (histogram[at] ?? 0) + g;
      histogram[at + 1] = (histogram[at + 1] ?? 0) + h;
    }
  }
  return histogram;
}

interface Split {
  f: number;
  bin: number;
  gl: number;
  hl: number;
}

function bestSplit(node: Node, data: Data, options: BoostOptions): Split | null {
  const { lambda, minChildWeight } = options;
  const parent = (node.g * node.g) / (node.h + lambda);
  let best: (Split & { gain: number }) | null = null;
  for (let f = 0; f < data.size; f++) {
    const cuts = data.cuts[f] as number[];
    let gl = 0;
    let hl = 0;
    for (let bin = 0; bin < cuts.length; bin++) {
      const at = (f * data.width + bin) * 2;
      gl += node.histogram[at] ?? 0;
      hl += node.histogram[at + 1] ?? 0;
      const hr = node.h - hl;
      if (hl < minChildWeight || hr < minChildWeight) continue;
      const gr = node.g - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
      if (gain > 1e-9 && (best === null || gain > best.gain)) best = { f, bin, gl, hl, gain };
    }
  }
  return best;
}

export function fitForest(examples: readonly BoostExample[], size: number, options: BoostOptions = DEFAULT_BOOST): Forest {
  const n = examples.length;
  const cuts = Array.from({ length: size }, (_, feature) => thresholdsOf(examples, feature, options.bins));
  const width = options.bins;
  const bins = new Uint8Array(n * size);
  examples.forEach((example, i) => {
    for (let f = 0; f < size; f++) bins[i * size + f] = binOf(cuts[f] as number[], example.vector[f] ?? 0);
  });
  let positive = 0;
  let total = 0;
  for (const example of examples) {
    positive += example.weight * example.y;
    total += example.weight;
  }
  const base = Math.log(Math.max(1e-6, positive) / Math.max(1e-6, total - positive));
  const margin = new Float64Array(n).fill(base);
  const data: Data = { bins, size, width, cuts, grad: new Float64Array(n), hess: new Float64Array(n) };
  const feature: number[] = [];
  const value: number[] = [];
  const left: number[] = [];
  const roots: number[] = [];
  const newNode = (): number => {
    feature.push(-1);
    value.push(0);
    left.push(0);
    return feature.length - 1;
  };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < options.trees; t++) {
    let g0 = 0;
    let h0 = 0;
    for (let i = 0; i < n; i++) {
      const example = examples[i] as BoostExample;
      const p = 1 / (1 + Math.exp(-(margin[i] ?? 0)));
      const g = (p - example.y) * example.weight;
      const h = Math.max(1e-6, p * (1 - p)) * example.weight;
      data.grad[i] = g;
      data.hess[i] = h;
      g0 += g;
      h0 += h;
    }
    const root: Node = { samples: all, g: g0, h: h0, index: newNode(), histogram: histogramOf(data, all) };
    roots.push(root.index);
    const leaf = (node: Node) => {
      const step = -(node.g / (node.h + options.lambda)) * options.learningRate;
      value[node.index] = step;
      for (const i of node.samples) margin[i] = (margin[i] ?? 0) + step;
    };
    let level: Node[] = [root];
    for (let depth = 0; level.length > 0; depth++) {
      const next: Node[] = [];
      for (const node of level) {
        const split = depth < options.depth ? bestSplit(node, data, options) : null;
        if (!split) {
          leaf(node);
          continue;
        }
        const { f, bin } = split;
        const inLeft = (i: number) => (bins[i * size + f] ?? 0) <= bin;
        let leftCount = 0;
        for (const i of node.samples) if (inLeft(i)) leftCount++;
        const leftSamples = new Int32Array(leftCount);
        const rightSamples = new Int32Array(node.samples.length - leftCount);
        let a = 0;
        let b = 0;
        for (const i of node.samples) {
          if (inLeft(i)) leftSamples[a++] = i;
          else rightSamples[b++] = i;
        }
        const leftIndex = newNode();
        const rightIndex = newNode();
        feature[node.index] = f;
        value[node.index] = cuts[f]?.[bin] ?? 0;
        left[node.index] = leftIndex;
        // Only children that may split again need histograms: the smaller one built, the larger one by difference.
        let leftHistogram: Histogram = new Float64Array(0);
        let rightHistogram: Histogram = new Float64Array(0);
        if (depth + 1 < options.depth) {
          const small = histogramOf(data, leftCount <= rightSamples.length ? leftSamples : rightSamples);
          const large = new Float64Array(node.histogram.length);
          for (let k = 0; k < large.length; k++) large[k] = (node.histogram[k] ?? 0) - (small[k] ?? 0);
          [leftHistogram, rightHistogram] = leftCount <= rightSamples.length ? [small, large] : [large, small];
        }
        next.push(
          { samples: leftSamples, g: split.gl, h: split.hl, index: leftIndex, histogram: leftHistogram },
          { samples: rightSamples, g: node.g - split.gl, h: node.h - split.hl, index: rightIndex, histogram: rightHistogram },
        );
      }
      level = next;
    }
  }
  return { feature, value, left, roots, base };
}
