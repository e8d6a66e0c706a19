/** Errors the library throws on purpose: each with a stable `code` a program can test. */
export type ErrorCode = 'ERR_CLEAN_NEWS_CONFIG' | 'ERR_CLEAN_NEWS_ARGUMENT' | 'ERR_CLEAN_NEWS_RULE';

export class CleanNewsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CleanNewsError';
  }
}
