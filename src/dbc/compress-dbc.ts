/**
 * DBF → DBC: the writer side of the container, byte-compatible with DataSUS files (the DBF
 * header stored as is, the CRC-32 of the whole DBF, then the DCL stream of the records).
 *
 * The CRC sits *before* the compressed stream, so a one-pass stream writer cannot know it when it
 * starts writing. {@link compressDbc} offers three ways out, cheapest first:
 * - the caller already knows the CRC (`options.crc`, e.g. computed while downloading): one pass;
 * - the source can be read twice (pass a function returning a fresh source): a CRC pass, then a
 *   compression pass — twice the reading, constant memory;
 * - a one-shot stream and a seekable sink: the writer emits zeros in the CRC slot and reports the
 *   CRC and its offset through `onComplete`, for the caller to patch the file afterwards.
 *
 * @module
 */
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { concatBytes, readByteSource, type ByteSource } from './byte-source.js';
import { crc32 } from './crc32.js';
import { Imploder, type ImplodeOptions } from './implode.js';

/**
 * Options of {@link compressDbcSync}.
 *
 * @example
 * ```ts
 * const options: CompressDbcSyncOptions = { literals: 'coded', dictionarySize: 2048 };
 * ```
 */
export type CompressDbcSyncOptions = ImplodeOptions;

/**
 * Facts the streaming writer reports when it is done.
 *
 * @example
 * ```ts
 * compressDbc(source, { onComplete: ({ crc, crcOffset, crcWritten }) => crcWritten || patch(crcOffset, crc) });
 * ```
 */
export interface CompressDbcResult {
  /** CRC-32 of the whole DBF. */
  readonly crc: number;
  /** Offset of the 4-byte little-endian CRC slot in the output (`H`). */
  readonly crcOffset: number;
  /** True if the output already holds `crc`; false if the slot holds zeros to patch. */
  readonly crcWritten: boolean;
  /** DBF bytes read. */
  readonly dbfBytes: number;
}

/**
 * Options of {@link compressDbc}.
 *
 * @example
 * ```ts
 * const options: CompressDbcOptions = { crc: knownCrc, dictionarySize: 4096 };
 * ```
 */
export interface CompressDbcOptions extends ImplodeOptions {
  /** CRC-32 of the whole DBF when the caller already knows it (one pass, written in place). */
  readonly crc?: number;
  /** Called at the end with the CRC and its offset (patch the slot when `crcWritten` is false). */
  readonly onComplete?: (result: CompressDbcResult) => void;
  /** Cancels between chunks (`ABORTED`). */
  readonly signal?: AbortSignal;
}

function dbfHeaderLength(first: Uint8Array): number {
  const headerLength = first.length >= 10 ? first[8]! | (first[9]! << 8) : 0;
  if (headerLength < 33) {
    throw new ArrowSusError('DBF_INVALID_HEADER', `dbc writer: input is not a DBF (header length ${headerLength}; need a 33-byte header or more)`);
  }
  return headerLength;
}

function prefixWithCrc(header: Uint8Array, crc: number): Uint8Array {
  const out = new Uint8Array(header.length + 4);
  out.set(header);
  new DataView(out.buffer).setUint32(header.length, crc, true);
  return out;
}

/**
 * Compresses a DBF held in memory into a DBC (default variant: raw literals, 4 KB dictionary,
 * as DataSUS publishes).
 *
 * @throws ArrowSusError `DBF_INVALID_HEADER` if `dbf` does not start with a plausible DBF header
 *
 * @example
 * ```ts
 * import { compressDbcSync, decompressDbcSync } from 'arrow-sus/dbc';
 * const dbc = compressDbcSync(dbfBytes);
 * decompressDbcSync(dbc).dbf; // equals dbfBytes, CRC verified
 * ```
 */
export function compressDbcSync(dbf: Uint8Array, options: CompressDbcSyncOptions = {}): Uint8Array {
  const headerLength = dbfHeaderLength(dbf);
  if (dbf.length < headerLength) {
    throw new ArrowSusError('DBF_INVALID_HEADER', `dbc writer: DBF ends inside its ${headerLength}-byte header`);
  }
  const imploder = new Imploder({ ...options, chunkSize: options.chunkSize ?? Math.max(64, Math.min(dbf.length, 1 << 24)) });
  return concatBytes([prefixWithCrc(dbf.subarray(0, headerLength), crc32(dbf)), ...imploder.write(dbf.subarray(headerLength)), ...imploder.finish()]);
}

/**
 * Streams a DBF into DBC bytes in constant memory (about 1 MB plus the DBF header).
 *
 * @param dbf - the DBF: a buffer; a function returning a fresh source (read twice: CRC, then data);
 *   or a one-shot source (then pass `options.crc`, or patch the CRC slot reported by `onComplete`)
 * @param options - implode variant, `crc`, `onComplete`, `chunkSize`, `signal`
 * @returns DBC chunks
 *
 * @example
 * ```ts
 * import { compressDbc } from 'arrow-sus/dbc';
 * // Two passes over a re-readable file: the CRC lands in place.
 * for await (const chunk of compressDbc(() => readChunks('RDAC2301.dbf'))) out.write(chunk);
 * ```
 */
export async function* compressDbc(
  dbf: Uint8Array | (() => ByteSource) | ByteSource,
  options: CompressDbcOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const { signal } = options;
  let crc = options.crc;
  let source: ByteSource;
  if (typeof dbf === 'function') {
    if (crc === undefined) {
      let first = 0;
      for await (const chunk of readByteSource(dbf())) {
        throwIfAborted(signal);
        first = crc32(chunk, first);
      }
      crc = first;
    }
    source = dbf();
  } else {
    if (dbf instanceof Uint8Array && crc === undefined) crc = crc32(dbf);
    source = dbf;
  }
  const crcWritten = crc !== undefined;
  const imploder = new Imploder(options);
  let header: Uint8Array | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let actual = 0;
  let dbfBytes = 0;
  const slice = 1 << 16;
  for await (const chunk of readByteSource(source)) {
    throwIfAborted(signal);
    actual = crc32(chunk, actual);
    dbfBytes += chunk.length;
    let rest = chunk;
    if (header === undefined) {
      pending = pending.length === 0 ? chunk : concatBytes([pending, chunk]);
      const headerLength = pending.length < 10 ? Infinity : dbfHeaderLength(pending);
      if (pending.length < headerLength) {
        if (pending === chunk) pending = chunk.slice(); // the source may reuse its buffer
        continue;
      }
      header = pending.slice(0, headerLength);
      rest = pending.subarray(headerLength);
      yield prefixWithCrc(header, crc ?? 0);
    }
    for (let offset = 0; offset < rest.length; offset += slice) {
      yield* imploder.write(rest.subarray(offset, offset + slice));
      throwIfAborted(signal);
    }
  }
  if (header === undefined) {
    dbfHeaderLength(pending);
    throw new ArrowSusError('DBF_INVALID_HEADER', `dbc writer: DBF ends inside its header (${pending.length} bytes)`);
  }
  yield* imploder.finish();
  if (crc !== undefined && crc !== actual) {
    throw new ArrowSusError('INVALID_ARGUMENT', 'dbc writer: the CRC given (or read on the first pass) does not match the DBF bytes written; the source changed between passes');
  }
  options.onComplete?.({ crc: actual, crcOffset: header.length, crcWritten, dbfBytes });
}
