/**
 * How well a page was cleaned, as a number in [0, 1]: boosted trees over what the cleaning knows
 * once it is done (the page's kind and how sure of it, how many lines the model decided and how
 * near its threshold they were, how much of the page the output keeps), fitted out of fold to
 * predict the page's F1 on the development corpus. A reviewer reads the doubtful pages first.
 */
import { PAGE_KINDS } from './page-kind.js';
import { forestScore, type Forest } from './trees.js';

export const CONFIDENCE_FEATURES: readonly string[] = [
  ...PAGE_KINDS.map((kind) => `kind:${kind}`),
  'kind-certainty', 'log-lines', 'log-chars', 'log-decided', 'decided-share', 'kept-share', 'kept-char-share',
  'mean-margin', 'doubtful-share', 'kept-margin', 'removed-margin', 'prose-page', 'ruled-share', 'log-output-chars', 'has-title',
];

/** A line's score within this of the decoding's threshold is one the model doubts. */
const DOUBT = 1;

/** What the confidence reads of a scored page (ScoredPage has it all). */
export interface ScoredLines {
  lines: ReadonlyArray<{ text: string }>;
  scores: ArrayLike<number>;
  kinds: ArrayLike<number>;
  costs: { bias: number };
}

/** What it reads of the article's span (ArticleSpan has it all). */
export interface DecodedSpan {
  top: number;
  end: number;
  ruled: ReadonlyArray<unknown>;
  kept: readonly boolean[];
  prosePage: boolean;
}

/** The features of a cleaned page, in CONFIDENCE_FEATURES order. */
export function confidenceFeatures(page: ScoredLines, span: DecodedSpan, outputChars: number, hasTitle: boolean): Float32Array {
  const { lines, scores, costs, kinds } = page;
  const vector = new Float32Array(CONFIDENCE_FEATURES.length);
  let at = 0;
  let certainty = 0;
  for (let k = 0; k < PAGE_KINDS.length; k++) {
    const probability = kinds[k] ?? 0;
    vector[at++] = probability;
    certainty = Math.max(certainty, probability);
  }
  let nonBlank = 0;
  let chars = 0;
  let decided = 0;
  let kept = 0;
  let keptChars = 0;
  let margins = 0;
  let doubtful = 0;
  let keptMargins = 0;
  let removedMargins = 0;
  let ruled = 0;
  lines.forEach((line, index) => {
    if (line.text === '') return;
    nonBlank++;
    chars += line.text.length;
    if (span.ruled[index]) ruled++;
    if (span.kept[index]) {
      kept++;
      keptChars += line.text.length;
    }
    if (span.ruled[index] || index < span.top || index >= span.end) return;
    const margin = (scores[index] ?? 0) + costs.bias;
    decided++;
    margins += Math.min(8, Math.abs(margin));
    if (Math.abs(margin) < DOUBT) doubtful++;
    if (span.kept[index]) keptMargins += Math.max(-8, Math.min(8, margin));
    else removedMargins += Math.max(-8, Math.min(8, margin));
  });
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const values = [
    certainty,
    Math.log1p(nonBlank) / 8,
    Math.log1p(chars) / 12,
    Math.log1p(decided) / 8,
    share(decided, nonBlank),
    share(kept, nonBlank),
    share(keptChars, chars),
    share(margins, decided) / 8,
    share(doubtful, decided),
    share(keptMargins, kept) / 8,
    share(removedMargins, decided - kept) / 8,
    span.prosePage ? 1 : 0,
    share(ruled, nonBlank),
    Math.log1p(outputChars) / 12,
    hasTitle ? 1 : 0,
  ];
  for (const value of values) vector[at++] = value;
  return vector;
}

/** The forest's estimate of the page's F1, rounded to two decimals: a finer figure would promise more than it knows. */
export function pageConfidence(forest: Forest, features: ArrayLike<number>): number {
  return Math.round(100 / (1 + Math.exp(-forestScore(forest, features)))) / 100;
}
