import { foldSpace, lineKey, type Line } from '../engine/lines.js';
import { LiteralIndex, passes, type Hits } from './prefilter.js';
import type {
  BlockRule,
  ContextRule,
  InlineRule,
  LineMatcher,
  ModelRule,
  MetadataRule,
  PageContext,
  Rule,
  RuleScope,
  SectionRule,
  TitleRule,
} from './types.js';

/** Tests a line, given the gates its text passed (see LiteralIndex). */
export type LineTest = (line: Line, hits: Hits) => boolean;

/** A line test for a pattern, which runs only on lines that hold one of its literals. */
function patternTest(pattern: RegExp, literals: LiteralIndex): LineTest {
  const gate = literals.add(pattern);
  return (line, hits) => passes(hits, gate) && pattern.test(line.text);
}

function keyTest(lines: readonly string[]): (line: Line) => boolean {
  const keys = new Set(lines.map(lineKey));
  return (line) => keys.has(line.key);
}

function compileMatcher(matcher: LineMatcher, literals: LiteralIndex): LineTest {
  return matcher instanceof RegExp ? patternTest(matcher, literals) : keyTest(matcher);
}

/** A rule that decides single lines, compiled to one test. */
export interface LineDecider {
  rule: Rule;
  scope: RuleScope;
  /** The literal gate a line must pass before `test` is worth running; null: always run. */
  gate: number | null;
  /** Whether the decision depends on the page context (a context rule). */
  readsPage: boolean;
  test(line: Line, page: PageContext): boolean;
}

export interface CompiledBlock {
  rule: BlockRule;
  start: LineTest;
  end: LineTest;
}

/** An inline rule and the gate that spares its pattern most paragraphs. */
export interface CompiledInline {
  rule: InlineRule;
  gate: number | null;
}

export interface CompiledSection {
  rule: SectionRule;
  start: LineTest;
}

/** Rules grouped by how the engine applies them, in the order given. */
export interface RuleSet {
  lines: LineDecider[];
  /** Positions in `lines` of the deciders that read the page context. */
  pageReaders: number[];
  blocks: CompiledBlock[];
  sections: CompiledSection[];
  inline: CompiledInline[];
  metadata: MetadataRule[];
  title: TitleRule[];
  /** The literals of the rules' patterns, scanned once per line. */
  literals: LiteralIndex;
  /** The generic layer's rule, when the set has it. */
  model: ModelRule | null;
  /**
   * The set's rules that are built in. What a line means for the article's structure (where it
   * ends, a related box inside it) is read from them alone: a user's rule adds removals, it never
   * hides a section a built-in rule opens.
   */
  builtin: ReadonlySet<Rule>;
}

function exactLineTest(lines: readonly string[], caseSensitive: boolean): (line: Line) => boolean {
  if (!caseSensitive) return keyTest(lines);
  const exact = new Set(lines.map(foldSpace));
  return (line) => exact.has(foldSpace(line.text));
}

function contextDecider(rule: ContextRule): LineDecider {
  return { rule, scope: 'page', gate: null, readsPage: true, test: (line, page) => rule.test(line, page) };
}

/** `builtin`: which of `rules` are the built-in ones (see RuleSet.builtin). */
export function compileRules(rules: readonly Rule[], builtin: ReadonlySet<Rule>): RuleSet {
  const literals = new LiteralIndex();
  const set: RuleSet = { lines: [], pageReaders: [], blocks: [], sections: [], inline: [], metadata: [], title: [], literals, model: null, builtin };
  for (const rule of rules) {
    switch (rule.kind) {
      case 'line': {
        const test = exactLineTest(rule.lines, rule.caseSensitive ?? false);
        set.lines.push({ rule, scope: rule.scope, gate: null, readsPage: false, test });
        break;
      }
      case 'pattern': {
        const { pattern } = rule;
        set.lines.push({ rule, scope: rule.scope, gate: literals.add(pattern), readsPage: false, test: (line) => pattern.test(line.text) });
        break;
      }
      case 'context':
        set.lines.push(contextDecider(rule));
        break;
      case 'block':
        set.blocks.push({ rule, start: compileMatcher(rule.start, literals), end: compileMatcher(rule.end, literals) });
        break;
      case 'section':
        set.sections.push({ rule, start: compileMatcher(rule.start, literals) });
        break;
      case 'inline':
        set.inline.push({ rule, gate: literals.add(rule.pattern) });
        break;
      case 'metadata':
        set.metadata.push(rule);
        break;
      case 'title':
        set.title.push(rule);
        break;
      case 'model':
        set.model ??= rule;
        break;
    }
  }
  set.pageReaders = set.lines.flatMap((decider, at) => (decider.readsPage ? [at] : []));
  return set;
}
