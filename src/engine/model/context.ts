/**
 * The second stage of the line model: each line scored again from the first stage's scores of
 * the lines around it (stacking, as in "auto-context"). A short line between two paragraphs the
 * first stage is sure of is a subheading; a sentence-like line inside a long stretch of menu is
 * a teaser. The sequence is every non-blank line of the page, in order.
 */
import { heaviestStretch } from '../heaviest-stretch.js';
import { countWords } from '../lines.js';
import { SHAPE_NAMES, SHAPE_SIZE, type LineFeatures } from './features.js';
import { PAGE_KINDS } from './page-kind.js';

const CONTEXT_FEATURES = [
  'bias', 'score', 'score:prev', 'score:next', 'score:prev2', 'score:next2',
  'mean:3', 'mean:8', 'mean:20', 'max:above5', 'max:below5', 'min:above5', 'min:below5', 'positive:5',
  'mass-above', 'mass-below', 'in-run', 'run:before', 'run:after', 'first', 'last',
  'short', 'short*mean:3', 'short*score', 'long', 'long*mean:8',
] as const;

/**
 * What the second stage reads of a line: the context of first-stage scores, the line's own shape,
 * then the page's kind (each kind's probability): a short line among short lines is an item of a
 * listing's content, or a menu of an article's chrome.
 */
export const SECOND_STAGE_FEATURES: readonly string[] = [...CONTEXT_FEATURES, ...SHAPE_NAMES, ...PAGE_KINDS.map((kind) => `kind:${kind}`)];
const KIND_OFFSET = CONTEXT_FEATURES.length + SHAPE_SIZE;

type ContextFeature = (typeof CONTEXT_FEATURES)[number];
/** Each context feature's index, looked up once: they are set for every line of every page. */
const AT = Object.fromEntries(CONTEXT_FEATURES.map((name, index) => [name, index])) as Record<ContextFeature, number>;
const SCALE = 4;
const clip = (score: number): number => Math.max(-8, Math.min(8, score)) / SCALE;

/** The highest (or lowest) of the clipped scores from `from` to `to`, within the page; 0 for none. */
function extreme(clipped: Float64Array, from: number, to: number, pickMax: boolean): number {
  const n = clipped.length;
  if (from > to || to < 0 || from >= n) return 0;
  let best = pickMax ? -2 : 2;
  for (let j = Math.max(0, from); j <= Math.min(n - 1, to); j++) best = pickMax ? Math.max(best, clipped[j] ?? 0) : Math.min(best, clipped[j] ?? 0);
  return best;
}

/** The second stage's features of a sequence of lines as arrays, one per line, as training keeps them. */
export function secondStageFeatures(scores: ArrayLike<number>, texts: readonly string[], features: readonly LineFeatures[], kinds: ArrayLike<number>): Float32Array[] {
  const vectors: Float32Array[] = [];
  forEachSecondStageVector(scores, texts, features, kinds, (vector) => vectors.push(Float32Array.from(vector)));
  return vectors;
}

/**
 * The second stage's features of a sequence of lines (SECOND_STAGE_FEATURES), handed to `visit`
 * line by line in one vector filled afresh for each: `scores` are the first stage's, `texts`
 * the lines' texts, `features` their features, `kinds` the page's kind probabilities. One vector,
 * not one per line: the page's vectors held at once took over 400 bytes a line.
 */
export function forEachSecondStageVector(
  scores: ArrayLike<number>,
  texts: readonly string[],
  features: readonly LineFeatures[],
  kinds: ArrayLike<number>,
  visit: (vector: Float32Array, k: number) => void,
): void {
  const n = scores.length;
  const clipped = Float64Array.from({ length: n }, (_, k) => clip(scores[k] ?? 0));
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] ?? 0) + (clipped[k] ?? 0);
  const mean = (k: number, reach: number) => {
    const from = Math.max(0, k - reach);
    const to = Math.min(n, k + reach + 1);
    return ((prefix[to] ?? 0) - (prefix[from] ?? 0)) / (to - from);
  };
  const mass = Float64Array.from({ length: n }, (_, k) => Math.max(0, scores[k] ?? 0) * Math.log1p(texts[k]?.length ?? 0));
  let total = 0;
  for (const value of mass) total += value;
  const run = heaviestStretch(scores);
  const vector = new Float32Array(SECOND_STAGE_FEATURES.length);
  let above = 0;
  for (let k = 0; k < n; k++) {
    vector.fill(0);
    const { shapes, row } = features[k] as LineFeatures;
    for (let j = 0; j < SHAPE_SIZE; j++) vector[CONTEXT_FEATURES.length + j] = shapes[row + j] ?? 0;
    for (let j = 0; j < PAGE_KINDS.length; j++) vector[KIND_OFFSET + j] = kinds[j] ?? 0;
    const set = (name: ContextFeature, value: number) => {
      vector[AT[name]] = value;
    };
    let positive = 0;
    let seen = 0;
    for (let j = Math.max(0, k - 5); j <= Math.min(n - 1, k + 5); j++, seen++) if ((scores[j] ?? 0) > 0) positive++;
    const words = countWords(texts[k] ?? '');
    const short = words < 5 ? 1 : 0;
    const long = words >= 20 ? 1 : 0;
    set('bias', 1);
    set('score', clipped[k] ?? 0);
    set('score:prev', clipped[k - 1] ?? 0);
    set('score:next', clipped[k + 1] ?? 0);
    set('score:prev2', clipped[k - 2] ?? 0);
    set('score:next2', clipped[k + 2] ?? 0);
    set('mean:3', mean(k, 3));
    set('mean:8', mean(k, 8));
    set('mean:20', mean(k, 20));
    set('max:above5', extreme(clipped, k - 5, k - 1, true));
    set('max:below5', extreme(clipped, k + 1, k + 5, true));
    set('min:above5', extreme(clipped, k - 5, k - 1, false));
    set('min:below5', extreme(clipped, k + 1, k + 5, false));
    set('positive:5', positive / Math.max(1, seen));
    set('mass-above', total === 0 ? 0 : above / total);
    set('mass-below', total === 0 ? 0 : (total - above - (mass[k] ?? 0)) / total);
    if (run) {
      set('in-run', k >= run.start && k <= run.end ? 1 : 0);
      set('run:before', k < run.start ? Math.log1p(run.start - k) / 3 : 0);
      set('run:after', k > run.end ? Math.log1p(k - run.end) / 3 : 0);
    }
    set('first', k === 0 ? 1 : 0);
    set('last', k === n - 1 ? 1 : 0);
    set('short', short);
    set('short*mean:3', short * mean(k, 3));
    set('short*score', short * (clipped[k] ?? 0));
    set('long', long);
    set('long*mean:8', long * mean(k, 8));
    above += mass[k] ?? 0;
    visit(vector, k);
  }
}
