import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPieces } from '../src/engine/inline.js';
import { clean } from '../src/index.js';

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

describe('inline cuts', () => {
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
  }, 120_000);
});
