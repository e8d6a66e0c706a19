import type { Line } from '../engine/lines.js';

/**
 * A rule is one small unit with metadata and test cases, in the spirit of ESLint and
 * markdownlint rules. Its `kind` says how the engine applies it; its examples are run as
 * tests (tests/rules.test.ts), so every rule proves both what it removes and what it keeps.
 */

/** A whole-line matcher: exact strings (case-insensitive, whitespace folded) or a pattern. */
export type LineMatcher = readonly string[] | RegExp;

/** Where a line rule may act: only before the article body, or anywhere on the page. */
export type RuleScope = 'header' | 'page';

export interface RuleExamples {
  /** Page fragments (one or more lines) in which the rule must remove something. */
  remove: readonly string[];
  /** Page fragments that the rule must leave whole. */
  keep: readonly string[];
}

interface RuleBase {
  /** Stable id, `pack/name`, such as `daily8/ai-promo`. */
  id: string;
  /** One line: what the rule removes. */
  description: string;
  /** What the rule must remove and keep: every built-in rule has them, run as tests; a rule written in code may leave them out. */
  examples?: RuleExamples;
}

/** Removes lines equal to one of `lines`. */
export interface LineRule extends RuleBase {
  kind: 'line';
  lines: readonly string[];
  caseSensitive?: boolean;
  scope: RuleScope;
}

/** Removes lines matching a regular expression (tested against the trimmed line). */
export interface PatternRule extends RuleBase {
  kind: 'pattern';
  pattern: RegExp;
  scope: RuleScope;
}

/** Cuts a phrase out of a paragraph; the paragraph's other text stays. */
export interface InlineRule extends RuleBase {
  kind: 'inline';
  /** Must be global (`g`): every occurrence is cut. */
  pattern: RegExp;
}

/** Removes a run of lines from a start line to an end line (blank lines aside). */
export interface BlockRule extends RuleBase {
  kind: 'block';
  start: LineMatcher;
  end: LineMatcher;
  /** Longest block, in non-blank lines; a start without an end in reach removes nothing. */
  maxLines: number;
}

/**
 * Ends the article: the matching line and everything after it are not body. With
 * `related`, the lines after it are read as related stories.
 */
export interface SectionRule extends RuleBase {
  kind: 'section';
  start: LineMatcher;
  /** Article characters that must come first, so a stray early match cannot cut the page. */
  minBodyChars: number;
  related?: boolean;
  /**
   * The heading of a widget that sites also print beside the article ("Most Popular"): a match
   * with far more text after it than article before it is a sidebar, not the article's end.
   */
  sidebar?: boolean;
}

/** What the engine already knows about the page when it decides a line. */
export interface PageContext {
  title: string | null;
}

/** Removes lines that repeat something the engine has learned about the page. */
export interface ContextRule extends RuleBase {
  kind: 'context';
  /** `line` is the trimmed line and its key (lower case, whitespace folded). */
  test(line: Line, page: PageContext): boolean;
}

/** Passes over lines at the top of the page that stand above the headline but are not it. */
export interface TitleRule extends RuleBase {
  kind: 'title';
  /** `lines` are the first few non-blank, trimmed lines; return how many to pass over (0: none). */
  skip(lines: readonly string[]): number;
}

/** What a metadata rule captured from the lines after the title. */
export interface MetadataMatch {
  /** How many of the offered non-blank lines it consumed (at least 1). */
  count: number;
  source?: string | null;
  published?: string | null;
  byline?: string | null;
}

/** Reads publisher, time or byline lines between the title and the body. */
export interface MetadataRule extends RuleBase {
  kind: 'metadata';
  /** `lines` are the next few non-blank, trimmed lines; return null when they are not metadata. */
  read(lines: readonly string[]): MetadataMatch | null;
}

/**
 * The generic layer for chrome that no rule names: removes the lines that the fitted model
 * (src/engine/model) scores as chrome. Without it in the rule set, every line that no other
 * rule removes is kept.
 */
export interface ModelRule extends RuleBase {
  kind: 'model';
}

export type Rule =
  | TitleRule
  | ModelRule
  | LineRule
  | PatternRule
  | InlineRule
  | BlockRule
  | SectionRule
  | ContextRule
  | MetadataRule;

export type RuleKind = Rule['kind'];
