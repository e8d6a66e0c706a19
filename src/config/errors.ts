import { CleanNewsError } from '../errors.js';

/** A bad value in a configuration or rule file: where it is and what is wrong with it. */
export interface ConfigProblem {
  file: string;
  /** JSON path of the bad value, such as `$.rules[2].pattern`. */
  path: string;
  message: string;
}

/** Thrown when configuration or rule files are unusable; nothing has been cleaned yet. */
export class ConfigError extends CleanNewsError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super('ERR_CLEAN_NEWS_CONFIG', problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}
