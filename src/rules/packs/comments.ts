import type { Rule } from '../types.js';

/** A commenter's name: one to four words, the first capitalised ("Sola", "John Doe", "jane_d" aside). */
const COMMENTER = "[\\p{Lu}][\\p{L}\\d'’._-]*(?: [\\p{L}\\d'’._-]+){0,3}";
/** The date line under a comment header ("October 3, 2019 at 4:22 pm", "3 October 2019 at 16:22"). */
const COMMENT_DATE =
  /^(?:[\p{Lu}][\p{L}]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [\p{Lu}][\p{L}]{2,8}\.?,? \d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})(?:,? (?:at )?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?)?$/iu;

export const commentsRules: readonly Rule[] = [
  {
    id: 'comments/commenting-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'Prompts, notices and the count heading of a comment section ("Join thought-provoking conversations…", "Your email address will not be published.", "3 Responses").',
    pattern:
      /^(?:Join (?:thought-provoking|the|our|in the) (?:conversations?|discussions?|debate)(?:,? [^.!?]{0,100}\b(?:readers?|comments?|replies|commenters?|community)\b[^.!?]{0,40})?[.!]?|Your email address will not be published\.?(?: Required fields are marked \*)?|Required fields are marked \*|You must be (?:logged in|signed in|a registered user) to (?:post|leave|add) a comment\.?|Comments (?:are|have been) (?:closed|disabled)(?: for this (?:article|story|post))?\.?|(?:Log|Sign) in to (?:comment|leave a comment|join the conversation)\.?|(?:Post|Add|Write|Leave) (?:a |your )?comments?|(?:Show|Hide|Load|Read|See) (?:all )?(?:\d+ )?comments|Commenting (?:rules|policy|guidelines)|Comment (?:policy|guidelines)|Share your thoughts|Be the first to comment\.?|You are commenting using your [^.!?]{1,40} account\.[^.!?]{0,40}|\d{1,5} (?:Responses?|Comments?|Replies|Reply)(?: to [“"][^”"]{1,200}[”"])?)$/i,
    examples: {
      remove: [
        'Join thought-provoking conversations, follow other Independent readers and see their replies',
        'Your email address will not be published. Required fields are marked *',
        'Comments are closed.',
        'Be the first to comment',
        '1 Response',
        '3 Responses to “State secret: Lagos bans commissioners”',
      ],
      keep: [
        'Join the conversation about the future of the park, the council urged residents in a letter.',
        'Your email address will not be published, the site promised, but it was sold.',
        'Comments are closed to the public until the inquiry reports, the chairman said.',
        '3 responses were received before the deadline.',
      ],
    },
  },
  {
    id: 'comments/numbered-comment-header',
    kind: 'pattern',
    scope: 'page',
    description: 'A numbered reader-comment header ("1. Sola says:").',
    pattern: new RegExp(`^\\d{1,3}\\.\\s+${COMMENTER} says:$`, 'u'),
    examples: {
      remove: ['1. Sola says:', '12. John Doe says:'],
      keep: ['1. Sola says: the plan will fail.', 'The minister says:', 'Sola says: no to state police.'],
    },
  },
  {
    id: 'comments/comment-header',
    kind: 'block',
    description: 'A reader-comment header and its date line ("Sola says:" / "October 3, 2019 at 4:22 pm").',
    start: new RegExp(`^(?:\\d{1,3}\\.\\s+)?${COMMENTER} says:$`, 'u'),
    end: COMMENT_DATE,
    maxLines: 2,
    examples: {
      remove: ['Sola says:\nOctober 3, 2019 at 4:22 pm', 'John Doe says:\n3 October 2019 at 16:22'],
      keep: ['Boris Johnson says:\nThe deal is done and we will leave.', 'The minister says:\nOctober 3, 2019 was the deadline.'],
    },
  },
];
