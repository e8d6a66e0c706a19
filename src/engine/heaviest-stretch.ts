/**
 * The stretch of values with the largest sum (a maximum subarray, Kadane's), as its first and
 * last index; null for no values. With no positive value it is the single largest one.
 */
export function heaviestStretch(values: ArrayLike<number>): { start: number; end: number } | null {
  let best: { start: number; end: number; sum: number } | null = null;
  let start = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (sum <= 0) [start, sum] = [i, 0];
    sum += values[i] ?? 0;
    if (best === null || sum > best.sum) best = { start, end: i, sum };
  }
  return best && { start: best.start, end: best.end };
}
