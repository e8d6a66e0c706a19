import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutInline, joinPieces } from '../src/engine/inline.js';
import { clean } from '../src/index.js';
import { compileRules } from '../src/rules/compile.js';
import { builtinRules, builtinSet } from '../src/rules/index.js';
import type { InlineRule, Rule } from '../src/rules/types.js';

const CHROME = ['Advertisement', 'STORY CONTINUES BELOW THIS AD'];

/** The join as it was specified, one cut at a time: the reference the one-pass join must equal. */
function joinOneByOne(pieces: readonly string[]): string {
  return pieces.reduce((left, right) => {
    const before = left.trimEnd();
    const after = right.trimStart();
    if (before === '' || after === '') return before + after;
    return /^[,.;:!?)\]”’]/.test(after) ? before + after : `${before} ${after}`;
  });
}

/** A rule a user might write, with no evidence of its own about the sentences around it. */
const USER_RULE: InlineRule = { id: 'mysite/sponsored', kind: 'inline', description: 'A sponsor label.', pattern: /SPONSORED CONTENT|Anzeige/g };
const RULES: readonly Rule[] = [...builtinRules, USER_RULE];
const SET = compileRules(RULES, builtinSet);

/** Each phrase an inline rule cuts from its own examples: what the rule takes as chrome. */
const PHRASES = [
  ...new Set(
    RULES.filter((rule): rule is InlineRule => rule.kind === 'inline')
      .flatMap((rule) => rule.examples?.remove ?? ['SPONSORED CONTENT', 'Anzeige'])
      .flatMap((example) => cutInline(example, SET).cuts.map((cut) => cut.text)),
  ),
];

const SENTENCES = ['The council met on Monday.', 'Work starts in May, officials said.', 'Residents will be consulted first.', ''];
const LOWER_WORDS = ['the', 'said', 'a', 'was', 'über', 'été', 'and'];
const QUOTES: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['“', '”'], ['„', '“'], ['«', '»'], ['「', '」']];

describe('inline cuts', () => {
  it('take a phrase from every inline rule, the user\'s too, as the property below needs', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(RULES.filter((rule) => rule.kind === 'inline').length);
  });

  it('never take a phrase inside quotes or between two lower-case words, whatever the rule', () => {
    const inQuotes = fc
      .tuple(fc.constantFrom(...QUOTES), fc.constantFrom('', 'the label ', 'She wrote: ', 'It read ', 'The plan works. '), fc.constantFrom('', ' was missing', ' We will see.', ', he said'))
      .map(([[open, close], lead, trail]) => (phrase: string) => `${open}${lead}${phrase}${trail}${close}`);
    const betweenWords = fc
      .tuple(fc.constantFrom(...LOWER_WORDS), fc.constantFrom(...LOWER_WORDS))
      .map(([left, right]) => (phrase: string) => `${left} ${phrase} ${right}`);
    const paragraph = fc.tuple(fc.constantFrom(...SENTENCES), fc.constantFrom('The regulator said', 'Officials noted that', ''), fc.constantFrom(...PHRASES), fc.oneof(inQuotes, betweenWords), fc.constantFrom(' in the end.', ' and fined the agency.', '.'), fc.constantFrom(...SENTENCES));
    fc.assert(
      fc.property(paragraph, ([before, lead, phrase, place, end, after]) => {
        const text = [before, `${lead} ${place(phrase)}${end}`.trim(), after].filter((part) => part !== '').join(' ');
        expect(cutInline(text, SET)).toEqual({ text, cuts: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('keep the word the regulator\'s sentence needs, and cut the label between two sentences', () => {
    const sentence = 'The regulator said the label "Advertisement" was missing from the sponsored post, and fined the agency.';
    expect(clean(`Regulator fines agency\n\n${sentence}\n`).paragraphs).toEqual([sentence]);
    expect(cutInline('The minister resigned. Advertisement The party met on Monday.', SET).text).toBe('The minister resigned. The party met on Monday.');
  });

  it('join the text around each cut as cutting one phrase at a time would', () => {
    const piece = fc.oneof(fc.constantFrom('', ' ', '  ', ', and', '. Then', 'word', ' two words ', ') closed', '’s'), fc.string({ maxLength: 8 }));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => joinPieces(pieces) === joinOneByOne(pieces)));
  });

  it('take one pass on a 20 MB line full of inline chrome, keeping every other word', () => {
    const sentences = ['The council approved the plan on Tuesday.', 'Work starts in May, officials said.', 'Residents will be consulted first.'];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 20_000_000; i++) {
      const sentence = sentences[i % sentences.length] as string;
      parts.push(sentence);
      length += sentence.length + 1;
      if (i % 5 === 4) parts.push(CHROME[0] as string);
      if (i % 7 === 6) parts.push(CHROME[1] as string);
    }
    const result = clean(`Council approves plan\n\n${parts.join(' ')}\n`);
    const kept = result.paragraphs.join(' ');
    expect(kept).toBe(parts.filter((part) => !CHROME.includes(part)).join(' '));
    expect(result.removed.filter((removal) => removal.rule === 'generic/advertisement-inline').length).toBe(parts.filter((part) => part === CHROME[0]).length);
  }, 600_000);
});
