import type { Rule } from '../../types.js';

/** The generic layer: lines outside the article's main run of text. */
export const mainTextRules: readonly Rule[] = [
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
