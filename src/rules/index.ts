import { appealRules } from './packs/appeal.js';
import { commentsRules } from './packs/comments.js';
import { daily8Rules } from './packs/daily8.js';
import { genericRules } from './packs/generic/index.js';
import { linksRules } from './packs/links.js';
import { photoRules } from './packs/photo.js';
import { socialRules } from './packs/social.js';
import { widgetsRules } from './packs/widgets.js';
import { wordpressRules } from './packs/wordpress.js';
import type { Rule } from './types.js';

/** Every built-in rule. Packs are named by the prefix of their rules' ids. */
export const builtinRules: readonly Rule[] = [
  ...daily8Rules,
  ...wordpressRules,
  ...genericRules,
  ...socialRules,
  ...linksRules,
  ...widgetsRules,
  ...photoRules,
  ...commentsRules,
  ...appealRules,
];

/** The built-in rules as a set, for telling them from a user's (see RuleSet.builtin). */
export const builtinSet: ReadonlySet<Rule> = new Set(builtinRules);

export function packOf(rule: Rule): string {
  return rule.id.slice(0, rule.id.indexOf('/'));
}
