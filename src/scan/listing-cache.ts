/**
 * Folder listings kept on disk for a while, so a repeated request costs no network at all and
 * `--offline` works from what was seen before. A listing older than the TTL is fetched again;
 * `refresh` always fetches (that is how a republished file is noticed at once).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArrowSusError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { ListingEntry, Source } from '../sources/source.js';

/** Options of {@link ListingCache}. */
export interface ListingCacheOptions {
  /** Folder for the cached listings (usually `<cache dir>/listings`). */
  readonly dir: string;
  /** How long a listing stays fresh, ms (default one hour). */
  readonly ttlMs?: number;
  /** Always list again (default false). */
  readonly refresh?: boolean;
  /** Never touch the network: use cached listings whatever their age (default false). */
  readonly offline?: boolean;
}

interface StoredListing {
  readonly source: string;
  readonly folder: string;
  readonly fetchedAt: string;
  /** The server said the folder does not exist (remembered too, or every run would ask again). */
  readonly missing?: boolean;
  readonly entries: readonly { path: string; size: number; modifiedAt: string | null; isDirectory: boolean }[];
}

/**
 * A disk cache of folder listings, keyed by source URL and folder.
 *
 * @example
 * ```ts
 * const listings = new ListingCache({ dir: join(cacheDir, 'listings') });
 * const entries = await listings.list(source, '/dissemin/publicos/SIM/CID10/DORES');
 * ```
 */
export class ListingCache {
  readonly #options: ListingCacheOptions;
  /** How many listings were fetched from the network (for reports and tests). */
  networkListings = 0;

  constructor(options: ListingCacheOptions) {
    this.#options = options;
  }

  /**
   * The folder's entries, from the cache when fresh, else from the source (then stored).
   * Offline with nothing cached: `SOURCE_CONNECTION_FAILED`.
   */
  async list(source: Source, folder: string, options: { signal?: AbortSignal } = {}): Promise<ListingEntry[]> {
    const path = join(this.#options.dir, `${createHash('sha256').update(`${source.url}\n${folder}`).digest('hex').slice(0, 32)}.json`);
    const stored = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as StoredListing)
      .catch(() => undefined);
    const ttl = this.#options.ttlMs ?? 3_600_000;
    const fresh = stored !== undefined && Date.now() - Date.parse(stored.fetchedAt) < ttl;
    if (stored !== undefined && (this.#options.offline === true || (fresh && this.#options.refresh !== true))) {
      if (stored.missing === true) {
        throw new ArrowSusError('SOURCE_NOT_FOUND', `scan: ${folder} does not exist on ${source.url} (as listed at ${stored.fetchedAt})`, { details: { folder } });
      }
      return stored.entries.map((e) => ({
        path: e.path,
        size: e.size,
        isDirectory: e.isDirectory,
        ...(e.modifiedAt === null ? {} : { modifiedAt: new Date(e.modifiedAt) }),
      }));
    }
    if (this.#options.offline === true) {
      throw new ArrowSusError('SOURCE_CONNECTION_FAILED', `scan: offline, and ${folder} was never listed before (run once online)`, {
        details: { folder },
      });
    }
    let entries: ListingEntry[];
    try {
      entries = await source.list(folder, options);
    } catch (error) {
      if (ArrowSusError.is(error, 'SOURCE_NOT_FOUND')) {
        this.networkListings += 1;
        const absent: StoredListing = { source: source.url, folder, fetchedAt: new Date().toISOString(), missing: true, entries: [] };
        await writeFileAtomic(path, [Buffer.from(JSON.stringify(absent))]);
      }
      throw error;
    }
    this.networkListings += 1;
    const record: StoredListing = {
      source: source.url,
      folder,
      fetchedAt: new Date().toISOString(),
      entries: entries.map((e) => ({ path: e.path, size: e.size, modifiedAt: e.modifiedAt?.toISOString() ?? null, isDirectory: e.isDirectory })),
    };
    await writeFileAtomic(path, [Buffer.from(JSON.stringify(record))]);
    return entries;
  }
}
