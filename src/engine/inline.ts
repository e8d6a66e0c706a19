import type { RuleSet } from '../rules/compile.js';
import { passes, type Hits } from '../rules/prefilter.js';
import { foldLine } from './lines.js';
import type { InlineRule } from '../rules/types.js';
import { QuoteState, standsApart } from './stands-apart.js';

export interface InlineCut {
  rule: string;
  text: string;
}

export interface InlineResult {
  text: string;
  cuts: readonly InlineCut[];
}

export const NO_CUTS: readonly InlineCut[] = Object.freeze([]);

const CLOSES_ON_LEFT = /^[,.;:!?)\]”’]/;

/**
 * Joins the pieces left between cuts, trimming the spaces at each cut and leaving one space
 * where two words would touch (none before a closing mark). One pass: a long line with
 * thousands of cuts is joined once, not copied at each cut.
 */
export function joinPieces(pieces: readonly string[]): string {
  const out: string[] = [pieces[0] ?? ''];
  for (let k = 1; k < pieces.length; k++) {
    // The end of what is joined so far, trimmed: a piece of spaces alone goes entirely.
    while (out.length > 0) {
      const last = (out[out.length - 1] as string).trimEnd();
      if (last !== '') {
        out[out.length - 1] = last;
        break;
      }
      out.pop();
    }
    const after = (pieces[k] as string).trimStart();
    if (after === '') continue;
    if (out.length > 0 && !CLOSES_ON_LEFT.test(after)) out.push(' ');
    out.push(after);
  }
  return out.join('');
}

/** Cuts the phrases of one rule that stand apart from the sentences around them (see standsApart); the others stay. */
function cutOne(text: string, rule: InlineRule, cuts: InlineCut[]): string {
  const { pattern } = rule;
  const pieces: string[] = [];
  let from = 0;
  let quotes: QuoteState | undefined;
  // exec with lastIndex rather than matchAll, which clones the pattern on every call.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const phrase = match[0];
    if (phrase === '') pattern.lastIndex += 1;
    if (phrase.trim() === '') continue;
    quotes ??= new QuoteState(text);
    if (!standsApart(text, match.index, match.index + phrase.length, quotes)) continue;
    pieces.push(text.slice(from, match.index));
    cuts.push({ rule: rule.id, text: phrase.trim() });
    from = match.index + phrase.length;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(from));
  return joinPieces(pieces);
}

/**
 * Cuts every inline-rule phrase out of one paragraph; the text between cuts is untouched.
 * `known` are the paragraph's literal hits when the caller has them already.
 */
export function cutInline(paragraph: string, rules: Pick<RuleSet, 'inline' | 'literals'>, known?: Hits): InlineResult {
  const cuts: InlineCut[] = [];
  let text = paragraph;
  let hits = known ?? rules.literals.scan(foldLine(text));
  for (const { rule, gate } of rules.inline) {
    if (!passes(hits, gate)) continue;
    const cut = cutOne(text, rule, cuts);
    // A cut joins text: look again, since literals can meet across the join.
    if (cut !== text) hits = rules.literals.scan(foldLine(cut));
    text = cut;
  }
  return { text, cuts };
}
