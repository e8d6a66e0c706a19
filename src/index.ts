/** clean-news as a library: pure functions, text in, result out. */
export { clean, createCleaner } from './engine/clean.js';
export type { Cleaner, CleanOptions } from './engine/clean.js';
export { toRecord } from './engine/record.js';
export type { CleanRecord, CleanResult, Removal, RelatedStory } from './engine/types.js';
export { removedShare } from './engine/stats.js';
export { builtinRules } from './rules/index.js';
export type { Rule, RuleKind, RuleExamples } from './rules/types.js';
