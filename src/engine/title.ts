import { countWords } from './lines.js';

/** Words a sentence opens with but a title-case headline does not end with. */
const SENTENCE_OPENER = /^(?:The|A|An|This|These|Those|It|He|She|They|We|In|On|At|After|Before|When|While|As|For)$/;
const MINOR_WORD = /^(?:a|an|the|and|or|but|as|at|by|for|in|of|on|to|vs\.?|with|from)$/;

function isTitleCaseWord(word: string): boolean {
  return /^[\p{Lu}\d'‘“"(]/u.test(word) || MINOR_WORD.test(word);
}

/**
 * Some scrapes glue the headline to the first sentence with a single space ("Costs Rise The
 * Central Bank of Nigeria has warned..."). The headline is the title-case run at the start of
 * the line; the body starts at the last sentence opener inside that run, where title case
 * gives way to a sentence. Null when the line does not have that shape.
 */
export function splitGluedTitle(text: string): { title: string; rest: string } | null {
  const words = text.split(' ');
  let run = 0;
  while (run < words.length && isTitleCaseWord(words[run] ?? '')) run++;
  for (let at = run - 1; at >= 4; at--) {
    if (!SENTENCE_OPENER.test(words[at] ?? '')) continue;
    const title = words.slice(0, at).join(' ');
    const rest = words.slice(at).join(' ');
    if (countWords(title) > 20 || countWords(rest) < 15) return null;
    return { title, rest };
  }
  return null;
}
