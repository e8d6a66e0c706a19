import { Automaton } from './aho-corasick.js';
import { BUILTIN_LITERALS } from './builtin-literals.js';
import { builtinRules } from './index.js';
import { requiredLiterals } from './literals.js';
import type { Rule } from './types.js';

/** The patterns of a rule, each named by the field it is in: what gates are made for. */
export function patternsOf(rule: Rule): Array<[string, RegExp]> {
  const fields: Array<[string, unknown]> =
    rule.kind === 'pattern' || rule.kind === 'inline' ? [['pattern', rule.pattern]] : rule.kind === 'block' ? [['start', rule.start], ['end', rule.end]] : rule.kind === 'section' ? [['start', rule.start]] : [];
  return fields.flatMap(([field, value]) => (value instanceof RegExp ? [[field, value] as [string, RegExp]] : []));
}

/** The key of a built-in pattern in BUILTIN_LITERALS. */
export function literalKey(rule: Rule, field: string): string {
  return `${rule.id} ${field}`;
}

/**
 * The built-in patterns' literals, read from the table rather than derived: deriving them all
 * costs tens of milliseconds of cold code at start-up. Keyed by the pattern objects themselves,
 * so a rule rebuilt with another pattern under a built-in id has its literals derived.
 */
let builtinLiterals: WeakMap<RegExp, readonly string[] | null> | null = null;

function literalsOf(pattern: RegExp): readonly string[] | null {
  builtinLiterals ??= new WeakMap(
    builtinRules.flatMap((rule) =>
      patternsOf(rule).flatMap(([field, regex]) => {
        const known = BUILTIN_LITERALS[literalKey(rule, field)];
        return known === undefined ? [] : [[regex, known] as const];
      }),
    ),
  );
  const known = builtinLiterals.get(pattern);
  return known === undefined ? requiredLiterals(pattern) : known;
}

/** Which gates a text passed, by gate number: 1 passed, 0 did not. */
export type Hits = Uint8Array;

const NONE: Hits = new Uint8Array(0);
/** Bounds the shared hits of a cleaner that reads millions of pages; past it, each text gets its own. */
const MAX_SHARED_HITS = 4096;

/**
 * The literals of many patterns, found in one pass over a lower-cased, space-folded text by
 * an Aho-Corasick automaton. A pattern's gate passes when one of its literals occurs; most
 * lines hold none, and one scan costs less than running a single unanchored pattern.
 */
export class LiteralIndex {
  /** For each literal, the gates it opens. */
  #literals = new Map<string, number[]>();
  #count = 0;
  #automaton: Automaton<number> | null = null;
  /** Hits by their gates ("3,17"), shared by every text that passes just those. */
  #shared = new Map<string, Hits>();

  /** Registers a pattern; returns its gate number, or null when the pattern must always run. */
  add(pattern: RegExp): number | null {
    const literals = literalsOf(pattern);
    if (literals === null) return null;
    const gate = this.#count++;
    // With the `iu` flags an `s` also matches `ſ` (U+017F), which lower-casing leaves alone.
    const longS = pattern.flags.includes('i') && pattern.flags.includes('u') && literals.some((literal) => literal.includes('s'));
    for (const literal of longS ? [...literals, 'ſ'] : literals) this.#literals.set(literal, [...(this.#literals.get(literal) ?? []), gate]);
    this.#automaton = null;
    this.#shared.clear();
    return gate;
  }

  /** The gates `lower` passes. The result is shared with other texts that pass the same gates: read it only. */
  scan(lower: string): Hits {
    const automaton = (this.#automaton ??= new Automaton(this.#literals));
    let found: number[] | null = null;
    automaton.scan(lower, (gates) => {
      found ??= [];
      for (const gate of gates) found.push(gate);
    });
    return found === null ? NONE : this.#hitsOf(found);
  }

  // A typed array costs a hundred bytes and more: a page of millions of lines shares one per set of gates.
  #hitsOf(found: number[]): Hits {
    const key = [...new Set(found)].sort((a, b) => a - b).join(',');
    let hits = this.#shared.get(key);
    if (hits === undefined) {
      hits = new Uint8Array(this.#count);
      for (const gate of found) hits[gate] = 1;
      if (this.#shared.size < MAX_SHARED_HITS) this.#shared.set(key, hits);
    }
    return hits;
  }
}

/** Whether a text passed a gate; a pattern without a gate always runs. */
export function passes(hits: Hits, gate: number | null): boolean {
  return gate === null || hits[gate] === 1;
}
