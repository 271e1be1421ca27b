/**
 * DBF writer: field definitions + rows of JS values → DBF bytes. Produces the files the DataSUS
 * tools write (dBASE III, version 0x03), and can reproduce every quirk seen in real files, so
 * tests anywhere in the project generate their fixtures instead of committing binaries.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { dbfCodec, encodeText, type DbfEncoding } from './codec.js';

/** A field to write. */
export interface DbfFieldSpec {
  /** 1–11 ASCII characters. */
  readonly name: string;
  /** `C`, `N`, `F`, `D`, `L`, or any other one-letter code (values then must be raw bytes or text). */
  readonly type: string;
  /** Width in bytes (1–255). `D` defaults to 8 and `L` to 1. */
  readonly length?: number;
  /** Digits after the decimal point for `N`/`F`. Default 0. */
  readonly decimals?: number;
}

/**
 * A cell value. `null`/`undefined` write blanks. Strings are written as given (left-aligned for
 * `C`, right-aligned for `N`/`F`, verbatim for `D`) so tests can inject invalid values; numbers,
 * bigints, `Date`s (UTC) and booleans are formatted for their field type; a `Uint8Array` is written
 * byte for byte (blank-padded).
 */
export type DbfValue = string | number | bigint | boolean | Date | Uint8Array | null | undefined;

/** A row: values in field order, or keyed by field name. */
export type DbfRow = readonly DbfValue[] | Readonly<Record<string, DbfValue>>;

/** Options of {@link encodeDbf}, including switches that reproduce real-file quirks. */
export interface EncodeDbfOptions {
  /** Text encoding for `C` values. Default `latin1`. */
  readonly encoding?: DbfEncoding;
  /** Rows (by index) flagged deleted (`*`). */
  readonly deleted?: Iterable<number>;
  /** Version byte. Default 0x03. */
  readonly version?: number;
  /** Header date. Default 2000-01-01 (fixed, so output is reproducible). */
  readonly lastUpdate?: Date;
  /** How the year byte is written: years since 1900 (dBASE, default) or two digits (seen in DataSUS). */
  readonly yearStyle?: 'since1900' | 'twoDigit';
  /** Code page byte (offset 29). Default 0x00. */
  readonly codePage?: number;
  /** Field-list terminator: 0x0D (default) or 0x00 (some CNES ST files). */
  readonly terminator?: 0x0d | 0x00;
  /** Extra bytes between the terminator and the first record (15 DataSUS files have 1). Default 0. */
  readonly headerPadding?: number;
  /** Append the 0x1A end-of-file byte. Default true (53 real files lack it). */
  readonly endOfFile?: boolean;
  /** Record count written in the header, to make lying headers. Default: the real count. */
  readonly recordCount?: number;
}

const enc = new TextEncoder();

function fail(message: string, details: Record<string, unknown> = {}): never {
  throw new ArrowSusError('INVALID_ARGUMENT', `dbf writer: ${message}`, { details });
}

interface ResolvedField {
  readonly name: string;
  readonly type: string;
  readonly length: number;
  readonly decimals: number;
}

function resolveFields(fields: readonly DbfFieldSpec[]): ResolvedField[] {
  if (fields.length === 0) fail('a DBF needs at least one field');
  return fields.map((f) => {
    const length = f.length ?? (f.type === 'D' ? 8 : f.type === 'L' ? 1 : 0);
    const decimals = f.decimals ?? 0;
    if (!/^[\x21-\x7e]{1,11}$/.test(f.name)) fail(`field name "${f.name}" must be 1–11 printable ASCII characters`, { field: f.name });
    if (!/^[\x21-\x7e]$/.test(f.type)) fail(`field ${f.name} has an invalid type "${f.type}"`, { field: f.name });
    if (!Number.isInteger(length) || length < 1 || length > 255) fail(`field ${f.name} needs a length of 1–255`, { field: f.name });
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) fail(`field ${f.name} has invalid decimals`, { field: f.name });
    return { name: f.name, type: f.type, length, decimals };
  });
}

function formatNumber(value: number | bigint, field: ResolvedField): string {
  if (typeof value === 'bigint') return value.toString();
  if (!Number.isFinite(value)) fail(`field ${field.name} cannot hold ${value}`);
  return field.decimals > 0 ? value.toFixed(field.decimals) : String(Math.round(value));
}

function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) fail('invalid Date');
  return `${String(value.getUTCFullYear()).padStart(4, '0')}${String(value.getUTCMonth() + 1).padStart(2, '0')}${String(value.getUTCDate()).padStart(2, '0')}`;
}

