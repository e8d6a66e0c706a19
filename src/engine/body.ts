import type { Claims } from './claims.js';
import type { Header } from './header.js';
import type { RuleSet } from '../rules/compile.js';
import type { MetadataRule, PageContext, SectionRule } from '../rules/types.js';
import { cutInline, type InlineCut } from './inline.js';
import { countWords, looksLikeHeadline, type Line } from './lines.js';
import { applyMetadata, METADATA_WINDOW, type PageMetadata } from './metadata.js';
import { chromeWeight, lineQuality, mainRun, weighLine, type PageProfile } from './prose.js';
import type { Removal } from './types.js';

/** The line that ends the article, and the section rule it starts. */
export interface ArticleEnd {
  index: number;
  section: SectionRule;
}

export interface Body {
  paragraphs: string[];
  end: ArticleEnd | null;
  removed: Removal[];
}

/**
 * A body line for the main-run search: a paragraph unless it falls outside the run, or a
 * line a rule already removed (`claimed`), which counts against the run like any chrome.
 */
interface Candidate {
  line: Line;
  text: string;
  cuts: InlineCut[];
  weight: number;
  claimed: boolean;
}

/**
 * Reads the body: the lines from the end of the header to the first section that ends the
 * article, once the section's minimum of article text came first (counting prose, not menu
 * lines). Lines outside the main run of text are removed by the generic main-text rules.
 */
export function readBody(lines: readonly Line[], from: number, claims: Claims, set: RuleSet, page: PageContext & PageMetadata & Pick<Header, 'carry'>, profile: PageProfile): Body {
  const body: Body = { paragraphs: [], end: null, removed: [] };
  const candidates: Candidate[] = [];
  const start = textStart(lines, from, claims, page, profile);
  const proseAfter = proseSuffix(lines, profile);
  let proseChars = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const section = claims.section(line, proseChars);
    if (section && endsArticle(section.rule, i > start, proseChars, () => proseAfter(i + 1))) {
      body.end = { index: i, section: section.rule };
      break;
    }
    const carried = page.carry?.index === i ? page.carry.text : null;
    const rule = carried === null ? claims.lineRule(i, 'body', page) : null;
    if (rule) {
      body.removed.push({ rule: rule.id, line: line.no, text: line.text });
      candidates.push({ line, text: line.text, cuts: [], weight: chromeWeight(line.text), claimed: true });
      continue;
    }
    const { text, cuts } = cutInline(carried ?? line.text, set.inline);
    if (text === '') {
      for (const cut of cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
      continue;
    }
    const quality = weighLine(line, text, profile);
    if (quality.class !== 'label') proseChars += text.length;
    candidates.push({ line, text, cuts, weight: quality.weight, claimed: false });
  }
  keepMainRun(candidates, set, page, body, body.end === null);
  body.removed.sort((a, b) => a.line - b.line);
  return body;
}

/**
 * Where the article's text starts: the start of the main run over the whole rest of the page,
 * end markers and all. A guarded end marker above that point ("Most Popular" in a sidebar
 * over the article) is not the end of the article.
 */
function textStart(lines: readonly Line[], from: number, claims: Claims, page: PageContext, profile: PageProfile): number {
  const indices: number[] = [];
  const weights: number[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    indices.push(i);
    weights.push(claims.lineRule(i, 'body', page) ? chromeWeight(line.text) : weighLine(line, line.text, profile).weight);
  }
  const run = mainRun(weights);
  return run ? (indices[run.start] ?? from) : from;
}

/** Article text past which a sidebar heading is trusted to end the article whatever follows. */
const CONFIDENT_ARTICLE_CHARS = 1000;

/**
 * Whether a guarded section (one with a minimum of article text) ends the article: only once
 * the article's text has started, and for a sidebar heading only if the text after it does
 * not far outweigh the article before it.
 */
function endsArticle(section: SectionRule, afterTextStart: boolean, proseBefore: number, proseAfter: () => number): boolean {
  if (section.minBodyChars === 0) return true;
  if (!afterTextStart) return false;
  return !section.sidebar || proseBefore >= CONFIDENT_ARTICLE_CHARS || proseBefore * 2 >= proseAfter();
}

