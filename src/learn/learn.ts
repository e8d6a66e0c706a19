/**
 * Learning a site's chrome from a batch: lines (and upper-case banners inside lines) that recur across
 * many pages are the strongest plain-text signal of chrome, but real sentences recur too, so
 * the result is a proposal for a person to review, printed as a rule file, never a filter.
 */
import { lineKey, splitLines } from '../engine/lines.js';
import { lineQuality } from '../engine/prose.js';
import { detectStopwords, words } from '../engine/stopwords.js';

export interface LearnOptions {
  /** Least number of pages a line must occur in; by default 5% of the pages, and at least 3. */
  minPages?: number;
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
  return [...forms].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? '';
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
 * Proposes the chrome of a batch: whole lines, and phrases inside lines, that occur in at
 * least `minPages` pages and do not read as prose. Deterministic: the same pages give the same
 * proposals in the same order, whatever order they come in.
 */
export function learnChrome(pages: Iterable<{ name: string; text: string }>, options: LearnOptions = {}): { total: number; proposals: Proposal[] } {
  const lines = new Map<string, Seen>();
  const phrases = new Map<string, Seen>();
  let total = 0;
  for (const page of pages) {
    total += 1;
    for (const { text, key } of splitLines(page.text)) {
      if (text === '') continue;
      note(lines, key, text, page.name);
      for (const match of text.matchAll(CAPS_RUN)) if (match[0] !== text) note(phrases, lineKey(match[0]), match[0], page.name);
    }
  }
  const minPages = options.minPages ?? Math.max(MIN_PAGES, Math.ceil(total * MIN_SHARE));
  const stopwords = detectStopwords([...lines.values()].flatMap((seen) => words(usualForm(seen.forms))));
  // Prose that recurs is a quote or a boilerplate sentence; only a person can tell: leave it.
  const looksLikeChrome = (proposal: Proposal) => proposal.kind === 'inline' || lineQuality(proposal.text, stopwords).class !== 'prose';
  const lineTexts = new Set([...lines.values()].filter((seen) => seen.pages.size >= minPages).map((seen) => lineKey(usualForm(seen.forms))));
  const found = [...proposals(lines, 'line', minPages, total), ...proposals(phrases, 'inline', minPages, total).filter((proposal) => !lineTexts.has(lineKey(proposal.text)))]
    .filter(looksLikeChrome)
    .sort((a, b) => b.pages - a.pages || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { total, proposals: found };
}
