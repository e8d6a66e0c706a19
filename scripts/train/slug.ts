/**
 * Headlines read off page addresses, for fitting the title model on pages whose headline the
 * corpus does not give: most news and blog addresses carry the headline as a slug
 * ("/berne-interdit-chlorothalonil/story/18348200"). The candidate line that holds the slug's
 * words, and little else, is taken for the headline; when none does, the page teaches nothing.
 */

/** Lower case, accents off, so "Zürich" and "zurich" meet. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text).match(/\p{L}+/gu) ?? [];
}

/** The slug of an address: its path segment with the most hyphen- or underscore-joined words (at least three). */
export function slugWords(url: string): string[] | null {
  let path: string;
  try {
    path = new URL(url.replace(/^https?:\/\/(?:web\.archive\.org|megalodon\.jp)\/.*?(https?:\/\/)/, '$1')).pathname;
  } catch {
    return null;
  }
  let best: string[] = [];
  for (const segment of decodeURIComponentSafe(path).split('/')) {
    const found = words(segment.replace(/\.[a-z]{2,5}$/i, '').replace(/[-_+]/g, ' '));
    if (/[-_]/.test(segment) && found.length > best.length) best = found;
  }
  return best.length >= 3 ? best : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Share of the slug's words a line holds, and of the line's words the slug holds. */
function match(slug: readonly string[], line: string): { slugShare: number; lineShare: number } {
  const lineWords = words(line);
  if (lineWords.length === 0) return { slugShare: 0, lineShare: 0 };
  const inLine = new Set(lineWords);
  const inSlug = new Set(slug);
  return {
    slugShare: slug.filter((word) => inLine.has(word)).length / slug.length,
    lineShare: lineWords.filter((word) => inSlug.has(word)).length / lineWords.length,
  };
}

/** Least share of the slug a headline holds, and of the headline the slug holds. */
const SLUG_SHARE = 0.7;
const LINE_SHARE = 0.6;

/** Index of the candidate that is the page's headline by its address, or null when none clearly is. */
export function headlineBySlug(url: string | undefined, candidates: readonly string[]): number | null {
  const slug = url === undefined ? null : slugWords(url);
  if (slug === null) return null;
  let best: number | null = null;
  let bestShare = 0;
  candidates.forEach((text, index) => {
    const { slugShare, lineShare } = match(slug, text);
    if (slugShare >= SLUG_SHARE && lineShare >= LINE_SHARE && slugShare + lineShare > bestShare) [best, bestShare] = [index, slugShare + lineShare];
  });
  return best;
}
