/**
 * The one I/O interface every DataSUS source implements (FTP, HTTP mirror, local directory, chains).
 *
 * Everything above this interface (download manager, catalog resolution, scans) only sees
 * absolute DataSUS paths such as `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`; each source
 * maps them under its own root (an FTP host, a mirror URL prefix, a local folder).
 *
 * @module
 */

/**
 * One entry of a folder listing.
 *
 * @example
 * ```ts
 * const files = (await source.list(folder)).filter((entry: ListingEntry) => !entry.isDirectory);
 * ```
 */
export interface ListingEntry {
  /** Absolute path on the source, e.g. `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`. */
  readonly path: string;
  /** Size in bytes (0 for folders when the server does not say). */
  readonly size: number;
  /** Last modification instant, when the server tells it. */
  readonly modifiedAt?: Date;
  /** Whether the entry is a folder. */
  readonly isDirectory: boolean;
}

/**
 * Options of {@link Source.download}.
 *
 * @example
 * ```ts
 * source.download(path, { offset: 1024, signal: controller.signal });
 * ```
 */
export interface SourceDownloadOptions {
  /** Byte offset to start at (FTP `REST`, HTTP `Range`): resumes a partial download. */
  readonly offset?: number;
  /** Cancels the transfer; the iterator then throws `ABORTED`. */
  readonly signal?: AbortSignal;
  /**
   * Called once the transfer really starts, after any wait for a free connection. The download
   * manager starts its stall clock here, so time spent queueing behind a server's connection
   * limit is never taken for a stalled transfer.
   */
  readonly onStart?: () => void;
}

/**
 * Options of {@link Source.list} and {@link Source.stat}.
 *
 * @example
 * ```ts
 * await source.list('/dissemin/publicos/SIM', { signal: AbortSignal.timeout(30_000) });
 * ```
 */
export interface SourceListOptions {
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/**
 * A place DataSUS files can be listed and read from.
 *
 * Implementations: {@link FtpSource}, {@link HttpSource}, {@link LocalSource}, and
 * {@link chainSources} (a fallback chain of the others). Errors are `ArrowSusError`s with codes
 * `SOURCE_*`; retryable ones (`SOURCE_CONNECTION_FAILED`, `SOURCE_BUSY`, `SOURCE_TIMEOUT`) are
 * worth trying again.
 *
 * @example
 * ```ts
 * import { openSource } from 'arrow-sus/sources';
 * await using source = openSource('ftp://ftp.datasus.gov.br');
 * const entries = await source.list('/dissemin/publicos/SIM/CID10/DORES');
 * for await (const chunk of source.download(entries[0]!.path, { offset: 0 })) process.stdout.write(chunk);
 * ```
 */
export interface Source extends AsyncDisposable {
  /** The URL this source was opened from (credentials removed), used in reports. */
  readonly url: string;
  /** Lists a folder (entries `.` and `..` excluded). Throws `SOURCE_NOT_FOUND` for a missing folder. */
  list(folder: string, options?: SourceListOptions): Promise<ListingEntry[]>;
  /** Describes one file or folder. Throws `SOURCE_NOT_FOUND` when it does not exist. */
  stat(path: string, options?: SourceListOptions): Promise<ListingEntry>;
  /**
   * Streams a file's bytes from `offset`. Memory is bounded by one chunk (≤ 256 KiB) plus the
   * transport's buffer; a consumer's `break` closes the transfer.
   */
  download(path: string, options?: SourceDownloadOptions): AsyncIterable<Uint8Array>;
  /** Closes connections. The source cannot be used afterwards. */
  close(): Promise<void>;
}

/**
 * Normalises a DataSUS path: forward slashes, one leading `/`, no trailing `/`, no `.`/`..`
 * segments (a `..` would let a listing escape the source root).
 *
 * @example
 * ```ts
 * normalizePath('dissemin//publicos/SIM/'); // '/dissemin/publicos/SIM'
 * ```
 */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replaceAll('\\', '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * Joins a folder and a name into a normalised absolute path.
 *
 * @example
 * ```ts
 * joinPath('/dissemin/publicos/SIM/', 'DOAC2022.dbc'); // '/dissemin/publicos/SIM/DOAC2022.dbc'
 * ```
 */
export function joinPath(folder: string, name: string): string {
  return normalizePath(`${folder}/${name}`);
}

/**
 * The last segment of a path.
 *
 * @example
 * ```ts
 * baseName('/dissemin/publicos/SIM/DOAC2022.dbc'); // 'DOAC2022.dbc'
 * ```
 */
export function baseName(path: string): string {
  const normal = normalizePath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

/**
 * The folder part of a path.
 *
 * @example
 * ```ts
 * parentPath('/dissemin/publicos/SIM/DOAC2022.dbc'); // '/dissemin/publicos/SIM'
 * ```
 */
export function parentPath(path: string): string {
  const normal = normalizePath(path);
  const cut = normal.lastIndexOf('/');
  return cut <= 0 ? '/' : normal.slice(0, cut);
}
