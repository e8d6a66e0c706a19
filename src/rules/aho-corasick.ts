/**
 * Finds many literals in one pass over a text: an Aho-Corasick automaton over UTF-16 code
 * units. Its transitions are filled in lazily, so building it costs only the trie, and a
 * scan is one table lookup per character (twice as fast as one V8 regex of all the literals,
 * measured on the fixture lines).
 */
export class Automaton<T> {
  /** Character class of each code unit that occurs in a literal; 0 for all other characters. */
  readonly #classOf = new Int32Array(0x10000);
  #classes = 1;
  /** The trie: children by class, the failure link, and what ends here (own and by failure). */
  readonly #children: Array<Map<number, number>> = [new Map()];
  readonly #fail: number[] = [0];
  readonly #outputs: Array<T[] | null> = [null];
  /** Dense transitions by state and class, -1 until first needed. */
  readonly #delta: Int32Array;

  constructor(literals: ReadonlyMap<string, readonly T[]>) {
    for (const [literal, values] of literals) {
      let state = 0;
      for (let i = 0; i < literal.length; i++) state = this.#child(state, this.#symbol(literal.charCodeAt(i)));
      this.#outputs[state] = [...(this.#outputs[state] ?? []), ...values];
    }
    this.#linkFailures();
    this.#delta = new Int32Array(this.#children.length * this.#classes).fill(-1);
  }

  /** The class of a literal's character, given a new one when first seen. */
  #symbol(code: number): number {
    const known = this.#classOf[code];
    if (known) return known;
    const added = this.#classes++;
    this.#classOf[code] = added;
    return added;
  }

  #child(state: number, symbol: number): number {
    const children = this.#children[state] as Map<number, number>;
    let next = children.get(symbol);
    if (next === undefined) {
      next = this.#children.length;
      children.set(symbol, next);
      this.#children.push(new Map());
      this.#fail.push(0);
      this.#outputs.push(null);
    }
    return next;
  }

  /** Breadth first: a state's failure is the longest proper suffix of its path that is in the trie. */
  #linkFailures(): void {
    const queue = [...(this.#children[0] as Map<number, number>).values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [symbol, next] of this.#children[state] as Map<number, number>) {
        const fail = this.#step(this.#fail[state] as number, symbol);
        this.#fail[next] = fail;
        const inherited = this.#outputs[fail];
        if (inherited) this.#outputs[next] = [...(this.#outputs[next] ?? []), ...inherited];
        queue.push(next);
      }
    }
  }

  /** Goto, following failures until a state has a child for the symbol, or the root. */
  #step(state: number, symbol: number): number {
    for (let at = state; ; at = this.#fail[at] as number) {
      const next = this.#children[at]?.get(symbol);
      if (next !== undefined) return next;
      if (at === 0) return 0;
    }
  }

  /** Calls `found` with the values of every literal occurrence in `text`, in text order. */
  scan(text: string, found: (values: readonly T[]) => void): void {
    const classes = this.#classes;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // A table for every code unit, not a Map beyond ASCII: a page in Greek or Russian is all lookups.
      const symbol = this.#classOf[code] as number;
      if (symbol === 0) {
        state = 0;
        continue;
      }
      const cell = state * classes + symbol;
      let next = this.#delta[cell] as number;
      if (next < 0) next = this.#delta[cell] = this.#step(state, symbol);
      state = next;
      const values = this.#outputs[state];
      if (values) found(values);
    }
  }
}
