/**
 * The disk cache: one zstd Parquet file per source file, with a JSON sidecar holding its
 * provenance. The sidecar is written last and atomically, so it is the commit point: an entry
 * exists exactly when its sidecar does, and a crash mid-way leaves at most an orphan temporary
 * file, never a half entry. Producing an entry happens under a cross-process lock, so concurrent
 * processes download and decode each file once.
 *
 * Layout: `<dir>/v1/<key[0..2]>/<key>.parquet`, `<key>.json`, `<key>.lock`.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileError } from '../io/errors.js';
import { hashFile } from '../io/hash-file.js';
import { temporaryPathFor, writeFileAtomic } from '../io/write-file.js';
import { DECODER_VERSION, cacheKey } from './key.js';
import type { RemoteFileIdentity } from './key.js';
import { acquireLock } from './lock.js';

/** Where a cached file came from and what it holds. */
export interface CacheEntry {
  readonly key: string;
  readonly remote: RemoteFileIdentity & { readonly source: string };
  /** Catalog facts about the file (for `cache ls`, `cache clear --system`, partitioning). */
  readonly labels: { readonly system?: string | null; readonly dataset?: string | null; readonly uf?: string | null; readonly year?: number | null; readonly month?: number | null };
  readonly rows: number;
  /** SHA-256 of the downloaded source file (the DBC/DBF bytes). */
  readonly sourceSha256: string;
  /** Whether the DBC's embedded CRC-32 matched (null for plain DBF). */
  readonly crcOk: boolean | null;
  readonly parquetBytes: number;
  readonly parquetSha256: string;
  readonly decoderVersion: number;
  readonly fetchedAt: string;
  /** Absolute path of the Parquet file. */
  readonly parquetPath: string;
  /** Last use (for LRU eviction). */
  readonly lastUsedAt: string;
}

/** What a producer reports after writing an entry's Parquet file. */
export type ProducedEntry = Pick<CacheEntry, 'rows' | 'sourceSha256' | 'crcOk' | 'labels'> & { readonly source: string };

/** Options for {@link DiskCache}. */
export interface DiskCacheOptions {
  readonly dir: string;
  /** Evict least recently used entries beyond this many bytes (default: no limit). */
  readonly maxBytes?: number;
  /** Lock staleness, see `acquireLock` (default 120 s). */
  readonly lockStaleMs?: number;
}

/** One problem found by {@link DiskCache.verify}. */
export interface CacheProblem {
  readonly key: string;
  readonly path: string;
  readonly problem: 'missing' | 'size' | 'checksum' | 'sidecar';
}

/** Filters for {@link DiskCache.clear}. */
export interface ClearOptions {
  /** Only entries not used for at least this many milliseconds. */
  readonly olderThanMs?: number;
  /** Only entries of this system (case-insensitive, e.g. `sih`). */
  readonly system?: string;
}

const LAYOUT = 'v1';

/**
 * A disk cache of decoded files.
 *
 * @example
 * ```ts
 * const cache = new DiskCache({ dir: resolveCacheDir() });
 * const { entry, created } = await cache.getOrCreate(remote, async (parquetPath) => {
 *   await writeFileAtomic(parquetPath, batchesToParquet(batches, schema));
 *   return { rows, sourceSha256, crcOk: true, labels: {}, source: 'ftp://ftp.datasus.gov.br' };
 * });
 * ```
 */
export class DiskCache {
  readonly dir: string;
  readonly maxBytes: number | undefined;
  readonly #lockStaleMs: number;

  constructor(options: DiskCacheOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes;
    this.#lockStaleMs = options.lockStaleMs ?? 120_000;
  }

  /** Paths of an entry's files. */
  pathsFor(key: string): { parquet: string; sidecar: string; lock: string; folder: string } {
    const folder = join(this.dir, LAYOUT, key.slice(0, 2));
    return { folder, parquet: join(folder, `${key}.parquet`), sidecar: join(folder, `${key}.json`), lock: join(folder, `${key}.lock`) };
  }

