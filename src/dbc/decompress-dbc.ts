/**
 * DBC → DBF: the container prefix, the DCL stream, and the CRC-32 check no other DataSUS tool does.
 *
 * End-of-stream checks, in this order (the first failing one is thrown):
 * 1. the DCL stream has its end code, else `DBC_TRUNCATED` (an interrupted download);
 * 2. the CRC-32 of the decompressed DBF matches the stored one, else `DBC_CRC_MISMATCH`
 *    (skipped with `verifyCrc: false`). The CRC wins over the length check because it is the
 *    stronger statement: the damaged real file `ZIKABR16` (396 bytes stripped by a text tool)
 *    still ends with an end code, 40,933 bytes short — the file is damaged, not cut short;
 * 3. the DBF is at least `H + records × record length` long, else `DBC_TRUNCATED`;
 * 4. with `trailingData: 'error'`, no bytes follow the end code, else `DBC_TRAILING_DATA`.
 *    The default is `'ignore'`: 3 of the 345 real files (`STPI2206`, `ZIKABR21`, `sids`) carry
 *    one stray 0x0A after the stream, and they decode correctly.
 *
 * @module
 */
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { concatBytes, readByteSource, type ByteSource } from './byte-source.js';
import { crc32 } from './crc32.js';
import { DBC_PREFIX_BYTES, dbcHeaderNeeds, readDbcHeader, type DbcHeader } from './dbc-header.js';
import { Exploder, explodeWhole } from './explode.js';

/**
 * The outcome of decompressing one DBC, for reports such as `inspect`'s `crc_ok`.
 *
 * @example
 * ```ts
 * decompressDbc(bytes, { verifyCrc: false, onComplete: (r: DbcResult) => console.log(r.crcOk) });
 * ```
 */
export interface DbcResult {
  /** CRC-32 stored in the file. */
  readonly crcExpected: number;
  /** CRC-32 of the decompressed DBF. */
  readonly crcActual: number;
  /** `crcExpected === crcActual`. */
  readonly crcOk: boolean;
  /** Length of the decompressed DBF (header included). */
  readonly dbfBytes: number;
  /** `H + records × record length`, from the header. */
  readonly expectedDbfBytes: number;
  /** Bytes after the DCL end code (ignored unless `trailingData: 'error'`). */
  readonly trailingBytes: number;
}

/**
 * Options of {@link decompressDbcSync}.
 *
 * @example
 * ```ts
 * decompressDbcSync(bytes, { verifyCrc: false, trailingData: 'error', fileName: 'X.dbc' });
 * ```
 */
export interface DecompressDbcSyncOptions {
  /** Check the stored CRC-32 and throw `DBC_CRC_MISMATCH` when it differs (default true). */
  readonly verifyCrc?: boolean;
  /** Named in error messages. */
  readonly fileName?: string;
  /** What to do with bytes after the end code: `'ignore'` (default) or `'error'` (`DBC_TRAILING_DATA`). */
  readonly trailingData?: 'ignore' | 'error';
}

/**
 * Options of {@link decompressDbc}.
 *
 * @example
 * ```ts
 * decompressDbc(download, { fileName: 'X.dbc', chunkSize: 1 << 20, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export interface DecompressDbcOptions extends DecompressDbcSyncOptions {
  /** Cancels between chunks (`ABORTED`). */
  readonly signal?: AbortSignal;
  /** Size of the yielded record chunks (default 65,536). */
  readonly chunkSize?: number;
  /**
   * Yield chunks that are valid only until the next one is requested (default false; see
   * `ExploderOptions.reuseBuffers`): for consumers done with each chunk before pulling the next.
   */
  readonly reuseChunks?: boolean;
  /** Called once at the end of the stream with the CRC outcome, before any end-of-stream error is thrown. */
  readonly onComplete?: (result: DbcResult) => void;
}

function label(fileName: string | undefined): string {
  return fileName === undefined ? 'the file' : fileName;
}

/** Adds the file name to a decoding error from the DCL layer. */
function inFile(error: unknown, fileName: string | undefined): unknown {
  if (fileName === undefined || !ArrowSusError.is(error) || error.code === 'ABORTED' || error.message.includes(fileName)) {
    return error;
  }
  return new ArrowSusError(error.code, `${error.message} [${fileName}]`, { cause: error, details: { ...error.details, fileName } });
}

function checkEnd(header: DbcHeader, result: DbcResult, options: DecompressDbcSyncOptions): void {
  const name = label(options.fileName);
  const details = { ...result, fileName: options.fileName };
  if ((options.verifyCrc ?? true) && !result.crcOk) {
    const hex = (n: number): string => n.toString(16).padStart(8, '0');
    throw new ArrowSusError(
      'DBC_CRC_MISMATCH',
      `dbc: CRC-32 mismatch in ${name} (stored ${hex(result.crcExpected)}, computed ${hex(result.crcActual)}; file is damaged; re-download)`,
      { details },
    );
  }
  if (result.dbfBytes < header.expectedDbfBytes) {
    throw new ArrowSusError(
      'DBC_TRUNCATED',
      `dbc: ${name} decompresses to ${result.dbfBytes} bytes, fewer than the ${header.expectedDbfBytes} its header announces (damaged file; re-download)`,
      { details },
    );
  }
  if (options.trailingData === 'error' && result.trailingBytes > 0) {
    throw new ArrowSusError('DBC_TRAILING_DATA', `dbc: ${result.trailingBytes} bytes follow the compressed stream in ${name}`, { details });
  }
}

