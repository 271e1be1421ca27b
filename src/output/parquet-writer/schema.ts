/**
 * Arrow fields → Parquet columns: the physical type, the schema element (with the same converted
 * and logical types arrow-rs writes, so files from either encoder have byte-identical schemas and
 * can be joined), and how values are read from Arrow memory.
 *
 * @module
 */
import { Type, type DataType, type Field, type Schema } from 'apache-arrow';

/**
 * Parquet physical types (`Type` in parquet.thrift).
 *
 * @example
 * ```ts
 * parquetColumns(schema)?.[0]?.physical === Physical.BYTE_ARRAY;
 * ```
 */
export const Physical = { BOOLEAN: 0, INT32: 1, INT64: 2, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6 } as const;

/** How a column's values are taken from Arrow memory and compared for statistics. */
export type ValueKind =
  | 'bytes' // Utf8, Binary: offsets + bytes
  | 'int32' // Int32, Date32: one 32-bit word per value
  | 'small' // Int8, Int16, Uint8, Uint16: widened to 32 bits
  | 'float' // Float32: one word (bit pattern), compared as float
  | 'int64' // two words, compared as signed 64-bit
  | 'double' // two words (bit pattern), compared as float64
  | 'bool';

/** The logical type annotation of a column, when it has one. */
export type LogicalType =
  | { readonly type: 'string' }
  | { readonly type: 'date' }
  | { readonly type: 'integer'; readonly bitWidth: number; readonly signed: boolean };

/** One Parquet column derived from an Arrow field. */
export interface ColumnSpec {
  readonly name: string;
  /** The name as UTF-8 (path_in_schema and the schema element). */
  readonly nameBytes: Uint8Array;
  readonly physical: number;
  readonly kind: ValueKind;
  readonly optional: boolean;
  /** The legacy converted type, when arrow-rs writes one. */
  readonly converted?: number;
  readonly logical?: LogicalType;
}

const CONVERTED_UTF8 = 0;
const CONVERTED_DATE = 6;
// INT_8 … INT_16 and UINT_8 … UINT_16 converted types.
const CONVERTED_INT: Readonly<Record<string, number>> = { '8,true': 15, '16,true': 16, '8,false': 11, '16,false': 12 };

function spec(field: Field): ColumnSpec | undefined {
  const type: DataType = field.type;
  const make = (physical: number, kind: ValueKind, converted?: number, logical?: LogicalType): ColumnSpec => ({
    name: field.name,
    nameBytes: Buffer.from(field.name, 'utf8'),
    physical,
    kind,
    optional: field.nullable,
    ...(converted !== undefined ? { converted } : {}),
    ...(logical !== undefined ? { logical } : {}),
  });
  switch (type.typeId) {
    case Type.Utf8:
      return make(Physical.BYTE_ARRAY, 'bytes', CONVERTED_UTF8, { type: 'string' });
    case Type.Binary:
      return make(Physical.BYTE_ARRAY, 'bytes');
    case Type.Bool:
      return make(Physical.BOOLEAN, 'bool');
    case Type.Float: {
      const precision = (type as DataType & { precision: number }).precision;
      if (precision === 1) return make(Physical.FLOAT, 'float');
      if (precision === 2) return make(Physical.DOUBLE, 'double');
      return undefined;
    }
    case Type.Int: {
      const { bitWidth, isSigned } = type as DataType & { bitWidth: number; isSigned: boolean };
      if (bitWidth === 32 && isSigned) return make(Physical.INT32, 'int32');
      if (bitWidth === 64 && isSigned) return make(Physical.INT64, 'int64');
      const converted = CONVERTED_INT[`${bitWidth},${isSigned}`];
      if (converted === undefined) return undefined;
      return make(Physical.INT32, 'small', converted, { type: 'integer', bitWidth, signed: isSigned });
    }
    case Type.Date: {
      const unit = (type as DataType & { unit: number }).unit;
      return unit === 0 ? make(Physical.INT32, 'int32', CONVERTED_DATE, { type: 'date' }) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The Parquet columns of a flat Arrow schema, or undefined when a field has a type this encoder
 * does not write (nested, dictionary, decimal, timestamps, unsigned 32/64-bit …).
 *
 * @example
 * ```ts
 * parquetColumns(new Schema([new Field('UF', new Utf8(), true)]))?.[0]?.kind; // 'bytes'
 * ```
 */
export function parquetColumns(schema: Schema): ColumnSpec[] | undefined {
  const columns: ColumnSpec[] = [];
  for (const field of schema.fields) {
    const column = spec(field);
    if (column === undefined) return undefined;
    columns.push(column);
  }
  return columns;
}
