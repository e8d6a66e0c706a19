/**
 * Learning a site's chrome from a batch: lines (and upper-case banners inside lines) that recur across
 * many pages are the strongest plain-text signal of chrome, but real sentences recur too, so
 * the result is a proposal for a person to review, printed as a rule file, never a filter.
 * Only what the rules in force keep is counted: a proposal is chrome they miss, never a second
 * name for chrome they already remove (a learned "Related Articles" line would hide the section
 * that ends the article).
 */
import type { Cleaner } from '../engine/clean.js';
import { lineKey, readsAsProse, splitLines } from '../engine/lines.js';

export interface LearnOptions {
  /** Least number of pages a line must occur in; by default 5% of the pages, and at least 3. */
  minPages?: number;
}

export interface LearnerOptions {
  /** The rules in force: what they remove from a page is not counted. Without it, every line is. */
  clean?: Cleaner;
}

export interface Proposal {
  kind: 'line' | 'inline';
  /** The line, or the phrase, as it most often appears. */
  text: string;
  /** In how many distinct pages it occurs. */
  pages: number;
  share: number;
  /** The first two pages (by name) it occurs in. */
  examples: string[];
}

interface Seen {
  pages: Set<string>;
  forms: Map<string, number>;
}

const MIN_SHARE = 0.05;
const MIN_PAGES = 3;
/** Upper-case runs of three words or more inside a line: banners like STORY CONTINUES BELOW. */
const CAPS_RUN = /\b[\p{Lu}\d'’]{2,}(?: [\p{Lu}\d'’]{1,}){2,}\b/gu;

function note(table: Map<string, Seen>, key: string, form: string, page: string): void {
  let seen = table.get(key);
  if (!seen) {
    seen = { pages: new Set(), forms: new Map() };
    table.set(key, seen);
  }
  seen.pages.add(page);
  seen.forms.set(form, (seen.forms.get(form) ?? 0) + 1);
}

/** The most frequent form, ties broken by code-unit order, so the result is deterministic. */
function usualForm(forms: ReadonlyMap<string, number>): string {
  return [...forms].sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))[0]?.[0] ?? '';
}

function proposals(table: ReadonlyMap<string, Seen>, kind: Proposal['kind'], minPages: number, total: number): Proposal[] {
  return [...table.values()]
    .filter((seen) => seen.pages.size >= minPages)
    .map((seen) => {
      const names = [...seen.pages].sort();
      return { kind, text: usualForm(seen.forms), pages: seen.pages.size, share: seen.pages.size / total, examples: names.slice(0, 2) };
    });
}

/**
 * Counts a batch page by page, keeping only the counts, so a batch of any size fits in memory.
 * `result()` proposes the chrome: whole lines, and banners inside lines, that occur in at least
 * `minPages` pages and do not read as prose. Deterministic: the same pages give the same
 * proposals in the same order, whatever order they come in.
 */
export class ChromeLearner {
  private readonly lines = new Map<string, Seen>();
  private readonly phrases = new Map<string, Seen>();
  private total = 0;

  constructor(private readonly options: LearnerOptions = {}) {}

  add(name: string, text: string): void {
    this.total += 1;
    // What the rules in force remove, by line: the whole line, or phrases cut out of it.
    const removed = new Set<string>();
    for (const removal of this.options.clean?.(text).removed ?? []) removed.add(`${removal.line}\0${removal.text}`);
    for (const line of splitLines(text)) {
      if (line.text === '' || removed.has(`${line.no}\0${line.text}`)) continue;
      note(this.lines, line.key, line.text, name);
      for (const match of line.text.matchAll(CAPS_RUN)) {
        if (match[0] !== line.text && !removed.has(`${line.no}\0${match[0]}`)) note(this.phrases, lineKey(match[0]), match[0], name);
      }
    }
  }

  /** `minPages`: how many pages a line had to be found in to be proposed. */
  result(options: LearnOptions = {}): { total: number; minPages: number; proposals: Proposal[] } {
    const { total } = this;
    const minPages = options.minPages ?? Math.max(MIN_PAGES, Math.ceil(total * MIN_SHARE));
    const lines = proposals(this.lines, 'line', minPages, total);
    const lineKeys = new Set(lines.map((proposal) => lineKey(proposal.text)));
    const phrases = proposals(this.phrases, 'inline', minPages, total).filter((proposal) => !lineKeys.has(lineKey(proposal.text)));
    // Prose that recurs is a quote or a boilerplate sentence; only a person can tell: leave it.
    const found = [...lines.filter((proposal) => !readsAsProse(proposal.text)), ...phrases];
    found.sort((a, b) => b.pages - a.pages || compare(a.kind, b.kind) || compare(a.text, b.text));
    return { total, minPages, proposals: found };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Learns from pages given all at once. */
export function learnChrome(pages: Iterable<{ name: string; text: string }>, options: LearnOptions & LearnerOptions = {}): ReturnType<ChromeLearner['result']> {
  const learner = new ChromeLearner(options.clean === undefined ? {} : { clean: options.clean });
  for (const page of pages) learner.add(page.name, page.text);
  return learner.result(options);
}
