import { foldSpace, lineKey, type Line } from '../engine/lines.js';
import type {
  BlockRule,
  ContextRule,
  InlineRule,
  LineMatcher,
  MainTextRule,
  MetadataRule,
  PageContext,
  Rule,
  RuleScope,
  SectionRule,
  TitleRule,
} from './types.js';

export type LineTest = (line: Line) => boolean;

export function compileMatcher(matcher: LineMatcher): LineTest {
  if (matcher instanceof RegExp) return (line) => matcher.test(line.text);
  const keys = new Set(matcher.map(lineKey));
  return (line) => keys.has(line.key);
}

/** A rule that decides single lines, compiled to one test. */
export interface LineDecider {
  rule: Rule;
  scope: RuleScope;
  test(line: Line, page: PageContext): boolean;
}

export interface CompiledBlock {
  rule: BlockRule;
  start: LineTest;
  end: LineTest;
}

export interface CompiledSection {
  rule: SectionRule;
  start: LineTest;
}

/** Rules grouped by how the engine applies them, in the order given. */
export interface RuleSet {
  lines: LineDecider[];
  blocks: CompiledBlock[];
  sections: CompiledSection[];
  inline: InlineRule[];
  metadata: MetadataRule[];
  title: TitleRule[];
  mainText: { before: MainTextRule | null; after: MainTextRule | null };
}

function exactLineTest(lines: readonly string[], caseSensitive: boolean): LineTest {
  if (!caseSensitive) return compileMatcher(lines);
  const exact = new Set(lines.map(foldSpace));
  return (line) => exact.has(foldSpace(line.text));
}

function contextDecider(rule: ContextRule): LineDecider {
  return { rule, scope: 'page', test: (line, page) => rule.test(line.text, page) };
}

export function compileRules(rules: readonly Rule[]): RuleSet {
  const set: RuleSet = { lines: [], blocks: [], sections: [], inline: [], metadata: [], title: [], mainText: { before: null, after: null } };
  for (const rule of rules) {
    switch (rule.kind) {
      case 'line': {
        const test = exactLineTest(rule.lines, rule.caseSensitive ?? false);
        set.lines.push({ rule, scope: rule.scope, test });
        break;
      }
      case 'pattern': {
        const { pattern } = rule;
        set.lines.push({ rule, scope: rule.scope, test: (line) => pattern.test(line.text) });
        break;
      }
      case 'context':
        set.lines.push(contextDecider(rule));
        break;
      case 'block':
        set.blocks.push({ rule, start: compileMatcher(rule.start), end: compileMatcher(rule.end) });
        break;
      case 'section':
        set.sections.push({ rule, start: compileMatcher(rule.start) });
        break;
      case 'inline':
        set.inline.push(rule);
        break;
      case 'metadata':
        set.metadata.push(rule);
        break;
      case 'title':
        set.title.push(rule);
        break;
      case 'main-text':
        set.mainText[rule.side] ??= rule;
        break;
    }
  }
  return set;
}