  /**
   * The entry for a remote file, or undefined on a miss. A hit refreshes the entry's last use.
   * An entry whose Parquet file is missing or has the wrong size is removed and counts as a miss.
   *
   * @example
   * ```ts
   * const entry = await cache.get({ path, size, modifiedAt });
   * ```
   */
  async get(remote: RemoteFileIdentity): Promise<CacheEntry | undefined> {
    const key = cacheKey(remote);
    const entry = await this.#read(key);
    if (entry === undefined) return undefined;
    const info = await stat(entry.parquetPath).catch(() => undefined);
    if (info === undefined || info.size !== entry.parquetBytes) {
      await this.#remove(key);
      return undefined;
    }
    const now = new Date();
    await utimes(this.pathsFor(key).sidecar, now, now).catch(() => undefined);
    return { ...entry, lastUsedAt: now.toISOString() };
  }

  /**
   * The entry for a remote file, producing it under a lock on a miss. `produce` writes the
   * Parquet file to the path it is given (use `writeFileAtomic`); if it throws, nothing is cached.
   *
   * @example
   * ```ts
   * const { entry, created } = await cache.getOrCreate(remote, produce, { signal });
   * ```
   */
  async getOrCreate(
    remote: RemoteFileIdentity,
    produce: (parquetPath: string) => Promise<ProducedEntry>,
    options: { signal?: AbortSignal; onWait?: () => void } = {},
  ): Promise<{ entry: CacheEntry; created: boolean }> {
    const hit = await this.get(remote);
    if (hit !== undefined) return { entry: hit, created: false };
    const key = cacheKey(remote);
    const paths = this.pathsFor(key);
    await mkdir(paths.folder, { recursive: true }).catch((error: unknown) => {
      throw fileError(error, paths.folder, 'write');
    });
    const lockOptions = { staleMs: this.#lockStaleMs, ...(options.signal ? { signal: options.signal } : {}), ...(options.onWait ? { onWait: options.onWait } : {}) };
    await using _lock = await acquireLock(paths.lock, lockOptions);
    // Someone else may have produced it while we waited for the lock.
    const raced = await this.get(remote);
    if (raced !== undefined) return { entry: raced, created: false };

    const temporary = temporaryPathFor(paths.parquet);
    try {
      const produced = await produce(temporary);
      const { bytes, sha256 } = await hashFile(temporary);
      await rename(temporary, paths.parquet);
      const now = new Date().toISOString();
      const entry: CacheEntry = {
        key,
        remote: { path: remote.path, size: remote.size, modifiedAt: remote.modifiedAt, source: produced.source },
        labels: produced.labels,
        rows: produced.rows,
        sourceSha256: produced.sourceSha256,
        crcOk: produced.crcOk,
        parquetBytes: bytes,
        parquetSha256: sha256,
        decoderVersion: DECODER_VERSION,
        fetchedAt: now,
        parquetPath: paths.parquet,
        lastUsedAt: now,
      };
      await writeFileAtomic(paths.sidecar, [Buffer.from(JSON.stringify(entry, null, 2))]);
      await this.#removeSuperseded(entry);
      if (this.maxBytes !== undefined) await this.evict(this.maxBytes, new Set([key]));
      return { entry, created: true };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Every entry, most recently used first.
   *
   * @example
   * ```ts
   * for (const entry of await cache.list()) console.log(entry.remote.path, entry.rows);
   * ```
   */
  async list(): Promise<CacheEntry[]> {
    const root = join(this.dir, LAYOUT);
    const folders = await readdir(root).catch(() => [] as string[]);
    const entries: CacheEntry[] = [];
    for (const folder of folders) {
      if (folder === 'paths') continue;
      const names = await readdir(join(root, folder)).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const entry = await this.#read(name.slice(0, -'.json'.length));
        if (entry !== undefined) entries.push(entry);
      }
    }
    return entries.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
  }

  /**
   * Totals for `cache stats`.
   *
   * @example
   * ```ts
   * const { entries, bytes } = await cache.stats();
   * ```
   */
  async stats(): Promise<{ dir: string; entries: number; bytes: number; rows: number; bySystem: Record<string, { entries: number; bytes: number }> }> {
    const entries = await this.list();
    const bySystem: Record<string, { entries: number; bytes: number }> = {};
    for (const entry of entries) {
      const system = (entry.labels.system ?? 'unknown').toLowerCase();
      const slot = (bySystem[system] ??= { entries: 0, bytes: 0 });
      slot.entries += 1;
      slot.bytes += entry.parquetBytes;
    }
    return {
      dir: this.dir,
      entries: entries.length,
      bytes: entries.reduce((sum, e) => sum + e.parquetBytes, 0),
      rows: entries.reduce((sum, e) => sum + e.rows, 0),
      bySystem,
    };
  }

  /**
   * Removes entries (all, or those matching the filters). Returns what was removed.
   *
   * @example
   * ```ts
   * await cache.clear({ olderThanMs: 7 * 86_400_000, system: 'sih' });
   * ```
   */
  async clear(options: ClearOptions = {}): Promise<{ entries: number; bytes: number }> {
    const now = Date.now();
    let entries = 0;
    let bytes = 0;
    for (const entry of await this.list()) {
      if (options.system !== undefined && (entry.labels.system ?? '').toLowerCase() !== options.system.toLowerCase()) continue;
      if (options.olderThanMs !== undefined && now - Date.parse(entry.lastUsedAt) < options.olderThanMs) continue;
      await this.#remove(entry.key);
      entries += 1;
      bytes += entry.parquetBytes;
    }
    return { entries, bytes };
  }

  /**
   * Checks every entry's Parquet file against its recorded size and SHA-256. With `repair`,
   * damaged entries are removed (the next request fetches them again).
   *
   * @example
   * ```ts
   * const problems = await cache.verify({ repair: true });
   * ```
   */
  async verify(options: { repair?: boolean } = {}): Promise<{ checked: number; problems: CacheProblem[] }> {
    const problems: CacheProblem[] = [];
    const entries = await this.list();
    for (const entry of entries) {
      const info = await stat(entry.parquetPath).catch(() => undefined);
      let problem: CacheProblem['problem'] | undefined;
      if (info === undefined) problem = 'missing';
      else if (info.size !== entry.parquetBytes) problem = 'size';
      else if ((await hashFile(entry.parquetPath)).sha256 !== entry.parquetSha256) problem = 'checksum';
      if (problem !== undefined) {
        problems.push({ key: entry.key, path: entry.parquetPath, problem });
        if (options.repair === true) await this.#remove(entry.key);
      }
    }
    return { checked: entries.length, problems };
  }

  /**
   * Removes least recently used entries until the cache holds at most `maxBytes`.
   *
   * @example
   * ```ts
   * await cache.evict(10 * 2 ** 30);
   * ```
   */
  async evict(maxBytes: number, keep: ReadonlySet<string> = new Set()): Promise<{ entries: number; bytes: number }> {
    const entries = await this.list();
    let total = entries.reduce((sum, e) => sum + e.parquetBytes, 0);
    let removed = 0;
    let freed = 0;
    for (const entry of [...entries].reverse()) {
      if (total <= maxBytes) break;
      if (keep.has(entry.key)) continue;
      await this.#remove(entry.key);
      total -= entry.parquetBytes;
      removed += 1;
      freed += entry.parquetBytes;
    }
    return { entries: removed, bytes: freed };
  }

  async #read(key: string): Promise<CacheEntry | undefined> {
    const paths = this.pathsFor(key);
    let text: string;
    let info;
    try {
      [text, info] = await Promise.all([readFile(paths.sidecar, 'utf8'), stat(paths.sidecar)]);
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as CacheEntry;
      if (entry.key !== key || entry.decoderVersion !== DECODER_VERSION) return undefined;
      // The sidecar's modification time is the entry's last use (refreshed on every hit).
      return { ...entry, parquetPath: paths.parquet, lastUsedAt: info.mtime.toISOString() };
    } catch {
      return undefined;
    }
  }

  async #remove(key: string): Promise<void> {
    const paths = this.pathsFor(key);
    // Sidecar first: the entry disappears atomically, then its data.
    await rm(paths.sidecar, { force: true });
    await rm(paths.parquet, { force: true });
  }

  /**
   * DataSUS republishes files under the same name; the new version gets a new key. A pointer file
   * per remote path names its current key, so the superseded entry is found and removed in O(1).
   */
  async #removeSuperseded(entry: CacheEntry): Promise<void> {
    const pathHash = createHash('sha256').update(entry.remote.path.toLowerCase()).digest('hex').slice(0, 32);
    const pointer = join(this.dir, LAYOUT, 'paths', `${pathHash}.key`);
    const previous = await readFile(pointer, 'utf8').catch(() => undefined);
    if (previous !== undefined && previous !== entry.key) await this.#remove(previous);
    await writeFileAtomic(pointer, [Buffer.from(entry.key)]);
  }
}
