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

/** Lines real pages are made of, for generated pages: prose, headings, chrome of every pack. */
export const PAGE_LINES: readonly string[] = [
  '',
  'logo',
  'Council approves transport plan',
  'NDTV2 days ago',
  'By Jane Smith',
  'Open To Talks',
  'The council met on Monday to discuss the budget, and members spoke for hours about it.',
  'Fares will rise. STORY CONTINUES BELOW THIS AD The increase takes effect in May.',
  'The vote was close. Advertisement Members voted 12 to 11.',
  'An advertisement for the plan ran in local papers.',
  'Orange background',
  'Try Our AI Features',
  'Comments',
  'No comments yet...',
  'Related Articles',
  'time2 hours ago',
  '  • The Star',
  '- The Star',
  'DOWNLOAD THE APP',
  'Published',
  'on',
  'Continue Reading',
  'Trending',
  'Copyright © All rights reserved.',
  'Solve the daily Crossword',
];
