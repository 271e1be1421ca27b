import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { backoffDelay, withStallTimeout } from '../../src/sources/index.js';

describe('backoffDelay', () => {
  it('doubles from the base, stays within [half, full] of the capped value (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempt, baseMs, r) => {
        const full = Math.min(30_000, baseMs * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, { baseMs, random: () => r });
        expect(delay).toBeGreaterThanOrEqual(Math.floor(full / 2));
        expect(delay).toBeLessThanOrEqual(full);
      }),
      { seed: 7, numRuns: 500 },
    );
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { baseMs: 100, random: () => 0 }))).toEqual([50, 100, 200, 400]);
  });
});

async function* timed(chunks: Array<[number, string]>): AsyncGenerator<string> {
  for (const [waitMs, value] of chunks) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    yield value;
  }
}

describe('withStallTimeout', () => {
  it('passes chunks through when they keep coming', async () => {
    const out: string[] = [];
    for await (const chunk of withStallTimeout(timed([[5, 'a'], [5, 'b'], [5, 'c']]), 200, () => out.push('stalled'))) out.push(chunk);
    expect(out).toEqual(['a', 'b', 'c']);
  });

  it('calls onStall and throws SOURCE_TIMEOUT after a silence', async () => {
    const out: string[] = [];
    let error: unknown;
    try {
      for await (const chunk of withStallTimeout(timed([[5, 'a'], [300, 'late']]), 60, () => out.push('stalled'))) out.push(chunk);
    } catch (caught) {
      error = caught;
    }
    expect(out).toEqual(['a', 'stalled']);
    expect(ArrowSusError.is(error, 'SOURCE_TIMEOUT')).toBe(true);
  });

  it('does not count the time before the transfer starts', async () => {
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    setTimeout(() => markStarted(), 150); // queued for 150 ms, longer than the 60 ms stall limit
    const out: string[] = [];
    for await (const chunk of withStallTimeout(timed([[180, 'first'], [5, 'second']]), 60, () => out.push('stalled'), { started })) out.push(chunk);
    expect(out).toEqual(['first', 'second']);
  });
});
