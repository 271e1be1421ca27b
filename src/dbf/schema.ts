/**
 * DBF field descriptors → Arrow schema: which Arrow type each field decodes to, under the
 * caller's options. Computed from the header alone, so a table with zero records still has its
 * full schema.
 *
 * @module
 */
import { Binary, Bool, DateDay, Decimal, Field, Float64, Int32, Int64, Schema, Utf8, type DataType } from 'apache-arrow';
import { ArrowSusError } from '../errors.js';
import { dbfCodec, type DbfEncoding } from './codec.js';
import type { DbfField, DbfHeader } from './header.js';

/** Options that decide the Arrow type of each column. */
export interface DbfSchemaOptions {
  /** Columns to decode, in output order (case-insensitive; exact spelling wins). Default: all. */
  readonly columns?: readonly string[];
  /**
   * Text encoding of `C` fields. Default `latin1`; `cp850` suits many DataSUS tables (CADMUN, SIH RD
   * and CNES PF text). `auto` picks `latin1` or `cp850` per file from a sample of its records (see
   * `detectDbfEncoding`); the choice is in `stats.encoding` and the batches' `dbf.encoding` metadata.
   */
  readonly encoding?: DbfEncoding | 'auto';
  /** Decode `C` fields as Binary holding the field's exact bytes (no trimming, no transcoding). */
  readonly raw?: boolean;
  /** `N`/`F` fields with decimals: `float64` (default) or exact `decimal128(length, decimals)`. */
  readonly decimals?: 'float64' | 'decimal128';
  /**
   * `N` fields without decimals: `auto` (default) gives Int32 up to 9 digits, Int64 up to 18, and
   * Float64 beyond (19+ digits overflow Int64); `float64` gives Float64 for every number.
   */
  readonly integers?: 'auto' | 'float64';
  /** Keep rows flagged deleted (`*`) and append a non-null Bool column `_deleted`. Default false. */
  readonly includeDeleted?: boolean;
}

/** How one column's bytes become Arrow values. */
export type DbfColumnKind = 'utf8' | 'binary' | 'int32' | 'int64' | 'float64' | 'decimal' | 'date' | 'bool';

/** One output column: the field it reads and how. */
export interface DbfColumnPlan {
  readonly field: DbfField;
  readonly kind: DbfColumnKind;
  readonly arrowField: Field;
}

/**
 * Name of the column added by `includeDeleted`.
 *
 * @example
 * ```ts
 * batch.getChild(DELETED_COLUMN)?.get(0); // true when the first row is flagged deleted
 * ```
 */
export const DELETED_COLUMN = '_deleted';

/**
 * Finds a field by name: exact match first, then case-insensitive. Throws `DBF_UNKNOWN_COLUMN`.
 *
 * @example
 * ```ts
 * resolveField(header, 'uf_zi').name; // 'UF_ZI'
 * ```
 */
export function resolveField(header: DbfHeader, name: string): DbfField {
  const exact = header.fields.find((f) => f.name === name);
  if (exact !== undefined) return exact;
  const upper = name.toUpperCase();
  const loose = header.fields.find((f) => f.name.toUpperCase() === upper);
  if (loose !== undefined) return loose;
  throw new ArrowSusError('DBF_UNKNOWN_COLUMN', `dbf: the table has no column "${name}" (columns: ${header.fields.map((f) => f.name).join(', ')})`, {
    details: { column: name },
  });
}

function kindOf(field: DbfField, options: DbfSchemaOptions): DbfColumnKind {
  switch (field.type) {
    case 'C':
      return options.raw === true ? 'binary' : 'utf8';
    case 'N':
    case 'F':
      if (field.decimals > 0) return options.decimals === 'decimal128' ? 'decimal' : 'float64';
      if (options.integers === 'float64') return 'float64';
      return field.length <= 9 ? 'int32' : field.length <= 18 ? 'int64' : 'float64';
    case 'D':
      return 'date';
    case 'L':
      return 'bool';
    default:
      // Memo pointers, binary integers, timestamps …: never seen in DataSUS. Kept as the exact
      // bytes (lossless) rather than guessed at; field metadata says what the type code was.
      return 'binary';
  }
}

function arrowTypeOf(kind: DbfColumnKind, field: DbfField): DataType {
  switch (kind) {
    case 'utf8':
      return new Utf8();
    case 'binary':
      return new Binary();
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'decimal':
      return new Decimal(field.decimals, Math.min(38, field.length), 128);
    case 'date':
      return new DateDay();
    case 'bool':
      return new Bool();
  }
}

/**
 * Plans the output columns: projection (in the requested order) and the Arrow type of each.
 * Throws `DBF_UNKNOWN_COLUMN`, `DBF_UNSUPPORTED_ENCODING` or `INVALID_ARGUMENT` (a column twice).
 *
 * @example
 * ```ts
 * planColumns(header, { columns: ['UF_ZI', 'IDADE'] }).map((c) => c.kind); // ['utf8', 'utf8']
 * ```
 */
export function planColumns(header: DbfHeader, options: DbfSchemaOptions = {}): DbfColumnPlan[] {
  if (options.encoding !== 'auto') dbfCodec(options.encoding ?? 'latin1');
  const fields = options.columns === undefined ? header.fields : options.columns.map((name) => resolveField(header, name));
  const names = new Set<string>();
  for (const field of fields) {
    if (names.has(field.name)) {
      throw new ArrowSusError('INVALID_ARGUMENT', `dbf: column ${field.name} is projected twice`, { details: { column: field.name } });
    }
    names.add(field.name);
  }
  return fields.map((field) => {
    const kind = kindOf(field, options);
    const metadata = new Map([
      ['dbf.type', field.type],
      ['dbf.length', String(field.length)],
      ['dbf.decimals', String(field.decimals)],
    ]);
    return { field, kind, arrowField: new Field(field.name, arrowTypeOf(kind, field), true, metadata) };
  });
}

/**
 * The Arrow schema of the batches a read produces with these options. Field metadata carries the
 * DBF definition (`dbf.type`, `dbf.length`, `dbf.decimals`); schema metadata carries the header's
 * `dbf.version`, `dbf.codePage`, `dbf.recordCount`, `dbf.lastUpdate` (YYYY-MM-DD) and the
 * `dbf.encoding` used.
 *
 * @example
 * ```ts
 * const schema = dbfSchema(parseDbfHeader(bytes), { columns: ['UF_ZI'] });
 * schema.fields[0]?.type.toString(); // 'Utf8'
 * ```
 */
export function dbfSchema(header: DbfHeader, options: DbfSchemaOptions = {}): Schema {
  const fields = planColumns(header, options).map((plan) => plan.arrowField);
  if (options.includeDeleted === true) fields.push(new Field(DELETED_COLUMN, new Bool(), false));
  const metadata = new Map([
    ['dbf.version', String(header.version)],
    ['dbf.codePage', String(header.codePage)],
    ['dbf.recordCount', String(header.recordCount)],
    ['dbf.encoding', options.raw === true ? 'binary' : (options.encoding ?? 'latin1')],
  ]);
  if (header.lastUpdate !== undefined) metadata.set('dbf.lastUpdate', header.lastUpdate.toISOString().slice(0, 10));
  return new Schema(fields, metadata);
}
