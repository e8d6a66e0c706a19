/** Small pages shared by tests whose outcome must not hinge on fine details of the rules. */

/** Title and prose only: nothing for any rule to take. */
export const NO_CHROME = [
  'Harbour plan approved after long debate',
  '',
  'The city council voted on Monday to approve a long-debated plan for the harbour, ending months of argument.',
  'Supporters said the plan would be finished within two years, while critics warned that its cost had been underestimated.',
  '',
].join('\n');

/** A two-word title in a page of chrome: cleaning removes nearly all of it. */
export const ALMOST_ALL_CHROME = ['logo', 'Storm hits', '', 'Advertisement', 'Try Our AI Features', 'Comments', 'No comments yet...', 'Related Articles', ''].join('\n');
