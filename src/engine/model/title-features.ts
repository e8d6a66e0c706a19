/**
 * What the title model knows of a headline candidate: its shape, whether the page prints it
 * twice, how the line model scored it, and where it stands against the article's first line.
 */
import { countCapitalised, countWords } from '../lines.js';
import { isDate, splitSourceAndTime } from '../timestamp.js';

export const TITLE_FEATURES = [
  'bias',
  'words:1-2', 'words:3-5', 'words:6-9', 'words:10-14', 'words:15-24', 'words:25+',
  'end:period', 'end:bang-or-question', 'end:colon', 'end:ellipsis', 'end:open',
  'title-case', 'all-caps', 'digit-share', 'has:pipe', 'stamp',
  'repeated', 'repeated-below',
  'line-score', 'line-score>0',
  'gap:0', 'gap:1', 'gap:2-3', 'gap:4+', 'in-body:1', 'in-body:2',
  'first-candidate', 'log-index',
  'next-is-metadata', 'prev-removed-by-rule', 'glued',
  'overlap', 'overlap:0', 'has-date', 'separator', 'byline-word',
  'words-vs-longest', 'longest', 'log-longer', 'first-long', 'echoed',
] as const;

export type TitleFeature = (typeof TITLE_FEATURES)[number];
const TITLE_INDEX = new Map<string, number>(TITLE_FEATURES.map((name, index) => [name, index]));

/** What the reading knows of a candidate when it scores it. */
export interface TitleCandidateFacts {
  text: string;
  /** How often the line (case and space folded) is printed on the page, and below the candidate. */
  count: number;
  countBelow: number;
  /** The line model's score of the candidate's line. */
  lineScore: number;
  /** Non-blank lines between the candidate and the article's first kept line (0: right above); -k: the candidate is the k-th kept line. */
  gap: number;
  /** Place among the candidates, from the top. */
  order: number;
  nextIsMetadata: boolean;
  previousRemovedByRule: boolean;
  glued: boolean;
  /** Share of the candidate's words (four letters or more) that the article's first lines use. */
  overlap: number;
  /** Its words against the wordiest candidate's, and how many candidates have more words. */
  wordsVsLongest: number;
  longerCandidates: number;
  /** The first candidate from the top with five words or more: after a menu, the headline. */
  firstLong: boolean;
  /** Longer lines of the page that hold its text (a breadcrumb, a share prompt): 0, 1 or 2 for more. */
  echoed: number;
}

/** A date or a clock time inside the line ("8th Jun 2020 | Local News", "SPOR - 16 Haziran 2019 Pazar 20:27"). */
const DATE_INSIDE = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?[ .\/-]+(?:\p{L}{3,}|\d{1,2})[ .\/-]+\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/u;
/** A site name after a separator ("The Guardian - AU", "Local News | Site"). */
const SEPARATOR = /\s[|–—-]\s/;
/** The word that opens a byline, in the languages of the stopword lists. */
const BYLINE_WORD = /^(?:by|por|par|von|di|da|door|oleh|przez|от|автор|від)\b/iu;

function wordBucket(words: number): TitleFeature {
  if (words <= 2) return 'words:1-2';
  if (words <= 5) return 'words:3-5';
  if (words <= 9) return 'words:6-9';
  if (words <= 14) return 'words:10-14';
  return words <= 24 ? 'words:15-24' : 'words:25+';
}

function gapFeatures(gap: number): TitleFeature[] {
  if (gap < 0) return gap === -1 ? ['in-body:1'] : ['in-body:2'];
  if (gap === 0) return ['gap:0'];
  if (gap === 1) return ['gap:1'];
  return gap <= 3 ? ['gap:2-3'] : ['gap:4+'];
}

/** The candidate's features as values in TITLE_FEATURES order. */
export function titleFeatures(facts: TitleCandidateFacts): Float32Array {
  const vector = new Float32Array(TITLE_FEATURES.length);
  const set = (name: TitleFeature, value = 1) => {
    vector[TITLE_INDEX.get(name) ?? 0] = value;
  };
  const { text } = facts;
  const words = countWords(text);
  set('bias');
  set(wordBucket(words));
  if (/\.[)"'”’»]*$/.test(text) && !/(?:…|\.\.\.)$/.test(text)) set('end:period');
  else if (/[!?؟][)"'”’»]*$/.test(text)) set('end:bang-or-question');
  else if (text.endsWith(':')) set('end:colon');
  else if (/(?:…|\.\.\.)$/.test(text)) set('end:ellipsis');
  else if (/[\p{L}\p{N}]$/u.test(text)) set('end:open');
  if (words >= 2 && countCapitalised(text) >= words * 0.6) set('title-case');
  if (/\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase()) set('all-caps');
  set('digit-share', (text.match(/\d/g)?.length ?? 0) / Math.max(1, text.length));
  if (text.includes('|')) set('has:pipe');
  if (splitSourceAndTime(text) !== null || isDate(text)) set('stamp');
  if (facts.count > 1) set('repeated');
  if (facts.countBelow > 0) set('repeated-below');
  set('line-score', Math.max(-1, Math.min(1, facts.lineScore / 6)));
  if (facts.lineScore > 0) set('line-score>0');
  for (const name of gapFeatures(facts.gap)) set(name);
  if (facts.order === 0) set('first-candidate');
  set('log-index', Math.log1p(facts.order) / 3);
  if (facts.nextIsMetadata) set('next-is-metadata');
  if (facts.previousRemovedByRule) set('prev-removed-by-rule');
  if (facts.glued) set('glued');
  set('overlap', facts.overlap);
  if (facts.overlap === 0) set('overlap:0');
  if (DATE_INSIDE.test(text)) set('has-date');
  if (SEPARATOR.test(text)) set('separator');
  if (BYLINE_WORD.test(text)) set('byline-word');
  set('words-vs-longest', facts.wordsVsLongest);
  if (facts.longerCandidates === 0) set('longest');
  set('log-longer', Math.log1p(facts.longerCandidates) / 3);
  if (facts.firstLong) set('first-long');
  set('echoed', facts.echoed / 2);
  return vector;
}

