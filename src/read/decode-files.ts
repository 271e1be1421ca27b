/**
 * Decodes many files on a pool of worker threads, so N files use N cores. Batches arrive tagged
 * with the input they came from; by default in input order (file 1's batches, then file 2's …)
 * while later files decode ahead, bounded by the pool's credits.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RecordBatch, Schema } from 'apache-arrow';
import { formatPredicate } from '../dbf/predicate.js';
import { throwIfAborted } from '../errors.js';
import type { DecodeTask } from '../workers/decode-worker.js';
import { WorkerPool } from '../workers/pool.js';
import type { TaskStream } from '../workers/pool.js';
import type { ReadTableOptions, TableSummary } from './read-table.js';

/**
 * The compiled worker script: the single-file bundle `npm run build` makes of it (faster to start,
 * see `scripts/bundle-worker.js`) unless it is missing or older than the compiled entry, else the
 * entry itself. When this module runs from TypeScript sources (the test runner), the build in
 * `dist/` provides it (`npm test` builds first).
 *
 * @example
 * ```ts
 * const pool = new WorkerPool(decodeWorkerUrl(), { size: 2 });
 * ```
 */
export function decodeWorkerUrl(): URL {
  const beside = new URL('../workers/', import.meta.url);
  return workerScriptIn(modifiedAt(new URL('decode-worker.js', beside)) === undefined ? new URL('../../dist/workers/', import.meta.url) : beside);
}

/**
 * The worker script to run from a build's `workers/` folder: `decode-worker.bundle.js` when it
 * exists and is not older than `decode-worker.js` (a tsc-only rebuild leaves the bundle stale),
 * else `decode-worker.js`.
 *
 * @example
 * ```ts
 * workerScriptIn(new URL('../dist/workers/', import.meta.url)).pathname; // …/decode-worker.bundle.js
 * ```
 */
export function workerScriptIn(folder: URL): URL {
  const entry = new URL('decode-worker.js', folder);
  const bundle = new URL('decode-worker.bundle.js', folder);
  const [entryTime, bundleTime] = [modifiedAt(entry), modifiedAt(bundle)];
  return bundleTime !== undefined && (entryTime === undefined || bundleTime >= entryTime) ? bundle : entry;
}

function modifiedAt(url: URL): number | undefined {
  return statSync(fileURLToPath(url), { throwIfNoEntry: false })?.mtimeMs;
}

let sharedPool: WorkerPool | undefined;

/**
 * The process-wide decode pool (one thread per core), created on first use. Its idle threads do
 * not keep the process alive.
 *
 * @example
 * ```ts
 * const pool = defaultDecodePool();
 * ```
 */
export function defaultDecodePool(): WorkerPool {
  sharedPool ??= new WorkerPool(decodeWorkerUrl(), { credits: 2 });
  return sharedPool;
}

/** Options of {@link decodeFiles}. */
export interface DecodeFilesOptions extends ReadTableOptions {
  /** The pool to use (default: {@link defaultDecodePool}). */
  readonly pool?: WorkerPool;
  /** Keep input order (default true); false yields batches as they are ready. */
  readonly ordered?: boolean;
}

/** A batch and the input it came from. */
export interface TaggedBatch {
  readonly index: number;
  readonly input: string;
  readonly batch: RecordBatch;
}

/** The result of {@link decodeFiles}: tagged batches, then per-input schemas and summaries. */
export interface DecodeFilesStream extends AsyncIterable<TaggedBatch> {
  readonly schemas: Promise<Schema[]>;
  readonly summaries: Promise<TableSummary[]>;
}

/**
 * Decodes local files in parallel worker threads.
 *
 * @example
 * ```ts
 * const run = decodeFiles(['RDSP2301.dbc', 'RDSP2302.dbc'], { columns: ['MUNIC_RES'] });
 * for await (const { input, batch } of run) console.log(input, batch.numRows);
 * console.log(await run.summaries);
 * ```
 */
export function decodeFiles(inputs: readonly string[], options: DecodeFilesOptions = {}): DecodeFilesStream {
  const pool = options.pool ?? defaultDecodePool();
  const { pool: _pool, ordered = true, signal, where, ...rest } = options;
  // Each thread holds a batch being built plus `credits` batches in flight; with the reader's
  // default batches (8 MiB of records) a pool of N threads stays near N × 50 MiB whatever the files.
  const taskOptions: DecodeTask['options'] = {
    ...rest,
    ...(where === undefined ? {} : { where: typeof where === 'string' ? where : formatPredicate(where) }),
  };
  const streams: TaskStream<TableSummary>[] = inputs.map((input) =>
    pool.run<TableSummary>({ input, options: taskOptions } satisfies DecodeTask, signal ? { signal } : {}),
  );
  const schemas = Promise.all(streams.map((stream) => stream.schema));
  const summaries = Promise.all(streams.map((stream) => stream.summary));
  schemas.catch(() => undefined);
  summaries.catch(() => undefined);

  async function* inOrder(): AsyncGenerator<TaggedBatch> {
    for (const [index, stream] of streams.entries()) {
      throwIfAborted(signal);
      for await (const batch of stream) yield { index, input: inputs[index]!, batch };
    }
  }

  // Merges the streams as batches become ready. Each stream has its own producer loop that hands
  // over one batch and waits until it is taken (so memory stays at one batch per stream), instead
  // of racing all pending reads: repeated Promise.race over long-pending reads leaks a reaction
  // (and the batch it settled with) on every call.
  async function* asReady(): AsyncGenerator<TaggedBatch> {
    const ready: TaggedBatch[] = [];
    const taken = new Map<number, () => void>();
    let active = streams.length;
    let failure: unknown;
    let wake: (() => void) | undefined;
    const notify = (): void => {
      const resume = wake;
      wake = undefined;
      resume?.();
    };
    streams.forEach((stream, index) => {
      void (async () => {
        try {
          for await (const batch of stream) {
            ready.push({ index, input: inputs[index]!, batch });
            notify();
            await new Promise<void>((resolve) => taken.set(index, resolve));
          }
        } catch (error) {
          failure ??= error;
        } finally {
          active -= 1;
          notify();
        }
      })();
    });
    while (true) {
      const item = ready.shift();
      if (item !== undefined) {
        yield item;
        const release = taken.get(item.index);
        taken.delete(item.index);
        release?.();
        continue;
      }
      if (failure !== undefined) throw failure;
      if (active === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  async function* run(): AsyncGenerator<TaggedBatch> {
    try {
      yield* ordered ? inOrder() : asReady();
    } finally {
      // Stopping early cancels every task that has not finished.
      await Promise.all(streams.map((stream) => stream[Symbol.asyncIterator]().return?.(undefined)));
    }
  }
  const iterable = run();
  return { schemas, summaries, [Symbol.asyncIterator]: () => iterable };
}
