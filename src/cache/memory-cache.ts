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
 * A byte-bounded LRU of batch lists, resistant to scans larger than it.
 *
 * A plain LRU keeps nothing of a request bigger than its budget: reading files 1…20 through a
 * cache that holds 5 evicts each file before it is read again, so every repeat misses. Here a
 * reader may pass an `owner` token (each scan has one): an entry it stored or read in this pass is
 * never evicted to make room for another of its entries. When the rest cannot make room, the
 * new entry is refused instead, so a repeated oversized request keeps hitting the part that fit.
 *
 * @example
 * ```ts
 * const memory = new MemoryBatchCache(256 * 2 ** 20);
 * const owner = {}; // one per pass over a request
 * memory.set('key|A,B', batches, owner);
 * memory.get('key|A,B', owner);
 * ```
 */
export class MemoryBatchCache {
  readonly budget: number;
  readonly #entries = new Map<string, { batches: readonly RecordBatch[]; bytes: number; owner: object | undefined }>();
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

  /** Whether `key` is held (not counted as a hit or a miss; its place in the LRU order stays). */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The batches under `key`, refreshed as most recently used (and as `owner`'s, when given). */
  get(key: string, owner?: object): readonly RecordBatch[] | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.#entries.delete(key);
    this.#entries.set(key, owner === undefined ? entry : { ...entry, owner });
    return entry.batches;
  }

  /**
   * Keeps `batches` under `key` if they fit in a quarter of the budget, evicting the least
   * recently used entries that are not `owner`'s. Returns false, evicting nothing, when they do
   * not fit that way.
   */
  set(key: string, batches: readonly RecordBatch[], owner?: object): boolean {
    const bytes = batches.reduce((sum, batch) => sum + batchBytes(batch), 0);
    if (bytes > this.budget / 4) return false;
    // An entry already under `key` is replaced (its bytes make room); it is not a victim.
    let excess = this.#bytes - (this.#entries.get(key)?.bytes ?? 0) + bytes - this.budget;
    const victims: string[] = [];
    for (const [oldest, entry] of this.#entries) {
      if (excess <= 0) break;
      if (oldest === key || (owner !== undefined && entry.owner === owner)) continue;
      victims.push(oldest);
      excess -= entry.bytes;
    }
    if (excess > 0) return false;
    for (const victim of [key, ...victims]) this.delete(victim);
    this.#entries.set(key, { batches, bytes, owner });
    this.#bytes += bytes;
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
