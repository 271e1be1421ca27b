/**
 * From the tables a query reads to local Parquet files: plan each table's catalog requests through
 * the scan pipeline (listing only the folders they touch), check how much would be downloaded
 * against the size limit, then warm the cache (download, decode, verify, convert — in parallel,
 * under cross-process locks) and return one Parquet file per source file with its partition values.
 *
 * @module
 */
import type { ResolvedFile } from '../catalog/index.js';
import { DiskCache, type CacheEntry } from '../cache/disk-cache.js';
import { ArrowSusError } from '../errors.js';
import { Scan } from '../scan/scan.js';
import { materializeFile } from '../scan/materialize.js';
import { defaultDecodePool } from '../read/decode-files.js';
import { join } from 'node:path';
import type { Source } from '../sources/source.js';
import { isZipFile, materializeZipDbf } from './materialize-zip.js';
import type { PartitionFilter } from './partition-predicates.js';
import { partitionRequests } from './partition-request.js';
import { sqlTable } from './tables.js';

/**
 * One source file of a table, ready to read.
 *
 * @example
 * ```ts
 * const part: TablePart = { parquetPath: '/c/v1/ab/ab12.parquet', key: 'ab12', uf: 'RJ', year: 2016, month: 2, path: '/dissemin/…/RDRJ1602.dbc', rows: 54793 };
 * ```
 */
export interface TablePart {
  readonly path: string;
  readonly parquetPath: string;
  /** Cache key: changes when DataSUS republishes the file. */
  readonly key: string;
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
  readonly rows: number | null;
}

/**
 * What a query will read: per table, the remote files, and how many bytes are not cached yet.
 *
 * @example
 * ```ts
 * const plan = await planTables(filters, options);
 * plan.bytesToFetch; // 0 when everything is cached
 * ```
 */
export interface QueryFilePlan {
  readonly tables: ReadonlyMap<string, readonly PlannedFile[]>;
  readonly bytesToFetch: number;
  readonly filesToFetch: number;
}

/**
 * A planned file, with its cache entry when it is cached already.
 *
 * @example
 * ```ts
 * const planned: PlannedFile = { file, cached: false };
 * ```
 */
export interface PlannedFile {
  readonly file: ResolvedFile;
  readonly cached: boolean;
  /** The entry found while planning (reused by warming, which then reads nothing again). */
  readonly entry?: CacheEntry;
}

