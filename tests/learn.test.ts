import { describe, expect, it } from 'vitest';
import { readRuleFile } from '../src/config/rule-file.js';
import { createCleaner, builtinRules } from '../src/index.js';
import { learnChrome } from '../src/learn/learn.js';
import { toRuleFile } from '../src/learn/rule-file.js';

/** Pages from an invented aggregator, FooNews, with chrome no built-in rule knows. */
function fooNewsPage(n: number): { name: string; text: string } {
  const shared = n < 2 ? ['"We will rebuild the bridge before winter," the mayor said at the opening of the new depot.'] : [];
  return {
    name: `page-${String(n).padStart(2, '0')}.txt`,
    text: [
      'FooNews Daily',
      'Tap to follow FooNews',
      `Story number ${n} about the harbour`,
      `The harbour authority published its report number ${n} on Monday, and the council discussed it for hours.`,
      `Fares will rise in district ${n}. FOONEWS EXCLUSIVE OFFER BELOW Work on the new ramp starts in May.`,
      ...shared,
      `Officials said the plan for district ${n} would be reviewed again before any money is spent on it.`,
      'Get FooNews Plus for ad-free reading',
      'FooNews © all rights kept',
    ].join('\n'),
  };
}

const pages = Array.from({ length: 12 }, (_, n) => fooNewsPage(n));

describe('learnChrome', () => {
  it('proposes the lines and banners that recur across pages, most frequent first', () => {
    const { total, proposals } = learnChrome(pages);
    expect(total).toBe(12);
    expect(proposals.map((proposal) => [proposal.kind, proposal.text, proposal.pages])).toEqual([
      ['inline', 'FOONEWS EXCLUSIVE OFFER BELOW', 12],
      ['line', 'FooNews Daily', 12],
      ['line', 'FooNews © all rights kept', 12],
      ['line', 'Get FooNews Plus for ad-free reading', 12],
      ['line', 'Tap to follow FooNews', 12],
    ]);
    expect(proposals[0]?.examples).toEqual(['page-00.txt', 'page-01.txt']);
  });

  it('counts only what the rules in force keep, when it is given them', () => {
    const { proposals } = learnChrome(pages, { clean: createCleaner() });
    // The built-in rules remove the masthead, the prompts and the footer already: proposing them again adds nothing.
    expect(proposals.map((proposal) => proposal.text)).toEqual(['FOONEWS EXCLUSIVE OFFER BELOW']);
  });

  it('gives the same proposals whatever the order of the pages', () => {
    expect(learnChrome([...pages].reverse())).toEqual(learnChrome(pages));
  });

  it('leaves out lines under the threshold and recurring prose', () => {
    const { proposals } = learnChrome(pages, { minPages: 2 });
    const texts = proposals.map((proposal) => proposal.text);
    expect(texts).not.toContain('"We will rebuild the bridge before winter," the mayor said at the opening of the new depot.');
  });

  it('writes a rule file that loads and removes the chrome, keeping repeated sentences', () => {
    const { total, proposals } = learnChrome(pages);
    const file = toRuleFile(proposals, total);
    const { rules, problems } = readRuleFile('learned.json', JSON.parse(JSON.stringify(file)), new Set(builtinRules.map((rule) => rule.id)));
    expect(problems).toEqual([]);
    const result = createCleaner({ rules: [...rules, ...builtinRules] })(pages[0]?.text ?? '');
    expect(result.text).toBe(
      [
        'Story number 0 about the harbour',
        '',
        'The harbour authority published its report number 0 on Monday, and the council discussed it for hours.',
        'Fares will rise in district 0. Work on the new ramp starts in May.',
        '"We will rebuild the bridge before winter," the mayor said at the opening of the new depot.',
        'Officials said the plan for district 0 would be reviewed again before any money is spent on it.',
        '',
      ].join('\n'),
    );
    expect(new Set(result.removed.map((removal) => removal.rule.split('/')[0]))).toEqual(new Set(['learned']));
  });
});
