import { countWords, lineKey, looksLikeHeadline } from '../../engine/lines.js';
import { looksLikePublisher } from '../../engine/publisher.js';
import { DATE, splitSourceAndTime } from '../../engine/timestamp.js';
import type { Rule } from '../types.js';

const STAMP_LABEL = /^(?:Updated|Posted|Published|Last updated|Modified)\b/i;
const BYLINE = /^(?:By|BY|Written by|Words by|Reported by)\s+(\S.*)$/;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*,?|and|&|de|da|di|du|van|von|der|den|la|le|al|bin|binti|\||-|–)$/u;

function looksLikeByline(text: string): boolean {
  const names = BYLINE.exec(text)?.[1];
  if (!names || text.length > 80 || /[.!?]$/.test(names)) return false;
  const words = names.split(/\s+/);
  return words.length <= 8 && words.every((word) => NAME_WORD.test(word));
}

export const genericRules: readonly Rule[] = [
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
    id: 'generic/image-alt-text',
    kind: 'pattern',
    scope: 'page',
    description: 'Alt text of logos, icons and colour backgrounds left behind by the scraper ("logo", "search icon").',
    pattern:
      /^(?:logo|(?:[\p{L}-]+ ){0,3}(?:logo|icon)|(?:black|white|grey|gray|red|orange|yellow|green|blue|purple|pink|dark|light) background)$/iu,
    examples: {
      remove: ['logo', 'Orange background', 'search icon'],
      keep: ['Background', 'The icon of a generation', 'A troubled background'],
    },
  },
  {
    id: 'generic/advertisement-line',
    kind: 'line',
    scope: 'page',
    description: 'A line that only says "Advertisement" (an ad slot between paragraphs).',
    lines: ['Advertisement', 'Advertisements', '- Advertisement -', 'Sponsored', 'Sponsored content'],
    examples: {
      remove: ['Advertisement', 'ADVERTISEMENT'],
      keep: ['The advertisement ran for a week before it was pulled.'],
    },
  },
  {
    id: 'generic/advertisement-inline',
    kind: 'inline',
    description: '"Advertisement" standing between two sentences of a paragraph.',
    // Bounded spaces: an unbounded \s* in a lookbehind rescans long runs of spaces (quadratic).
    pattern: /(?<=^|[.!?…"”’')]\s{0,3})(?:Advertisement|ADVERTISEMENT)(?=\s{0,3}$|\s{0,3}[\p{Lu}"“‘'(\d])/gu,
    examples: {
      remove: ['The minister resigned. Advertisement The party met on Monday.'],
      keep: [
        'The advertisement was pulled after complaints.',
        'He said the figures were wrong. Advertisement revenue fell by half.',
      ],
    },
  },
  {
    id: 'generic/story-continues',
    kind: 'inline',
    description: '"STORY CONTINUES BELOW THIS AD" and its variants inside a paragraph.',
    pattern: /\bSTORY CONTINUES (?:BELOW|AFTER) (?:THIS |THE )?(?:AD|ADVERTISEMENT)\b/gi,
    examples: {
      remove: [
        'Police closed the road. STORY CONTINUES BELOW THIS AD Traffic was diverted for hours.',
        'STORY CONTINUES BELOW THIS AD',
      ],
      keep: ['The story continues below the surface, in the archives of the ministry.'],
    },
  },
  {
    id: 'generic/preferred-source',
    kind: 'inline',
    description: '"Add <site> as a Preferred Source" prompts for search engines.',
    pattern:
      /\bAdd (?:[\p{Lu}\d][\p{L}\d&.'’-]* ){1,5}as a (?:[Pp]referred|[Tt]rusted) [Ss]ource(?: on Google)?\b/gu,
    examples: {
      remove: ['The vote is on Friday. Add Zee News as a Preferred Source The count starts at noon.'],
      keep: ['Add salt as a preferred seasoning, the chef said.'],
    },
  },
  {
    id: 'generic/puzzle-promo',
    kind: 'inline',
    description: 'Puzzle promos such as "Solve the daily Crossword".',
    pattern: /\bSolve the daily (?:Crossword|Mini Crossword|Sudoku|Wordle|puzzle)\b/gi,
    examples: {
      remove: ['Solve the daily Crossword'],
      keep: ['He liked to solve the crossword on the train every morning.'],
    },
  },
  {
    id: 'generic/trailing-date-stamp',
    kind: 'inline',
    description: 'A dash and a date stamped after the last sentence of a paragraph ("… he added. ‒ July 8, 2025").',
    pattern: new RegExp(`(?<=[.!?…"'”’)]) ?[‒–—-] ?${DATE}$`, 'giu'),
    examples: {
      remove: ["'In these turbulent times, we must act,' he added. ‒ July 8, 2025"],
      keep: ['The deadline is July 8, 2025.', 'The vote was set for one date - July 8, 2025'],
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
    test: (line, page) => page.title !== null && lineKey(line) === lineKey(page.title),
    examples: {
      remove: ['Example headline for the rule tester'],
      keep: ['Example headline for the rule tester, and what followed it'],
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
      const source = found.source !== null && looksLikePublisher(found.source) ? found.source : null;
      if (found.source !== null && source === null) return null;
      return { count: 1, source, published: found.published };
    },
    examples: {
      remove: ['NDTV2 days ago', 'News183 days ago', 'Focus Malaysia08-07-2025', '2 hours ago', 'Updated 9:15 am, Tuesday, November 19, 2019'],
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
  {
    id: 'generic/comment-widget',
    kind: 'block',
    description: 'An empty comment widget: "Comments" followed by "No comments yet...".',
    start: ['Comments', 'Comment', '0 Comments'],
    end: /^(?:No comments yet|Be the first to comment)\b.*$/i,
    maxLines: 3,
    examples: {
      remove: ['Comments\n\nNo comments yet...'],
      keep: ['Comments\nThe minister declined to comment further on the case.'],
    },
  },
  {
    id: 'generic/comments-section',
    kind: 'section',
    description: 'A reader comments section after the article ("Comments", "Leave a Reply", "3 Responses").',
    start: /^(?:Comments|\d+ (?:Comments?|Responses?|Replies)|Leave a (?:Reply|Comment)|Join (?:our commenting forum|the conversation)|(?:Show|View) comments)$/i,
    minBodyChars: 200,
    examples: {
      remove: ['Leave a Reply\nYour email address will not be published.'],
      keep: ['Comments from the minister came late on Tuesday.'],
    },
  },
  {
    id: 'generic/related-articles',
    kind: 'section',
    related: true,
    description: 'A "Related Articles" list after the article; its stories are read into related.',
    start: ['Related Articles', 'Related Stories', 'Related News', 'Related Posts', 'Related Content'],
    minBodyChars: 0,
    examples: {
      remove: ['Related Articles\n\nAnother story\n\ntime2 hours ago\n\nAnother story\n\nIts first lines.'],
      keep: ['Related articles were published by the ministry on Monday.'],
    },
  },
  {
    id: 'generic/app-banner',
    kind: 'section',
    description: 'An app download banner and whatever follows it ("DOWNLOAD THE APP").',
    start: ['Download the app', 'Download our app', 'Get the app', 'Get the app now'],
    minBodyChars: 0,
    examples: {
      remove: ['DOWNLOAD THE APP\n\nGet Started Now: Download the App'],
      keep: ['Users can download the app from the ministry website, officials said.'],
    },
  },
  {
    id: 'generic/app-store-badges',
    kind: 'pattern',
    scope: 'page',
    description: 'Alt text of app store badges ("app-storeplay-store", "Google Play").',
    pattern: /^(?:(?:app|play)-?store|google play|app store)(?:\s*(?:(?:app|play)-?store|google play|app store))*$/i,
    examples: {
      remove: ['app-storeplay-store', 'Google Play'],
      keep: ['The app store rules changed in March.'],
    },
  },
  {
    id: 'generic/trending-list',
    kind: 'section',
    sidebar: true,
    description: 'A "Trending" or "Most Read" list after the article.',
    start: ['Trending', 'Trending Now', 'Trending Stories', 'Most Read', 'Most Popular', 'Popular Posts', 'Recent Posts', 'Latest Posts'],
    minBodyChars: 200,
    examples: {
      remove: ['Trending\n\nSome other headline'],
      keep: ['Trending topics on the platform included the election.'],
    },
  },
  {
    id: 'generic/copyright-footer',
    kind: 'section',
    description: 'A copyright footer ("Copyright © …", "© 2025 …") and the page footer after it.',
    // "© Amazon" under a photo is a credit, not a footer: a footer has a year or the rights line.
    start: /^(?:Copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|©.*\bAll rights reserved\b)/i,
    minBodyChars: 200,
    examples: {
      remove: ['Copyright © All rights reserved.', '© 2025 Example Media. All rights reserved.'],
      keep: ['Copyright law in the EU changed in 2019, the court noted.', '© Amazon'],
    },
  },
  {
    id: 'generic/hashtags',
    kind: 'section',
    description: 'A "Hashtags" block after the article.',
    start: ['Hashtags'],
    minBodyChars: 0,
    examples: {
      remove: ['Hashtags\n#election #vote'],
      keep: ['Hashtags spread quickly across the platform during the protests.'],
    },
  },
  {
    id: 'generic/boilerplate-before',
    kind: 'main-text',
    side: 'before',
    description: 'Menus, headline lists and widget lines before the main run of article text.',
    examples: {
      remove: ['Home\nNews\nSport\nBusiness\nOpinion', 'Weston captures 7th straight Class S swim title\nSeymour sweeps Weston to earn return trip to Class M volleyball'],
      keep: [
        'The mayor said the plan would be reviewed again in the spring before any money is spent on it.',
        'Cuts were inevitable, she said.',
      ],
    },
  },
  {
    id: 'generic/boilerplate-after',
    kind: 'main-text',
    side: 'after',
    description: 'Menus, headline lists and widget lines after the main run of article text.',
    examples: {
      remove: ['Privacy Policy\nTerms of Use\nContact Us\nAdvertise', 'More from the council\nBudget hearing set for June\nMayor names new deputy'],
      keep: ['That, at least, is the plan.', 'Officials said the council would publish the figures next week, once the audit is complete.'],
    },
  },
];
