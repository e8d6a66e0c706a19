/**
 * Finding the configuration file, apart from reading it: a run without one needs neither the
 * schema validator nor the rule-file reader, so the CLI can skip loading them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAME = 'clean-news.config.json';

/** The nearest clean-news.config.json in `cwd` or its parents, or null. */
export function findConfigFile(cwd: string): string | null {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}
