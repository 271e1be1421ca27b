/**
 * One error class and one registry of stable codes for the whole library.
 *
 * Every failure a caller can see is an {@link ArrowSusError} whose `code` is a key of
 * {@link ERROR_CODES}. Codes never change meaning once released; messages may. Tests and
 * callers branch on `code`, never on message text. Servers map `status` to HTTP responses,
 * and retry loops consult `retryable`.
 *
 * @module
 */

/** What a code means, and how callers should react to it. */
export interface ErrorCodeInfo {
  /** HTTP status a server answers with when this error reaches a client. */
  readonly status: number;
  /** Whether trying the same operation again may succeed (network hiccups, busy servers). */
  readonly retryable: boolean;
  /** One line for humans: what happened, in general terms. */
  readonly description: string;
}

/**
 * The registry: every code the library can raise.
 *
 * @example
 * ```ts
 * import { ERROR_CODES } from 'arrow-sus/errors';
 * ERROR_CODES.DBC_CRC_MISMATCH.retryable; // false
 * ```
 */
export const ERROR_CODES = {
  // --- arguments and usage -------------------------------------------------------------
  INVALID_ARGUMENT: { status: 400, retryable: false, description: 'An argument or option has an invalid value.' },
  UNSUPPORTED: { status: 400, retryable: false, description: 'The operation or format is not supported.' },
  ABORTED: { status: 499, retryable: false, description: 'The operation was cancelled through its AbortSignal.' },
  INTERNAL: { status: 500, retryable: false, description: 'An internal invariant was broken (a bug: please report it).' },

  // --- DCL implode stream and DBC container -------------------------------------------
  DCL_INVALID_HEADER: { status: 422, retryable: false, description: 'The DCL implode stream header is invalid (literal mode or dictionary size).' },
  DCL_INVALID_CODE: { status: 422, retryable: false, description: 'The DCL implode stream holds a code that does not decode.' },
  DCL_DISTANCE_TOO_FAR: { status: 422, retryable: false, description: 'A DCL back-reference points before the start of the output.' },
  DBC_TRUNCATED: { status: 422, retryable: false, description: 'The DBC file or its compressed stream ends early (incomplete download or damaged file).' },
  DBC_CRC_MISMATCH: { status: 422, retryable: false, description: 'The CRC-32 stored in the DBC does not match its decompressed content (damaged file).' },
  DBC_INVALID_HEADER: { status: 422, retryable: false, description: 'The DBC container header is invalid.' },
  DBC_TRAILING_DATA: { status: 422, retryable: false, description: 'Bytes follow the end of the DBC compressed stream.' },

  // --- DBF tables ----------------------------------------------------------------------
  DBF_INVALID_HEADER: { status: 422, retryable: false, description: 'The DBF header is invalid or is not a DBF header.' },
  DBF_INVALID_FIELD: { status: 422, retryable: false, description: 'A DBF field descriptor is invalid.' },
  DBF_TRUNCATED: { status: 422, retryable: false, description: 'The DBF data ends before the records its header announces.' },
  DBF_UNKNOWN_COLUMN: { status: 400, retryable: false, description: 'A projection or predicate names a column the table does not have.' },
  DBF_UNSUPPORTED_ENCODING: { status: 400, retryable: false, description: 'The requested text encoding is not supported.' },
  PREDICATE_INVALID: { status: 400, retryable: false, description: 'A row filter expression is invalid.' },

  // --- worker pool ---------------------------------------------------------------------
  WORKER_FAILED: { status: 500, retryable: true, description: 'A decoding worker thread exited unexpectedly.' },

  // --- catalog -------------------------------------------------------------------------
  CATALOG_UNKNOWN_SYSTEM: { status: 404, retryable: false, description: 'The system (e.g. SIH, SIM) is not in the catalog.' },
  CATALOG_UNKNOWN_DATASET: { status: 404, retryable: false, description: 'The dataset or group is not in the catalog.' },
  CATALOG_INVALID_REQUEST: { status: 400, retryable: false, description: 'The request is missing a required parameter or has an out-of-range one.' },
  CATALOG_UNPARSABLE_NAME: { status: 422, retryable: false, description: 'The file name does not follow any DataSUS naming rule.' },

  // --- sources and downloads -----------------------------------------------------------
  SOURCE_INVALID_URL: { status: 400, retryable: false, description: 'The source URL is invalid or its scheme is not supported.' },
  SOURCE_NOT_FOUND: { status: 404, retryable: false, description: 'The file or folder does not exist on the source.' },
  SOURCE_CONNECTION_FAILED: { status: 502, retryable: true, description: 'Could not connect to the source, or the connection was dropped.' },
  SOURCE_BUSY: { status: 503, retryable: true, description: 'The server is busy or refuses more connections (e.g. FTP 421).' },
  SOURCE_TIMEOUT: { status: 504, retryable: true, description: 'The source did not answer, or a transfer stalled, within the time limit.' },
  SOURCE_PROTOCOL_ERROR: { status: 502, retryable: false, description: 'The server answered something the protocol does not allow.' },
  SOURCE_AUTH_FAILED: { status: 502, retryable: false, description: 'The server refused the login.' },
  DOWNLOAD_SIZE_MISMATCH: { status: 502, retryable: true, description: 'The downloaded file size differs from the size the listing announced.' },
  DOWNLOAD_INTEGRITY_FAILED: { status: 502, retryable: true, description: 'The downloaded file failed its integrity check (CRC-32).' },
  DOWNLOAD_FAILED: { status: 502, retryable: false, description: 'A download failed after all retries.' },
  DOWNLOAD_RESTARTED: { status: 503, retryable: true, description: 'A file read while it downloaded was started over or given up by its download; read it again once the download ends.' },

  // --- local files, cache, outputs -----------------------------------------------------
  FILE_NOT_FOUND: { status: 404, retryable: false, description: 'A local file does not exist.' },
  FILE_IO: { status: 500, retryable: false, description: 'A local file could not be read or written.' },
  DISK_FULL: { status: 507, retryable: false, description: 'The disk is full; nothing partial was left behind.' },
  CACHE_CORRUPT: { status: 500, retryable: true, description: 'A cache entry failed verification and was discarded.' },
  CACHE_LOCKED: { status: 503, retryable: true, description: 'Another process holds the cache entry lock for too long.' },
  OUTPUT_EXISTS: { status: 409, retryable: false, description: 'The output path exists and overwriting was not allowed.' },

  // --- query ---------------------------------------------------------------------------
  QUERY_INVALID: { status: 400, retryable: false, description: 'The SQL query is invalid.' },
  QUERY_TOO_LARGE: { status: 413, retryable: false, description: 'The query would fetch more data than allowed (use --allow-large).' },
  ENGINE_FAILED: { status: 500, retryable: false, description: 'The query engine failed.' },

  // --- Brazilian domain ----------------------------------------------------------------
  DOMAIN_INVALID_CODE: { status: 400, retryable: false, description: 'A code (UF, municipality, CID …) is not valid.' },
  DOMAIN_TABLE_INVALID: { status: 422, retryable: false, description: 'A reference table (territorial base, CNV, CID-10) could not be parsed.' },
} as const satisfies Record<string, ErrorCodeInfo>;

