import type { MetadataRule, Rule } from '../rules/types.js';
import type { Claims } from './claims.js';
import { looksLikeHeadline, type Line } from './lines.js';
import { applyMetadata, METADATA_WINDOW, type PageMetadata } from './metadata.js';
import type { Removal } from './types.js';

export interface Header extends PageMetadata {
  title: string | null;
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
    if (claims.section(line, 0)) break;
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
export function readHeader(lines: readonly Line[], claims: Claims, metadata: readonly MetadataRule[], hint?: TitleHint): Header {
  const header: Header = { title: null, source: null, published: null, byline: null, bodyStart: 0, removed: [] };
  let i = hint ? removeAbove(lines, hint, claims, header) : skipChrome(lines, 0, claims, header);
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
