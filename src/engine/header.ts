import type { MetadataRule } from '../rules/types.js';
import type { Claims } from './claims.js';
import { looksLikeHeadline, type Line } from './lines.js';
import type { Removal } from './types.js';

export interface Header {
  title: string | null;
  source: string | null;
  published: string | null;
  byline: string | null;
  /** Index of the first line after the header. */
  bodyStart: number;
  removed: Removal[];
}

/** How many upcoming lines a metadata rule is shown. */
const METADATA_WINDOW = 4;

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
    if (claims.section(line, 0)) break;
    const rule = claims.lineRule(i, 'header', { title: header.title });
    if (!rule) break;
    header.removed.push({ rule: rule.id, line: line.no, text: line.text });
  }
  return i;
}

/** Applies the first metadata rule that reads the upcoming lines; returns the index after them. */
function readMetadata(lines: readonly Line[], from: number, rules: readonly MetadataRule[], header: Header): number | null {
  const window = nextNonBlank(lines, from, METADATA_WINDOW);
  const texts = window.map((line) => line.text);
  for (const rule of rules) {
    const match = rule.read(texts);
    if (!match) continue;
    const consumed = window.slice(0, Math.max(1, match.count));
    for (const line of consumed) header.removed.push({ rule: rule.id, line: line.no, text: line.text });
    header.source ??= match.source ?? null;
    header.published ??= match.published ?? null;
    header.byline ??= match.byline ?? null;
    const last = consumed[consumed.length - 1];
    return last ? last.no : from + 1; // line numbers are 1-based, so `no` is the next index
  }
  return null;
}

/**
 * Reads the top of the page: chrome before the headline, the headline, then the lines
 * between headline and body (a repeated headline, publisher and time, byline).
 */
export function readHeader(lines: readonly Line[], claims: Claims, metadata: readonly MetadataRule[]): Header {
  const header: Header = { title: null, source: null, published: null, byline: null, bodyStart: 0, removed: [] };
  let i = skipChrome(lines, 0, claims, header);
  const candidate = lines[i];
  if (!candidate || claims.section(candidate, 0) || !looksLikeHeadline(candidate.text)) {
    header.bodyStart = i;
    return header;
  }
  header.title = candidate.text;
  i += 1;
  for (;;) {
    i = skipChrome(lines, i, claims, header);
    const line = lines[i];
    const next = line && !claims.section(line, 0) ? readMetadata(lines, i, metadata, header) : null;
    if (next === null) break;
    i = next;
  }
  header.bodyStart = i;
  return header;
}
