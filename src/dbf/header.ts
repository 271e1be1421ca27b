/**
 * DBF header and field descriptors: the first `H` bytes of every DBF (and, uncompressed, of
 * every DBC).
 *
 * Layout: 32-byte table descriptor (version, last update, record count uint32 LE at 4, header
 * length `H` uint16 LE at 8, record length uint16 LE at 10, code page at 29), then one 32-byte
 * descriptor per field, ended by 0x0D. Quirks measured on real DataSUS files and handled here:
 * the field list of some CNES ST files ends with 0x00 instead of 0x0D; in 15 files `H` is one
 * byte longer than `32*(nfields+1)+1` (always trust `H`); the year byte of the last-update date
 * holds either years since 1900 or a 2-digit year.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/** One field (column) descriptor. */
export interface DbfField {
  /** Field name: ASCII, at most 11 characters, NUL padding removed. */
  readonly name: string;
  /** One-character type code: `C` text, `N`/`F` number, `D` date, `L` logical; others are kept as raw bytes. */
  readonly type: string;
  /** Width of the field in each record, in bytes (1–255). */
  readonly length: number;
  /** Digits after the decimal point (numbers only). */
  readonly decimals: number;
  /** Byte offset of the field inside a record (the deletion flag is byte 0, so the first field is at 1). */
  readonly offset: number;
}

/** A parsed DBF header. */
export interface DbfHeader {
  /** Version byte (0x03 for dBASE III without memo, the DataSUS case). */
  readonly version: number;
  /** Last-update date from the header (UTC midnight), or undefined when the bytes are not a date. */
  readonly lastUpdate: Date | undefined;
  /** Records announced by the header (uint32; never trusted for allocation). */
  readonly recordCount: number;
  /** Header length `H`: the first record starts at this byte. */
  readonly headerLength: number;
  /** Bytes per record, including the deletion flag. */
  readonly recordLength: number;
  /** Language driver / code page byte (0x00, 0x02, 0x03, 0x57, 0x58 … in DataSUS files). */
  readonly codePage: number;
  /** Field descriptors in record order. */
  readonly fields: readonly DbfField[];
}

// Version bytes of the dBASE family (III, IV, 5, 7, FoxBASE, FoxPro, Visual FoxPro, with or without
// memo). Anything else is not a DBF: this is what rejects text files early.
const VERSIONS = new Set([0x02, 0x03, 0x04, 0x05, 0x07, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x87, 0x8b, 0x8e, 0xcb, 0xe5, 0xf5, 0xfb]);

// Visual FoxPro appends a 263-byte backlink after the terminator; allow that much slack between the
// end of the field list and H, no more (a bigger H means a lying header).
const MAX_HEADER_SLACK = 264;

function invalidHeader(message: string, details: Record<string, unknown> = {}): ArrowSusError {
  return new ArrowSusError('DBF_INVALID_HEADER', `dbf: ${message} (not a valid DBF file)`, { details });
}

/**
 * Reads the header length `H` from the first 32 bytes, so a streaming caller knows how many bytes
 * to buffer before calling {@link parseDbfHeader}. Throws `DBF_INVALID_HEADER` when the bytes are
 * not the start of a DBF. `H` is a uint16, so at most 65,535 bytes are ever buffered.
 *
 * @example
 * ```ts
 * const first = bytes.subarray(0, 32);
 * const header = parseDbfHeader(bytes.subarray(0, dbfHeaderLength(first)));
 * ```
 */
export function dbfHeaderLength(first32Bytes: Uint8Array): number {
  if (first32Bytes.length < 32) {
    throw invalidHeader(`only ${first32Bytes.length} bytes, a DBF header has at least 32`, { bytes: first32Bytes.length });
  }
  const version = first32Bytes[0] ?? 0;
  if (!VERSIONS.has(version)) throw invalidHeader(`unknown version byte 0x${version.toString(16).padStart(2, '0')}`, { version });
  const view = new DataView(first32Bytes.buffer, first32Bytes.byteOffset, 32);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  // One field at least: 32 (table) + 32 (field) + 1 (terminator); a record holds the flag + 1 byte.
  if (headerLength < 65) throw invalidHeader(`header length ${headerLength} is too small`, { headerLength });
  if (recordLength < 2) throw invalidHeader(`record length ${recordLength} is too small`, { recordLength });
  return headerLength;
}