/**
 * Decompresses a DBC held in memory into its DBF bytes (header + records), checking the CRC-32.
 *
 * Memory: the DBF (allocated once at the size the header announces when that is plausible).
 * For large files prefer {@link decompressDbc}.
 *
 * @returns the DBF and the CRC outcome
 * @throws ArrowSusError `DBC_TRUNCATED`, `DBC_INVALID_HEADER`, `DBC_CRC_MISMATCH` (unless `verifyCrc: false`),
 *   `DBC_TRAILING_DATA` (only with `trailingData: 'error'`), `DCL_*` for a damaged stream,
 *   `UNSUPPORTED` past 2 GiB of DBF
 *
 * @example
 * ```ts
 * import { decompressDbcSync } from 'arrow-sus/dbc';
 * const { dbf, crcOk } = decompressDbcSync(dbcBytes, { verifyCrc: false });
 * ```
 */
export function decompressDbcSync(bytes: Uint8Array, options: DecompressDbcSyncOptions = {}): DbcResult & { readonly dbf: Uint8Array } {
  const header = readDbcHeader(bytes, options.fileName);
  // Trust the header's size only as far as the input could plausibly expand (DataSUS ratios are
  // 5–15×), so a damaged record count cannot trigger a huge allocation.
  const capacity = Math.min(header.expectedDbfBytes + 1, header.headerLength + (bytes.length - header.streamOffset) * 16 + 65536);
  let exploded;
  try {
    exploded = explodeWhole(bytes, header.streamOffset, header.dbfHeader, capacity, true);
  } catch (error) {
    throw inFile(error, options.fileName);
  }
  const dbf = exploded.output;
  const crcActual = exploded.crc;
  const result: DbcResult = {
    crcExpected: header.crc,
    crcActual,
    crcOk: crcActual === header.crc,
    dbfBytes: dbf.length,
    expectedDbfBytes: header.expectedDbfBytes,
    trailingBytes: exploded.trailingBytes,
  };
  checkEnd(header, result, options);
  return { ...result, dbf };
}

/**
 * Streams a DBC as DBF bytes: first the DBF header (one chunk), then the records as they are
 * decompressed, checking the CRC-32 on the fly and at the end.
 *
 * Memory: the DBF header, a 4 KB window and one output chunk (default 64 KB), whatever the file
 * size. End-of-stream errors (see the module notes for their order) are thrown after the last
 * chunk, so a consumer that must not act on damaged data should wait for the generator to finish.
 *
 * @param input - the DBC: a buffer, or chunks (sync or async iterable, e.g. a download)
 * @param options - `verifyCrc` (default true), `fileName`, `chunkSize`, `trailingData`, `onComplete`, `signal`
 * @returns DBF chunks
 *
 * @example
 * ```ts
 * import { decompressDbc } from 'arrow-sus/dbc';
 * let crcOk = false;
 * for await (const chunk of decompressDbc(download, { fileName: 'RDAC2301.dbc', onComplete: (r) => (crcOk = r.crcOk) })) {
 *   dbfReader.push(chunk);
 * }
 * ```
 */
export async function* decompressDbc(input: ByteSource, options: DecompressDbcOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const { signal, fileName } = options;
  let header: DbcHeader | undefined;
  let prefix: Uint8Array = new Uint8Array(0);
  let need = DBC_PREFIX_BYTES;
  let crc = 0;
  const exploder = new Exploder({
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    reuseBuffers: options.reuseChunks === true,
  });
  try {
    for await (const chunk of readByteSource(input)) {
      throwIfAborted(signal);
      let rest = chunk;
      if (header === undefined) {
        // Buffer just the prefix: 10 bytes to learn H, then H + 4 (copying only when it spans chunks).
        prefix = prefix.length === 0 ? chunk : concatBytes([prefix, chunk]);
        if (prefix.length >= need && need === DBC_PREFIX_BYTES) need = dbcHeaderNeeds(prefix, fileName);
        if (prefix.length < need) {
          if (prefix === chunk) prefix = chunk.slice(); // the source may reuse its buffer
          continue;
        }
        header = readDbcHeader(prefix, fileName);
        rest = prefix.subarray(need);
        prefix = new Uint8Array(0);
        crc = crc32(header.dbfHeader);
        yield header.dbfHeader;
      }
      exploder.push(rest);
      for (let out = exploder.read(); out !== null; out = exploder.read()) {
        crc = crc32(out, crc);
        yield out;
        throwIfAborted(signal);
      }
    }
    if (header === undefined) {
      // Raises DBC_TRUNCATED for a short prefix (or DBC_INVALID_HEADER for an absurd one).
      readDbcHeader(prefix, fileName);
      throw new ArrowSusError('INTERNAL', 'dbc: prefix reader accepted a short prefix');
    }
    exploder.finish();
    for (let out = exploder.read(); out !== null; out = exploder.read()) {
      crc = crc32(out, crc);
      yield out;
    }
  } catch (error) {
    throw inFile(error, fileName);
  }
  const result: DbcResult = {
    crcExpected: header.crc,
    crcActual: crc,
    crcOk: crc === header.crc,
    dbfBytes: header.headerLength + exploder.bytesOut,
    expectedDbfBytes: header.expectedDbfBytes,
    trailingBytes: exploder.trailingBytes,
  };
  options.onComplete?.(result);
  checkEnd(header, result, options);
}
