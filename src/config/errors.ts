import { CleanNewsError } from '../errors.js';
import { shorten } from './quote.js';

/** A bad value in a configuration or rule file: where it is and what is wrong with it. */
export interface ConfigProblem {
  file: string;
  /** JSON path of the bad value, such as `$.rules[2].pattern`. */
  path: string;
  message: string;
}

/** Longest JSON path and message a problem keeps: each is one line for a person, whatever the file holds. */
const MAX_PATH = 200;
const MAX_MESSAGE = 400;

/** Thrown when configuration or rule files are unusable; nothing has been cleaned yet. */
export class ConfigError extends CleanNewsError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const kept = problems.map(({ file, path, message }) => ({ file, path: shorten(path, MAX_PATH), message: shorten(message, MAX_MESSAGE) }));
    super('ERR_CLEAN_NEWS_CONFIG', kept.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`).join('\n'));
    this.problems = kept;
    this.name = 'ConfigError';
  }
}
