import { countCapitalised, type Line } from './lines.js';
import { countStopwords, detectLanguage, tallyWords, type Language, type Stopwords, type WordCount, type WordTally } from './stopwords.js';

/**
 * How much a line looks like running article text, judged from the line alone:
 * - `prose`: a long line that reads as sentences;
 * - `sentence`: a short line that still reads as a sentence (or a cut-off one);
 * - `label`: menu items, headline lists, bylines, widget labels.
 */
export type LineClass = 'prose' | 'sentence' | 'label';

/** What the weighing knows of the whole page. */
export interface PageProfile {
  language: Language | null;
  /** How often each line key occurs: menus and teaser lists repeat, paragraphs do not. */
  lineCounts: ReadonlyMap<string, number>;
  /** Each text's words, counted once for the language guess and the weighing alike. */
  tallies: Map<string, WordTally>;
  /** Each text's quality, computed once: the body pass asks for most lines twice. */
  qualities: Map<string, LineQuality>;
}

/**
 * Counts the page's lines and guesses its language from the words of its first lines up to
 * `sample` characters: plenty for its stopwords, bounded for huge inputs.
 */
export function profilePage(lines: readonly Line[], sample: number): PageProfile {
  const lineCounts = new Map<string, number>();
  const tallies = new Map<string, WordTally>();
  const sampled: WordTally[] = [];
  let read = 0;
  for (const line of lines) {
    if (line.text === '') continue;
    lineCounts.set(line.key, (lineCounts.get(line.key) ?? 0) + 1);
    if (read >= sample) continue;
    read += line.text.length + 1;
    let tally = tallies.get(line.text);
    if (tally === undefined) {
      tally = tallyWords(line.text);
      tallies.set(line.text, tally);
    }
    sampled.push(tally);
  }
  return { language: detectLanguage(sampled), lineCounts, tallies, qualities: new Map() };
}

/** A text's words and stopwords in the page's language. */
function countWords(text: string, profile: PageProfile): WordCount {
  let tally = profile.tallies.get(text);
  if (tally === undefined) {
    tally = tallyWords(text);
    profile.tallies.set(text, tally);
  }
  const { language } = profile;
  return { words: tally.words, stopwords: language === null ? 0 : (tally.lists[language.index] ?? 0) };
}

export interface LineQuality {
  class: LineClass;
  /** Positive for text, negative for labels: what the main-run search adds up. */
  weight: number;
}

const BREADCRUMB = /\s[»›>]\s.*\s[»›>]\s/u;
const SENTENCE_END = /[.!?…。؟][)"'”’»]*$/u;

function isTitleCase(words: number, text: string): boolean {
  return countCapitalised(text) >= Math.max(2, words * 0.6);
}

const LABEL_BASE = 2;

function labelWeight(count: number): number {
  return -(LABEL_BASE + count / 2);
}

/**
 * Chrome a rule removed weighs half a label line: enough to wall the article off from
 * footers, not so much that a widget inside the article cuts off the paragraphs after it.
 */
export function chromeWeight(text: string, profile: PageProfile): number {
  return labelWeight(countWords(text, profile).words) / 2;
}

/** A line printed more than once on the page weighs as a label: repetition marks navigation. */
export function weighLine(line: Line, text: string, profile: PageProfile): LineQuality {
  let quality = profile.qualities.get(text);
  if (quality === undefined) {
    quality = qualityOf(text, countWords(text, profile), profile.language !== null);
    profile.qualities.set(text, quality);
  }
  const repeated = (profile.lineCounts.get(line.key) ?? 0) > 1;
  return repeated && quality.weight > 0 ? { class: 'label', weight: labelWeight(countWords(text, profile).words) } : quality;
}

export function lineQuality(text: string, stopwords: Stopwords | null): LineQuality {
  return qualityOf(text, countStopwords(text, stopwords), stopwords !== null);
}

function qualityOf(text: string, { words: count, stopwords: hits }: WordCount, knowsStopwords: boolean): LineQuality {
  const density = !knowsStopwords || count === 0 ? null : hits / count;
  const ends = SENTENCE_END.test(text);
  // Title case marks headlines and teasers, however long, unless the line is a whole paragraph.
  const headline = count < 25 && isTitleCase(count, text);
  // Prose ends its sentences; an unpunctuated line of ten to twenty words is a headline.
  const prose = !headline && (count >= 20 || (count >= 10 && ends));
  if (prose) return { class: 'prose', weight: count };
  // A short line cut off with an ellipsis is a teaser, and "A » B » C" is a breadcrumb trail.
  const teaserOrTrail = /(?:…|\.\.\.)$/.test(text) || BREADCRUMB.test(text);
  const fragment = count < 8 && density !== null && density >= 0.3 && !isTitleCase(count, text);
  const sentence = count >= 3 && !teaserOrTrail && (ends || fragment);
  if (sentence) return { class: 'sentence', weight: count / 2 };
  return { class: 'label', weight: labelWeight(count) };
}

export interface Run {
  /** First and last index (inclusive) of the run, in the weights array. */
  start: number;
  end: number;
  score: number;
}

/**
 * The article's main run of text: the stretch of lines with the largest total weight
 * (maximum subarray), so prose pulls in the subheadings between paragraphs while long
 * stretches of menu lines, headline lists and widgets stay outside. Null when nothing in
 * the page weighs positive: then there is no basis to remove anything.
 */
export function mainRun(weights: readonly number[]): Run | null {
  let best: Run | null = null;
  let start = 0;
  let sum = 0;
  weights.forEach((weight, index) => {
    if (sum <= 0) {
      start = index;
      sum = 0;
    }
    sum += weight;
    if (sum > 0 && (best === null || sum > best.score)) best = { start, end: index, score: sum };
  });
  return best;
}
