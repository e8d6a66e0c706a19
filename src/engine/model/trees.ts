/**
 * Gradient-boosted regression trees, as the second stage of the line model uses them: a sum of
 * small trees over a dense feature vector, each split asking whether one feature is at most a
 * threshold. Saved as flat arrays; node 0 of each tree is its root.
 */

export interface Forest {
  /** By node: the feature it splits on, or -1 for a leaf. */
  feature: Int16Array | readonly number[];
  /** By node: the split's threshold (go left when the value is at most it), or the leaf's value. */
  value: Float32Array | readonly number[];
  /** By node: its left child (the right child follows it); unused for a leaf. */
  left: Int32Array | readonly number[];
  /** Where each tree's root is. */
  roots: Int32Array | readonly number[];
  /** Added to the sum of the trees: the log-odds before any tree. */
  base: number;
}

/** The forest's score of a vector: its base plus each tree's leaf. */
export function forestScore(forest: Forest, vector: ArrayLike<number>): number {
  const { feature, value, left, roots } = forest;
  let sum = forest.base;
  for (let tree = 0; tree < roots.length; tree++) {
    let node = roots[tree] ?? 0;
    for (let split = feature[node] ?? -1; split >= 0; split = feature[node] ?? -1) {
      const child = left[node] ?? 0;
      node = (vector[split] ?? 0) <= (value[node] ?? 0) ? child : child + 1;
    }
    sum += value[node] ?? 0;
  }
  return sum;
}