/** Characters of prose lines from each index to the page's end, computed on first use. */
function proseSuffix(lines: readonly Line[], profile: PageProfile): (index: number) => number {
  let suffix: number[] | null = null;
  return (index) => {
    if (suffix === null) {
      const sums = new Array<number>(lines.length + 1).fill(0);
      for (let i = lines.length - 1; i >= 0; i--) {
        const text = lines[i]?.text ?? '';
        sums[i] = (sums[i + 1] ?? 0) + (text !== '' && lineQuality(text, profile.stopwords).class !== 'label' ? text.length : 0);
      }
      suffix = sums;
    }
    return suffix[index] ?? 0;
  };
}

/**
 * Lines before the main run are what the header left over: metadata the header did not reach
 * (it stops at the first line that is not metadata) is read here, so cleaning a cleaned page
 * finds it in the same place. Returns which candidates were read.
 */
function readLateMetadata(candidates: readonly Candidate[], end: number, rules: readonly MetadataRule[], meta: PageMetadata, body: Body): Set<number> {
  const read = new Set<number>();
  const open = candidates.flatMap((candidate, index) => (index < end && !candidate.claimed ? [index] : []));
  for (let k = 0; k < open.length; k++) {
    const window = open.slice(k, k + METADATA_WINDOW).map((index) => candidates[index]?.line).filter((line) => line !== undefined);
    const consumed = applyMetadata(window, rules, meta, body.removed);
    for (const index of open.slice(k, k + consumed)) read.add(index);
    k += Math.max(0, consumed - 1);
  }
  return read;
}

/**
 * Keeps the main run of text, widened by one line at each end where that line is likely
 * article text after all: a heading just before the first paragraph, and the page's last line
 * when the page stops there (a page cut off mid-paragraph ends in a fragment).
 */
function keepMainRun(candidates: readonly Candidate[], set: RuleSet, meta: PageMetadata, body: Body, runsToPageEnd: boolean): void {
  const { before, after } = set.mainText;
  const run = before || after ? mainRun(candidates.map((candidate) => candidate.weight)) : null;
  const metadata = readLateMetadata(candidates, run?.start ?? candidates.length, set.metadata, meta, body);
  let start = run?.start ?? 0;
  const heading = candidates[start - 1];
  if (heading && !heading.claimed && !metadata.has(start - 1) && looksLikeHeadline(heading.text)) start -= 1;
  let end = run === null ? candidates.length - 1 : runsToPageEnd && run.end === candidates.length - 2 ? run.end + 1 : run.end;
  // The tail of a hard-wrapped paragraph is short, but it belongs with the paragraph.
  for (let next = candidates[end + 1]; next && !next.claimed && continuesWrappedLine(candidates[end]?.text ?? '', next.text); next = candidates[end + 1]) end += 1;
  let previousKept = -1;
  // Text right under the headline, before any chrome, is a standfirst however short the run.
  let standfirst = 0;
  while (standfirst < start && !candidates[standfirst]?.claimed && !metadata.has(standfirst) && (candidates[standfirst]?.weight ?? 0) > 0) standfirst++;
  candidates.forEach((candidate, index) => {
    if (candidate.claimed || metadata.has(index)) return;
    const outside = index < start && index >= standfirst ? before : index > end ? after : null;
    const { line } = candidate;
    if (outside) {
      body.removed.push({ rule: outside.id, line: line.no, text: line.text });
      return;
    }
    for (const cut of candidate.cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
    const last = body.paragraphs.length - 1;
    const previous = body.paragraphs[last];
    if (previousKept === index - 1 && previous !== undefined && continuesWrappedLine(previous, candidate.text)) {
      body.paragraphs[last] = `${previous} ${candidate.text}`;
    } else {
      body.paragraphs.push(candidate.text);
    }
    previousKept = index;
  });
}

/**
 * A hard-wrapped paragraph: a long line that stops mid-sentence, followed by a line that
 * goes on in lower case. The pieces are one paragraph again, joined by a space.
 */
function continuesWrappedLine(previous: string, next: string): boolean {
  return countWords(previous) >= 8 && !/[.!?…:;"”’)\]]$/.test(previous) && /^\p{Ll}/u.test(next);
}
