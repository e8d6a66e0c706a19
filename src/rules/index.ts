import { daily8Rules } from './packs/daily8.js';
import { genericRules } from './packs/generic.js';
import { wordpressRules } from './packs/wordpress.js';
import type { Rule } from './types.js';

/** Every built-in rule. Packs are named by the prefix of their rules' ids. */
export const builtinRules: readonly Rule[] = [...daily8Rules, ...wordpressRules, ...genericRules];

export function packOf(rule: Rule): string {
  return rule.id.slice(0, rule.id.indexOf('/'));
}
