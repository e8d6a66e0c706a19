/**
 * Counts over a batch, for the summary and `--stats`: a few numbers and one count per rule,
 * so memory stays the same however many pages go through.
 */
import type { CleanResult } from '../index.js';

export class Tally {
  cleaned = 0;
  failed = 0;
  /** The tool's own outputs that the arguments named or matched, not taken as inputs. */
  skipped = 0;
  charsIn = 0;
  charsOut = 0;
  /** Rule id -> how many lines and phrases it removed. */
  readonly byRule = new Map<string, number>();

  add(page: string, result: CleanResult): void {
    this.cleaned++;
    this.charsIn += countChars(page);
    this.charsOut += countChars(result.text);
    for (const removal of result.removed) this.byRule.set(removal.rule, (this.byRule.get(removal.rule) ?? 0) + 1);
  }

  /** Rules that fired, the most removals first (ties by id, so the order is stable). */
  ranked(): Array<[rule: string, count: number]> {
    return [...this.byRule].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** Unicode code points, so an emoji or a CJK character counts once. */
function countChars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const number = new Intl.NumberFormat('en-US');

/**
 * The end-of-batch summary, two lines:
 *
 *     clean-news: 5 cleaned, 0 failed, 5 skipped (own outputs); 17,203 characters in, 9,180 out
 *     clean-news: top rules: generic/source-time 5, generic/repeated-title 4, daily8/ai-promo 3
 */
export function formatSummary(tally: Tally): string {
  const top = tally
    .ranked()
    .slice(0, 3)
    .map(([rule, count]) => `${rule} ${number.format(count)}`);
  return (
    `clean-news: ${number.format(tally.cleaned)} cleaned, ${number.format(tally.failed)} failed, ${number.format(tally.skipped)} skipped (own outputs); ` +
    `${number.format(tally.charsIn)} characters in, ${number.format(tally.charsOut)} out\n` +
    `clean-news: top rules: ${top.length === 0 ? 'none fired' : top.join(', ')}\n`
  );
}

/**
 * `--stats`: removals per rule, the most first, then the rules that never fired (on a batch of
 * one site's pages, a site rule that never fires has likely gone stale).
 */
export function formatStats(tally: Tally, ruleIds: readonly string[]): string {
  const ranked = tally.ranked();
  const width = Math.max(1, ...ranked.map(([, count]) => number.format(count).length));
  const pages = `${number.format(tally.cleaned)} page${tally.cleaned === 1 ? '' : 's'}`;
  const fired = ranked.map(([rule, count]) => `  ${number.format(count).padStart(width)}  ${rule}\n`).join('');
  const never = ruleIds.filter((id) => !tally.byRule.has(id));
  return (
    `removals by rule over ${pages}:\n${fired === '' ? '  (none)\n' : fired}` +
    `never fired (${never.length} of ${ruleIds.length} rules):\n${never.map((id) => `  ${id}\n`).join('') || '  (none)\n'}`
  );
}
