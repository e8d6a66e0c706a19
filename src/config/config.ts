/**
 * The effective configuration: clean-news.config.json (found in the working directory or its
 * parents, or named with --config), the rule files it and --rules name, and the rules that
 * result, in the order the engine applies them. File reading lives here, at the edge.
 */
import { closeSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { builtinRules, packOf } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { readToEndBounded } from '../input/read-bounded.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { quote } from './quote.js';
import { describeSchemaErrors, withKey } from './schema-errors.js';
import { findConfigFile, unsafeReason, type ConfigWarning, type FoundConfig } from './find.js';
import { readRuleFile } from './rule-file.js';
import schema from '../schemas/config.schema.json' with { type: 'json' };

export interface ConfigOptions {
  format?: 'text' | 'json';
  outDir?: string;
  maxRemoved?: number;
}

export interface Config {
  /** The configuration file used, or null. */
  file: string | null;
  options: ConfigOptions;
  ruleFiles: string[];
  /** Ids of the rules turned off, by pack or one by one. */
  disabled: string[];
  /** The rules in force, in order: each rule file's rules, then the built-in packs. */
  rules: Rule[];
  /** Files passed over as unsafe or unusable, and why (the run goes on without them). */
  warnings: ConfigWarning[];
}

interface ConfigJson extends ConfigOptions {
  packs?: Record<string, 'on' | 'off'>;
  rules?: Record<string, 'on' | 'off'>;
  ruleFiles?: string[];
}

const validateConfig = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);

/** Configurations and rule files larger than this are refused: a rule file learned from a large site is a few megabytes. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Deeper nesting than this is no configuration (theirs is four levels at most): refused before anything walks it. */
const MAX_DEPTH = 64;

/** The bytes of a file a person named, or null when there are more than MAX_FILE_BYTES (a FIFO from `<(...)` is read too). */
function readBounded(file: string): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    return readToEndBounded(fd, MAX_FILE_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** The path of the first value nested deeper than `limit`, or null; a walk with its own stack, so no depth overflows it. */
function tooDeep(value: unknown, limit: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '$' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= limit) return next.path;
    for (const [key, child] of Object.entries(next.value)) {
      // The path is spelled out for the first levels only: past them it would be as long as the nesting.
      const path = next.depth < 3 ? withKey(next.path, key) : next.depth === 3 ? `${next.path}…` : next.path;
      stack.push({ value: child, depth: next.depth + 1, path });
    }
  }
  return null;
}

