import type { RuleSet } from '../rules/compile.js';
import { cutInline } from './inline.js';
import { looksLikeHeadline, type Line } from './lines.js';
import { looksLikePublisher } from './publisher.js';
import { splitSourceAndTime } from './timestamp.js';
import type { RelatedStory } from './types.js';

/** "time2 hours ago": the card's time stamp, behind the alt text of a clock icon. */
function cardTime(text: string): string | null {
  const found = splitSourceAndTime(text.replace(/^time\s*/i, ''));
  return found && found.source === null ? found.published : null;
}

/** "• India.com" or "- The Star": the publisher repeated as a list item. */
function bulletSource(text: string | undefined): string | null {
  const name = text === undefined ? undefined : /^[•·\-–—]\s*(\S.*)$/.exec(text)?.[1];
  return name !== undefined && looksLikePublisher(name) ? name : null;
}

interface Card {
  /** Index of the card's first line (its prelude before the time stamp). */
  start: number;
  title: string | null;
  source: string | null;
  published: string;
  /** Index of the first body line. */
  bodyStart: number;
}

/**
 * Reads one card around its time stamp. Aggregators print the title and publisher before
 * the time, repeat them after it, or both: the title before the time is recognised because
 * it is printed again after it, and the publisher because it is printed again as a bullet.
 */
function readCard(texts: readonly string[], at: number, floor: number, published: string): Card {
  let after = at + 1;
  let source = bulletSource(texts[after]);
  if (source !== null) after += 1;
  const next = texts[after];
  const titleAfter = next !== undefined && cardTime(next) === null && looksLikeHeadline(next) ? next : null;

  let start = at;
  const before = texts[start - 1];
  const publisherBefore = before === source || (source === null && before !== titleAfter && looksLikePublisher(before ?? ''));
  if (start > floor && before !== undefined && publisherBefore) {
    source = before;
    start -= 1;
  }
  let titleBefore: string | null = null;
  if (titleAfter !== null) {
    while (start > floor && texts[start - 1] === titleAfter) start -= 1;
  } else if (start > floor && looksLikeHeadline(texts[start - 1] ?? '')) {
    titleBefore = texts[start - 1] ?? null;
    start -= 1;
  }
  const title = titleAfter ?? titleBefore;
  return { start, title, source, published, bodyStart: titleAfter === null ? after : after + 1 };
}

/**
 * Reads the related stories listed after an article. Each story is anchored on its time
 * stamp; its body is everything up to the next story's first line.
 */
export function readRelated(lines: readonly Line[], inline: Pick<RuleSet, 'inline' | 'literals'>): RelatedStory[] {
  const texts = lines.map((line) => line.text).filter((text) => text !== '');
  const cards: Card[] = [];
  let floor = 0;
  texts.forEach((text, index) => {
    const published = cardTime(text);
    if (published === null || index < floor) return;
    const card = readCard(texts, index, floor, published);
    cards.push(card);
    floor = card.bodyStart;
  });
  return cards.map((card, index) => {
    const end = cards[index + 1]?.start ?? texts.length;
    const paragraphs = texts
      .slice(card.bodyStart, end)
      .map((text) => cutInline(text, inline).text)
      .filter((text) => text !== '');
    return { title: card.title, source: card.source, published: card.published, paragraphs };
  });
}
