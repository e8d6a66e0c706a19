import type { Rule } from '../../types.js';

/** The generic layer: lines the fitted model scores as chrome, where no named rule decides them. */
export const boilerplateRules: readonly Rule[] = [
  {
    id: 'generic/boilerplate',
    kind: 'model',
    description: 'Menus, headline lists, widget and footer lines that the fitted line model scores as chrome (the score shows in --explain).',
    examples: {
      remove: [
        'Home\nNews\nSport\nBusiness\nOpinion\nWeather\nContact us',
        'Privacy Policy\nTerms of Use\nContact Us\nAdvertise with us\nCookie settings',
      ],
      keep: [
        'The mayor said the plan would be reviewed again in the spring before any money is spent on it.',
        'Cuts were inevitable, she said.',
        'Officials said the council would publish the figures next week, once the audit is complete.',
      ],
    },
  },
];