/** Writes one cell into `out` at `at` (already blank-filled). */
function writeCell(out: Uint8Array, at: number, field: ResolvedField, value: DbfValue, encode: (text: string) => Uint8Array): void {
  if (value === null || value === undefined) return;
  let bytes: Uint8Array;
  let alignRight = false;
  if (value instanceof Uint8Array) {
    bytes = value;
  } else if (field.type === 'L') {
    bytes = enc.encode(typeof value === 'boolean' ? (value ? 'T' : 'F') : String(value));
  } else if (field.type === 'D') {
    bytes = enc.encode(value instanceof Date ? formatDate(value) : String(value));
  } else if (field.type === 'N' || field.type === 'F') {
    bytes = enc.encode(typeof value === 'number' || typeof value === 'bigint' ? formatNumber(value, field) : String(value));
    alignRight = true;
  } else {
    bytes = encode(value instanceof Date ? formatDate(value) : String(value));
  }
  if (bytes.length > field.length) fail(`value for ${field.name} is ${bytes.length} bytes, the field holds ${field.length}`, { field: field.name });
  out.set(bytes, alignRight ? at + field.length - bytes.length : at);
}

/**
 * Encodes a header for `recordCount` records (the first `H` bytes of a DBF).
 *
 * @example
 * ```ts
 * const header = encodeDbfHeader([{ name: 'UF', type: 'C', length: 2 }], 27);
 * ```
 */
export function encodeDbfHeader(fields: readonly DbfFieldSpec[], recordCount: number, options: EncodeDbfOptions = {}): Uint8Array {
  const resolved = resolveFields(fields);
  const padding = options.headerPadding ?? 0;
  const headerLength = 32 * (resolved.length + 1) + 1 + padding;
  const recordLength = 1 + resolved.reduce((sum, f) => sum + f.length, 0);
  if (headerLength > 0xffff || recordLength > 0xffff) fail('too many or too wide fields for a DBF header');
  const out = new Uint8Array(headerLength);
  const view = new DataView(out.buffer);
  const date = options.lastUpdate ?? new Date(Date.UTC(2000, 0, 1));
  const year = date.getUTCFullYear() - 1900;
  out[0] = options.version ?? 0x03;
  out[1] = options.yearStyle === 'twoDigit' ? year % 100 : year;
  out[2] = date.getUTCMonth() + 1;
  out[3] = date.getUTCDate();
  view.setUint32(4, recordCount, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = options.codePage ?? 0;
  resolved.forEach((field, i) => {
    const at = 32 * (i + 1);
    out.set(enc.encode(field.name), at);
    out[at + 11] = field.type.charCodeAt(0);
    out[at + 16] = field.length;
    out[at + 17] = field.decimals;
  });
  out[32 * (resolved.length + 1)] = options.terminator ?? 0x0d;
  return out;
}

/**
 * Encodes a whole DBF: header, records, and (unless `endOfFile: false`) the 0x1A end byte.
 * Throws `INVALID_ARGUMENT` for a value that does not fit its field or text the encoding lacks.
 *
 * @example
 * ```ts
 * const bytes = encodeDbf(
 *   [{ name: 'UF_ZI', type: 'C', length: 6 }, { name: 'IDADE', type: 'N', length: 3 }, { name: 'DT', type: 'D' }],
 *   [['350000', 42, new Date(Date.UTC(2020, 0, 31))], { UF_ZI: '330000', IDADE: null, DT: '20201301' }],
 *   { deleted: [1], endOfFile: false },
 * );
 * ```
 */
export function encodeDbf(fields: readonly DbfFieldSpec[], rows: Iterable<DbfRow>, options: EncodeDbfOptions = {}): Uint8Array {
  const resolved = resolveFields(fields);
  const codec = dbfCodec(options.encoding ?? 'latin1');
  const encode = (text: string): Uint8Array => encodeText(text, codec) ?? fail(`"${text}" cannot be written in ${codec.encoding}`);
  const list = [...rows];
  const deleted = new Set(options.deleted ?? []);
  const header = encodeDbfHeader(fields, options.recordCount ?? list.length, options);
  const recordLength = 1 + resolved.reduce((sum, f) => sum + f.length, 0);
  const tail = options.endOfFile === false ? 0 : 1;
  const out = new Uint8Array(header.length + list.length * recordLength + tail).fill(0x20);
  out.set(header);
  list.forEach((row, r) => {
    const start = header.length + r * recordLength;
    if (deleted.has(r)) out[start] = 0x2a;
    let at = start + 1;
    resolved.forEach((field, i) => {
      const value = Array.isArray(row) ? (row as readonly DbfValue[])[i] : (row as Readonly<Record<string, DbfValue>>)[field.name];
      writeCell(out, at, field, value, encode);
      at += field.length;
    });
  });
  if (tail === 1) out[out.length - 1] = 0x1a;
  return out;
}
