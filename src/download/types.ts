/**
 * Types shared by the download manager's stages: the request, options, progress events and the
 * completeness report.
 *
 * @module
 */
import type { VerifyFile } from './verify.js';

/**
 * A file to fetch, as a listing describes it.
 *
 * @example
 * ```ts
 * const file: RemoteFile = { path: '/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc', size: 123456 };
 * ```
 */
export interface RemoteFile {
  /** Path on the source, e.g. `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`. */
  readonly path: string;
  /** Size the listing announced; the downloaded file must have exactly this size. */
  readonly size: number;
  /**
   * Modification time the listing announced (used to notice republished files); `null` or
   * absent when unknown (the catalog's resolved files use `null`).
   */
  readonly modifiedAt?: Date | null | undefined;
}

/**
 * One progress event (emitted per received chunk).
 *
 * @example
 * ```ts
 * await downloadFiles(source, files, 'data', { onProgress: (p: DownloadProgress) => console.error(p.file, p.bytes, p.total) });
 * ```
 */
export interface DownloadProgress {
  /** Remote path of the file that progressed. */
  readonly file: string;
  /** Bytes of this file on disk so far (including resumed bytes). */
  readonly bytes: number;
  /** Size of this file. */
  readonly total: number;
  /**
   * The local file receiving the bytes (`<name>.<size>-<mtime>.part`, renamed to its final name
   * once complete and verified); its first `bytes` bytes are written.
   */
  readonly partFile: string;
  /** Bytes received in this run over all files. */
  readonly receivedBytes: number;
  /** Sum of the sizes of all files to fetch in this run. */
  readonly totalBytes: number;
  /** Files finished (fetched, present, missing or failed). */
  readonly filesDone: number;
  /** Files requested. */
  readonly filesTotal: number;
}

/**
 * Emitted before a retry.
 *
 * @example
 * ```ts
 * await downloadFiles(source, files, 'data', { onRetry: (e: RetryEvent) => console.error(`retry ${e.file} (${e.code}) in ${e.delayMs} ms`) });
 * ```
 */
export interface RetryEvent {
  readonly file: string;
  /** Failed attempts without progress so far on the current source (1-based). */
  readonly attempt: number;
  /** Wait before the next attempt, ms. */
  readonly delayMs: number;
  /** Code of the failure that triggered the retry. */
  readonly code: string;
  /** Byte offset the next attempt resumes from. */
  readonly offset: number;
  /** URL of the source being retried. */
  readonly source: string;
}

/**
 * Options of `downloadFiles`.
 *
 * @example
 * ```ts
 * const options: DownloadOptions = { concurrency: 4, retries: 5, stallTimeoutMs: 30_000 };
 * ```
 */
export interface DownloadOptions {
  /** Files transferred at the same time. Default 4 (keep ≤ the FTP source's connections). */
  readonly concurrency?: number;
  /** Attempts without progress allowed per file and source after the first. Default 5. */
  readonly retries?: number;
  /** First retry delay, ms (doubles per retry, with jitter). Default 500. */
  readonly backoffMs?: number;
  /** Largest retry delay, ms. Default 30 000. */
  readonly maxBackoffMs?: number;
  /** A transfer with no byte for this long is cut and resumed, ms. Default 30 000. */
  readonly stallTimeoutMs?: number;
  /** Content check before the final rename. Default: `.dbc` files are decompressed and their CRC-32 checked. */
  readonly verify?: VerifyFile;
  /**
   * Keep the manifest (`.arrow-sus-downloads.json`) in `destDir`: republication detection and
   * cheap re-verification of present files. Default true. Callers that move files away after
   * the download (a cache) can turn it off; present files are then checked by size and `verify`.
   */
  readonly manifest?: boolean;
  /** `flat` (default): files land in `destDir` by name; `tree`: under their remote path. */
  readonly layout?: 'flat' | 'tree';
  /**
   * Flush each file to the disk (`fdatasync`) before it counts as downloaded. Default true. A
   * caller that decodes the file at once, checks its CRC-32 and deletes it (the scan's cache
   * misses) turns it off: the bytes are read back from the page cache and usually never written
   * to the disk at all; after a crash, damage in a resumed partial file fails the CRC check and
   * the file is fetched again.
   */
  readonly durable?: boolean;
  /** Cancels the run; partial `.part` files stay for a later resume, no final file is half-written. */
  readonly signal?: AbortSignal;
  /** Progress callback (per chunk; keep it cheap). */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Called before each retry. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Random numbers in [0, 1) for backoff jitter. Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * A file fetched in this run.
 *
 * @example
 * ```ts
 * for (const file of report.fetched) console.log(file.path, file.sha256, file.crcOk);
 * ```
 */
export interface FetchedFile {
  /** Remote path. */
  readonly path: string;
  /** Local file path. */
  readonly file: string;
  /** Size on disk (equals the listing's size). */
  readonly bytes: number;
  /** SHA-256 (hex). */
  readonly sha256: string;
  /** DBC CRC-32 result: true, or null when not checked (a mismatch is a failure, never false here). */
  readonly crcOk: boolean | null;
  /** URL of the source that served it. */
  readonly source: string;
  /** Wall time spent on this file, retries included. */
  readonly durationMs: number;
}

/**
 * A file that was already in `destDir` and passed verification.
 *
 * @example
 * ```ts
 * for (const file of report.present) console.log(`${file.path} already there`);
 * ```
 */
export interface PresentFile {
  readonly path: string;
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly crcOk: boolean | null;
}

/**
 * A file that could not be fetched.
 *
 * @example
 * ```ts
 * for (const file of report.failed) console.error(`${file.path}: ${file.code}`);
 * ```
 */
export interface FailedFile {
  readonly path: string;
  /** Stable error code (e.g. `DOWNLOAD_SIZE_MISMATCH`, `SOURCE_TIMEOUT`, `DISK_FULL`). */
  readonly code: string;
  readonly message: string;
}

/**
 * The completeness report of a `downloadFiles` run. Every requested path appears in exactly one
 * of `fetched`, `present`, `missing`, `failed`; `republished` lists the fetched paths whose
 * remote size or time changed since the previous download recorded in the manifest.
 *
 * @example
 * ```ts
 * const report: DownloadReport = await downloadFiles(source, files, 'data');
 * if (report.failed.length > 0) process.exitCode = 1;
 * ```
 */
export interface DownloadReport {
  /** Number of files requested. */
  readonly expected: number;
  readonly fetched: FetchedFile[];
  readonly present: PresentFile[];
  /** Paths no source has (`SOURCE_NOT_FOUND` everywhere). */
  readonly missing: string[];
  readonly failed: FailedFile[];
  readonly republished: string[];
}
