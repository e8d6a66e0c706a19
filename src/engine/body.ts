import type { Claims } from './claims.js';
import type { Header } from './header.js';
import type { RuleSet } from '../rules/compile.js';
import type { PageContext, Rule, SectionRule } from '../rules/types.js';
import { cutInline } from './inline.js';
import { looksLikeHeadline, type Line } from './lines.js';
import { keepMainRun, type Candidate } from './main-run.js';
import type { PageMetadata } from './metadata.js';
import { splitSourceAndTime } from './timestamp.js';
import { chromeWeight, mainRun, weighLine, type PageProfile } from './prose.js';
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
 * Reads the body: the lines from the end of the header to the first section that ends the
 * article, once the section's minimum of article text came first (counting prose, not menu
 * lines). Lines outside the main run of text are removed by the generic main-text rules.
 */
export function readBody(lines: readonly Line[], from: number, claims: Claims, set: RuleSet, page: PageContext & PageMetadata & Pick<Header, 'carry'>, profile: PageProfile): Body {
  const body: Body = { paragraphs: [], end: null, removed: [] };
  const candidates: Candidate[] = [];
  const scan = scanLines(lines, from, claims, page, profile);
  const start = textStart(scan, from);
  const proseAfter = proseSuffix(lines, scan);
  let proseChars = 0;
  const boxed = new Map<number, Rule>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const section = boxed.has(i) ? null : claims.section(i, proseChars);
    if (section && endsArticle(section.rule, i > start, proseChars, proseAfter[i + 1] ?? 0)) {
      const box = section.rule.related ? relatedBox(lines, i, scan) : null;
      if (box === null) {
        body.end = { index: i, section: section.rule };
        break;
      }
      for (const index of box) boxed.set(index, section.rule);
    }
    const carried = page.carry?.index === i ? page.carry.text : null;
    const rule = carried === null ? (boxed.get(i) ?? scan[i]?.rule ?? null) : null;
    if (rule) {
      body.removed.push({ rule: rule.id, line: line.no, text: line.text });
      // A run of rule-removed lines walls the article off once, however long the run is:
      // twenty ad slots between two paragraphs must not cut off the second.
      const inRun = candidates[candidates.length - 1]?.claimed === true;
      candidates.push({ line, text: line.text, cuts: [], weight: inRun ? 0 : (scan[i]?.weight ?? 0), claimed: true });
      continue;
    }
    const { text, cuts } = carried === null ? claims.inlineCuts(i) : cutInline(carried, set);
    if (text === '') {
      for (const cut of cuts) body.removed.push({ rule: cut.rule, line: line.no, text: cut.text });
      continue;
    }
    const quality = weighLine(line, text, profile);
    if (quality.class !== 'label') proseChars += text.length;
    candidates.push({ line, text, cuts, weight: quality.weight, claimed: false });
  }
  const kept = keepMainRun(candidates, set, page, body.end === null);
  body.paragraphs = kept.paragraphs;
  body.removed.push(...kept.removed);
  body.removed.sort((a, b) => a.line - b.line);
  return body;
}

/** What the body pass learns of a line before deciding it: the rule that claims it, its weight. */
interface Scanned {
  rule: Rule | null;
  weight: number;
  /** Reads as text: a paragraph or a sentence. */
  prose: boolean;
  /** Reads as a paragraph of running text. */
  paragraph: boolean;
}

/** Headlines a related-stories box inside an article lists at most. */
const BOX_HEADLINES = 5;
/** Paragraphs that must follow such a box for the article to be taken as going on after it. */
const PARAGRAPHS_AFTER_BOX = 3;

/**
 * A related-stories box set inside the article ("Related News", two headlines, then the
 * article goes on, paragraph after paragraph): the indexes of its heading and headlines, or
 * null when the section does not have that shape. Lists of related stories at the end of
 * an article carry time stamps, or teasers between their headlines, or nothing after them:
 * those still end the article.
 */
function relatedBox(lines: readonly Line[], at: number, scan: ReadonlyArray<Scanned | null>): number[] | null {
  const box = [at];
  let paragraphs = 0;
  for (let i = at + 1; i < lines.length && paragraphs < PARAGRAPHS_AFTER_BOX; i++) {
    const line = lines[i];
    const scanned = scan[i];
    if (!line || line.text === '' || !scanned || scanned.rule) continue;
    if (paragraphs === 0 && !scanned.prose) {
      if (box.length > BOX_HEADLINES || !looksLikeHeadline(line.text) || splitSourceAndTime(line.text) !== null) return null;
      box.push(i);
    } else if (scanned.paragraph && box.length > 1) paragraphs += 1;
    else return null;
  }
  return paragraphs === PARAGRAPHS_AFTER_BOX ? box : null;
}

function scanLines(lines: readonly Line[], from: number, claims: Claims, page: PageContext, profile: PageProfile): Array<Scanned | null> {
  return lines.map((line, i) => {
    if (i < from || line.text === '') return null;
    const rule = claims.lineRule(i, 'body', page);
    if (rule) return { rule, weight: chromeWeight(line.text, profile), prose: false, paragraph: false };
    const quality = weighLine(line, line.text, profile);
    return { rule, weight: quality.weight, prose: quality.class !== 'label', paragraph: quality.class === 'prose' };
  });
}

/**
 * Where the article's text starts: the start of the main run over the whole rest of the page,
 * end markers and all. A guarded end marker above that point ("Most Popular" in a sidebar
 * over the article) is not the end of the article.
 */
function textStart(scan: ReadonlyArray<Scanned | null>, from: number): number {
  const indices: number[] = [];
  const weights: number[] = [];
  scan.forEach((scanned, index) => {
    if (scanned === null) return;
    indices.push(index);
    weights.push(scanned.weight);
  });
  const run = mainRun(weights);
  return run ? (indices[run.start] ?? from) : from;
}

/** Characters of prose lines from each index to the page's end. */
function proseSuffix(lines: readonly Line[], scan: ReadonlyArray<Scanned | null>): number[] {
  const sums = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) sums[i] = (sums[i + 1] ?? 0) + (scan[i]?.prose ? (lines[i]?.text.length ?? 0) : 0);
  return sums;
}

/** Article text past which a sidebar heading is trusted to end the article whatever follows. */
const CONFIDENT_ARTICLE_CHARS = 1000;

/**
 * Whether a guarded section (one with a minimum of article text) ends the article: only once
 * the article's text has started, and for a sidebar heading only if the text after it does
 * not far outweigh the article before it.
 */
function endsArticle(section: SectionRule, afterTextStart: boolean, proseBefore: number, proseAfter: number): boolean {
  if (section.minBodyChars === 0) return true;
  if (!afterTextStart) return false;
  return !section.sidebar || proseBefore >= CONFIDENT_ARTICLE_CHARS || proseBefore * 2 >= proseAfter;
}

