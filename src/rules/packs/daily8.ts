import type { Rule } from '../types.js';

export const daily8Rules: readonly Rule[] = [
  {
    id: 'daily8/ai-promo',
    kind: 'section',
    description: 'The Daily8 "Try Our AI Features" promo that closes the article, and the page tail after it.',
    start: /^(?:Try Our AI Features|Explore what \S+ AI can do for you:?)$/i,
    minBodyChars: 0,
    examples: {
      remove: ['Try Our AI Features\n\nExplore what Daily8 AI can do for you:'],
      keep: ['Users were invited to try our AI features, the company said in a statement.'],
    },
  },
  {
    id: 'daily8/app-pitch',
    kind: 'pattern',
    scope: 'page',
    description: 'The Daily8 app pitch ("Get Started Now: Download the App", "Ready to dive into…").',
    pattern:
      /^(?:Get Started Now: Download the App|Ready to dive into .{0,80}\? Download \S+ app today from your preferred app store and start exploring\.?)$/i,
    examples: {
      remove: [
        'Get Started Now: Download the App',
        'Ready to dive into a world of global content with local flavor? Download Daily8 app today from your preferred app store and start exploring.',
      ],
      keep: ['Ready to dive into the budget? Ministers were not, the opposition said.'],
    },
  },
];
