/** clean-news as a library: pure cleaning, text in, result out; and the CLI's configuration and decoding. */
export { clean, createCleaner, decode, loadConfig, loadRuleFile } from './api.js';
export type { CleanerOptions } from './api.js';
export type { Cleaner } from './engine/clean.js';
export type { Config } from './config/config.js';
export { ConfigError } from './config/errors.js';
export type { ConfigProblem } from './config/errors.js';
export type { ConfigWarning } from './config/find.js';
export { CleanNewsError } from './errors.js';
export type { ErrorCode } from './errors.js';
export type { Decoded } from './input/decode.js';
export { toRecord } from './engine/record.js';
export type { CleanRecord, CleanResult, PageKind, Removal, RelatedStory } from './engine/types.js';
export type { Favor } from './engine/model/model.js';
export { lostShare, removedShare } from './engine/stats.js';
export { builtinRules } from './rules/index.js';
export type { Rule, RuleKind, RuleExamples, RuleScope, LineMatcher } from './rules/types.js';
