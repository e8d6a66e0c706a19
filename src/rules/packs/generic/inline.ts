import { DATE } from '../../../engine/timestamp.js';
import type { Rule } from '../../types.js';

/** Chrome phrases cut out of paragraphs. */
export const inlineRules: readonly Rule[] = [
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
        'The regulator said the label "Advertisement" was missing from the sponsored post, and fined the agency.',
        'It is used to record the user consent for the cookies in the "Advertisement" category.',
      ],
    },
  },
  {
    id: 'generic/story-continues',
    kind: 'inline',
    description: '"STORY CONTINUES BELOW THIS AD" and its variants inside a paragraph.',
    pattern: /\b(?:STORY|ARTICLE) CONTINUES (?:BELOW|AFTER) (?:THIS |THE )?(?:AD|ADVERTISEMENT)\b/gi,
    examples: {
      remove: [
        'Police closed the road. STORY CONTINUES BELOW THIS AD Traffic was diverted for hours.',
        'Police closed the road. Article continues below advertisement Traffic was diverted for hours.',
        'STORY CONTINUES BELOW THIS AD',
      ],
      keep: ['The story continues below the surface, in the archives of the ministry.', 'Its banner read “STORY CONTINUES BELOW THIS AD” in red letters.'],
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
    id: 'generic/store-date-stamp',
    kind: 'inline',
    description: 'The " date 2022-02-04" stamp some page stores put before the first line of a page they saved.',
    pattern: /^date \d{4}-\d{2}(?:-\d{2})?(?: |$)/g,
    examples: {
      remove: [' date 2022-02-04 Tribune News Service', ' date 2021-07 Le parole del tecnico'],
      keep: ['date 2022 was set for the vote.', 'The date 2022-02-04 was chosen for the vote.'],
    },
  },
];
