import { builtinRules } from '../rules/index.js';
import { compileRules, type RuleSet } from '../rules/compile.js';
import type { PageContext, Rule } from '../rules/types.js';
import { readBody, type ArticleEnd } from './body.js';
import { claimLines, type Claims } from './claims.js';
import { readHeader, type TitleHint } from './header.js';
import { findTitleNearText } from './title.js';
import { splitLines, type Line } from './lines.js';
import { readRelated } from './related.js';
import { profilePage, type PageProfile } from './prose.js';
import type { CleanResult, RelatedStory, Removal } from './types.js';

export interface CleanOptions {
  /** The rules to apply, in order; the built-in rules when absent. */
  rules?: readonly Rule[];
}

interface Tail {
  related: RelatedStory[];
  removed: Removal[];
}

/**
 * Everything after the article. Each line is credited to the rule that names it, or else to
 * the section it sits in; lines of a related-stories section are also read as stories.
 */
function readTail(lines: readonly Line[], end: ArticleEnd, claims: Claims, set: RuleSet): Tail {
  const tail: Tail = { related: [], removed: [] };
  const noPage: PageContext = { title: null };
  let section = end.section;
  let relatedLines: Line[] | null = null;
  const closeRelated = () => {
    if (relatedLines) tail.related.push(...readRelated(relatedLines, set));
    relatedLines = null;
  };
  for (let i = end.index; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const started = claims.section(i, Number.POSITIVE_INFINITY);
    if (started) {
      closeRelated();
      section = started.rule;
      if (started.rule.related) relatedLines = [];
    }
    const own = claims.lineRule(i, 'tail', noPage);
    tail.removed.push({ rule: (own ?? section).id, line: line.no, text: line.text });
    if (!started && !own) relatedLines?.push(line);
  }
  closeRelated();
  return tail;
}

function assembleText(title: string | null, paragraphs: readonly string[]): string {
  const body = paragraphs.map((paragraph) => `${paragraph}\n`).join('');
  if (title === null) return body;
  return body === '' ? `${title}\n` : `${title}\n\n${body}`;
}

/** Characters read to guess a page's language: plenty for its stopwords, bounded for huge inputs. */
const LANGUAGE_SAMPLE = 20_000;

interface Page {
  lines: readonly Line[];
  set: RuleSet;
  claims: Claims;
  profile: PageProfile;
}

function read(page: Page, hint?: TitleHint) {
  const { lines, set, claims } = page;
  const header = readHeader(lines, claims, set, hint);
  const body = readBody(lines, header.bodyStart, claims, set, header, page.profile);
  return { header, body };
}

function cleanWith(set: RuleSet, text: string): CleanResult {
  const lines = splitLines(text);
  const page: Page = { lines, set, claims: claimLines(lines, set), profile: profilePage(lines, LANGUAGE_SAMPLE) };
  const first = read(page);
  // Menus above the article push the first headline-like line far from it: look again near the article.
  const hint = findTitleNearText(lines, page.profile.lineCounts, first.header.title, first.body.removed, set.mainText.before);
  const { header, body } = hint ? read(page, hint) : first;
  const tail: Tail = body.end ? readTail(lines, body.end, page.claims, set) : { related: [], removed: [] };
  const removed = [...header.removed, ...body.removed, ...tail.removed];
  return {
    title: header.title,
    source: header.source,
    published: header.published,
    byline: header.byline,
    paragraphs: body.paragraphs,
    text: assembleText(header.title, body.paragraphs),
    related: tail.related,
    removed,
  };
}

export type Cleaner = (text: string) => CleanResult;

/** A cleaner for a rule set compiled once, for cleaning many pages with the same rules. */
export function createCleaner(rules: readonly Rule[] = builtinRules): Cleaner {
  const set = compileRules(rules);
  return (text) => cleanWith(set, text);
}

const builtinCleaner = createCleaner();

/** Cleans one page: text in, result out. Pure: no file system, no console. */
export function clean(text: string, options: CleanOptions = {}): CleanResult {
  return (options.rules ? createCleaner(options.rules) : builtinCleaner)(text);
}