/** Where files come from and go. */
export interface ResolveFilesOptions {
  readonly source: Source;
  readonly cacheDir: string;
  readonly offline?: boolean;
  readonly refresh?: boolean;
  readonly listingTtlMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Plans the files of every table (no download), marking which are already cached.
 *
 * @example
 * ```ts
 * const plan = await planTables(new Map([['sih_rd', { uf: ['RJ'], year: [2016], month: [2] }]]), { source, cacheDir });
 * ```
 */
export async function planTables(filters: ReadonlyMap<string, PartitionFilter>, options: ResolveFilesOptions): Promise<QueryFilePlan> {
  const cache = new DiskCache({ dir: options.cacheDir });
  const tables = new Map<string, PlannedFile[]>();
  let bytesToFetch = 0;
  let filesToFetch = 0;
  for (const [name, filter] of filters) {
    const table = sqlTable(name);
    if (table === undefined) continue;
    const files: PlannedFile[] = [];
    for (const request of partitionRequests(table, filter)) {
      const scan = new Scan(request, scanOptions(options));
      try {
        const plan = await scan.plan();
        for (const file of plan.files) {
          const entry = isZipFile(file) ? undefined : await cache.get({ path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() });
          const cached = entry !== undefined;
          files.push(entry === undefined ? { file, cached } : { file, cached, entry });
          if (!cached) {
            bytesToFetch += file.size;
            filesToFetch += 1;
          }
        }
      } finally {
        await scan.close();
      }
    }
    tables.set(name, files);
  }
  return { tables, bytesToFetch, filesToFetch };
}

/**
 * Throws `QUERY_TOO_LARGE` when a plan would download more than `maxBytes`.
 *
 * @example
 * ```ts
 * checkSize(plan, 2 * 1024 ** 3);
 * ```
 */
export function checkSize(plan: QueryFilePlan, maxBytes: number): void {
  if (plan.bytesToFetch <= maxBytes) return;
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  throw new ArrowSusError(
    'QUERY_TOO_LARGE',
    `query: would download ${plan.filesToFetch} files (${mb(plan.bytesToFetch)}), more than the limit of ${mb(maxBytes)}; ` +
      'narrow it with uf/year/month conditions, or allow it with --allow-large (allowLarge: true)',
    { details: { bytes: plan.bytesToFetch, files: plan.filesToFetch, limit: maxBytes } },
  );
}

/**
 * Downloads and converts what the plan lacks; returns each table's local parts and the bytes downloaded.
 *
 * @example
 * ```ts
 * const { parts } = await warmTables(plan, { source, cacheDir });
 * ```
 */
export async function warmTables(
  plan: QueryFilePlan,
  options: ResolveFilesOptions,
): Promise<{ parts: Map<string, TablePart[]>; bytesDownloaded: number; filesDownloaded: number }> {
  const parts = new Map<string, TablePart[]>();
  let bytesDownloaded = 0;
  let filesDownloaded = 0;
  for (const [name, files] of plan.tables) {
    const list: TablePart[] = [];
    const pipeline = files.filter(({ file }) => !isZipFile(file));
    for (const { file } of files) {
      if (!isZipFile(file)) continue;
      const zip = await materializeZipDbf(file, { ...options });
      if (zip.downloaded) {
        bytesDownloaded += file.size;
        filesDownloaded += 1;
      }
      list.push({ path: file.path, parquetPath: zip.parquetPath, key: zip.key, uf: file.parsed.uf, year: file.parsed.year, month: file.parsed.month, rows: null });
    }
    // Warm exactly the planned files (a request rebuilt from them could name more), several at once.
    const cache = new DiskCache({ dir: options.cacheDir });
    const pool = defaultDecodePool();
    const outcomes: TablePart[] = new Array(pipeline.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pipeline.length) {
        const index = next++;
        const { file, entry: planned } = pipeline[index]!;
        let entry = planned;
        if (entry !== undefined) {
          // Found while planning: nothing to fetch or check again.
        } else if (options.offline === true) {
          entry = await cache.get({ path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() });
          if (entry === undefined) throw new ArrowSusError('SOURCE_CONNECTION_FAILED', `query: offline, and ${file.path} is not in the cache`);
        } else {
          const outcome = await materializeFile(file, {
            source: options.source,
            cache,
            pool,
            downloadsDir: join(options.cacheDir, 'downloads'),
            ...(options.signal ? { signal: options.signal } : {}),
          });
          if (!outcome.fromCache) {
            bytesDownloaded += outcome.downloadedBytes;
            filesDownloaded += 1;
          }
          entry = outcome.entry;
        }
        const parsed = file.parsed;
        outcomes[index] = { path: file.path, parquetPath: entry.parquetPath, key: entry.key, uf: parsed.uf, year: parsed.year, month: parsed.month, rows: entry.rows };
      }
    };
    await Promise.all(Array.from({ length: Math.min(pipeline.length, pool.size * 2) }, worker));
    list.push(...outcomes);
    parts.set(name, list);
  }
  return { parts, bytesDownloaded, filesDownloaded };
}

function scanOptions(options: ResolveFilesOptions): ConstructorParameters<typeof Scan>[1] {
  return {
    source: options.source,
    cacheDir: options.cacheDir,
    ...(options.offline !== undefined ? { offline: options.offline } : {}),
    ...(options.refresh !== undefined ? { refresh: options.refresh } : {}),
    ...(options.listingTtlMs !== undefined ? { listingTtlMs: options.listingTtlMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
