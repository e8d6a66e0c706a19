/** Figures about a cleaning, for guards such as the CLI's `--max-removed`. */
import { splitLines } from './lines.js';
import type { CleanResult } from './types.js';

/**
 * The share of the page's text that cleaning removed, from 0 (nothing) to 1 (everything):
 * `1 - kept / page`, where `page` counts the characters of the page's non-blank lines, trimmed,
 * and `kept` those of the text output, newlines aside. A page with no text gives 0.
 * Characters are Unicode code points, so an emoji or a CJK character counts once.
 */
export function removedShare(page: string, result: CleanResult): number {
  let total = 0;
  for (const line of splitLines(page)) total += countChars(line.text);
  if (total === 0) return 0;
  const kept = countChars(result.text.replaceAll('\n', ''));
  // Tidying spaces around a cut could in principle make the output longer; keep the share in [0, 1].
  return Math.min(1, Math.max(0, 1 - kept / total));
}

function countChars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
