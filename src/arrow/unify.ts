/**
 * One schema for many files: DataSUS tables change columns and widths across years, but a
 * Parquet file, an Arrow IPC file or a SQL table needs a single schema.
 *
 * Rules (documented for users in the README):
 * - columns are matched by name, in first-seen order; a column a file lacks is null there;
 * - same type → kept; integers of different widths → Int64; integer + float → Float64;
 *   any other disagreement (e.g. a code stored as N one year and C the next) → Utf8, because
 *   DataSUS codes are strings and a lossless text form always exists.
 *
 * @module
 */
import { Data, Field, Float64, Int64, RecordBatch, Schema, Struct, Type, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { recordBatch } from './record-batch.js';

const isInt = (type: DataType): boolean => type.typeId === Type.Int;
const isFloat = (type: DataType): boolean => type.typeId === Type.Float;

function sameType(a: DataType, b: DataType): boolean {
  return String(a) === String(b);
}

function widen(a: DataType, b: DataType): DataType {
  if (sameType(a, b)) return a;
  if (isInt(a) && isInt(b)) return new Int64();
  if ((isInt(a) || isFloat(a)) && (isInt(b) || isFloat(b))) return new Float64();
  return new Utf8();
}

/**
 * Merges schemas by column name (first-seen order), widening types where files disagree.
 * Field metadata of the first file that has the column is kept; schema metadata is dropped
 * because it describes single files.
 *
 * @example
 * ```ts
 * const schema = unifySchemas([schema2015, schema2023]);
 * ```
 */
export function unifySchemas(schemas: readonly Schema[]): Schema {
  const fields = new Map<string, Field>();
  for (const schema of schemas) {
    for (const field of schema.fields) {
      const seen = fields.get(field.name);
      if (seen === undefined) {
        fields.set(field.name, field);
      } else {
        const type = widen(seen.type, field.type);
        fields.set(field.name, new Field(field.name, type, true, seen.metadata));
      }
    }
  }
  // Columns missing from some file become nullable.
  const result = [...fields.values()].map((field) => {
    const everywhere = schemas.every((schema) => schema.fields.some((f) => f.name === field.name));
    return everywhere ? field : new Field(field.name, field.type, true, field.metadata);
  });
  return new Schema(result);
}

/**
 * Reshapes a batch to a unified schema: reorders columns, adds all-null columns, casts widened
 * columns. Columns already of the target type are reused without copying.
 *
 * @example
 * ```ts
 * const target = unifySchemas(batches.map((b) => b.schema));
 * const conformed = batches.map((b) => conformBatch(b, target));
 * ```
 */
export function conformBatch(batch: RecordBatch, schema: Schema): RecordBatch {
  if (batch.schema.fields.length === schema.fields.length &&
    batch.schema.fields.every((field, i) => field.name === schema.fields[i]?.name && sameType(field.type, schema.fields[i]!.type))) {
    return batch.schema === schema ? batch : recordBatch(schema, batch.data);
  }
  const children = schema.fields.map((field) => {
    const index = batch.schema.fields.findIndex((f) => f.name === field.name);
    if (index < 0) return nullData(field.type, batch.numRows);
    const column = batch.getChildAt(index);
    if (column === null) return nullData(field.type, batch.numRows);
    return castColumn(column, field.type);
  });
  return recordBatch(schema, new Data(new Struct(schema.fields), 0, batch.numRows, 0, undefined, children));
}

function nullData(type: DataType, length: number): Data {
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  if (type.typeId === Type.Utf8) {
    return makeData({ type: type as Utf8, length, nullCount: length, nullBitmap, valueOffsets: new Int32Array(length + 1), data: new Uint8Array(0) });
  }
  const ArrayType = (type as DataType & { ArrayType: new (n: number) => ArrayLike<unknown> }).ArrayType;
  const stride = type.typeId === Type.Bool ? 0 : 1;
  const data = type.typeId === Type.Bool ? new Uint8Array(Math.ceil(length / 8)) : new ArrayType(length * stride);
  return makeData({ type, length, nullCount: length, nullBitmap, data } as unknown as Parameters<typeof makeData>[0]);
}

function castColumn(column: Vector, type: DataType): Data {
  if (sameType(column.type, type)) return column.data[0] !== undefined && column.data.length === 1 ? column.data[0] : makeVectorData(column);
  const values: unknown[] = new Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const value: unknown = column.get(i);
    values[i] = value === null || value === undefined ? null : convert(value, column.type as DataType, type);
  }
  const vector = vectorFromArray(values, type);
  return makeVectorData(vector);
}

function makeVectorData(vector: Vector): Data {
  if (vector.data.length === 1 && vector.data[0] !== undefined) return vector.data[0];
  // Several chunks: concatenate into one contiguous Data.
  const copy = vectorFromArray([...vector], vector.type as DataType);
  return copy.data[0]!;
}

function convert(value: unknown, from: DataType, type: DataType): unknown {
  // Arrow JS returns Date32 values as epoch milliseconds.
  if (from.typeId === Type.Date && type.typeId === Type.Utf8) return new Date(Number(value)).toISOString().slice(0, 10);
  switch (type.typeId) {
    case Type.Int:
      return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    case Type.Float:
      return Number(value);
    default:
      return String(value);
  }
}

/**
 * A batch with no rows and the given schema (arrow-js's own `new RecordBatch(schema)` fails on
 * some schemas). Useful to derive the output schema of a batch transformation.
 *
 * @example
 * ```ts
 * const labelled = decode(emptyBatch(schema)).schema;
 * ```
 */
export function emptyBatch(schema: Schema): RecordBatch {
  const children = schema.fields.map((field) => vectorFromArray([], field.type as DataType).data[0]!);
  return new RecordBatch(schema, new Data(new Struct(schema.fields), 0, 0, 0, undefined, children));
}
