import type { RuleSet } from '../rules/compile.js';
import type { MetadataRule } from '../rules/types.js';
import type { InlineCut } from './inline.js';
import { countWords, looksLikeHeadline, type Line } from './lines.js';
import { applyMetadata, METADATA_WINDOW, type PageMetadata } from './metadata.js';
import { mainRun } from './prose.js';
import type { Removal } from './types.js';

/**
 * A body line for the main-run search: a paragraph unless it falls outside the run, or a
 * line a rule already removed (`claimed`), which counts against the run like any chrome.
 */
export interface Candidate {
  line: Line;
  text: string;
  cuts: InlineCut[];
  weight: number;
  claimed: boolean;
}

export interface Kept {
  paragraphs: string[];
  removed: Removal[];
}

/** How many lines above the main run are read for metadata the header did not reach. */
const LATE_METADATA_REACH = 12;

/**
 * Lines before the main run are what the header left over: metadata the header did not reach
 * (it stops at the first line that is not metadata) is read here, so cleaning a cleaned page
 * finds it in the same place. Returns which candidates were read.
 */
function readLateMetadata(candidates: readonly Candidate[], end: number, rules: readonly MetadataRule[], meta: PageMetadata, removed: Removal[]): Set<number> {
  const read = new Set<number>();
  // Metadata sits just above the text; a menu of hundreds of lines further up holds none.
  const open: number[] = [];
  for (let index = Math.max(0, end - LATE_METADATA_REACH); index < end; index++) if (candidates[index]?.claimed === false) open.push(index);
  for (let k = 0; k < open.length; k++) {
    const window = open.slice(k, k + METADATA_WINDOW).flatMap((index) => candidates[index]?.line ?? []);
    const consumed = applyMetadata(window, rules, meta, removed);
    for (const index of open.slice(k, k + consumed)) read.add(index);
    k += Math.max(0, consumed - 1);
  }
  return read;
}

/**
 * A hard-wrapped paragraph: a long line that stops mid-sentence, followed by a line that
 * goes on in lower case. The pieces are one paragraph again, joined by a space.
 */
function continuesWrappedLine(previous: string, next: string): boolean {
  // Cheapest test first: most lines start in upper case.
  return /^\p{Ll}/u.test(next) && !/[.!?…:;"”’)\]]$/.test(previous) && countWords(previous) >= 8;
}

interface Span {
  /** Candidates before `standfirst` are kept as a standfirst; from there to `start`, removed. */
  standfirst: number;
  start: number;
  end: number;
}

/**
 * The main run, widened where the lines at its edges are likely article text after all:
 * text right under the headline (a standfirst), a heading just before the first paragraph,
 * the page's last line when the page stops there (a page cut off mid-paragraph ends in a
 * fragment), and the tail of a hard-wrapped paragraph.
 */
function keptSpan(candidates: readonly Candidate[], metadata: ReadonlySet<number>, runStart: number, runEnd: number, runsToPageEnd: boolean): Span {
  const open = (index: number): boolean => {
    const candidate = candidates[index];
    return candidate !== undefined && !candidate.claimed && !metadata.has(index);
  };
  let start = runStart;
  if (open(start - 1) && looksLikeHeadline(candidates[start - 1]?.text ?? '')) start -= 1;
  let end = runsToPageEnd && runEnd === candidates.length - 2 ? runEnd + 1 : runEnd;
  while (open(end + 1) && continuesWrappedLine(candidates[end]?.text ?? '', candidates[end + 1]?.text ?? '')) end += 1;
  let standfirst = 0;
  while (standfirst < start && open(standfirst) && (candidates[standfirst]?.weight ?? 0) > 0) standfirst++;
  return { standfirst, start, end };
}

/**
 * Keeps the candidates in the main run of text as paragraphs; the main-text rules remove the
 * rest. Without main-text rules, or when nothing weighs positive, every candidate is kept.
 */
export function keepMainRun(candidates: readonly Candidate[], set: RuleSet, meta: PageMetadata, runsToPageEnd: boolean): Kept {
  const kept: Kept = { paragraphs: [], removed: [] };
  const { before, after } = set.mainText;
  const run = before || after ? mainRun(candidates.map((candidate) => candidate.weight)) : null;
  const metadata = readLateMetadata(candidates, run?.start ?? candidates.length, set.metadata, meta, kept.removed);
  const span = run ? keptSpan(candidates, metadata, run.start, run.end, runsToPageEnd) : { standfirst: 0, start: 0, end: candidates.length - 1 };
  let previousKept = -1;
  candidates.forEach((candidate, index) => {
    if (candidate.claimed || metadata.has(index)) return;
    const outside = index >= span.standfirst && index < span.start ? before : index > span.end ? after : null;
    const { line } = candidate;
    if (outside) {
      kept.removed.push({ rule: outside.id, line: line.no, text: line.text });
      return;
    }
    for (const cut of candidate.cuts) kept.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
    const last = kept.paragraphs.length - 1;
    const previous = kept.paragraphs[last];
    if (previousKept === index - 1 && previous !== undefined && continuesWrappedLine(previous, candidate.text)) {
      kept.paragraphs[last] = `${previous} ${candidate.text}`;
    } else {
      kept.paragraphs.push(candidate.text);
    }
    previousKept = index;
  });
  return kept;
}
