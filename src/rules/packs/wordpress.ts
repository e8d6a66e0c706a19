import { countWords, endsLikeSentence } from '../../engine/lines.js';
import { isDate } from '../../engine/timestamp.js';
import type { MetadataMatch, Rule } from '../types.js';

const ON_DATE = /^on(?:\s+(.+))?$/i;

/** News themes print "<author>" / "Published" / "on" / "<date>" under the headline. */
function readPublishedOn(lines: readonly string[]): MetadataMatch | null {
  const published = lines.findIndex((line) => /^Published$/i.test(line));
  if (published < 0 || published > 1) return null;
  const author = published === 1 ? lines[0] : undefined;
  if (author !== undefined && (countWords(author) > 3 || endsLikeSentence(author))) return null;
  const on = ON_DATE.exec(lines[published + 1] ?? '');
  if (!on) return null;
  let count = published + 2;
  let date = on[1]?.trim() ?? null;
  const next = lines[count];
  if (date === null && next !== undefined && isDate(next)) {
    date = next;
    count += 1;
  }
  return { count, byline: author ?? null, published: date };
}

export const wordpressRules: readonly Rule[] = [
  {
    id: 'wordpress/connect-with-us',
    kind: 'line',
    scope: 'header',
    description: 'The "Connect with us" social bar of WordPress news themes.',
    lines: ['Connect with us', 'Follow us'],
    examples: {
      remove: ['Connect with us'],
      keep: ['Connect with us, the campaign urged voters in its final week.'],
    },
  },
  {
    id: 'wordpress/published-on',
    kind: 'metadata',
    description: 'The "<author>" / "Published" / "on" / "<date>" template under the headline; author read into byline.',
    read: readPublishedOn,
    examples: {
      remove: ['editorial\n\nPublished\n\non', 'Published\non\nSeptember 21, 2025'],
      keep: ['Published figures show the deficit grew.'],
    },
  },
  {
    id: 'wordpress/continue-reading',
    kind: 'section',
    description: 'The "Continue Reading" link that ends a WordPress article, and the footer after it.',
    start: ['Continue Reading', 'Continue reading…', 'Continue reading...'],
    minBodyChars: 0,
    examples: {
      remove: ['Continue Reading\n\nTrending'],
      keep: ['Continue reading the report and you find a different story.'],
    },
  },
  {
    id: 'wordpress/jetpack-footer',
    kind: 'pattern',
    scope: 'page',
    description: 'The footer lines of WordPress.com and Jetpack blogs ("%d bloggers like this:", "Create a website or blog at WordPress.com", "Discover more from …").',
    pattern:
      /^(?:%d bloggers like this:?|\d+ bloggers? likes? this\.?|Like Loading\.{3}|Loading\.{3}|(?:Create a (?:free )?website or blog at|Blog at|Website Powered by) WordPress\.com\.?|(?:Create a website or blog at)|Discover more from .{1,60}|Subscribe to get the latest posts (?:sent )?to your email\.?|Type your email(?:…|\.{3})?)$/i,
    examples: {
      remove: ['%d bloggers like this:', 'Create a website or blog at WordPress.com', 'Create a website or blog at', 'Discover more from Defence News Ng', 'Subscribe to get the latest posts sent to your email.', 'Like Loading...'],
      keep: ['Discover more from the archive, the museum urged its visitors in a new campaign.', 'Loading the trucks took most of the day.'],
    },
  },
];
