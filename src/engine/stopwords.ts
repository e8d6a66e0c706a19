/**
 * The most frequent function words of the languages news pages come in. Prose is dense in
 * them; menus, labels and headline lists are not (the jusText insight). Short lists suffice:
 * the density only has to separate running text from everything else.
 */
import { codeUnitTest } from './code-units.js';
const LISTS: Record<string, string> = {
  en: 'a about after all also an and any are as at be been but by can could did do for from had has have he her his how i if in into is it its just more most my no not of on one or our out over said she so some than that the their them then there these they this to up was we were what when where which while who will with would you your',
  es: 'a al como con de del el en era es esta este fue ha hay la las lo los más no o para pero por que se sin sobre su sus también un una y ya',
  pt: 'a ao as com como da das de do dos e ela ele em entre era foi isso mais mas na nas no nos não o os para pela pelo por que se sem ser seu sua também um uma à é',
  fr: 'au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous on ou par pas plus pour qu que qui sa se ses son sont sur un une à été',
  de: 'als auch auf aus bei das dass dem den der des die ein eine einen einer es für hat ich ist im in mit nach nicht noch sich sie sind so und von vor war wie wir zu zum zur über',
  it: 'a al alla anche che con come da del della di e gli ha i il in la le lo ma nel non per più si sono su un una è',
  nl: 'aan als bij dan dat de den der die dit door een en er het hij in is met naar niet nog of om ook op te tot van voor was wat worden zijn',
  id: 'ada adalah akan dalam dan dari dengan di ini itu juga ke kepada karena oleh pada saat sebagai telah tersebut untuk yang',
  ru: 'а без был была были в во все вы да для до его ее если же за и из или им их к как ко когда который мы на не но о об он она они от по при с со так также то только у что это',
  uk: 'а але в від до же з за и із й на не по про та також то у що це як який яка які',
  ar: 'أن إلى التي الذي على عن في قد كان لا لم ما مع من هذا هذه هو هي و أو ثم',
};

export type Stopwords = ReadonlySet<string>;

const SETS: readonly Stopwords[] = Object.values(LISTS).map((words) => new Set(words.split(' ')));

/** For each stopword, the lists it is in, so a page's words are looked up once, not once per list. */
const LISTS_OF = new Map<string, number[]>();
SETS.forEach((set, index) => {
  for (const word of set) LISTS_OF.set(word, [...(LISTS_OF.get(word) ?? []), index]);
});

/** The longest stopword: longer words are not looked up. */
const LONGEST = Math.max(...[...LISTS_OF.keys()].map((word) => word.length));

const WORD_CHAR = /^[\p{L}\p{M}\p{N}']$/u;
/** Whether a BMP code unit is a word character. */
const isWordUnit = codeUnitTest(WORD_CHAR);

/**
 * Calls `visit` with each word of the lower-cased text: a run of letters, marks, digits and
 * apostrophes. Characters are classed by a table filled as they are met, which is far cheaper
 * than a Unicode-property regex over every line, and allocates nothing but the words visited.
 */
export function forEachWord(lower: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code < 0x80) word = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length) {
      // A pair of surrogates: the code point decides; a lone surrogate is not a word character.
      const point = lower.codePointAt(i) ?? code;
      width = point > 0xffff ? 2 : 1;
      word = point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point));
    } else word = isWordUnit(code);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      visit(start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(start, lower.length);
}

/** A text's words, and how many of them each stopword list holds: one pass serves every list. */
export interface WordTally {
  words: number;
  /** By list: how many of the words the list holds. */
  lists: readonly number[];
}

const NO_STOPWORDS: readonly number[] = SETS.map(() => 0);

export function tallyWords(text: string): WordTally {
  const lower = text.toLowerCase();
  let words = 0;
  let lists: number[] | null = null;
  forEachWord(lower, (start, end) => {
    words += 1;
    const found = end - start <= LONGEST ? LISTS_OF.get(lower.slice(start, end)) : undefined;
    if (found === undefined) return;
    lists ??= SETS.map(() => 0);
    for (const index of found) lists[index] = (lists[index] ?? 0) + 1;
  });
  return { words, lists: lists ?? NO_STOPWORDS };
}

/** A stopword list, and its place in the tallies' `lists`. */
export interface Language {
  stopwords: Stopwords;
  index: number;
}

/** The stopword list that covers most of the words tallied, or null when none covers enough. */
export function detectLanguage(tallies: Iterable<WordTally>): Language | null {
  const hits = SETS.map(() => 0);
  let words = 0;
  for (const tally of tallies) {
    words += tally.words;
    tally.lists.forEach((count, index) => (hits[index] = (hits[index] ?? 0) + count));
  }
  let best = -1;
  hits.forEach((count, index) => {
    if (count > (hits[best] ?? 0)) best = index;
  });
  const stopwords = SETS[best];
  return stopwords && words > 0 && (hits[best] ?? 0) / words >= 0.12 ? { stopwords, index: best } : null;
}
