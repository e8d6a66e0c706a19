/** Figures about a cleaning, for guards such as the CLI's `--max-removed`. */
import { isSpace } from './lines.js';
import type { CleanResult, Removal } from './types.js';

/** Unicode code points of `text` from `start` to `end`: an emoji or a CJK character counts once. */
export function codePoints(text: string, start = 0, end = text.length): number {
  let count = end - start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of one character.
    if (code >= 0xdc00 && code <= 0xdfff && i > start && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) count--;
  }
  return count;
}

/** The characters of a page's non-blank lines, each trimmed: what the shares below count against. One scan, no copies. */
function pageChars(page: string): number {
  let total = 0;
  for (let start = 0; start < page.length; ) {
    let stop = start;
    while (stop < page.length && page.charCodeAt(stop) !== 0x0a && page.charCodeAt(stop) !== 0x0d) stop++;
    let first = start;
    let last = stop;
    while (first < last && isSpace(page.charCodeAt(first))) first++;
    while (last > first && isSpace(page.charCodeAt(last - 1))) last--;
    total += codePoints(page, first, last);
    start = stop + 1;
  }
  return total;
}

/** The characters of the text output, its newlines aside. */
function keptChars(result: CleanResult): number {
  let newlines = 0;
  for (let i = 0; i < result.text.length; i++) if (result.text.charCodeAt(i) === 0x0a) newlines++;
  return codePoints(result.text) - newlines;
}

/** The characters of a removal that only moved into a related story. */
export function movedChars(removal: Removal): number {
  return removal.related === true ? codePoints(removal.text) : 0;
}

function share(part: number, total: number): number {
  // Tidying spaces around a cut could in principle make the output longer; keep the share in [0, 1].
  return total === 0 ? 0 : Math.min(1, Math.max(0, part / total));
}

/**
 * The share of the page's text that cleaning removed, from 0 (nothing) to 1 (everything):
 * `1 - kept / page`, where `page` counts the characters of the page's non-blank lines, trimmed,
 * and `kept` those of the text output, newlines aside. A page with no text gives 0.
 * Characters are Unicode code points, so an emoji or a CJK character counts once.
 */
export function removedShare(page: string, result: CleanResult): number {
  return textShares(page, result).removed;
}

/**
 * The share of the page's text the article lost: as removedShare, but what went into the
 * related stories an aggregator lists (`related`) counts as kept, since it was moved out of
 * the article, not lost. What `--max-removed` guards and the report ranks pages by.
 */
export function lostShare(page: string, result: CleanResult): number {
  return textShares(page, result).lost;
}

/** Both shares, and the page's characters, from one count of each. */
export function textShares(page: string, result: CleanResult): { total: number; removed: number; lost: number } {
  const total = pageChars(page);
  const kept = keptChars(result);
  let moved = 0;
  for (const removal of result.removed) moved += movedChars(removal);
  return { total, removed: share(total - kept, total), lost: share(total - kept - moved, total) };
}
