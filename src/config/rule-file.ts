import { Ajv } from 'ajv';
import type { LineMatcher, MetadataMatch, Rule, RuleScope } from '../rules/types.js';
import type { ConfigProblem } from './errors.js';
import { quote, shorten } from './quote.js';
import { describeSchemaErrors } from './schema-errors.js';
import { LinearRegExp, UnsupportedPattern } from './linear-regexp.js';
import schema from '../schemas/rule-file.schema.json' with { type: 'json' };

/** A rule as written in a rule file (already checked against the schema). */
interface RuleEntry {
  id: string;
  kind: 'line' | 'pattern' | 'inline' | 'section' | 'block' | 'metadata';
  description: string;
  lines?: string[];
  caseSensitive?: boolean;
  scope?: RuleScope;
  pattern?: string;
  flags?: string;
  start?: MatcherEntry;
  end?: MatcherEntry;
  minBodyChars?: number;
  maxLines?: number;
}

type MatcherEntry = string[] | { pattern: string; flags?: string };

const DEFAULT_MIN_BODY_CHARS = 200;
const DEFAULT_MAX_BLOCK_LINES = 10;
const NO_EXAMPLES = { remove: [], keep: [] };

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validateFile = ajv.compile(schema);
// Each rule is also checked alone, so one bad rule does not hide the problems of the others.
const validateRule = ajv.getSchema(`${schema.$id}#/definitions/rule`);

/**
 * Compiles a user pattern for the linear-time engine, or says why it cannot be used. Syntax is
 * checked on the pattern as written, so messages quote the user's own text.
 */
function compilePattern(source: string, flags: string, path: string, file: string, problems: ConfigProblem[], wholeLine = false): RegExp | null {
  try {
    new RegExp(source, flags);
    return new LinearRegExp(wholeLine ? `^(?:${source})$` : source, flags);
  } catch (error) {
    // V8 quotes the whole pattern in its message: a long one is cut, the reason after it kept.
    const message = error instanceof UnsupportedPattern ? error.message : `invalid regular expression: ${(error as Error).message.replace(source, shorten(source, 60))}`;
    problems.push({ file, path, message });
    return null;
  }
}

function compileMatcher(entry: MatcherEntry, path: string, file: string, problems: ConfigProblem[]): LineMatcher | null {
  if (Array.isArray(entry)) return entry;
  return compilePattern(entry.pattern, entry.flags ?? '', `${path}.pattern`, file, problems);
}

/** One line under the headline read by a pattern with named groups source, published, byline. */
function metadataReader(pattern: RegExp): (lines: readonly string[]) => MetadataMatch | null {
  return (lines) => {
    const groups = lines[0] === undefined ? null : pattern.exec(lines[0])?.groups;
    if (groups === undefined || groups === null) return lines[0] !== undefined && pattern.test(lines[0]) ? { count: 1 } : null;
    return { count: 1, source: groups['source'] ?? null, published: groups['published'] ?? null, byline: groups['byline'] ?? null };
  };
}

function toRule(entry: RuleEntry, path: string, file: string, problems: ConfigProblem[]): Rule | null {
  const base = { id: entry.id, description: entry.description, examples: NO_EXAMPLES };
  const pattern = (flags: string, wholeLine = false) => compilePattern(entry.pattern ?? '', flags, `${path}.pattern`, file, problems, wholeLine);
  switch (entry.kind) {
    case 'line':
      return { ...base, kind: 'line', lines: entry.lines ?? [], caseSensitive: entry.caseSensitive ?? false, scope: entry.scope ?? 'page' };
    case 'pattern': {
      // The whole trimmed line, as documented: "Share" must not remove "Share prices fell".
      const compiled = pattern(entry.flags ?? '', true);
      return compiled && { ...base, kind: 'pattern', pattern: compiled, scope: entry.scope ?? 'page' };
    }
    case 'inline': {
      const compiled = pattern(`${entry.flags ?? ''}g`);
      return compiled && { ...base, kind: 'inline', pattern: compiled };
    }
    case 'section': {
      const start = entry.start && compileMatcher(entry.start, `${path}.start`, file, problems);
      return start ? { ...base, kind: 'section', start, minBodyChars: entry.minBodyChars ?? DEFAULT_MIN_BODY_CHARS } : null;
    }
    case 'block': {
      const start = entry.start && compileMatcher(entry.start, `${path}.start`, file, problems);
      const end = entry.end && compileMatcher(entry.end, `${path}.end`, file, problems);
      return start && end ? { ...base, kind: 'block', start, end, maxLines: entry.maxLines ?? DEFAULT_MAX_BLOCK_LINES } : null;
    }
    case 'metadata': {
      const compiled = pattern(entry.flags ?? '');
      return compiled && { ...base, kind: 'metadata', read: metadataReader(compiled) };
    }
  }
}

/**
 * Turns the parsed JSON of a rule file into rules, or collects every problem in it: schema
 * errors, invalid or unsafe regular expressions, ids used twice. `taken` holds the ids already
 * in use (built-in and earlier files); the file's own ids are added to it.
 */
export function readRuleFile(file: string, json: unknown, taken: Set<string>): { rules: Rule[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = validateFile(json) ? [] : describeSchemaErrors(file, validateFile.errors ?? []);
  const entries: unknown[] = typeof json === 'object' && json !== null && Array.isArray((json as { rules?: unknown }).rules) ? (json as { rules: unknown[] }).rules : [];
  const rules: Rule[] = [];
  entries.forEach((entry, index) => {
    if (!validateRule?.(entry)) return;
    const rule = entry as RuleEntry;
    const path = `$.rules[${index}]`;
    if (taken.has(rule.id)) {
      problems.push({ file, path: `${path}.id`, message: `duplicate rule id ${quote(rule.id)}` });
      return;
    }
    taken.add(rule.id);
    const compiled = toRule(rule, path, file, problems);
    if (compiled) rules.push(compiled);
  });
  return { rules, problems };
}
