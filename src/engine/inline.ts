import type { InlineRule } from '../rules/types.js';

export interface InlineCut {
  rule: string;
  text: string;
}

export interface InlineResult {
  text: string;
  cuts: InlineCut[];
}

/** Joins the text on both sides of a cut, leaving one space where two words would touch. */
function join(left: string, right: string): string {
  const before = left.trimEnd();
  const after = right.trimStart();
  if (before === '' || after === '') return before + after;
  return /^[,.;:!?)\]”’]/.test(after) ? before + after : `${before} ${after}`;
}

function cutOne(text: string, rule: InlineRule, cuts: InlineCut[]): string {
  const { pattern } = rule;
  const pieces: string[] = [];
  let from = 0;
  // exec with lastIndex rather than matchAll, which clones the pattern on every call.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const phrase = match[0];
    if (phrase === '') pattern.lastIndex += 1;
    if (phrase.trim() === '') continue;
    pieces.push(text.slice(from, match.index));
    cuts.push({ rule: rule.id, text: phrase.trim() });
    from = match.index + phrase.length;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(from));
  return pieces.reduce(join);
}

/** Cuts every inline-rule phrase out of one paragraph; the text between cuts is untouched. */
export function cutInline(paragraph: string, rules: readonly InlineRule[]): InlineResult {
  const cuts: InlineCut[] = [];
  let text = paragraph;
  for (const rule of rules) text = cutOne(text, rule, cuts);
  return { text, cuts };
}
