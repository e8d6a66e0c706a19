import type { CompiledSection, RuleSet } from '../rules/compile.js';
import type { PageContext, Rule } from '../rules/types.js';
import type { Line } from './lines.js';

/** Which part of the page a line sits in; header-scoped rules act only in the header. */
export type Zone = 'header' | 'body' | 'tail';

/**
 * Answers "which rule removes this whole line?" for the engine's passes. Block rules are
 * resolved once up front, since a block is only a block if its end line is in reach.
 */
export interface Claims {
  lineRule(index: number, zone: Zone, page: PageContext): Rule | null;
  section(line: Line, bodyChars: number): CompiledSection | null;
}

function findBlocks(lines: readonly Line[], set: RuleSet): Map<number, Rule> {
  const claimed = new Map<number, Rule>();
  for (const block of set.blocks) {
    for (let start = 0; start < lines.length; start++) {
      const first = lines[start];
      if (!first || first.text === '' || claimed.has(start) || !block.start(first)) continue;
      const members = [start];
      for (let i = start + 1; i < lines.length && members.length < block.rule.maxLines; i++) {
        const line = lines[i];
        if (!line || line.text === '') continue;
        members.push(i);
        if (block.end(line)) {
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
  const blocks = findBlocks(lines, set);
  return {
    lineRule(index, zone, page) {
      const block = blocks.get(index);
      if (block) return block;
      const line = lines[index];
      if (!line) return null;
      for (const decider of set.lines) {
        if (decider.scope === 'header' && zone !== 'header') continue;
        if (decider.test(line, page)) return decider.rule;
      }
      return null;
    },
    section(line, bodyChars) {
      return set.sections.find((s) => bodyChars >= s.rule.minBodyChars && s.start(line)) ?? null;
    },
  };
}
