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
import { completePathOf } from '../download/fetch-file.js';
import type { DownloadProgress } from '../download/types.js';
import { ArrowSusError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { GrowthCell, MAX_GROWING_BYTES } from '../io/growing-file.js';
import type { Source } from '../sources/source.js';
import { deferred } from '../util/deferred.js';
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

/** Footer key of the source file's SHA-256 in a cache entry's Parquet file. */
const SHA256_KEY = 'arrow-sus.sha256';

/**
 * Ensures `file` is in the cache and returns its entry. Throws the file's typed error when it
 * cannot be fetched or decoded.
 *
 * A thread that is idle when the download's first bytes land converts the file while it
 * downloads, reading the bytes as they are written (`io/growing-file.ts`): the conversion then
 * ends about when the download does, instead of starting only then. With every thread busy the
 * file is converted once whole, as is a file whose download starts over from byte zero.
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
        const downloading = new Download(file, context);
        try {
          const { summary, fetched } = await convert(file, parquetPath, downloading, context);
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
          // Bytes fetched count even when the file is fetched again (a CRC mismatch).
          downloadedBytes += (await downloading.settle())?.bytes ?? 0;
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

interface Fetched {
  readonly local: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly source: string;
}

/**
 * One file's download under way, with what a conversion needs to follow it: the shared
 * {@link GrowthCell} (bytes on disk, then complete with the SHA-256, or abandoned) and the part
 * file's path once its first bytes are written.
 */
class Download {
  readonly growth = GrowthCell.create();
  readonly done: Promise<Fetched>;
  /** The part file once bytes are in it; undefined if the download ended (or failed) first. */
  readonly firstBytes: Promise<string | undefined>;
  readonly #abort = new AbortController();
  readonly #signal: AbortSignal | undefined;
  #settled = false;

  constructor(file: ResolvedFile, context: MaterializeContext) {
    const first = deferred<string | undefined>();
    this.firstBytes = first.promise;
    let announced = 0;
    let received = 0;
    const onProgress = (progress: DownloadProgress): void => {
      context.onDownload?.(progress);
      if (progress.file !== file.path) return;
      const delta = progress.receivedBytes - received;
      received = progress.receivedBytes;
      // Each write must extend what was announced: a transfer that started over (from zero, in a
      // new part file) leaves any reader of the old one behind.
      if (progress.bytes - delta !== announced) this.growth.abandon();
      else this.growth.advance(progress.bytes);
      announced = progress.bytes;
      first.resolve(progress.partFile);
    };
    this.#signal = context.signal;
    const signal = context.signal ? AbortSignal.any([context.signal, this.#abort.signal]) : this.#abort.signal;
    this.done = download(file, { ...context, signal, onDownload: onProgress });
    this.done.then(
      (fetched) => {
        this.#settled = true;
        this.growth.complete(file.size, fetched.sha256);
        first.resolve(undefined);
      },
      () => {
        this.#settled = true;
        this.growth.abandon();
        first.resolve(undefined);
      },
    );
  }

  /**
   * Waits for the download, removes the downloaded file and returns what was fetched (undefined
   * when the download failed or was stopped). A download still running (its
   * conversion failed first) is stopped and its part file removed, as a converted file is; one
   * the caller interrupted keeps its part file for the next run to resume.
   */
  async settle(): Promise<Fetched | undefined> {
    const stopped = !this.#settled;
    if (stopped) this.#abort.abort(new ArrowSusError('ABORTED', 'scan: the conversion ended before the download'));
    const fetched = await this.done.catch(() => undefined);
    if (fetched !== undefined) {
      await rm(fetched.local, { force: true });
    } else if (stopped && this.#signal?.aborted !== true) {
      // Resolved by the first bytes written, if any were (the part file is the same for every attempt).
      const partFile = await this.firstBytes;
      if (partFile !== undefined) await rm(partFile, { force: true });
    }
    return fetched;
  }
}

/**
 * Converts the file into `parquetPath`: following its download on a thread that is idle now,
 * else (or when the download starts over) once the download is complete.
 */
async function convert(file: ResolvedFile, parquetPath: string, downloading: Download, context: MaterializeContext): Promise<{ summary: MaterializeSummary; fetched: Fetched }> {
  const partFile = await downloading.firstBytes;
  if (partFile !== undefined && context.pool.idle > 0 && file.size <= MAX_GROWING_BYTES) {
    try {
      const summary = await runMaterialize(file, { path: partFile, completePath: completePathOf(partFile), growth: downloading.growth.buffer, sha256Key: SHA256_KEY }, parquetPath, {}, context);
      return { summary, fetched: await downloading.done };
    } catch (error) {
      if (!ArrowSusError.is(error, 'DOWNLOAD_RESTARTED')) throw error;
    }
  }
  const fetched = await downloading.done;
  const summary = await runMaterialize(file, fetched.local, parquetPath, { [SHA256_KEY]: fetched.sha256 }, context);
  return { summary, fetched };
}

async function runMaterialize(
  file: ResolvedFile,
  input: MaterializeTask['input'],
  parquetPath: string,
  metadata: Record<string, string>,
  context: MaterializeContext,
): Promise<MaterializeSummary> {
  const task: MaterializeTask = {
    kind: 'materialize',
    input,
    output: parquetPath,
    options: {
      verifyCrc: true,
      fileName: file.path,
      // Several DataSUS tables are CP850 whatever their header's code-page byte says
      // (CADMUN, CNES PF, some SIH RD and SIA files); the cache stores correctly decoded text.
      encoding: 'auto',
      metadata: { 'arrow-sus.source': file.path, ...metadata },
    },
  };
  const stream = context.pool.run<MaterializeSummary>(task, context.signal ? { signal: context.signal } : {});
  for await (const _ of stream) void _;
  return stream.summary;
}

async function download(file: ResolvedFile, context: MaterializeContext): Promise<Fetched> {
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
