/** Whether to color a stream: the `--no-color` flag, then FORCE_COLOR, then NO_COLOR, then the terminal. */
import { Chalk, type ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

/** What the decision needs to know of a stream: a terminal, and if so how many colors it shows. */
export interface ColorStream {
  isTTY?: boolean;
  getColorDepth?: () => number;
}

/**
 * The chalk level for a stream. `--no-color` (`flag` false) always wins; FORCE_COLOR forces
 * colors on even into a pipe (`0` or `false` forces them off), and wins over NO_COLOR, as in
 * Node itself; a non-empty NO_COLOR turns them off; otherwise only a terminal (not TERM=dumb)
 * gets colors, at its own depth.
 */
export function colorLevel(stream: ColorStream, env: NodeJS.ProcessEnv, flag = true): ColorLevel {
  if (!flag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    return Number.isNaN(level) ? 1 : (Math.max(0, Math.min(level, 3)) as ColorLevel);
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (stream.isTTY !== true || env.TERM === 'dumb') return 0;
  const depth = stream.getColorDepth?.() ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}

/** A chalk for a stream; `flag` is commander's `color` option (false under `--no-color`). */
export function chalkFor(stream: ColorStream, flag = true, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env, flag) });
}
