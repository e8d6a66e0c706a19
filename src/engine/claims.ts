import type { CompiledSection, RuleSet } from '../rules/compile.js';
import type { PageContext, Rule } from '../rules/types.js';
import type { Line } from './lines.js';
import { passes, type Hits } from '../rules/prefilter.js';

/** Which part of the page a line sits in; header-scoped rules act only in the header. */
export type Zone = 'header' | 'body' | 'tail';

/**
 * Answers "which rule removes this whole line?" for the engine's passes. Block rules are
 * resolved once up front, since a block is only a block if its end line is in reach.
 */
export interface Claims {
  lineRule(index: number, zone: Zone, page: PageContext): Rule | null;
  section(index: number, bodyChars: number): CompiledSection | null;
  /** The rule literals found in the line (see LiteralIndex). */
  hits(index: number): Hits;
}

function findBlocks(lines: readonly Line[], hits: readonly Hits[], set: RuleSet): Map<number, Rule> {
  const claimed = new Map<number, Rule>();
  for (const block of set.blocks) {
    for (let start = 0; start < lines.length; start++) {
      const first = lines[start];
      if (!first || first.text === '' || claimed.has(start) || !block.start(first, hits[start] as Hits)) continue;
      const members = [start];
      for (let i = start + 1; i < lines.length && members.length < block.rule.maxLines; i++) {
        const line = lines[i];
        if (!line || line.text === '') continue;
        members.push(i);
        if (block.end(line, hits[i] as Hits)) {
          for (const member of members) claimed.set(member, block.rule);
          start = i;
          break;
        }
      }
    }
  }
  return claimed;
}

export function claimLines(lines: readonly Line[], set: RuleSet): Claims {
  const hits = lines.map((line) => set.literals.scan(line.key));
  const blocks = findBlocks(lines, hits, set);
  return {
    lineRule(index, zone, page) {
      const block = blocks.get(index);
      if (block) return block;
      const line = lines[index];
      if (!line) return null;
      const lineHits = hits[index] as Hits;
      for (const decider of lineHits.length === 0 ? set.ungatedLines : set.lines) {
        if (decider.scope === 'header' && zone !== 'header') continue;
        if (!passes(lineHits, decider.gate)) continue;
        if (decider.test(line, page)) return decider.rule;
      }
      return null;
    },
    hits: (index) => hits[index] ?? set.literals.scan(''),
    section(index, bodyChars) {
      const line = lines[index];
      return (line && set.sections.find((s) => bodyChars >= s.rule.minBodyChars && s.start(line, hits[index] as Hits))) ?? null;
    },
  };
}
