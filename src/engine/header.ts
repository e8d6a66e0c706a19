import type { RuleSet } from '../rules/compile.js';
import type { MetadataRule, Rule, TitleRule } from '../rules/types.js';
import type { Claims } from './claims.js';
import { looksLikeHeadline, type Line } from './lines.js';
import { splitGluedTitle } from './title.js';
import { applyMetadata, METADATA_WINDOW, type PageMetadata } from './metadata.js';
import type { Removal } from './types.js';

export interface Header extends PageMetadata {
  title: string | null;
  /** The rest of the headline's line, when the headline was glued to the first sentence. */
  carry: { index: number; text: string } | null;
  /** Index of the first line after the header. */
  bodyStart: number;
  removed: Removal[];
}

function nextNonBlank(lines: readonly Line[], from: number, count: number): Line[] {
  const found: Line[] = [];
  for (let i = from; i < lines.length && found.length < count; i++) {
    const line = lines[i];
    if (line && line.text !== '') found.push(line);
  }
  return found;
}

/** Skips blank lines and header chrome; returns the index of the first line that is neither. */
function skipChrome(lines: readonly Line[], from: number, claims: Claims, header: Header): number {
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    if (claims.section(i, 0)) break;
    const rule = claims.lineRule(i, 'header', { title: header.title });
    if (!rule) break;
    header.removed.push({ rule: rule.id, line: line.no, text: line.text });
  }
  return i;
}

function removeAbove(lines: readonly Line[], hint: TitleHint, claims: Claims, header: Header): number {
  for (let i = 0; i < hint.index; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const rule = claims.lineRule(i, 'header', { title: null }) ?? hint.above;
    header.removed.push({ rule: rule.id, line: line.no, text: line.text });
  }
  return hint.index;
}

/** Applies the first title rule that passes over lines at `from`; returns the index of the headline candidate. */
function passOverLabels(lines: readonly Line[], from: number, rules: readonly TitleRule[], header: Header): number {
  const window = nextNonBlank(lines, from, METADATA_WINDOW);
  const texts = window.map((line) => line.text);
  for (const rule of rules) {
    const count = Math.min(rule.skip(texts), window.length - 1);
    if (count <= 0) continue;
    for (const line of window.slice(0, count)) header.removed.push({ rule: rule.id, line: line.no, text: line.text });
    const headline = window[count];
    return headline ? headline.no - 1 : from; // line numbers are 1-based
  }
  return from;
}

/** Reads metadata lines at `from`; returns the index after them, or null when there are none. */
function readMetadata(lines: readonly Line[], from: number, rules: readonly MetadataRule[], header: Header): number | null {
  const window = nextNonBlank(lines, from, METADATA_WINDOW);
  const consumed = applyMetadata(window, rules, header, header.removed);
  const last = window[consumed - 1];
  return consumed === 0 || !last ? null : last.no; // line numbers are 1-based, so `no` is the next index
}

/** Where the headline is known to be, and the rule that removes the lines above it. */
export interface TitleHint {
  index: number;
  above: Rule;
}

/**
 * Reads the top of the page: chrome before the headline, the headline, then the lines
 * between headline and body (a repeated headline, publisher and time, byline). With a hint,
 * the headline is the hinted line and every line above it goes.
 */
export function readHeader(lines: readonly Line[], claims: Claims, set: RuleSet, hint?: TitleHint): Header {
  const header: Header = { title: null, carry: null, source: null, published: null, byline: null, bodyStart: 0, removed: [] };
  let i = hint ? removeAbove(lines, hint, claims, header) : passOverLabels(lines, skipChrome(lines, 0, claims, header), set.title, header);
  const metadata = set.metadata;
  const candidate = lines[i];
  if (!candidate || claims.section(i, 0)) {
    header.bodyStart = i;
    return header;
  }
  if (!looksLikeHeadline(candidate.text)) {
    const glued = splitGluedTitle(candidate.text);
    header.title = glued?.title ?? null;
    header.carry = glued ? { index: i, text: glued.rest } : null;
    header.bodyStart = i;
    return header;
  }
  header.title = candidate.text;
  i += 1;
  for (;;) {
    i = skipChrome(lines, i, claims, header);
    const line = lines[i];
    const next = line && !claims.section(i, 0) ? readMetadata(lines, i, metadata, header) : null;
    if (next === null) break;
    i = next;
  }
  header.bodyStart = i;
  header.title = unglueAuthor(header.title, header.byline);
  return header;
}

/** "…التاريخ!حمود النوفلي" under a byline "حمود النوفلي": the author's name glued to the headline. */
function unglueAuthor(title: string, byline: string | null): string {
  const name = byline?.replace(/^By\s+/i, '').trim();
  if (!name || !title.endsWith(name) || title.length <= name.length) return title;
  const before = title.slice(0, title.length - name.length);
  return /\s$/.test(before) ? title : before;
}