/** Reads and parses a JSON file; problems name the file and say what is wrong. */
function readJson(file: string, problems: ConfigProblem[], from?: { file: string; path: string }): unknown {
  let bytes: Buffer | null;
  try {
    bytes = readBounded(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    problems.push(from ? { ...from, message: `cannot read ${file}: ${reason}` } : { file, path: '$', message: `cannot read: ${reason}` });
    return undefined;
  }
  if (bytes === null) {
    problems.push({ file, path: '$', message: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not a configuration or rule file` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    problems.push({ file, path: '$', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const deep = tooDeep(json, MAX_DEPTH);
  if (deep !== null) {
    problems.push({ file, path: deep, message: `nested more than ${MAX_DEPTH} levels deep` });
    return undefined;
  }
  return json;
}

function loadRuleFiles(files: readonly { file: string; from?: { file: string; path: string } }[], problems: ConfigProblem[]): Rule[] {
  const taken = new Set(builtinRules.map((rule) => rule.id));
  return files.flatMap(({ file, from }) => {
    const json = readJson(file, problems, from);
    if (json === undefined) return [];
    const result = readRuleFile(file, json, taken);
    problems.push(...result.problems);
    return result.rules;
  });
}

/** One rule file's rules, checked as the CLI checks them (ids may not reuse built-in ones); throws a ConfigError listing every problem. */
export function loadRuleFile(file: string): Rule[] {
  const problems: ConfigProblem[] = [];
  const rules = loadRuleFiles([{ file }], problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return rules;
}

/** Checks that every pack and rule the configuration switches exists. */
function checkSwitches(file: string, json: ConfigJson, rules: readonly Rule[], problems: ConfigProblem[]): void {
  const packs = new Set(builtinRules.map(packOf));
  const ids = new Set(rules.map((rule) => rule.id));
  for (const pack of Object.keys(json.packs ?? {})) {
    if (!packs.has(pack)) problems.push({ file, path: `$.packs[${quote(pack)}]`, message: `unknown pack (packs: ${[...packs].join(', ')})` });
  }
  for (const id of Object.keys(json.rules ?? {})) {
    if (!ids.has(id)) problems.push({ file, path: `$.rules[${quote(id)}]`, message: 'unknown rule id (see clean-news rules)' });
  }
}

function isSwitchMap(value: unknown): value is Record<string, 'on' | 'off'> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((state) => state === 'on' || state === 'off');
}

/** The parts of a configuration that are well-formed, whatever is wrong with the rest. */
function usableParts(parsed: unknown): ConfigJson {
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { packs, rules, ruleFiles, format, outDir, maxRemoved } = parsed as Record<string, unknown>;
  return {
    ...(isSwitchMap(packs) ? { packs } : {}),
    ...(isSwitchMap(rules) ? { rules } : {}),
    ...(Array.isArray(ruleFiles) ? { ruleFiles: ruleFiles.filter((entry): entry is string => typeof entry === 'string' && entry !== '') } : {}),
    ...(format === 'text' || format === 'json' ? { format } : {}),
    ...(typeof outDir === 'string' && outDir !== '' ? { outDir } : {}),
    ...(typeof maxRemoved === 'number' && maxRemoved >= 0 && maxRemoved <= 1 ? { maxRemoved } : {}),
  };
}

function isOff(rule: Rule, json: ConfigJson): boolean {
  const own = json.rules?.[rule.id];
  return own !== undefined ? own === 'off' : json.packs?.[packOf(rule)] === 'off';
}

export interface LoadConfigOptions {
  cwd: string;
  /** --config PATH: this file, which must exist, instead of searching. */
  configFile?: string;
  /** --rules FILE..., relative to cwd, loaded after the configuration's own rule files. */
  ruleFiles?: readonly string[];
  /** --no-config: no search for a configuration file. */
  noConfig?: boolean;
  /** Where the search stops, if it has not stopped at a repository's root (the user's home by default). */
  home?: string;
}

/** Loads the effective configuration; throws a ConfigError listing every problem found. */
export function loadConfig(options: LoadConfigOptions): Config {
  const problems: ConfigProblem[] = [];
  const explicit = options.configFile !== undefined;
  const found: FoundConfig = explicit ? { file: path.resolve(options.cwd, options.configFile ?? ''), warnings: [] } : options.noConfig ? { file: null, warnings: [] } : findConfigFile(options.cwd, options.home);
  const { file } = found;
  const warnings = [...found.warnings];
  let json: ConfigJson = {};
  if (file !== null) {
    const parsed = readJson(file, problems);
    if (parsed !== undefined && !validateConfig(parsed)) problems.push(...describeSchemaErrors(file, validateConfig.errors ?? []));
    // Go on with what is usable, so one run reports the problems of the rule files too.
    json = usableParts(parsed);
  }
  const base = file === null ? options.cwd : path.dirname(file);
  const ruleFiles = [
    // A configuration found by searching vouches only for rule files that are as safe as it is.
    ...(json.ruleFiles ?? [])
      .map((ruleFile, index) => ({ file: path.resolve(base, ruleFile), from: { file: file ?? '', path: `$.ruleFiles[${index}]` } }))
      .filter(({ file: ruleFile }) => explicit || safeRuleFile(ruleFile, warnings)),
    ...(options.ruleFiles ?? []).map((ruleFile) => ({ file: path.resolve(options.cwd, ruleFile) })),
  ];
  const userRules = loadRuleFiles(ruleFiles, problems);
  // The user's own rules come first: where they and a built-in rule both match, theirs decide.
  const all = [...userRules, ...builtinRules];
  if (file !== null) checkSwitches(file, json, all, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const { format, outDir, maxRemoved } = json;
  return {
    file,
    options: {
      ...(format === undefined ? {} : { format }),
      ...(outDir === undefined ? {} : { outDir: path.resolve(base, outDir) }),
      ...(maxRemoved === undefined ? {} : { maxRemoved }),
    },
    ruleFiles: ruleFiles.map((ruleFile) => ruleFile.file),
    disabled: all.filter((rule) => isOff(rule, json)).map((rule) => rule.id),
    rules: all.filter((rule) => !isOff(rule, json)),
    warnings,
  };
}

/** Whether a rule file that a found configuration names may be used; if not, says why in `warnings`. */
function safeRuleFile(file: string, warnings: ConfigWarning[]): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  // A missing file is reported when it is read.
  const unsafe = stats === undefined ? null : unsafeReason(file, stats);
  if (unsafe !== null) warnings.push({ file, message: `${unsafe}: not used` });
  return unsafe === null;
}
