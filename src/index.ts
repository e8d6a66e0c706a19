/** clean-news as a library: pure functions, text in, result out. */
export { clean } from './engine/clean.js';
export type { CleanOptions } from './engine/clean.js';
export { toRecord } from './engine/record.js';
export type { CleanRecord, CleanResult, Removal, RelatedStory } from './engine/types.js';
export { removedShare } from './engine/stats.js';
