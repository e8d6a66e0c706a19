/**
 * Required literals of a regular expression, as RE2 and ripgrep derive them for their
 * prefilters: a set of lower-case strings of which every match contains one. A small reader of
 * the pattern's source does it (a full parser cost 20 ms at start-up for the built-in rules);
 * whatever it does not understand counts as "any text", which only makes the set weaker, never
 * wrong.
 */

/** Bounds the strings tracked for one part of a pattern, so alternations do not multiply out. */
const MAX_STRINGS = 16;
/** A requirement with more literals than this filters little and costs much: none is kept. */
const MAX_REQUIRED = 64;
/** Groups nested deeper than this are not read (the reader recurses once per group). */
const MAX_DEPTH = 100;
/** Shorter literals occur in nearly every line: they would cost a lookup and filter nothing. */
const MIN_LITERAL = 3;
/** A literal's first characters say nearly as much as all of it, and a shorter scan is faster. */
const MAX_LITERAL = 16;

interface Facts {
  /** Every string the part can match, lower-cased, when they are few and all trackable. */
  exact: string[] | null;
  /** Strings of which every match of the part contains one, or null when nothing is known. */
  required: string[] | null;
}

const UNKNOWN: Facts = { exact: null, required: null };
const EMPTY: Facts = { exact: [''], required: null };

/**
 * A character kept in literals: ASCII, or a character without case. Other characters would
 * need the regex engine's case folding to compare; a space is kept, other whitespace is not,
 * because the texts tested have their whitespace folded.
 */
function trackable(char: string): string | null {
  if (char === ' ') return char;
  if (/\s/.test(char)) return null;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return char.toLowerCase();
  return char.toLowerCase() === char && char.toUpperCase() === char ? char : null;
}

function literal(char: string): Facts {
  const tracked = trackable(char);
  return tracked === null ? UNKNOWN : { exact: [tracked], required: null };
}

function product(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_STRINGS) return null;
  const joined: string[] = [];
  for (const a of left) for (const b of right) joined.push(a + b);
  return joined;
}

/** The part of a literal sure to be in a space-folded text: no double spaces, no edge spaces. */
function core(text: string): string {
  if (!text.includes('  ') && text.trim() === text) return text.length > MAX_LITERAL ? text.slice(0, MAX_LITERAL) : text;
  let best = '';
  for (const part of text.split('  ')) {
    const trimmed = part.trim();
    if (trimmed.length > best.length) best = trimmed;
  }
  return best.slice(0, MAX_LITERAL);
}

/** A symbol outside ASCII (©, ®, ™, €): rare in prose, so a literal of one filters as well as a word does. */
const RARE_SYMBOL = /(?![\0-\x7f])\p{S}/u;

/** A usable requirement from a set of strings, or null when one of them is too short to filter. */
function requirement(strings: readonly string[]): string[] | null {
  const cores = strings.map(core);
  return cores.every((text) => text.length >= MIN_LITERAL || RARE_SYMBOL.test(text)) ? minimal(cores) : null;
}

/** A text with "follow us on" has "follow us": only the shortest of nested literals is looked for. */
function minimal(texts: readonly string[]): string[] {
  const unique = [...new Set(texts)];
  return unique.filter((text) => !unique.some((other) => other !== text && text.includes(other)));
}

function bestRequirement(facts: Facts): string[] | null {
  return facts.required ?? (facts.exact && requirement(facts.exact));
}

/** Of several requirements that all hold, the most selective: the longest shortest literal. */
function strongest(candidates: ReadonlyArray<string[] | null>): string[] | null {
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const candidate of candidates) {
    if (candidate === null) continue;
    let shortest = Number.POSITIVE_INFINITY;
    for (const text of candidate) shortest = Math.min(shortest, text.length);
    if (shortest > bestShortest) [best, bestShortest] = [candidate, shortest];
  }
  return best;
}

class Malformed extends Error {}

/**
 * The pattern's tokens: escapes, classes, group openings, operators, quantifiers and runs of
 * plain characters. V8 cuts them natively; the reader then walks tokens, not characters.
 */