function readLastUpdate(yearByte: number, month: number, day: number): Date | undefined {
  // Writers disagree: dBASE stores years since 1900 (116 = 2016), others a 2-digit year (6 = 2006,
  // 95 = 1995). Values ≥ 100 are since-1900; below, pivot at 70 as the DataSUS catalog does.
  const year = yearByte >= 100 ? 1900 + yearByte : yearByte >= 70 ? 1900 + yearByte : 2000 + yearByte;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date : undefined;
}

function readName(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < at + 11 && bytes[end] !== 0) end++;
  let name = '';
  for (let i = at; i < end; i++) name += String.fromCharCode(bytes[i] ?? 0);
  return name.trim();
}

/**
 * Parses and validates a DBF header. `bytes` must hold at least the first `H` bytes (see
 * {@link dbfHeaderLength}); extra bytes are ignored.
 *
 * Throws `DBF_INVALID_HEADER` for data that is not a DBF or has absurd lengths, `DBF_TRUNCATED`
 * when `bytes` is shorter than `H`, and `DBF_INVALID_FIELD` when the field list does not add up:
 * the record length must equal 1 + the sum of field lengths, fields may not be zero-length or
 * nameless, and names must be unique (case-insensitively): a duplicate would make projection and
 * predicates ambiguous, and none occurs in DataSUS files, so it is rejected rather than renamed.
 * Nothing is allocated in proportion to `recordCount`.
 *
 * @example
 * ```ts
 * const header = parseDbfHeader(bytes);
 * header.fields.map((f) => `${f.name} ${f.type}(${f.length})`); // ['UF_ZI C(6)', …]
 * ```
 */
export function parseDbfHeader(bytes: Uint8Array): DbfHeader {
  const headerLength = dbfHeaderLength(bytes.subarray(0, 32));
  if (bytes.length < headerLength) {
    throw new ArrowSusError('DBF_TRUNCATED', `dbf: the header announces ${headerLength} bytes but only ${bytes.length} are present (file is incomplete; re-download)`, {
      details: { headerLength, bytes: bytes.length },
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerLength);
  const recordLength = view.getUint16(10, true);
  const fields: DbfField[] = [];
  const seen = new Set<string>();
  let at = 32;
  let offset = 1;
  // The list ends at 0x0D, at 0x00 (CNES ST files), or at H when neither appears.
  while (at + 32 <= headerLength && bytes[at] !== 0x0d && bytes[at] !== 0x00) {
    const name = readName(bytes, at);
    const type = String.fromCharCode(bytes[at + 11] ?? 0x20);
    const length = bytes[at + 16] ?? 0;
    const decimals = bytes[at + 17] ?? 0;
    const index = fields.length;
    if (name === '') throw invalidField(`field ${index + 1} has no name`, { index });
    if (length === 0) throw invalidField(`field ${name} has length 0`, { field: name });
    if (seen.has(name.toUpperCase())) throw invalidField(`field name ${name} appears twice`, { field: name });
    seen.add(name.toUpperCase());
    fields.push({ name, type, length, decimals, offset });
    offset += length;
    at += 32;
  }
  if (fields.length === 0) throw invalidHeader('the header declares no fields');
  if (headerLength - at > MAX_HEADER_SLACK) {
    throw invalidHeader(`header length ${headerLength} is far beyond the ${fields.length} field descriptors`, { headerLength, fields: fields.length });
  }
  if (offset !== recordLength) {
    throw invalidField(`record length ${recordLength} differs from 1 + the sum of field lengths (${offset})`, { recordLength, expected: offset });
  }
  return {
    version: bytes[0] ?? 0,
    lastUpdate: readLastUpdate(bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0),
    recordCount: view.getUint32(4, true),
    headerLength,
    recordLength,
    codePage: bytes[29] ?? 0,
    fields,
  };
}

function invalidField(message: string, details: Record<string, unknown>): ArrowSusError {
  return new ArrowSusError('DBF_INVALID_FIELD', `dbf: ${message} (the file's field list is damaged)`, { details });
}
