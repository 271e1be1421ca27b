/**
 * An in-memory LRU of recently read batches, bounded in bytes: a process that reads the same
 * cached file twice (a dashboard, a notebook re-running a cell, a server) skips Parquet decoding
 * the second time. Entries are keyed by the disk entry's key and the projected columns.
 *
 * @module
 */
import type { RecordBatch } from 'apache-arrow';

/**
 * Bytes held by a batch's buffers.
 *
 * @example
 * ```ts
 * batchBytes(batch); // 1048576
 * ```
 */
export function batchBytes(batch: RecordBatch): number {
  let total = 0;
  const visit = (data: RecordBatch['data']['children'][number]): void => {
    total += data.byteLength;
    data.children.forEach(visit);
  };
  batch.data.children.forEach(visit);
  return total;
}

/**
 * A byte-bounded LRU of batch lists.
 *
 * @example
 * ```ts
 * const memory = new MemoryBatchCache(256 * 2 ** 20);
 * memory.set('key|A,B', batches);
 * memory.get('key|A,B');
 * ```
 */
export class MemoryBatchCache {
  readonly budget: number;
  readonly #entries = new Map<string, { batches: readonly RecordBatch[]; bytes: number }>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(budget: number) {
    this.budget = Math.max(0, budget);
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The batches under `key`, refreshed as most recently used. */
  get(key: string): readonly RecordBatch[] | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.batches;
  }

  /** Keeps `batches` under `key` if they fit in a quarter of the budget, evicting the oldest. */
  set(key: string, batches: readonly RecordBatch[]): boolean {
    const bytes = batches.reduce((sum, batch) => sum + batchBytes(batch), 0);
    if (bytes > this.budget / 4) return false;
    this.delete(key);
    this.#entries.set(key, { batches, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.budget) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

let shared: MemoryBatchCache | undefined;

/**
 * The process-wide batch cache (budget from `ARROW_SUS_MEMORY_CACHE_MB`, default 256 MiB; 0 turns
 * it off).
 *
 * @example
 * ```ts
 * defaultMemoryCache().bytes;
 * ```
 */
export function defaultMemoryCache(): MemoryBatchCache {
  shared ??= new MemoryBatchCache(Number(process.env['ARROW_SUS_MEMORY_CACHE_MB'] ?? 256) * 2 ** 20);
  return shared;
}
