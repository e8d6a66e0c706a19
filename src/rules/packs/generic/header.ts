import { countWords, lineKey, looksLikeHeadline } from '../../../engine/lines.js';
import { looksLikePublisher } from '../../../engine/publisher.js';
import { splitSourceAndTime } from '../../../engine/timestamp.js';
import type { Rule } from '../../types.js';

const STAMP_LABEL = /^(?:Updated|Posted|Published|Last updated|Modified)\b/i;
const BYLINE = /^(?:By|BY|Written by|Words by|Reported by)\s+(\S.*)$/;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*,?|and|&|de|da|di|du|van|von|der|den|la|le|al|bin|binti|\||-|–)$/u;

/** The key of the page's title, remembered: the title rule asks for it once per line. */
let lastTitle: string | null = null;
let lastTitleKey = '';
function titleKey(title: string): string {
  if (title !== lastTitle) [lastTitle, lastTitleKey] = [title, lineKey(title)];
  return lastTitleKey;
}

function looksLikeByline(text: string): boolean {
  const names = BYLINE.exec(text)?.[1];
  if (!names || text.length > 80 || /[.!?]$/.test(names)) return false;
  const words = names.split(/\s+/);
  return words.length <= 8 && words.every((word) => NAME_WORD.test(word));
}

/** Chrome and metadata around the headline: section labels, navigation, the repeated headline, publisher and time, bylines. */
export const headerRules: readonly Rule[] = [
  {
    id: 'generic/section-label',
    kind: 'title',
    description: 'A one-word section label printed above the headline ("News", "Singapore").',
    skip(lines) {
      const [label, headline] = lines;
      if (label === undefined || headline === undefined) return 0;
      const isLabel = /^[\p{Lu}][\p{L}&-]{1,19}$/u.test(label);
      return isLabel && countWords(headline) >= 3 && looksLikeHeadline(headline) && !headline.endsWith('.') ? 1 : 0;
    },
    examples: {
      remove: ['News', 'Singapore'],
      keep: ['Brexit: what happens next', 'Why it matters'],
    },
  },
  {
    id: 'generic/site-navigation',
    kind: 'line',
    scope: 'header',
    description: 'Site navigation labels printed above the headline ("Skip to main content", "Top Stories").',
    lines: [
      'Skip to main content',
      'Skip to content',
      'Top Stories',
      'Latest News',
      'Breaking News',
      'Menu',
      'Search',
      'Home',
    ],
    examples: {
      remove: ['Top Stories', 'Skip to main content'],
      keep: ['Top stories of the week were dominated by the storm.'],
    },
  },
  {
    id: 'generic/starred-byline',
    kind: 'metadata',
    description: 'An author name marked with an asterisk under the headline ("Jane Smith*"), read into byline.',
    read(lines) {
      const first = lines[0];
      const name = first === undefined ? undefined : /^([^\s*\d.!?:%][^*\d.!?:%]{0,40}?)\s?\*$/u.exec(first)?.[1];
      return name !== undefined && countWords(name) <= 4 ? { count: 1, byline: name } : null;
    },
    examples: {
      remove: ['Jane Smith*', 'حمود النوفلي*'],
      keep: ['* Vietnam: years of siege and war', 'The figures were revised after the audit, officials said.*', 'Prices rose 5%*'],
    },
  },
  {
    id: 'generic/repeated-title',
    kind: 'context',
    description: 'The headline printed again as a line of its own.',
    test: (line, page) => page.title !== null && line.key === titleKey(page.title),
    examples: {
      remove: ['Council budget talks run for hours'],
      keep: ['Council budget talks run for hours, and what followed them'],
    },
  },
  {
    id: 'generic/source-time',
    kind: 'metadata',
    description: 'The publisher and time line under the headline ("NDTV2 days ago"), read into source and published.',
    read(lines) {
      const first = lines[0];
      if (first === undefined || first.length > 80) return null;
      const found = splitSourceAndTime(first);
      if (!found) return null;
      // "Updated 9:15 am, Tuesday, November 19, 2019": a time stamp with its label, no publisher.
      if (found.source !== null && STAMP_LABEL.test(found.source)) return { count: 1, source: null, published: first };
      // "By Tess Bonn - 11/19/19 06:56 AM EST": a byline, not a publisher, before the time.
      if (found.source !== null && looksLikeByline(found.source)) return { count: 1, byline: found.source, published: found.published };
      const source = found.source !== null && looksLikePublisher(found.source) ? found.source : null;
      if (found.source !== null && source === null) return null;
      return { count: 1, source, published: found.published };
    },
    examples: {
      remove: ['NDTV2 days ago', 'News183 days ago', 'Focus Malaysia08-07-2025', '2 hours ago', 'Updated 9:15 am, Tuesday, November 19, 2019', 'By Tess Bonn - 11/19/19 06:56 AM EST', '3h'],
      keep: ['He said the strike began 2 days ago', 'Officials said talks ended 3 days ago.'],
    },
  },
  {
    id: 'generic/byline',
    kind: 'metadata',
    description: 'A "By <name>" line under the headline, read into byline.',
    read(lines) {
      const first = lines[0];
      return first !== undefined && looksLikeByline(first) ? { count: 1, byline: first } : null;
    },
    examples: {
      remove: ['By Dmitry Antonov', 'By Jane Smith and John Doe'],
      keep: ['By Friday the talks had collapsed and both sides went home.'],
    },
  },
];
