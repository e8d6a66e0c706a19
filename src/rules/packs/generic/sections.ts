import type { Rule } from '../../types.js';

/** Widgets and sections that end the article: comments, related lists, app banners, footers. */
export const sectionRules: readonly Rule[] = [
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
    description: 'A "Related Articles" list after the article, its stories read into related; a box of headlines inside the article goes alone.',
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
];
