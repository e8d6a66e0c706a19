/**
 * What the rules alone say of a page's layout, before any line is scored: the chrome and labels
 * at the top, the lines rules remove wherever they stand, related-story boxes set inside the
 * article, and the section that ends the article whatever comes before it (an aggregator's
 * "Related Articles"). The model reads only the lines between, that no rule took.
 */
import type { CompiledSection, RuleSet } from '../rules/compile.js';
import type { PageContext, Rule, SectionRule } from '../rules/types.js';
import type { Claims } from './claims.js';
import { looksLikeHeadline, readsAsProse, type Line } from './lines.js';
import { splitSourceAndTime } from './timestamp.js';
import type { Removal } from './types.js';

export interface Layout {
  /** The first line after the chrome and labels at the top of the page. */
  top: number;
  /** The section that ends the article whatever comes before it, and where (the page's length when none). */
  end: number;
  endSection: SectionRule | null;
  /** For each line: the rule that removes it wherever it stands (or the box it sits in), or null. */
  ruled: ReadonlyArray<Rule | null>;
  /** Removals of the chrome and labels at the top. */
  removed: readonly Removal[];
}

const NO_PAGE: PageContext = { title: null };

/** Header chrome (rules of header scope) and section labels at the top of the page; returns the index after them. */
function readTop(lines: readonly Line[], claims: Claims, set: RuleSet, removed: Removal[]): number {
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.text === '') continue;
    if (claims.section(i, 0)) return i;
    const rule = claims.lineRule(i, 'header', NO_PAGE);
    if (!rule) break;
    removed.push({ rule: rule.id, line: line.no, text: line.text });
  }
  const window: Line[] = [];
  for (let k = i; k < lines.length && window.length < 4; k++) if (lines[k]?.text) window.push(lines[k] as Line);
  for (const rule of set.title) {
    const count = Math.min(rule.skip(window.map((line) => line.text)), window.length - 1);
    if (count <= 0) continue;
    for (const line of window.slice(0, count)) removed.push({ rule: rule.id, line: line.no, text: line.text });
    return (window[count] as Line).no - 1;
  }
  return i;
}

/** Headlines a related-stories box inside an article lists at most. */
const BOX_HEADLINES = 5;
/** Paragraphs that must follow such a box for the article to be taken as going on after it. */
const PARAGRAPHS_AFTER_BOX = 3;

/**
 * A related-stories box set inside the article ("Related News", two headlines, then the article
 * goes on, paragraph after paragraph): the indexes of its heading and headlines, or null when
 * the section does not have that shape. Lists of related stories at the end of an article carry
 * time stamps, or teasers between their headlines, or nothing after them: those end the article.
 */
export function relatedBox(lines: readonly Line[], at: number, ruled: ReadonlyArray<Rule | null>): number[] | null {
  const box = [at];
  let paragraphs = 0;
  for (let i = at + 1; i < lines.length && paragraphs < PARAGRAPHS_AFTER_BOX; i++) {
    const text = lines[i]?.text ?? '';
    if (text === '' || ruled[i]) continue;
    const paragraph = readsAsProse(text);
    if (paragraphs === 0 && !paragraph) {
      if (box.length > BOX_HEADLINES || !looksLikeHeadline(text) || splitSourceAndTime(text) !== null) return null;
      box.push(i);
    } else if (paragraph && box.length > 1) paragraphs += 1;
    else return null;
  }
  return paragraphs === PARAGRAPHS_AFTER_BOX ? box : null;
}

/** Whether the model is shown the line: the lines between the top and the end that no rule removes. */
export function isOpen(layout: Layout, claims: Claims, lines: readonly Line[], index: number): boolean {
  return index >= layout.top && index < layout.end && lines[index]?.text !== '' && layout.ruled[index] === null && claims.inlineCuts(index).text !== '';
}

export function readLayout(lines: readonly Line[], claims: Claims, set: RuleSet): Layout {
  const removed: Removal[] = [];
  const top = readTop(lines, claims, set, removed);
  const ruled: Array<Rule | null> = lines.map((line, i) => (i < top || line.text === '' ? null : claims.lineRule(i, 'body', NO_PAGE)));
  for (let i = top; i < lines.length; i++) {
    const section = claims.hidesSection(i, ruled[i] ?? null) ? null : claims.section(i, 0);
    if (!section) continue;
    const box = section.rule.related ? relatedBox(lines, i, ruled) : null;
    if (box === null) return { top, end: i, endSection: (section as CompiledSection).rule, ruled, removed };
    for (const index of box) ruled[index] = section.rule;
  }
  return { top, end: lines.length, endSection: null, ruled, removed };
}
