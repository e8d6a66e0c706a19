import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { builtinRules } from '../src/rules/index.js';
import type { Rule, RuleExamples } from '../src/rules/types.js';

/**
 * Runs every rule's own examples, as ESLint's RuleTester runs valid/invalid cases: each
 * example is set in a small page, cleaned with that rule alone, and the rule must remove
 * something from a `remove` example and nothing from a `keep` example, while the prose
 * around the example always survives.
 */

// A headline that shares its words with the article, as headlines do: the title model reads that.
const TITLE = 'Council budget talks run for hours';
// Long enough to pass every section rule's minimum of article text before it.
const BEFORE =
  'The council met on Monday to discuss the budget, and members spoke for hours about it. ' +
  'Several of them asked for more time to read the proposals, which run to three hundred pages, before any final vote is taken.';
const AFTER = 'A final vote is expected next week, according to a spokesperson for the council.';

/**
 * Title rules act above the headline, as the generic layer (the fitted model) does on a menu;
 * header rules between the headline and the body; the rest sit inside the body.
 */
function pageFor(rule: Rule, example: string): string {
  const inHeader = rule.kind === 'metadata' || ((rule.kind === 'line' || rule.kind === 'pattern') && rule.scope === 'header');
  if (rule.kind === 'title' || rule.kind === 'model') return `${example}\n${TITLE}\n${BEFORE}\n${AFTER}\n`;
  if (inHeader) return `${TITLE}\n${example}\n${BEFORE}\n${AFTER}\n`;
  return `${TITLE}\n${BEFORE}\n${example}\n${AFTER}\n`;
}

function exampleLines(example: string): string[] {
  return example.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** Built-in rules must have examples; the type leaves them optional for rules written in code. */
const examplesOf = (rule: Rule): RuleExamples => rule.examples ?? { remove: [], keep: [] };

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const examples = examplesOf(rule);
  it('has metadata', () => {
    expect(rule.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(rule.description).not.toMatch(/\n/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(examples.remove.length).toBeGreaterThan(0);
    expect(examples.keep.length).toBeGreaterThan(0);
  });

  it.each(examples.remove.map((example) => [example]))('removes %j', (example) => {
    const result = clean(pageFor(rule, example), { rules: [rule] });
    const byRule = result.removed.filter((removal) => removal.rule === rule.id);
    expect(byRule.length).toBeGreaterThan(0);
    // A section also takes the rest of the page, so the prose after it goes too.
    const removable = rule.kind === 'section' ? `${example}\n${AFTER}` : example;
    for (const removal of byRule) expect(removable).toContain(removal.text);
    expect(result.title).toBe(TITLE);
    expect(result.paragraphs).toContain(BEFORE);
    expect(result.paragraphs.includes(AFTER)).toBe(rule.kind !== 'section');
  });

  it.each(examples.keep.map((example) => [example]))('keeps %j', (example) => {
    const result = clean(pageFor(rule, example), { rules: [rule] });
    expect(result.removed).toEqual([]);
    for (const line of exampleLines(example)) expect(result.text).toContain(line);
    expect(result.paragraphs).toEqual(expect.arrayContaining([BEFORE, AFTER]));
  });
});

describe('the built-in rule set', () => {
  it('has unique ids', () => {
    const ids = builtinRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts no inline pattern with unbounded spaces, which rescan long runs of spaces (quadratic)', () => {
    for (const rule of builtinRules) {
      if (rule.kind === 'inline') expect(rule.pattern.source, rule.id).not.toMatch(/^\\s[*+]/);
    }
  });

  it('uses global patterns for inline rules and stateless ones for line patterns', () => {
    for (const rule of builtinRules) {
      if (rule.kind === 'inline') expect(rule.pattern.global, rule.id).toBe(true);
      if (rule.kind === 'pattern') expect(rule.pattern.global || rule.pattern.sticky, rule.id).toBe(false);
    }
  });
});
