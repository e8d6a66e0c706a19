import type { RuleSet } from '../rules/compile.js';
import type { PageContext, SectionRule } from '../rules/types.js';
import type { Claims } from './claims.js';
import type { Line } from './lines.js';
import { readRelated } from './related.js';
import type { RelatedStory, Removal } from './types.js';

export interface Tail {
  related: RelatedStory[];
  removed: Removal[];
}

const NO_PAGE: PageContext = { title: null };

/**
 * Everything after the article. Each line is credited to the rule that names it, or else to
 * the section it sits in; lines of a related-stories section are also read as stories.
 */
export function readTail(lines: readonly Line[], end: number, first: SectionRule | null, claims: Claims, set: RuleSet): Tail {
  const tail: Tail = { related: [], removed: [] };
  if (first === null) return tail;
  let section = first;
  let relatedLines: Line[] | null = null;
  const closeRelated = () => {
    if (relatedLines) for (const card of readRelated(relatedLines, set)) tail.related.push(card);
    relatedLines = null;
  };
  for (let i = end; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const started = claims.section(i, Number.POSITIVE_INFINITY);
    if (started) {
      closeRelated();
      section = started.rule;
      if (started.rule.related) relatedLines = [];
    }
    const own = claims.lineRule(i, 'tail', NO_PAGE);
    const moved = !started && !own && relatedLines !== null;
    tail.removed.push({ rule: (own ?? section).id, line: line.no, text: line.text, ...(moved ? { related: true } : {}) });
    if (moved) relatedLines?.push(line);
  }
  closeRelated();
  return tail;
}
