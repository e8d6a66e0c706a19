import type { CompiledBlock, CompiledSection, LineDecider, RuleSet } from '../rules/compile.js';
import type { PageContext, Rule } from '../rules/types.js';
import { cutInline, NO_CUTS, type InlineResult } from './inline.js';
import { foldLine, type Line } from './lines.js';
import { passes, type Hits } from '../rules/prefilter.js';

/** Which part of the page a line sits in; header-scoped rules act only in the header. */
export type Zone = 'header' | 'body' | 'tail';

/**
 * Answers "which rule removes this whole line?" for the engine's passes. Block rules are
 * resolved once up front, since a block is only a block if its end line is in reach.
 */
export interface Claims {
  lineRule(index: number, zone: Zone, page: PageContext): Rule | null;
  /**
   * Whether `rule`, which removes the line (or null), keeps it from opening a section: a built-in
   * rule's removal does; a user's does not, unless a built-in rule removes the line too (in the
   * body, page context unknown). See RuleSet.builtin.
   */
  hidesSection(index: number, rule: Rule | null): boolean;
  section(index: number, bodyChars: number): CompiledSection | null;
  /** The line with its inline-rule phrases cut out (asked again by later passes: computed once). */
  inlineCuts(index: number): InlineResult;
}

function findBlocks(lines: readonly Line[], hits: readonly Hits[], blocks: readonly CompiledBlock[]): Map<number, Rule> {
  const claimed = new Map<number, Rule>();
  for (const block of blocks) {
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

/** What deciders that do not read the page context are given. */
const NO_PAGE: PageContext = { title: null };
const NOT_YET = -2;
const NONE = -1;

/** `hits`: each line's literal hits, when the caller scanned the lines as it split them (see splitLines). */
export function claimLines(lines: readonly Line[], set: RuleSet, hits: readonly Hits[] = lines.map((line) => set.literals.scan(foldLine(line.text)))): Claims {
  const blocks = findBlocks(lines, hits, set.blocks);
  // The blocks the built-in rules alone find: a user's block found first can hide one.
  const userBlocks = set.blocks.some((block) => !set.builtin.has(block.rule));
  const builtinBlocks = userBlocks ? findBlocks(lines, hits, set.blocks.filter((block) => set.builtin.has(block.rule))) : blocks;
  // The passes over a page ask about most lines several times (header, body, a second reading
  // with a title hint, tail): the deciders that ignore the page context are asked once per
  // line and zone kind, and only the few that read the context are asked again.
  const firstFound = { header: new Int32Array(lines.length).fill(NOT_YET), page: new Int32Array(lines.length).fill(NOT_YET) };
  const applies = (decider: LineDecider, inHeader: boolean) => inHeader || decider.scope !== 'header';
  const firstContextFree = (line: Line, index: number, inHeader: boolean): number => {
    const memo = inHeader ? firstFound.header : firstFound.page;
    let found = memo[index] ?? NONE;
    if (found !== NOT_YET) return found;
    found = NONE;
    const lineHits = hits[index] as Hits;
    for (let at = 0; at < set.lines.length && found === NONE; at++) {
      const decider = set.lines[at] as LineDecider;
      if (!decider.readsPage && applies(decider, inHeader) && passes(lineHits, decider.gate) && decider.test(line, NO_PAGE)) found = at;
    }
    memo[index] = found;
    return found;
  };
  // Most lines have nothing to cut: only those that have are kept, the rest are one byte each.
  const cuts = new Map<number, InlineResult>();
  const uncut = new Uint8Array(lines.length);
  const lineRule = (index: number, zone: Zone, page: PageContext): Rule | null => {
    const block = blocks.get(index);
    if (block) return block;
    const line = lines[index];
    if (!line) return null;
    const inHeader = zone === 'header';
    const found = firstContextFree(line, index, inHeader);
    for (const at of set.pageReaders) {
      if (found !== NONE && at > found) break;
      const decider = set.lines[at] as LineDecider;
      if (applies(decider, inHeader) && decider.test(line, page)) return decider.rule;
    }
    return found === NONE ? null : (set.lines[found] as LineDecider).rule;
  };
  const inlineCuts = (index: number): InlineResult => {
    const text = lines[index]?.text ?? '';
    if (uncut[index] === 1) return { text, cuts: NO_CUTS };
    let result = cuts.get(index);
    if (result === undefined) {
      result = cutInline(text, set, hits[index]);
      if (result.cuts.length === 0) uncut[index] = 1;
      else cuts.set(index, result);
    }
    return result;
  };
  const hidesSection = (index: number, rule: Rule | null): boolean => {
    if (rule === null || set.builtin.has(rule)) return rule !== null;
    // A user's rule took the line first: would a built-in one have taken it? Asked only of such lines.
    if (builtinBlocks.has(index)) return true;
    const line = lines[index] as Line;
    return set.lines.some((decider) => set.builtin.has(decider.rule) && decider.scope === 'page' && passes(hits[index] as Hits, decider.gate) && decider.test(line, NO_PAGE));
  };
  return {
    lineRule,
    hidesSection,
    inlineCuts,
    section(index, bodyChars) {
      const line = lines[index];
      return (line && set.sections.find((s) => bodyChars >= s.rule.minBodyChars && s.start(line, hits[index] as Hits))) ?? null;
    },
  };
}
