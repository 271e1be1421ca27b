/**
 * The DBC container prefix: the DBF header stored as is, then the CRC-32 of the whole
 * decompressed DBF.
 *
 * Layout (checked on all 345 real fixtures): bytes `[0, H)` are the DBF header uncompressed
 * (`H` = uint16 LE at offset 8, the DBF's own header-length field), bytes `[H, H + 4)` the CRC-32
 * (IEEE, little-endian) of the decompressed DBF (header + records + optional 0x1A end byte), then
 * the DCL implode stream of everything after the header.
 *
 * Only the three fixed-position numbers are read here; field descriptors belong to `src/dbf/`.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/**
 * Bytes a caller must have before {@link dbcHeaderNeeds} can answer.
 *
 * @example
 * ```ts
 * const need = dbcHeaderNeeds(firstChunk.subarray(0, DBC_PREFIX_BYTES));
 * ```
 */
export const DBC_PREFIX_BYTES = 10;

/** Smallest plausible DBF header: the 32-byte table header plus its 0x0D terminator. */
const MIN_HEADER_LENGTH = 33;

/**
 * What the DBC prefix says.
 *
 * @example
 * ```ts
 * const { headerLength, crc, recordCount }: DbcHeader = readDbcHeader(bytes);
 * ```
 */
export interface DbcHeader {
  /** `H`: length of the DBF header (uint16 LE at offset 8). */
  readonly headerLength: number;
  /** CRC-32 (IEEE) the file stores for its whole decompressed DBF. */
  readonly crc: number;
  /** The DBF header bytes `[0, H)` (a copy the caller owns). */
  readonly dbfHeader: Uint8Array;
  /** Record count from the DBF header (uint32 LE at offset 4). */
  readonly recordCount: number;
  /** Record length from the DBF header (uint16 LE at offset 10). */
  readonly recordLength: number;
  /** `H + recordCount × recordLength`: the DBF size without its optional 0x1A end byte. */
  readonly expectedDbfBytes: number;
  /** Where the DCL stream starts: `H + 4`. */
  readonly streamOffset: number;
}

function label(fileName: string | undefined): string {
  return fileName === undefined ? '' : ` in ${fileName}`;
}

/**
 * How many leading bytes of a DBC {@link readDbcHeader} needs (`H + 4`), from its first 10 bytes.
 * Lets a streaming caller buffer exactly the prefix and no more.
 *
 * @throws ArrowSusError `DBC_TRUNCATED` with fewer than 10 bytes, `DBC_INVALID_HEADER` if `H` is absurd
 *
 * @example
 * ```ts
 * import { dbcHeaderNeeds, readDbcHeader } from 'arrow-sus/dbc';
 * const need = dbcHeaderNeeds(first10Bytes); // e.g. 1,156 for a SIH RD file
 * const header = readDbcHeader(firstBytes.subarray(0, need));
 * ```
 */
export function dbcHeaderNeeds(first: Uint8Array, fileName?: string): number {
  if (first.length < DBC_PREFIX_BYTES) {
    throw new ArrowSusError('DBC_TRUNCATED', `dbc: file${label(fileName)} is only ${first.length} bytes, too short for a DBC header (re-download it)`, {
      details: { bytes: first.length },
    });
  }
  const headerLength = first[8]! | (first[9]! << 8);
  if (headerLength < MIN_HEADER_LENGTH) {
    throw new ArrowSusError(
      'DBC_INVALID_HEADER',
      `dbc: header length ${headerLength}${label(fileName)} is below the DBF minimum of ${MIN_HEADER_LENGTH}; not a DBC file`,
      { details: { headerLength } },
    );
  }
  return headerLength + 4;
}

/**
 * Parses the DBC prefix: DBF header length, stored CRC, the header bytes, record count and length.
 *
 * @param bytes - at least the first `H + 4` bytes of the file (see {@link dbcHeaderNeeds})
 * @param fileName - named in error messages
 * @throws ArrowSusError `DBC_TRUNCATED` if `bytes` is shorter than `H + 4`, `DBC_INVALID_HEADER` if `H` is absurd
 *
 * @example
 * ```ts
 * import { readDbcHeader } from 'arrow-sus/dbc';
 * const { headerLength, crc, recordCount } = readDbcHeader(dbcBytes);
 * ```
 */
export function readDbcHeader(bytes: Uint8Array, fileName?: string): DbcHeader {
  const streamOffset = dbcHeaderNeeds(bytes, fileName);
  if (bytes.length < streamOffset) {
    throw new ArrowSusError(
      'DBC_TRUNCATED',
      `dbc: file${label(fileName)} ends inside its ${streamOffset}-byte header (${bytes.length} bytes; re-download it)`,
      { details: { bytes: bytes.length, needed: streamOffset } },
    );
  }
  const headerLength = streamOffset - 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const recordLength = view.getUint16(10, true);
  return {
    headerLength,
    crc: view.getUint32(headerLength, true),
    dbfHeader: bytes.slice(0, headerLength),
    recordCount,
    recordLength,
    expectedDbfBytes: headerLength + recordCount * recordLength,
    streamOffset,
  };
}