/** A stable error code: a key of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Options accepted by the {@link ArrowSusError} constructor. */
export interface ArrowSusErrorOptions {
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
  /** Structured facts about the failure (file name, offsets, sizes …), safe to serialise. */
  readonly details?: Readonly<Record<string, unknown>>;
}

const BRAND = Symbol.for('arrow-sus.error');

/**
 * The only error class the library throws on purpose.
 *
 * Messages name the component and what to do next; `code` is stable.
 *
 * @example
 * ```ts
 * import { ArrowSusError } from 'arrow-sus/errors';
 * try {
 *   await somethingThatDecodes();
 * } catch (error) {
 *   if (ArrowSusError.is(error, 'DBC_CRC_MISMATCH')) console.error('re-download the file');
 *   else throw error;
 * }
 * ```
 */
export class ArrowSusError extends Error {
  /** Stable code from {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** Structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: ArrowSusErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ArrowSusError';
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /** Whether retrying the operation may help. */
  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }

  /**
   * Type guard that also works across realms and worker threads (checks a global symbol brand).
   *
   * @example
   * ```ts
   * if (ArrowSusError.is(err, 'DBC_TRUNCATED')) retry();
   * ```
   */
  static is(value: unknown, code?: ErrorCode): value is ArrowSusError {
    if (typeof value !== 'object' || value === null) return false;
    const branded = value instanceof ArrowSusError || (value as Record<symbol, unknown>)[BRAND] === true;
    if (!branded) return false;
    return code === undefined || (value as ArrowSusError).code === code;
  }

  /** A plain object for JSON output and for passing across worker threads. */
  toJSON(): { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }

  /**
   * Rebuilds an error from {@link ArrowSusError.toJSON} output (e.g. received from a worker).
   *
   * @example
   * ```ts
   * const copy = ArrowSusError.fromJSON(err.toJSON());
   * ```
   */
  static fromJSON(value: { code: string; message: string; details?: Record<string, unknown> }): ArrowSusError {
    const code = (value.code in ERROR_CODES ? value.code : 'INTERNAL') as ErrorCode;
    return new ArrowSusError(code, value.message, { details: value.details ?? {} });
  }
}

/**
 * Throws `ABORTED` if the signal has fired. Call at loop boundaries of long operations.
 *
 * @example
 * ```ts
 * for await (const chunk of input) { throwIfAborted(options.signal); … }
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new ArrowSusError('ABORTED', 'operation aborted by the caller', { cause: signal.reason });
  }
}
