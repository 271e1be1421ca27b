/**
 * Makes one remote file available as a cache entry: a hit costs nothing; a miss downloads the
 * file (resumable, size-checked), converts it to Parquet in a worker thread (where the DBC's
 * CRC-32 is verified) and commits the entry — all under the entry's cross-process lock, so
 * concurrent processes fetch each file once. A download that fails its CRC-32 or ends short is
 * fetched once more before the file counts as failed.
 *
 * @module
 */
import { rm } from 'node:fs/promises';
import type { ResolvedFile } from '../catalog/index.js';
import type { CacheEntry, DiskCache } from '../cache/disk-cache.js';
import { downloadFiles } from '../download/download-files.js';
import type { DownloadProgress } from '../download/types.js';
import { ArrowSusError, ERROR_CODES, type ErrorCode } from '../errors.js';
import type { Source } from '../sources/source.js';
import type { MaterializeSummary, MaterializeTask } from '../workers/decode-worker.js';
import type { WorkerPool } from '../workers/pool.js';

/** What materialization needs. */
export interface MaterializeContext {
  readonly source: Source;
  readonly cache: DiskCache;
  readonly pool: WorkerPool;
  /** Where downloads land before conversion (removed afterwards). */
  readonly downloadsDir: string;
  readonly signal?: AbortSignal;
  /** Download retries per file (default 5). */
  readonly retries?: number;
  /** Abort and resume a transfer after this long without bytes, ms (default 30 s). */
  readonly stallTimeoutMs?: number;
  readonly onDownload?: (progress: DownloadProgress) => void;
  /** Called when another process holds the file's lock and we wait for it. */
  readonly onWait?: (file: ResolvedFile) => void;
}

/** The outcome for one file. */
export interface MaterializeOutcome {
  readonly file: ResolvedFile;
  readonly entry: CacheEntry;
  readonly fromCache: boolean;
  /** Bytes downloaded for this file in this run. */
  readonly downloadedBytes: number;
}

const REFETCH_CODES = new Set(['DBC_CRC_MISMATCH', 'DBC_TRUNCATED']);

/**
 * Ensures `file` is in the cache and returns its entry. Throws the file's typed error when it
 * cannot be fetched or decoded.
 *
 * @example
 * ```ts
 * const { entry, fromCache } = await materializeFile(file, { source, cache, pool, downloadsDir });
 * ```
 */
export async function materializeFile(file: ResolvedFile, context: MaterializeContext): Promise<MaterializeOutcome> {
  const remote = { path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() };
  let downloadedBytes = 0;
  const { entry, created } = await context.cache.getOrCreate(
    remote,
    async (parquetPath) => {
      // A miss: the conversion will need the pool, whose threads can start during the download.
      context.pool.spawn();
      for (let attempt = 1; ; attempt++) {
        const fetched = await download(file, context);
        downloadedBytes += fetched.bytes;
        try {
          const task: MaterializeTask = {
            kind: 'materialize',
            input: fetched.local,
            output: parquetPath,
            options: {
              verifyCrc: true,
              fileName: file.path,
              // Several DataSUS tables are CP850 whatever their header's code-page byte says
              // (CADMUN, CNES PF, some SIH RD and SIA files); the cache stores correctly decoded text.
              encoding: 'auto',
              metadata: { 'arrow-sus.source': file.path, 'arrow-sus.sha256': fetched.sha256 },
            },
          };
          const stream = context.pool.run<MaterializeSummary>(task, context.signal ? { signal: context.signal } : {});
          for await (const _ of stream) void _;
          const summary = await stream.summary;
          const parsed = file.parsed;
          return {
            rows: summary.rows,
            sourceSha256: fetched.sha256,
            crcOk: summary.crcOk,
            source: fetched.source,
            labels: { system: parsed.system, dataset: parsed.dataset, uf: parsed.uf, year: parsed.year, month: parsed.month },
          };
        } catch (error) {
          if (attempt < 2 && ArrowSusError.is(error) && REFETCH_CODES.has(error.code)) continue;
          throw error;
        } finally {
          await rm(fetched.local, { force: true });
        }
      }
    },
    {
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.onWait ? { onWait: () => context.onWait?.(file) } : {}),
    },
  );
  return { file, entry, fromCache: !created, downloadedBytes };
}

async function download(file: ResolvedFile, context: MaterializeContext): Promise<{ local: string; sha256: string; bytes: number; source: string }> {
  const report = await downloadFiles(
    context.source,
    [{ path: file.path, size: file.size, ...(file.modifiedAt ? { modifiedAt: file.modifiedAt } : {}) }],
    // Shared by all processes: the entry's lock makes one process at a time fetch a file, and a
    // partial download left by an interrupted run is resumed by the next one.
    context.downloadsDir,
    {
      concurrency: 1,
      layout: 'tree',
      // The file is deleted once converted; the cache's sidecar is the record of what was fetched.
      manifest: false,
      // Content is verified where it is decoded (one decompression, in a worker), right after the
      // download, from the page cache: no flush to the disk for a file deleted once converted.
      verify: async () => ({ crcOk: null }),
      durable: false,
      ...(context.retries !== undefined ? { retries: context.retries } : {}),
      ...(context.stallTimeoutMs !== undefined ? { stallTimeoutMs: context.stallTimeoutMs } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.onDownload ? { onProgress: context.onDownload } : {}),
    },
  );
  const fetched = report.fetched[0];
  if (fetched !== undefined) return { local: fetched.file, sha256: fetched.sha256, bytes: fetched.bytes, source: fetched.source };
  const present = report.present[0];
  if (present !== undefined) return { local: present.file, sha256: present.sha256, bytes: 0, source: context.source.url };
  const failed = report.failed[0];
  if (failed !== undefined) {
    const code = (failed.code in ERROR_CODES ? failed.code : 'DOWNLOAD_FAILED') as ErrorCode;
    throw new ArrowSusError(code, failed.message, { details: { path: file.path } });
  }
  throw new ArrowSusError('SOURCE_NOT_FOUND', `scan: ${file.path} disappeared from the server after it was listed`, { details: { path: file.path } });
}