const TOKEN =
  /\\(?:[dDwWsSnrtvfbB]|c[A-Za-z]?|[0-9]+|x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|k<[^>]*>|[pP]\{[^}]*\}|[\s\S])|\[(?:\\[\s\S]|[^\]\\])*\]|\((?:\?(?::|=|!|<=|<!|<[^>]*>))?|[)|^$.]|[*+?]\??|\{\d+(?:,\d*)?\}\??|[^\\[\](){}|*+?.^$]+|[\s\S]/gy;
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function tokenize(source: string, unicode: boolean): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match !== null; match = TOKEN.exec(source)) {
    const token = match[0];
    const next = source[TOKEN.lastIndex];
    // A quantifier after a run of characters applies to its last character only.
    const plain = !/^[\\[(){}|*+?.^$]/.test(token);
    const last = unicode ? Array.from(token).pop() ?? '' : token.slice(-1);
    if (plain && token.length > last.length && next !== undefined && /[*+?{]/.test(next)) tokens.push(token.slice(0, -last.length), last);
    else tokens.push(token);
  }
  return tokens;
}

/** A run of plain characters: its lower-case text, split where a character cannot be tracked. */
function run(text: string, unicode: boolean): Facts {
  if (PRINTABLE_ASCII.test(text)) return { exact: [text.toLowerCase()], required: null };
  const chars = unicode ? Array.from(text) : text.split('');
  return sequenceOf(chars.map((char) => literal(char)));
}

/** The facts of parts that follow one another. */
function sequenceOf(parts: readonly Facts[]): Facts {
  const candidates: Array<string[] | null> = [];
  let strings: string[] = [''];
  let whole = true;
  for (const facts of parts) {
    const joined = facts.exact && product(strings, facts.exact);
    if (joined) {
      strings = joined;
      continue;
    }
    whole = false;
    candidates.push(requirement(strings), facts.required);
    strings = facts.exact ?? [''];
  }
  candidates.push(requirement(strings));
  return { exact: whole ? strings : null, required: strongest(candidates) };
}

/** Reads a pattern's tokens left to right, computing the facts of each part. */
class Reader {
  #at = 0;
  #depth = 0;
  readonly #tokens: string[];
  readonly #unicode: boolean;

  constructor(source: string, flags: string) {
    this.#unicode = flags.includes('u');
    this.#tokens = tokenize(source, this.#unicode);
  }

  read(): Facts {
    const facts = this.#disjunction();
    if (this.#at < this.#tokens.length) throw new Malformed();
    return facts;
  }

  #peek(): string {
    return this.#tokens[this.#at] ?? '';
  }

  #disjunction(): Facts {
    const branches = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at += 1;
      branches.push(this.#sequence());
    }
    if (branches.length === 1) return branches[0] as Facts;
    let exact: string[] | null = [];
    let required: string[] | null = [];
    for (const branch of branches) {
      if (exact && branch.exact && exact.length + branch.exact.length <= MAX_STRINGS) exact.push(...branch.exact);
      else exact = null;
      const requires = bestRequirement(branch);
      if (required && requires) required.push(...requires);
      else required = null;
    }
    return { exact: exact && [...new Set(exact)], required: required && required.length <= MAX_REQUIRED ? minimal(required) : null };
  }

  #sequence(): Facts {
    const parts: Facts[] = [];
    while (this.#at < this.#tokens.length && this.#peek() !== '|' && this.#peek() !== ')') parts.push(this.#quantified(this.#atom()));
    return sequenceOf(parts);
  }

  #quantified(facts: Facts): Facts {
    const quantifier = QUANTIFIER.exec(this.#peek());
    if (!quantifier) return facts;
    this.#at += 1;
    const symbol = quantifier[0][0];
    const min = symbol === '+' ? 1 : symbol === '{' ? Number(quantifier[1]) : 0;
    const max = symbol === '?' ? 1 : symbol !== '{' ? Number.POSITIVE_INFINITY : quantifier[2] === undefined ? min : quantifier[3] === '' ? Number.POSITIVE_INFINITY : Number(quantifier[3]);
    if (min === 1 && max === 1) return facts;
    if (min === 0) return max === 1 && facts.exact ? { exact: [...new Set(['', ...facts.exact])], required: null } : UNKNOWN;
    return { exact: null, required: bestRequirement(facts) };
  }

  #atom(): Facts {
    const token = this.#peek();
    this.#at += 1;
    if (token.startsWith('(')) return this.#group(token);
    if (token.startsWith('[')) return characterClass(token.slice(1, -1), this.#unicode);
    if (token.startsWith('\\')) return escape(token);
    if (token === '^' || token === '$') return EMPTY;
    // `.`, a quantifier with nothing before it, or `{`, `}` where the pattern is not plain: any text.
    if (token === '.' || /^[*+?{}]/.test(token)) return UNKNOWN;
    return run(token, this.#unicode);
  }

  #group(opening: string): Facts {
    if (++this.#depth > MAX_DEPTH) throw new Malformed();
    // `(?` followed by anything the tokenizer does not know (such as a flag modifier) is not read.
    if (opening === '(' && this.#peek().startsWith('?')) throw new Malformed();
    const inner = this.#disjunction();
    if (this.#peek() !== ')') throw new Malformed();
    this.#at += 1;
    this.#depth -= 1;
    // Lookarounds consume nothing; what they look at is not tracked.
    return opening === '(' || opening === '(?:' || (opening.startsWith('(?<') && opening.endsWith('>')) ? inner : EMPTY;
  }
}

/** `[...]`: a few plain characters are tracked, anything else is unknown. */
function characterClass(body: string, unicode: boolean): Facts {
  const members = unicode ? Array.from(body) : body.split('');
  if (members.length === 0 || members.length > 4 || members.some((char) => '\\-^['.includes(char))) return UNKNOWN;
  const tracked = members.map(trackable);
  return tracked.every((t) => t !== null) ? { exact: [...new Set(tracked as string[])], required: null } : UNKNOWN;
}

/** An escape: a word boundary matches nothing, an escaped character itself, the rest any text. */
function escape(token: string): Facts {
  if (token === '\\b' || token === '\\B') return EMPTY;
  return token.length === 2 && !/[dDwWsSnrtvfc0-9kpPux]/.test(token[1] ?? '') ? literal(token.slice(1)) : UNKNOWN;
}

/**
 * The lower-case literals every match of `pattern` contains one of, or null when none can be
 * derived (then the pattern must run on every text).
 */
export function requiredLiterals(pattern: RegExp): string[] | null {
  // The v flag's classes nest and subtract: not read.
  if (pattern.flags.includes('v')) return null;
  try {
    return bestRequirement(new Reader(pattern.source, pattern.flags).read());
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}
