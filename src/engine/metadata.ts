import type { MetadataRule } from '../rules/types.js';
import type { Line } from './lines.js';
import type { Removal } from './types.js';

/** What the page says about itself: its publisher, time and byline. */
export interface PageMetadata {
  source: string | null;
  published: string | null;
  byline: string | null;
}

/** How many upcoming lines a metadata rule is shown. */
export const METADATA_WINDOW = 4;

/**
 * Applies the first metadata rule that reads the lines of `window` (non-blank, in order):
 * fills the fields still empty and records the consumed lines. Returns how many it consumed.
 */
export function applyMetadata(window: readonly Line[], rules: readonly MetadataRule[], meta: PageMetadata, removed: Removal[]): number {
  const texts = window.map((line) => line.text);
  for (const rule of rules) {
    const match = rule.read(texts);
    if (!match) continue;
    const consumed = window.slice(0, Math.max(1, match.count));
    for (const line of consumed) removed.push({ rule: rule.id, line: line.no, text: line.text });
    meta.source ??= match.source ?? null;
    meta.published ??= match.published ?? null;
    meta.byline ??= match.byline ?? null;
    return consumed.length;
  }
  return 0;
}
