/**
 * The most frequent function words of the languages news pages come in. Prose is dense in
 * them; menus, labels and headline lists are not (the jusText insight). Short lists suffice:
 * the density only has to separate running text from everything else.
 */
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

const WORD = /[\p{L}\p{M}\p{N}']+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The stopword list that covers most of the page's words, or null when none covers enough. */
export function detectStopwords(tokens: readonly string[]): Stopwords | null {
  const hits = new Array<number>(SETS.length).fill(0);
  for (const token of tokens) for (const index of LISTS_OF.get(token) ?? []) hits[index] = (hits[index] ?? 0) + 1;
  let best = -1;
  hits.forEach((count, index) => {
    if (count > (hits[best] ?? 0)) best = index;
  });
  return tokens.length > 0 && (hits[best] ?? 0) / tokens.length >= 0.12 ? (SETS[best] ?? null) : null;
}
