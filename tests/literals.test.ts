import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../src/engine/lines.js';
import { BUILTIN_LITERALS } from '../src/rules/builtin-literals.js';
import { builtinRules } from '../src/rules/index.js';
import { requiredLiterals } from '../src/rules/literals.js';
import { Automaton } from '../src/rules/aho-corasick.js';
import { LiteralIndex, literalKey, passes, patternsOf } from '../src/rules/prefilter.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** Every line of every fixture input, and every line of every rule example. */
function corpusLines(): string[] {
  const lines: string[] = [];
  for (const dir of readdirSync(FIXTURES)) {
    for (const name of readdirSync(path.join(FIXTURES, dir))) {
      if (!name.endsWith('.txt') || name.includes('.clean.') || name.includes('.gold.')) continue;
      lines.push(...readFileSync(path.join(FIXTURES, dir, name), 'utf8').split('\n'));
    }
  }
  for (const rule of builtinRules) for (const example of [...(rule.examples?.remove ?? []), ...(rule.examples?.keep ?? [])]) lines.push(...example.split('\n'));
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

const builtinPatterns = builtinRules.flatMap((rule) => patternsOf(rule).map(([field, pattern]) => ({ key: literalKey(rule, field), pattern })));

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** The gate's promise: a text the pattern matches holds one of its literals. */
function gateHolds(pattern: RegExp, text: string): boolean {
  const index = new LiteralIndex();
  const gate = index.add(pattern);
  return !matches(pattern, text) || passes(index.scan(foldLine(text)), gate);
}

describe('required literals of a pattern', () => {
  it.each([
    [/^Advertisement$/i, ['advertisement']],
    [/^(?:Read more|Also read)\b/, ['read more', 'also read']],
    [/\d+ min read/, ['min read']],
    [/colou?r/, ['color', 'colour']],
    [/[Ll]ogo/, ['logo']],
    [/abcd+/, ['abc']],
    [/Photo: .*/i, ['photo:']],
    [/\.com\b/, ['.com']],
    [/(?<=^|[.!?] )Advertisement(?= |$)/u, ['advertisement']],
    [/Share (?:on|via) (?:X|Facebook)/, ['share on x', 'share on faceboo', 'share via x', 'share via facebo']],
    [/Straße/, ['stra']],
    [/(?<name>Follow) us/, ['follow us']],
    [/Copyright|©/, ['copyright', '©']],
  ])('%s needs one of %j', (pattern, literals) => {
    expect(requiredLiterals(pattern)).toEqual(literals);
  });

  it.each([
    [/a|bc/, 'a branch too short to filter'],
    [/Copyright|\|/, 'a short branch of ASCII punctuation, which prose is full of'],
    [/Copyright|’/, 'a short branch of punctuation outside ASCII, no rare symbol either'],
    [/ab?c/, 'a match as short as "ac"'],
    [/\u0041BC/, 'an escaped character is not tracked, and "bc" is too short'],
    [/\p{Lu}\p{Ll}+/u, 'property classes only'],
    [/É/, 'a cased non-ASCII letter'],
    [/(?:abc)*/, 'a group that may match nothing'],
    [new RegExp('abc', 'v'), 'the v flag is not read'],
    [new RegExp(`${'('.repeat(3000)}abc${')'.repeat(3000)}`), 'groups nested too deep to read'],
    [new RegExp(Array.from({ length: 200 }, (_, i) => `word${i}`).join('|')), 'more alternatives than a gate is worth'],
  ])('%s needs nothing known: %s', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });
});

describe('the literal index', () => {
  it('finds overlapping literals and literals that are prefixes of others', () => {
    const index = new LiteralIndex();
    const signUp = index.add(/sign up/);
    const upFor = index.add(/up for/);
    const comment = index.add(/comment/);
    const comments = index.add(/comments/);
    const hits = index.scan('sign up for comments');
    expect([signUp, upFor, comment, comments].map((gate) => passes(hits, gate))).toEqual([true, true, true, true]);
    const fewer = index.scan('no comment');
    expect([signUp, upFor, comment, comments].map((gate) => passes(fewer, gate))).toEqual([false, false, true, false]);
  });

  it('gives texts that pass the same gates one shared result, and a text that passes others its own', () => {
    const index = new LiteralIndex();
    const share = index.add(/share/);
    const comment = index.add(/comment/);
    const a = index.scan('share this');
    expect(index.scan('share that, share it')).toBe(a);
    const both = index.scan('share a comment');
    expect(both).not.toBe(a);
    expect([passes(a, share), passes(a, comment), passes(both, share), passes(both, comment)]).toEqual([true, false, true, true]);
    // A gate added later is not passed by results shared from before it.
    const later = index.add(/later/);
    expect(passes(index.scan('share later'), later)).toBe(true);
  });

  it('lets a pattern without literals run on every line', () => {
    const index = new LiteralIndex();
    const gate = index.add(/^\d+$/);
    expect(gate).toBeNull();
    expect(passes(index.scan('anything'), gate)).toBe(true);
  });

  it('opens the gate of an iu pattern with s on ſ, which it matches and lower-casing keeps', () => {
    expect(/sign up/iu.test('ſign up')).toBe(true);
    expect(gateHolds(/sign up/iu, 'ſign up')).toBe(true);
  });
});

describe('the automaton', () => {
  it('finds the same literals as looking for each one, overlaps and all', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '’', 'ж'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '’', 'ж', 'x'), maxLength: 40 }), (literals, text) => {
        const automaton = new Automaton(new Map(literals.map((literal) => [literal, [literal]])));
        const found = new Set<string>();
        automaton.scan(text, (values) => values.forEach((value) => found.add(value)));
        expect([...found].sort()).toEqual(literals.filter((literal) => text.includes(literal)).sort());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('built-in patterns', () => {
  it('have the literals of the generated table (run `npm run literals` after changing a pattern)', () => {
    const derived = Object.fromEntries(builtinPatterns.map(({ key, pattern }) => [key, requiredLiterals(pattern)]));
    expect(BUILTIN_LITERALS).toEqual(derived);
  });

  it('are gated by most of their literals: the table is not all null', () => {
    const gated = builtinPatterns.filter(({ key }) => BUILTIN_LITERALS[key] !== null);
    // Some patterns have no literal to gate on: lines of punctuation, short alternatives, caption credits.
    expect(gated.length / builtinPatterns.length).toBeGreaterThan(0.65);
  });

  it('never match a fixture or example line that holds none of their literals', () => {
    const lines = corpusLines();
    const matched = builtinPatterns.flatMap(({ key, pattern }) => lines.filter((line) => matches(pattern, line)).map((line) => `${key}: ${line}`));
    expect(matched.length).toBeGreaterThan(200);
    const broken = builtinPatterns.flatMap(({ key, pattern }) => lines.filter((line) => !gateHolds(pattern, line)).map((line) => `${key}: ${line}`));
    expect(broken).toEqual([]);
  });

  it('never match a text that holds none of their literals, however the pieces are cased and spaced', () => {
    const pieces = corpusLines().filter((line) => line.length < 200);
    const text = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '  ', '\t', '. ', '\u00a0'), fc.constantFrom('same', 'upper', 'lower')), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([piece, gap, kase]) => (kase === 'upper' ? piece.toUpperCase() : kase === 'lower' ? piece.toLowerCase() : piece) + gap).join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...builtinPatterns), (sample, { pattern }) => gateHolds(pattern, sample.trim())),
      { numRuns: 3000 },
    );
  });
});
