/**
 * One page's score under its set's measure, as a single F1: what the confidence model learns to
 * predict, and what eval ranks the worst pages by.
 */
import type { CorpusPage, Measure } from './corpus.js';
import { scorePage, scoreSnippets, scoreWords } from './measures.js';

/** What a system gave for a page: its headline, its body, and its whole text output. */
export interface Output {
  title: string | null;
  /** The byline found, where the system reads one. */
  byline?: string | null;
  body: string;
  text: string;
}

/** The page's F1: snippets found and leaked, word 4-grams, or WCXB's bag of words (each against the set's own part of the output). */
export function pageF1(measure: Measure, page: CorpusPage, output: Output): number {
  if (measure === 'snippets') {
    const { tp, fp, fn } = scoreSnippets(output.body, page.with ?? [], page.without ?? []);
    return tp === 0 ? (fn + fp === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn);
  }
  if (measure === 'words') return scoreWords(output.body, page.gold ?? '').f1;
  const { precision, recall } = scorePage(measure === 'text-shingles' ? output.text : output.body, page.gold ?? '');
  const p = precision ?? 0;
  return p + recall === 0 ? 0 : (2 * p * recall) / (p + recall);
}
