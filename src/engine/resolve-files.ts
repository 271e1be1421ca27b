/**
 * From the tables a query reads to local Parquet files: plan each table's catalog requests through
 * the scan pipeline (listing only the folders they touch), check how much would be downloaded
 * against the size limit, then warm the cache (download, decode, verify, convert — in parallel,
 * under cross-process locks) and return one Parquet file per source file with its partition values.
 *
 * @module
 */
import type { CatalogRequest, ResolvedFile } from '../catalog/index.js';
import { DiskCache, type CacheEntry } from '../cache/disk-cache.js';
import { ArrowSusError } from '../errors.js';
import { Scan } from '../scan/scan.js';
import { materializeFile } from '../scan/materialize.js';
import { defaultDecodePool } from '../read/decode-files.js';
import { join } from 'node:path';
import type { Source } from '../sources/source.js';
import { isZipCached, isZipFile, materializeZipDbf } from './materialize-zip.js';
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

/**
 * Resolved requests kept in memory for a short while: resolving against a real folder listing
 * (23,000 SIH names) costs ~30 ms, more than a warm aggregate itself. Within `ttlMs` a repeated
 * request reuses its files; the disk listing cache has the same staleness rule (with a longer TTL).
 *
 * @example
 * ```ts
 * const memo: PlanMemo = { ttlMs: 60_000, entries: new Map() };
 * ```
 */
export interface PlanMemo {
  readonly ttlMs: number;
  readonly entries: Map<string, { readonly expires: number; readonly files: readonly ResolvedFile[] }>;
}

/**
 * Where files come from and go.
 *
 * @example
 * ```ts
 * await resolveTables(filters, { source: openSource('ftp://ftp.datasus.gov.br'), cacheDir });
 * ```
 */
export interface ResolveFilesOptions {
  readonly source: Source;
  readonly cacheDir: string;
  readonly offline?: boolean;
  readonly refresh?: boolean;
  readonly listingTtlMs?: number;
  readonly signal?: AbortSignal;
  /** Reuse recent resolutions (not with `refresh`). */
  readonly memo?: PlanMemo;
}

/**
 * The files of every table (lists folders, or reuses a recent resolution; downloads nothing).
 *
 * @example
 * ```ts
 * const resolved = await resolveTables(new Map([['sih_rd', { uf: ['RJ'], year: [2016], month: [2] }]]), { source, cacheDir });
 * ```
 */
export async function resolveTables(filters: ReadonlyMap<string, PartitionFilter>, options: ResolveFilesOptions): Promise<Map<string, ResolvedFile[]>> {
  const tables = new Map<string, ResolvedFile[]>();
  for (const [name, filter] of filters) {
    const table = sqlTable(name);
    if (table === undefined) continue;
    const files: ResolvedFile[] = [];
    for (const request of partitionRequests(table, filter)) files.push(...(await resolveFiles(request, options)));
    tables.set(name, files);
  }
  return tables;
}

/**
 * Marks which resolved files are cached already (keeping their entries) and sums what is not.
 *
 * @example
 * ```ts
 * const plan = await planTables(await resolveTables(filters, options), options);
 * ```
 */
export async function planTables(resolved: ReadonlyMap<string, readonly ResolvedFile[]>, options: { readonly cacheDir: string }): Promise<QueryFilePlan> {
  const cache = new DiskCache({ dir: options.cacheDir });
  const tables = new Map<string, PlannedFile[]>();
  let bytesToFetch = 0;
  let filesToFetch = 0;
  for (const [name, list] of resolved) {
    // Checked concurrently: each check is a few small file-system calls.
    const entries = await Promise.all(
      list.map((file) =>
        isZipFile(file) ? isZipCached(file, options.cacheDir) : cache.get({ path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() }),
      ),
    );
    const files: PlannedFile[] = list.map((file, index) => {
      const entry = entries[index];
      if (entry === true) return { file, cached: true };
      if (entry !== undefined && entry !== false) return { file, cached: true, entry };
      bytesToFetch += file.size;
      filesToFetch += 1;
      return { file, cached: false };
    });
    tables.set(name, files);
  }
  return { tables, bytesToFetch, filesToFetch };
}

async function resolveFiles(request: CatalogRequest, options: ResolveFilesOptions): Promise<readonly ResolvedFile[]> {
  const key = JSON.stringify(request);
  const memo = options.refresh === true ? undefined : options.memo;
  const hit = memo?.entries.get(key);
  if (hit !== undefined && hit.expires > Date.now()) return hit.files;
  const scan = new Scan(request, scanOptions(options));
  try {
    const { files } = await scan.plan();
    memo?.entries.set(key, { expires: Date.now() + memo.ttlMs, files });
    return files;
  } finally {
    await scan.close();
  }
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
