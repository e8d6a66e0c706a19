/**
 * Counts over a batch, for the summary and `--stats`: a few numbers and one count per rule,
 * so memory stays the same however many pages go through.
 */
import { codePoints, movedChars, textShares } from '../engine/stats.js';
import type { CleanResult } from '../engine/types.js';

/** What one cleaned page adds to a tally: a few numbers, cheap to pass from a worker thread. */
export interface PageCounts {
  charsIn: number;
  charsOut: number;
  /** Characters moved into the related stories an aggregator lists. */
  charsRelated: number;
  /** All that cleaning removed, related stories included, and what the article lost (see lostShare), 0 to 1. */
  removedShare: number;
  lostShare: number;
  /** Rule id -> how many lines and phrases it removed from the page. */
  byRule: Map<string, number>;
  /**
   * The rule that took most of the page's text on its own (related stories apart), if one did;
   * undefined for a page too short to say (a line of garbage is most of its page).
   */
  tookMost: string | null | undefined;
}

/** Characters a page needs before a rule that takes most of it says something about the rule. */
const WEIGHED_PAGE_CHARS = 200;

export function pageCounts(page: string, result: CleanResult): PageCounts {
  const byRule = new Map<string, number>();
  const lostByRule = new Map<string, number>();
  let charsRelated = 0;
  for (const removal of result.removed) {
    byRule.set(removal.rule, (byRule.get(removal.rule) ?? 0) + 1);
    const moved = movedChars(removal);
    charsRelated += moved;
    if (moved === 0) lostByRule.set(removal.rule, (lostByRule.get(removal.rule) ?? 0) + codePoints(removal.text));
  }
  const { total, removed, lost } = textShares(page, result);
  let tookMost: string | null | undefined = total < WEIGHED_PAGE_CHARS ? undefined : null;
  if (tookMost === null) for (const [rule, chars] of lostByRule) if (chars > total / 2) tookMost = rule;
  return {
    charsIn: codePoints(page),
    charsOut: codePoints(result.text),
    charsRelated,
    removedShare: removed,
    lostShare: lost,
    byRule,
    tookMost,
  };
}

export class Tally {
  cleaned = 0;
  failed = 0;
  /** The tool's own outputs that the arguments named or matched, not taken as inputs. */
  skipped = 0;
  charsIn = 0;
  charsOut = 0;
  /** Rule id -> how many lines and phrases it removed. */
  readonly byRule = new Map<string, number>();
  /** Rule id -> on how many pages it took most of the text alone; and how many pages were long enough to tell. */
  readonly tookMost = new Map<string, number>();
  weighed = 0;

  add(counts: PageCounts): void {
    this.cleaned++;
    this.charsIn += counts.charsIn;
    this.charsOut += counts.charsOut;
    for (const [rule, count] of counts.byRule) this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + count);
    if (counts.tookMost !== undefined) this.weighed++;
    if (counts.tookMost) this.tookMost.set(counts.tookMost, (this.tookMost.get(counts.tookMost) ?? 0) + 1);
  }

  /**
   * The rules that took most of the text of most pages on their own, with how many: a rule
   * that empties pages (`"pattern": ".*"`) shows here, where no page fails and the run exits 0.
   * Related stories moved out of the article do not count, nor pages too short to tell; no
   * built-in rule comes near on the development corpus (at most a third of a set's pages, by
   * the generic layer).
   */
  greedyRules(): Array<[rule: string, pages: number]> {
    return [...this.tookMost].filter(([, pages]) => this.weighed > 1 && pages > this.weighed / 2).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  }

  /** Rules that fired, the most removals first (ties by id, so the order is stable). */
  ranked(): Array<[rule: string, count: number]> {
    return [...this.byRule].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** 12345 -> `12,345`, as en-US writes counts; an Intl.NumberFormat would cost every run start-up time. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The end-of-batch summary, two lines:
 *
 *     clean-news: 5 cleaned, 0 failed, 5 skipped (own outputs); 17,203 characters in, 9,180 out
 *     clean-news: top rules: generic/source-time 5, generic/repeated-title 4, daily8/ai-promo 3
 */
export function formatSummary(tally: Tally, configFile?: string): string {
  const top = tally
    .ranked()
    .slice(0, 3)
    .map(([rule, count]) => `${rule} ${grouped(count)}`);
  const greedy = tally
    .greedyRules()
    .map(([rule, pages]) => `clean-news: warning: ${rule} alone removed most of the text of ${grouped(pages)} of ${grouped(tally.weighed)} pages: is it right? (--explain shows what it removes)\n`)
    .join('');
  return (
    `clean-news: ${grouped(tally.cleaned)} cleaned, ${grouped(tally.failed)} failed, ${grouped(tally.skipped)} skipped (own outputs); ` +
    `${grouped(tally.charsIn)} characters in, ${grouped(tally.charsOut)} out\n` +
    `clean-news: top rules: ${top.length === 0 ? 'none fired' : top.join(', ')}\n` +
    greedy +
    (configFile === undefined ? '' : `clean-news: configuration: ${configFile}\n`)
  );
}

/**
 * `--stats`: removals per rule, the most first, then the rules that never fired (on a batch of
 * one site's pages, a site rule that never fires has likely gone stale).
 */
export function formatStats(tally: Tally, ruleIds: readonly string[]): string {
  const ranked = tally.ranked();
  const width = Math.max(1, ...ranked.map(([, count]) => grouped(count).length));
  const pages = `${grouped(tally.cleaned)} page${tally.cleaned === 1 ? '' : 's'}`;
  const fired = ranked.map(([rule, count]) => `  ${grouped(count).padStart(width)}  ${rule}\n`).join('');
  const never = ruleIds.filter((id) => !tally.byRule.has(id));
  return (
    `removals by rule over ${pages}:\n${fired === '' ? '  (none)\n' : fired}` +
    `never fired (${never.length} of ${ruleIds.length} rules):\n${never.map((id) => `  ${id}\n`).join('') || '  (none)\n'}`
  );
}
