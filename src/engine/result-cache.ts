/**
 * A memory cache of query results, keyed by the normalised query (its syntax tree without source
 * positions) and the cache keys of the files it read — so a republished file, which gets a new key,
 * never serves an old answer. Entries expire after a TTL; the least recently used go first when
 * the memory bound is reached. Kept in memory only: recomputing from the cached Parquet takes
 * milliseconds, which a disk copy of the result would not beat by much.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { TablePart } from './resolve-files.js';

type Files = ReadonlyMap<string, readonly TablePart[]>;

/**
 * Options of {@link ResultCache}.
 *
 * @example
 * ```ts
 * new ResultCache({ ttlMs: 60_000, maxBytes: 64 * 1024 ** 2 });
 * ```
 */
export interface ResultCacheOptions {
  /** How long an entry is served, ms (default 10 minutes). */
  readonly ttlMs?: number;
  /** Memory bound over all entries, bytes (default 256 MiB); a larger result is not kept. */
  readonly maxBytes?: number;
  /** Clock (tests). */
  readonly now?: () => number;
}

interface Entry {
  readonly schema: Schema;
  readonly batches: readonly RecordBatch[];
  readonly files: Files;
  readonly bytes: number;
  readonly expires: number;
}

/**
 * The key of a result: query, engine and file versions.
 *
 * @example
 * ```ts
 * resultKey('duckdb', normaliseAst(ast), ['ab12…', 'cd34…']);
 * ```
 */
export function resultKey(engine: string, normalisedQuery: string, fileKeys: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([engine, normalisedQuery, [...fileKeys].sort()]))
    .digest('hex');
}

/**
 * Query results kept in memory for a while.
 *
 * @example
 * ```ts
 * const cache = new ResultCache();
 * cache.set(key, schema, batches);
 * cache.get(key)?.batches;
 * ```
 */
export class ResultCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: ResultCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#maxBytes = options.maxBytes ?? 256 * 1024 ** 2;
    this.#now = options.now ?? Date.now;
  }

  /** The largest result worth keeping, bytes. */
  get maxBytes(): number {
    return this.#maxBytes;
  }

  /** A fresh entry, or undefined. */
  get(key: string): { schema: Schema; batches: readonly RecordBatch[]; files: Files } | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.#now()) {
      this.#delete(key);
      return undefined;
    }
    // Re-insert: Map order is the LRU order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps a result (unless it alone exceeds the memory bound). */
  set(key: string, schema: Schema, batches: readonly RecordBatch[], files: Files = new Map()): void {
    const bytes = batches.reduce((sum, batch) => sum + batch.data.byteLength, 0);
    if (bytes > this.#maxBytes) return;
    this.#delete(key);
    this.#entries.set(key, { schema, batches, files, bytes, expires: this.#now() + this.#ttlMs });
    this.#bytes += bytes;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#bytes -= entry.bytes;
    this.#entries.delete(key);
  }
}
