/** A first operand that names no file but is a command's name with a slip of the keyboard. */
import { lstatSync } from 'node:fs';

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other, at most `limit + 1`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Rows of the optimal-string-alignment table: two before the current one, for swaps.
  let older: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (older[j - 2] as number) + 1);
      row.push(best);
    }
    [older, previous] = [previous, row];
  }
  return previous[b.length] as number;
}

/** Whether anything (a file, a directory, a dangling link) has this name. */
function exists(name: string): boolean {
  try {
    lstatSync(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The command `operand` is a slip for (`chek`, `Rules`, `learm`: one or two edits away, and fewer
 * than half its letters), or null: when a file has that name, or when it is a path or a pattern,
 * or far from every command.
 */
export function misspeltCommand(operand: string, commands: readonly string[]): string | null {
  if (!/^[A-Za-z-]{2,12}$/.test(operand)) return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const command of commands) {
    const limit = Math.min(2, Math.floor((command.length - 1) / 2));
    const distance = editDistance(operand.toLowerCase(), command, limit);
    if (distance <= limit && distance < bestDistance) [best, bestDistance] = [command, distance];
  }
  return best === null || exists(operand) ? null : best;
}
