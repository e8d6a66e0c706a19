/** inOrder: results applied in input order, a bounded number under way, and a failure reported once, to the caller. */
import { describe, expect, it } from 'vitest';
import { inOrder } from '../src/cli/workers.js';

/** Items that come one macrotask apart, as chunks of a file do. */
async function* slowly(count: number): AsyncGenerator<number> {
  for (let n = 0; n < count; n++) {
    await new Promise((resolve) => setImmediate(resolve));
    yield n;
  }
}

describe('inOrder', () => {
  it('applies results in input order, though they finish in another', async () => {
    const applied: number[] = [];
    const wait = (n: number) => new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
    await inOrder(slowly(30), 4, async (n) => (await wait(n), n), async (n) => (applied.push(n), true));
    expect(applied).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it('gives a failing item to its caller, after applying those before it, with no unhandled rejection while the next items come', async () => {
    const applied: number[] = [];
    const run = inOrder(
      slowly(20),
      4,
      async (n) => {
        if (n === 3) throw new Error('item 3 failed');
        return n;
      },
      async (n) => (applied.push(n), true),
    );
    await expect(run).rejects.toThrow('item 3 failed');
    expect(applied).toEqual([0, 1, 2]);
  });

  it('starts nothing more once apply says stop', async () => {
    const started: number[] = [];
    await inOrder(slowly(50), 2, async (n) => (started.push(n), n), async (n) => n < 5);
    expect(Math.max(...started)).toBeLessThan(5 + 2 + 1);
  });
});
