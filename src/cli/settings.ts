/** The configuration a run uses: loaded once, before any input is read, at the CLI's edge. */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/errors.js';
import { findConfigFile, type ConfigWarning } from '../config/find.js';
import { createCleaner, type Cleaner } from '../engine/clean.js';
import type { Favor } from '../engine/model/model.js';
import { builtinRules, packOf } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { displayPath, type Reporter } from './report.js';
import { safeJson } from './visible.js';

export interface ConfigFlags {
  /** --config FILE; false under --no-config. */
  config?: string | false;
  rules?: string[];
  /** --rule-off ID and --pack-off NAME: rules switched off on top of the configuration. */
  ruleOff?: string[];
  packOff?: string[];
  /** --favor: which way the model's decoding leans on lines it doubts. */
  favor?: Favor;
}

/** The flags that settle the cleaner, alone: what worker threads are given to load it again. */
export function configFlagsOf(options: ConfigFlags): ConfigFlags {
  const { config, rules, ruleOff, packOff, favor } = options;
  return {
    ...(config === undefined ? {} : { config }),
    ...(rules === undefined ? {} : { rules }),
    ...(ruleOff === undefined ? {} : { ruleOff }),
    ...(packOff === undefined ? {} : { packOff }),
    ...(favor === undefined ? {} : { favor }),
  };
}

export interface Settings {
  config: Config;
  cleaner: Cleaner;
}

/** What loadConfig gives when there is no configuration file and no rule file: the built-in rules. */
const BUILTIN_CONFIG: Config = { file: null, options: {}, ruleFiles: [], disabled: [], rules: [...builtinRules], warnings: [] };

/**
 * Loads the configuration and rule files; on any problem, reports each as
 * `clean-news: FILE: JSON.PATH: what is wrong` and returns null (a usage error: nothing runs).
 * Without a configuration file or rule files, the reader and its JSON Schema validator are
 * not even loaded: a one-page run starts faster.
 */
export async function loadSettings(flags: ConfigFlags, reporter: Reporter): Promise<Settings | null> {
  const cwd = process.cwd();
  const warn = (warnings: readonly ConfigWarning[]) => {
    for (const { file, message } of warnings) reporter.warning(displayPath(path.relative(cwd, file) || file), message);
  };
  const noConfig = flags.config === false;
  if (typeof flags.config !== 'string' && flags.rules === undefined) {
    const found = noConfig ? null : findConfigFile(cwd);
    if (found === null || found.file === null) {
      warn(found?.warnings ?? []);
      return settingsOf(BUILTIN_CONFIG, flags, reporter);
    }
  }
  const { loadConfig } = await import('../config/config.js');
  try {
    const config = loadConfig({ cwd, ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}), noConfig, ruleFiles: flags.rules ?? [] });
    warn(config.warnings);
    return settingsOf(config, flags, reporter);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) reporter.error(displayPath(path.relative(cwd, problem.file) || problem.file), `${problem.path}: ${problem.message}`);
    return null;
  }
}

/** The configuration with --rule-off and --pack-off applied, and its cleaner; null (after saying why) for an unknown id or pack. */
function settingsOf(config: Config, flags: ConfigFlags, reporter: Reporter): Settings | null {
  const ruleOff = flags.ruleOff ?? [];
  const packOff = flags.packOff ?? [];
  const all = [...config.rules, ...builtinRules.filter((rule) => config.disabled.includes(rule.id))];
  const ids = new Set(all.map((rule) => rule.id));
  const packs = new Set(all.map(packOf));
  const unknown = [
    ...ruleOff.filter((id) => !ids.has(id)).map((id) => ['--rule-off', `unknown rule id "${id}" (see clean-news rules)`] as const),
    ...packOff.filter((pack) => !packs.has(pack)).map((pack) => ['--pack-off', `unknown pack "${pack}" (packs: ${[...packs].join(', ')})`] as const),
  ];
  for (const [flag, message] of unknown) reporter.error(flag, message);
  if (unknown.length > 0) return null;
  const off = (rule: Rule) => ruleOff.includes(rule.id) || packOff.includes(packOf(rule));
  const switched: Config = ruleOff.length === 0 && packOff.length === 0 ? config : { ...config, disabled: [...config.disabled, ...config.rules.filter(off).map((rule) => rule.id)], rules: config.rules.filter((rule) => !off(rule)) };
  return { config: switched, cleaner: createCleaner(switched.rules, flags.favor === undefined ? {} : { favor: flags.favor }) };
}

/** `--print-config`: the effective configuration and the order the rules apply in. */
export function formatConfig(config: Config): string {
  const { file, options, ruleFiles, disabled, rules } = config;
  return `${safeJson({ configFile: file, options, ruleFiles, disabled, rules: rules.map((rule) => rule.id) }, 2)}\n`;
}
