/** The configuration a run uses: loaded once, before any input is read, at the CLI's edge. */
import path from 'node:path';
import { loadConfig, type Config } from '../config/config.js';
import { ConfigError } from '../config/errors.js';
import { createCleaner, type Cleaner } from '../index.js';
import { displayPath, type Reporter } from './report.js';

export interface ConfigFlags {
  config?: string;
  rules?: string[];
}

export interface Settings {
  config: Config;
  cleaner: Cleaner;
}

/**
 * Loads the configuration and rule files; on any problem, reports each as
 * `clean-news: FILE: JSON.PATH: what is wrong` and returns null (a usage error: nothing runs).
 */
export function loadSettings(flags: ConfigFlags, reporter: Reporter): Settings | null {
  try {
    const config = loadConfig({ cwd: process.cwd(), ...(flags.config === undefined ? {} : { configFile: flags.config }), ruleFiles: flags.rules ?? [] });
    return { config, cleaner: createCleaner(config.rules) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) reporter.error(displayPath(path.relative(process.cwd(), problem.file) || problem.file), `${problem.path}: ${problem.message}`);
    return null;
  }
}

/** `--print-config`: the effective configuration and the order the rules apply in. */
export function formatConfig(config: Config): string {
  const { file, options, ruleFiles, disabled, rules } = config;
  return `${JSON.stringify({ configFile: file, options, ruleFiles, disabled, rules: rules.map((rule) => rule.id) }, null, 2)}\n`;
}
