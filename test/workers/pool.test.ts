import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
// The pool runs compiled worker scripts, so these tests use the build (`npm test` builds first).
import { WorkerPool } from '../../dist/workers/pool.js';

const script = new URL('./range-worker.mjs', import.meta.url);

interface RangeSummary {
  rows: number;
}

describe('WorkerPool', () => {
  it('streams batches in order with their schema and summary', async () => {
    await using pool = new WorkerPool(script, { size: 2 });
    const stream = pool.run<RangeSummary>({ batches: 5, rows: 1000 });
    const seen: number[] = [];
    for await (const batch of stream) {
      const column = batch.getChild('n')!;
      seen.push(column.get(0) as number, column.get(999) as number);
    }
    expect(seen).toEqual([0, 999, 1000, 1999, 2000, 2999, 3000, 3999, 4000, 4999]);
    expect((await stream.schema).fields.map((f) => f.name)).toEqual(['n']);
    expect(await stream.summary).toEqual({ rows: 5000 });
  });

  it('runs more tasks than threads, each to completion', async () => {
    await using pool = new WorkerPool(script, { size: 2 });
    const streams = Array.from({ length: 6 }, (_, i) => pool.run<RangeSummary>({ batches: 3, rows: 10 + i }));
    const totals = await Promise.all(
      streams.map(async (stream) => {
        let rows = 0;
        for await (const batch of stream) rows += batch.numRows;
        return rows;
      }),
    );
    expect(totals).toEqual([30, 33, 36, 39, 42, 45]);
  });

  it('trim() ends idle threads only; later tasks start new ones', async () => {
    await using pool = new WorkerPool(script, { size: 2 });
    const drain = async (stream: AsyncIterable<{ numRows: number }>): Promise<number> => {
      let rows = 0;
      for await (const batch of stream) rows += batch.numRows;
      return rows;
    };
    expect(await Promise.all([drain(pool.run({ batches: 2, rows: 5 })), drain(pool.run({ batches: 2, rows: 6 }))])).toEqual([10, 12]);
    // One task holds a thread while the pool is trimmed: only the idle thread ends.
    const busy = pool.run<RangeSummary>({ batches: 3, rows: 7 });
    const iterator = busy[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.numRows).toBe(7);
    expect(await pool.trim()).toBe(1);
    let rest = 0;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) rest += next.value.numRows;
    expect(rest).toBe(14);
    expect(await pool.trim()).toBe(1);
    expect(await pool.trim()).toBe(0);
    expect(await drain(pool.run({ batches: 1, rows: 9 }))).toBe(9);
  });

  it('ends a thread idle for idleMs, keeps busy ones, and starts threads again for new work', async () => {
    await using pool = new WorkerPool(script, { size: 2, idleMs: 400 });
    const drain = async (stream: AsyncIterable<{ numRows: number }>): Promise<number> => {
      let rows = 0;
      for await (const batch of stream) rows += batch.numRows;
      return rows;
    };
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    // Waits (up to 5 s, for a loaded machine) until the pool has `count` threads.
    const threadsBecome = async (count: number): Promise<number> => {
      for (const deadline = Date.now() + 5_000; pool.threads !== count && Date.now() < deadline; ) await sleep(20);
      return pool.threads;
    };
    expect(await Promise.all([drain(pool.run({ batches: 2, rows: 5 })), drain(pool.run({ batches: 2, rows: 6 }))])).toEqual([10, 12]);
    expect(pool.threads).toBe(2);
    // A task holds one thread past the idle time (its worker waits for credits to send more
    // batches): only the other thread ends.
    const busy = pool.run<RangeSummary>({ batches: 10, rows: 7 });
    const iterator = busy[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.numRows).toBe(7);
    expect(await threadsBecome(1)).toBe(1);
    await sleep(500);
    expect(pool.threads).toBe(1);
    let rest = 0;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) rest += next.value.numRows;
    expect(rest).toBe(63);
    // Work that comes back before the idle time is up reuses the thread and restarts its clock:
    // 150 + 250 ms idle in all, but never 400 at a stretch.
    await sleep(150);
    expect(await drain(pool.run({ batches: 1, rows: 4 }))).toBe(4);
    await sleep(250);
    expect(pool.threads).toBe(1);
    expect(await threadsBecome(0)).toBe(0);
    // Threads spawned for work that never comes end too; new work starts new threads.
    pool.spawn();
    expect(pool.threads).toBe(2);
    expect(await threadsBecome(0)).toBe(0);
    expect(await drain(pool.run({ batches: 1, rows: 9 }))).toBe(9);
    expect(pool.threads).toBe(1);
  });

  it('keeps idle threads with idleMs: Infinity (or longer than a timer can wait) and refuses a negative or NaN idleMs', async () => {
    for (const idleMs of [Infinity, 2 ** 40]) {
      await using pool = new WorkerPool(script, { size: 1, idleMs });
      for await (const batch of pool.run({ batches: 1, rows: 2 })) expect(batch.numRows).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pool.threads).toBe(1);
    }
    for (const idleMs of [-1, Number.NaN]) {
      expect(() => new WorkerPool(script, { idleMs })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });

  it('spawn() starts idle threads ahead of the first task, up to the pool size', async () => {
    const pool = new WorkerPool(script, { size: 2 });
    pool.spawn(1);
    expect(await pool.trim()).toBe(1);
    pool.spawn();
    pool.spawn(5);
    expect(await pool.trim()).toBe(2);
    pool.spawn();
    const rows = await Promise.all([0, 1].map(async (i) => {
      let total = 0;
      for await (const batch of pool.run({ batches: 2, rows: 3 + i })) total += batch.numRows;
      return total;
    }));
    expect(rows).toEqual([6, 8]);
    await pool.close();
    pool.spawn();
    expect(await pool.trim()).toBe(0);
  });

  it('gives its threads an 8 MiB young generation unless told other limits', async () => {
    const limitsOf = async (pool: WorkerPool): Promise<Record<string, number>> => {
      const stream = pool.run<{ limits: Record<string, number> }>({ batches: 1, rows: 1, limits: true });
      for await (const _ of stream) void _;
      return (await stream.summary).limits;
    };
    await using byDefault = new WorkerPool(script, { size: 1 });
    expect((await limitsOf(byDefault))['maxYoungGenerationSizeMb']).toBe(8);
    await using custom = new WorkerPool(script, { size: 1, resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 } });
    expect(await limitsOf(custom)).toMatchObject({ maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 });
  });

  it('bounds how far a worker runs ahead of its consumer (credits)', async () => {
    await using pool = new WorkerPool(script, { size: 1, credits: 2 });
    const stream = pool.run<RangeSummary>({ batches: 50, rows: 10 });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    // Give the worker time to run ahead if flow control were broken.
    await new Promise((resolve) => setTimeout(resolve, 200));
    let rest = 0;
    for (let result = await iterator.next(); !result.done; result = await iterator.next()) rest += 1;
    expect(rest).toBe(49);
    expect(await stream.summary).toEqual({ rows: 500 });
  });

  it('carries typed errors across the thread with their code', async () => {
    await using pool = new WorkerPool(script, { size: 1 });
    const stream = pool.run({ batches: 5, rows: 10, failAt: 2 });
    const error = await (async () => {
      for await (const _ of stream) void _;
    })().catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'DBC_CRC_MISMATCH')).toBe(true);
    expect((error as ArrowSusError).details).toEqual({ at: 2 });
    // The worker is reusable after a task error.
    let rows = 0;
    for await (const batch of pool.run({ batches: 2, rows: 3 })) rows += batch.numRows;
    expect(rows).toBe(6);
  });

  it('wraps a plain error as INTERNAL and a crashed thread as WORKER_FAILED, then recovers', async () => {
    await using pool = new WorkerPool(script, { size: 1 });
    const plain = await (async () => {
      for await (const _ of pool.run({ batches: 3, rows: 1, throwAt: 1 })) void _;
    })().catch((e: unknown) => e);
    expect(ArrowSusError.is(plain, 'INTERNAL')).toBe(true);
    const crashed = await (async () => {
      for await (const _ of pool.run({ batches: 3, rows: 1, crashAt: 1 })) void _;
    })().catch((e: unknown) => e);
    expect(ArrowSusError.is(crashed, 'WORKER_FAILED')).toBe(true);
    let rows = 0;
    for await (const batch of pool.run({ batches: 2, rows: 4 })) rows += batch.numRows;
    expect(rows).toBe(8);
  });

  it('cancels on abort and when the consumer breaks early', async () => {
    await using pool = new WorkerPool(script, { size: 1 });
    const controller = new AbortController();
    const aborted = await (async () => {
      let count = 0;
      for await (const _ of pool.run({ batches: 1000, rows: 100 }, { signal: controller.signal })) {
        void _;
        if (++count === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(ArrowSusError.is(aborted, 'ABORTED')).toBe(true);
    let seen = 0;
    for await (const _ of pool.run({ batches: 1000, rows: 100 })) {
      void _;
      if (++seen === 2) break;
    }
    // Both cancellations left the single worker free for the next task.
    let rows = 0;
    for await (const batch of pool.run({ batches: 1, rows: 7 })) rows += batch.numRows;
    expect(rows).toBe(7);
  });
});
