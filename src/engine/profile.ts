import type { Line } from './lines.js';
import { detectLanguage, tallyWords, type Language, type WordTally } from './stopwords.js';

/** What the engine knows of the whole page before it reads any line. */
export interface PageProfile {
  language: Language | null;
  /** How often each line key occurs: menus and teaser lists repeat, paragraphs do not. */
  lineCounts: ReadonlyMap<string, number>;
  /** Each text's words, counted once for the language guess and the features alike. */
  tallies: ReadonlyMap<string, WordTally>;
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
  return { language: detectLanguage(sampled), lineCounts, tallies };
}

/** How many of a text's words are stopwords of the page's language (0 when it is not known). */
export function stopwordCount(text: string, profile: PageProfile): number {
  const { language } = profile;
  if (language === null) return 0;
  // Not kept: each line is asked once, and a huge page's tallies would outgrow its text.
  const tally = profile.tallies.get(text) ?? tallyWords(text);
  return tally.lists[language.index] ?? 0;
}
