/**
 * User patterns run on RE2's engine (re2js, pure JavaScript), whose matching time is linear in
 * the length of the line whatever the pattern: a rule file written by someone else cannot hang
 * a run. A LinearRegExp is a RegExp to the engine (source, flags, test, exec, lastIndex), so
 * literal prefilters and inline cuts treat it like a built-in pattern; only matching differs.
 */
import { RE2JS } from 're2js';

const RE2_FLAGS: Readonly<Record<string, number>> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/** Why RE2 cannot run a pattern that JavaScript accepts: look-arounds and back-references, mostly. */
export class UnsupportedPattern extends Error {}

/** JavaScript's \s: RE2's is ASCII alone, and scraped pages are full of no-break spaces. */
const JS_SPACES = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** The source with \s (and \S outside brackets) spelled as JavaScript means them, escapes and classes read as written. */
function withJsSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\' && i + 1 < source.length) {
      const next = source[++i] as string;
      if (next === 's') out += inClass ? JS_SPACES : `[${JS_SPACES}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACES}]`;
      else out += char + next;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}

function compileRe2(source: string, flags: string): RE2JS {
  let mask = 0;
  for (const flag of flags) mask |= RE2_FLAGS[flag] ?? 0;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(withJsSpaces(source)), mask);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw new UnsupportedPattern(`not supported by the linear-time engine (RE2 syntax: no look-arounds or back-references): ${reason}`);
  }
}

export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  /** Throws a SyntaxError for what JavaScript rejects, UnsupportedPattern for what RE2 cannot run. */
  constructor(source: string | RegExp, flags?: string) {
    super(source, flags);
    this.#re2 = compileRe2(this.source, this.flags);
  }

  /** RegExp's own methods (replace, split, matchAll) build copies through the species. */
  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  override test(text: string): boolean {
    if (!this.global && !this.sticky) return this.#re2.test(text);
    return this.exec(text) !== null;
  }

  /** As RegExp's exec: from lastIndex when global or sticky, which it then moves past the match. */
  override exec(text: string): RegExpExecArray | null {
    const moves = this.global || this.sticky;
    const from = moves ? this.lastIndex : 0;
    const matcher = this.#re2.matcher(text);
    if (from > text.length || !matcher.find(from) || (this.sticky && matcher.start() !== from)) {
      if (moves) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
    const result = Object.assign(groups, { index: matcher.start(), input: text, groups: undefined as Record<string, string | undefined> | undefined });
    const names = Object.entries(this.#re2.namedGroups());
    if (names.length > 0) result.groups = Object.fromEntries(names.map(([name, index]) => [name, groups[index]]));
    if (moves) this.lastIndex = matcher.end();
    return result as unknown as RegExpExecArray;
  }
}
