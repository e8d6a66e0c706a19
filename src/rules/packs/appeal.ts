import type { Rule } from '../types.js';

export const appealRules: readonly Rule[] = [
  {
    id: 'appeal/support-line',
    kind: 'pattern',
    scope: 'page',
    description: 'Lines of a reader donation or support appeal ("Your support helps us to tell the story", "Support independent journalism").',
    pattern:
      /^(?:Your (?:support|donation|contribution|membership)s? (?:helps?|allows?|enables?|keeps?) us (?:to )?(?:tell|keep|continue|report|do|deliver|produce|fund|bring|send|stay|remain|investigate)\b[^"“”]{0,200}|(?:Please )?(?:support|fund|back|help fund|help support) (?:(?:independent|quality|local|public[- ]interest|investigative|trusted|our|free|fearless|the) ){1,3}(?:journalism|news|reporting)(?: (?:today|now|from as little as [^.!?]{1,20}))?[.!]?|(?:Donate|Donate now|Donate today|Make a (?:one-off |one-time |monthly )?(?:donation|contribution)|Become a (?:member|supporter|patron|subscriber)|Support us|Support (?:us|our work) (?:today|now)|Contribute(?: now| today)?)[.!]?)$/i,
    examples: {
      remove: [
        'Your support helps us to tell the story',
        'Your donation allows us to keep sending journalists to speak to both sides of the story.',
        'Support independent journalism',
        'Donate now',
      ],
      keep: [
        '"Your support helps us to tell the story of the valley," the museum director told donors.',
        'Support for independent journalism has grown, a survey found.',
        'Donations to the party rose by a third last year.',
      ],
    },
  },
  {
    id: 'appeal/support-block',
    kind: 'block',
    description: 'A donation appeal from its heading ("Your support helps us to tell the story") to the paragraph that closes it (paywalls, "those who can afford it").',
    start: /^(?:Your support helps us (?:to )?tell the story|(?:Support|Help (?:us )?fund) (?:independent|quality|our) journalism)[.!]?$/i,
    // The appeal's last sentence: journalism free for everyone, without paywalls, paid for by those who can afford it.
    end: /\b(?:afford it|afford to (?:pay|give|contribute)|paywalls?|available to (?:everyone|all)|free (?:for|to) (?:everyone|all)|open to (?:everyone|all))\b[^.!?]{0,80}[.!]?$/i,
    maxLines: 5,
    examples: {
      remove: [
        'Your support helps us to tell the story\nAt such a critical moment, we need reporters on the ground.\nWe choose not to lock readers out of our reporting with paywalls. We believe quality journalism should be available to everyone, paid for by those who can afford it.',
        'Support independent journalism\nWe have no paywall, so our reporting stays free for everyone.',
      ],
      keep: [
        'Support independent journalism\nThe council met on Tuesday.\nThe vote was close.\nMembers argued for hours.\nA decision is due in March.\nThe paper dropped its paywall last year.',
        'Your support helps us to tell the story of the valley, the museum said.\nMany visitors cannot afford it.',
      ],
    },
  },
  {
    id: 'appeal/support-closer',
    kind: 'inline',
    description: '"Your support makes all the difference." closing an appeal, even when glued to the first sentence of the article.',
    pattern:
      /(?<=^|[.!?…]["”’)]?\s{0,3})Your (?:support|donation|contribution) (?:makes|will make) (?:all the|a real|a) difference[.!](?=\s?$|\s{0,3}[\p{Lu}"“‘'(]|[\p{Lu}])/gu,
    examples: {
      remove: [
        "Your support makes all the difference.Saucer of milk for Moneysupermarket's Paul Troy.",
        'The fund closes in May. Your support makes all the difference.',
      ],
      keep: [
        'She wrote to donors: “Your support makes all the difference.” Many gave again.',
        'Your support makes all the difference to the campaign, the candidate told volunteers.',
        'We are grateful. Thank you for your support.',
      ],
    },
  },
];
