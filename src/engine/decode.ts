/**
 * The sequence decoding of the generic layer: the page as chrome before the article, the article
 * (with gaps of chrome inside it), and chrome after it; a Viterbi search for the best path over
 * the line model's scores. A line of the article earns its score plus the fitted bias; a line of
 * chrome earns nothing. Entering the article from the chrome above it, or leaving it for the
 * chrome below, costs the fitted edge cost; opening or closing a gap inside it costs the fitted
 * switch cost, so a short odd line inside an article (a subheading, a quote) stays with it and a
 * lone sentence-like line inside a menu goes with the menu. A gap is two lines or more: a lone line
 * between two lines of the article is a subheading or a quote far more often than chrome (96% of
 * the labelled development lines), so it is never cut out on its score alone.
 */
import type { DecodeCosts } from './model/model.js';

const BEFORE = 0;
const ARTICLE = 1;
/** The first line of a gap, then the rest of it. */
const GAP_START = 2;
const GAP = 3;
const AFTER = 4;
const STATES = 5;

/** Which of the scored lines, in order, the best path keeps as article text. */
export function decodeArticle(scores: ArrayLike<number>, costs: DecodeCosts): boolean[] {
  const n = scores.length;
  const kept = new Array<boolean>(n).fill(false);
  if (n === 0) return kept;
  const { bias, switchCost, edgeCost } = costs;
  // A lone line between two lines that read as article earns nothing rather than losing: it is a
  // subheading or a quote far more often than chrome, and must not cost the line before it either.
  const earn = (i: number): number => {
    const own = (scores[i] ?? 0) + bias;
    return own < 0 && i > 0 && i + 1 < n && (scores[i - 1] ?? 0) + bias > 0 && (scores[i + 1] ?? 0) + bias > 0 ? 0 : own;
  };
  // from[i * STATES + s]: the state at line i - 1 on the best path that is in state s at line i.
  // Ties go to the article, and to staying in a state: when unsure, keep.
  const from = new Uint8Array(n * STATES);
  const before = 0;
  let article = earn(0) - edgeCost;
  let gapStart = Number.NEGATIVE_INFINITY;
  let gap = Number.NEGATIVE_INFINITY;
  let after = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    const at = i * STATES;
    let nextArticle = article;
    from[at + ARTICLE] = ARTICLE;
    if (before - edgeCost > nextArticle) [nextArticle, from[at + ARTICLE]] = [before - edgeCost, BEFORE];
    if (gap - switchCost > nextArticle) [nextArticle, from[at + ARTICLE]] = [gap - switchCost, GAP];
    from[at + GAP_START] = ARTICLE;
    let nextGap = gap;
    from[at + GAP] = GAP;
    if (gapStart > nextGap) [nextGap, from[at + GAP]] = [gapStart, GAP_START];
    let nextAfter = after;
    from[at + AFTER] = AFTER;
    if (article - edgeCost > nextAfter) [nextAfter, from[at + AFTER]] = [article - edgeCost, ARTICLE];
    from[at + BEFORE] = BEFORE;
    gapStart = article - switchCost;
    article = nextArticle + earn(i);
    gap = nextGap;
    after = nextAfter;
  }
  // A page with an article ends in it or after it; one without is all "before".
  let state = article >= after && article >= before ? ARTICLE : after >= before ? AFTER : BEFORE;
  for (let i = n - 1; i >= 0; i--) {
    kept[i] = state === ARTICLE;
    state = from[i * STATES + state] ?? BEFORE;
  }
  return kept;
}
