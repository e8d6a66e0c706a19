/**
 * Pages made from the gold outputs, so the model also sees articles with no chrome at all: the
 * gold as a page (headline, blank line, paragraphs), and the same hard-wrapped at 72 columns as
 * plain-text mail and old archives are. Every line of them is article text.
 */
import type { CorpusPage } from '../corpus.js';

const WRAP = 72;

function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > WRAP) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface SyntheticPage {
  page: CorpusPage;
  /** The page's headline line, the only line that is not article text (null: none). */
  title: string | null;
}

/** Gold-made pages of one page id each (the two renderings of a generic-dev page share their gold). */
export function goldPages(pages: readonly CorpusPage[]): SyntheticPage[] {
  const seen = new Set<string>();
  const made: SyntheticPage[] = [];
  for (const page of pages) {
    if (page.gold === undefined || seen.has(page.id)) continue;
    seen.add(page.id);
    const lines = page.gold.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const withTitle = page.set === 'aggregator-dev' && typeof page.title === 'string';
    const title = withTitle ? (lines.shift() ?? null) : null;
    if (lines.length === 0) continue;
    const head = title === null ? '' : `${title}\n\n`;
    const base = { set: `${page.set}+gold`, host: page.host };
    made.push({ page: { ...base, id: `${page.id}/as-page`, text: `${head}${lines.join('\n\n')}\n` }, title });
    made.push({ page: { ...base, id: `${page.id}/wrapped`, text: `${head}${lines.map((line) => wrap(line).join('\n')).join('\n\n')}\n` }, title });
  }
  return made;
}
