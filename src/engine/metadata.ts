import type { MetadataRule } from '../rules/types.js';
import type { Line } from './lines.js';

/** What the page says about itself: its publisher, time and byline. */
export interface PageMetadata {
  source: string | null;
  published: string | null;
  byline: string | null;
}

/** How many upcoming lines a metadata rule is shown. */
export const METADATA_WINDOW = 4;

/** The first metadata rule that reads the lines of `window` (non-blank, in order), and what it read. */
export function matchMetadata(window: readonly Line[], rules: readonly MetadataRule[]): { rule: MetadataRule; count: number; meta: Partial<PageMetadata> } | null {
  const texts = window.map((line) => line.text);
  for (const rule of rules) {
    const match = rule.read(texts);
    if (match) return { rule, count: Math.min(window.length, Math.max(1, match.count)), meta: match };
  }
  return null;
}
