/** The configuration a run uses: loaded once, before any input is read, at the CLI's edge. */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/errors.js';
import { findConfigFile, type ConfigWarning } from '../config/find.js';
import { createCleaner, type Cleaner } from '../engine/clean.js';
import { builtinRules } from '../rules/index.js';
import { displayPath, type Reporter } from './report.js';

export interface ConfigFlags {
  /** --config FILE; false under --no-config. */
  config?: string | false;
  rules?: string[];
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
      return { config: BUILTIN_CONFIG, cleaner: createCleaner(BUILTIN_CONFIG.rules) };
    }
  }
  const { loadConfig } = await import('../config/config.js');
  try {
    const config = loadConfig({ cwd, ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}), noConfig, ruleFiles: flags.rules ?? [] });
    warn(config.warnings);
    return { config, cleaner: createCleaner(config.rules) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) reporter.error(displayPath(path.relative(cwd, problem.file) || problem.file), `${problem.path}: ${problem.message}`);
    return null;
  }
}

/** `--print-config`: the effective configuration and the order the rules apply in. */
export function formatConfig(config: Config): string {
  const { file, options, ruleFiles, disabled, rules } = config;
  return `${JSON.stringify({ configFile: file, options, ruleFiles, disabled, rules: rules.map((rule) => rule.id) }, null, 2)}\n`;
}
