/**
 * The library's public functions: the engine's, with their arguments checked, and the CLI's own
 * configuration loading and decoding, with the same validation and messages. A wrong argument
 * is a CleanNewsError with code ERR_CLEAN_NEWS_ARGUMENT that says what was expected, never a
 * TypeError from deep inside.
 */
import { loadConfig as loadEffectiveConfig, loadRuleFile as loadRules, type Config } from './config/config.js';
import { createCleaner as compileCleaner, type Cleaner } from './engine/clean.js';
import { FAVORS, type Favor } from './engine/model/model.js';
import type { CleanResult } from './engine/types.js';
import { CleanNewsError } from './errors.js';
import { decode as decodeBytes, type Decoded } from './input/decode.js';
import { builtinRules } from './rules/index.js';
import type { Rule, RuleKind } from './rules/types.js';

export interface CleanerOptions {
  /** The rules to apply, in order; the built-in rules when neither this nor `config` is given. */
  rules?: readonly Rule[];
  /** A configuration from loadConfig: its rules (user rules first, packs switched on and off). */
  config?: Config;
  /** On the lines the model doubts, lean towards less chrome or towards losing no text; by default the fitted balance. */
  favor?: Favor;
}

const KINDS: ReadonlySet<RuleKind> = new Set<RuleKind>(['line', 'pattern', 'inline', 'block', 'section', 'context', 'title', 'metadata', 'model']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value) ?? String(value)}`.slice(0, 60);
}

function badArgument(message: string): never {
  throw new CleanNewsError('ERR_CLEAN_NEWS_ARGUMENT', message);
}

/** What a rule needs for the engine to apply it; a rule's own fields are its kind's business. */
function checkRule(rule: unknown, where: string, seen: Set<string>): asserts rule is Rule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) badArgument(`${where} must be a rule object, got ${describe(rule)}`);
  const { id, kind, description, pattern, lines } = rule as Record<string, unknown>;
  if (typeof id !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) badArgument(`${where}.id must be "pack/name" in lower case, such as "mysite/share-bar", got ${describe(id)}`);
  if (seen.has(id)) badArgument(`${where}.id: the rule id "${id}" is used twice`);
  seen.add(id);
  if (typeof kind !== 'string' || !KINDS.has(kind as RuleKind)) badArgument(`${where}.kind must be one of ${[...KINDS].join(', ')}, got ${describe(kind)}`);
  if (typeof description !== 'string') badArgument(`${where}.description must be a string`);
  if ((kind === 'pattern' || kind === 'inline') && !(pattern instanceof RegExp)) badArgument(`${where}.pattern must be a RegExp, got ${describe(pattern)}`);
  if (kind === 'line' && !(Array.isArray(lines) && lines.every((line) => typeof line === 'string'))) badArgument(`${where}.lines must be an array of strings`);
}

function rulesOf(options: unknown, where: string): readonly Rule[] {
  if (options === undefined) return builtinRules;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) badArgument(`${where}: options must be an object such as { rules } or { config }, got ${describe(options)}`);
  const { rules, config } = options as CleanerOptions;
  if (rules === undefined && config === undefined) return builtinRules;
  if (rules !== undefined && !Array.isArray(rules)) badArgument(`${where}: rules must be an array of rules, got ${describe(rules)}`);
  if (config !== undefined && !Array.isArray((config as Partial<Config> | null)?.rules)) badArgument(`${where}: config must be a configuration from loadConfig, got ${describe(config)}`);
  const all = [...(rules ?? []), ...(config?.rules ?? [])];
  const seen = new Set<string>();
  all.forEach((rule, index) => checkRule(rule, `${where}: rules[${index}]`, seen));
  return all;
}

function favorOf(options: CleanerOptions | undefined, where: string): Favor {
  const favor = options?.favor ?? 'balanced';
  if (!(FAVORS as readonly unknown[]).includes(favor)) badArgument(`${where}: favor must be one of ${FAVORS.join(', ')}, got ${describe(favor)}`);
  return favor;
}

/** A cleaner for one set of rules, compiled once: for cleaning many pages alike. */
export function createCleaner(options?: CleanerOptions): Cleaner {
  const clean = compileCleaner(rulesOf(options, 'createCleaner'), { favor: favorOf(options, 'createCleaner') });
  return (text) => {
    if (typeof text !== 'string') badArgument(`clean: text must be a string, got ${describe(text)}`);
    return clean(text);
  };
}

let builtinCleaner: Cleaner | null = null;
/** Cleaners of the rule lists and configurations seen, by favour, so that clean(text, { rules }) in a loop compiles them once. */
const cleaners = new Map<unknown, WeakMap<object, Cleaner>>();

function cleanerFor(options: CleanerOptions | undefined): Cleaner {
  if (options === undefined) return (builtinCleaner ??= createCleaner());
  const { rules, config, favor } = typeof options === 'object' && options !== null ? options : ({} as CleanerOptions);
  // One rule list or one configuration is a key; anything else is compiled (and checked) afresh.
  const key = rules === undefined ? config : config === undefined ? rules : undefined;
  if (typeof key !== 'object' || key === null || !(favor === undefined || (FAVORS as readonly unknown[]).includes(favor))) return createCleaner(options);
  let byKey = cleaners.get(favor ?? 'balanced');
  if (byKey === undefined) cleaners.set(favor ?? 'balanced', (byKey = new WeakMap()));
  let cleaner = byKey.get(key);
  if (cleaner === undefined) {
    cleaner = createCleaner(options);
    byKey.set(key, cleaner);
  }
  return cleaner;
}

/**
 * Cleans one page: text in, result out. Pure: no file system, no console. A rule list (or
 * configuration) is compiled the first time it is used and reused after: change it, and give a new one.
 */
export function clean(text: string, options?: CleanerOptions): CleanResult {
  if (typeof text !== 'string') badArgument(`clean: text must be a string, got ${describe(text)}`);
  return cleanerFor(options)(text);
}

/**
 * The configuration the CLI would use: the file at `path`, or without one the nearest safe
 * clean-news.config.json from the working directory up; with the rule files it names. Throws a
 * ConfigError (code ERR_CLEAN_NEWS_CONFIG) whose `problems` name the file, the JSON path and the problem.
 */
export function loadConfig(path?: string): Config {
  if (path !== undefined && (typeof path !== 'string' || path === '')) badArgument(`loadConfig: path must be a file name, got ${describe(path)}`);
  return loadEffectiveConfig({ cwd: process.cwd(), ...(path === undefined ? {} : { configFile: path }) });
}

/** The rules of one rule file, validated as the CLI validates them; throws a ConfigError listing every problem. */
export function loadRuleFile(path: string): Rule[] {
  if (typeof path !== 'string' || path === '') badArgument(`loadRuleFile: path must be a file name, got ${describe(path)}`);
  return loadRules(path);
}

/** A page's bytes as text, as the CLI decodes them (UTF-8, UTF-16 with a BOM, else Windows-1252 with a warning), or `binary`. */
export function decode(bytes: Uint8Array): Decoded {
  if (!(bytes instanceof Uint8Array)) badArgument(`decode: bytes must be a Uint8Array (or Buffer), got ${describe(bytes)}`);
  return decodeBytes(bytes);
}
