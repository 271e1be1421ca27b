/**
 * Columns holding one value on every row (provenance: the source file, its UF, year, month).
 *
 * @module
 */
import { Type, makeData } from 'apache-arrow';
import type { Data, DataType } from 'apache-arrow';
import { uniformOffsets } from '../arrow/uniform-offsets.js';

/**
 * A column of `length` rows all equal to `value` (all null when `value` is null). Supports Utf8
 * and integer types.
 *
 * @example
 * ```ts
 * constantData(new Utf8(), 'SP', batch.numRows);
 * ```
 */
export function constantData(type: DataType, value: string | number | null, length: number): Data {
  const nullBitmap = value === null ? new Uint8Array(Math.ceil(length / 8)) : undefined;
  const nulls = value === null ? { nullCount: length, nullBitmap } : { nullCount: 0 };
  if (type.typeId === Type.Utf8) {
    const bytes = Buffer.from(value === null ? '' : String(value), 'utf8');
    // Every value has one width: the thread's shared offsets (and a RangeError, not wrapped
    // offsets, past 2^31 bytes).
    const offsets = uniformOffsets(bytes.length, length);
    const data = new Uint8Array(bytes.length * length);
    for (let i = 0; i < length; i++) data.set(bytes, i * bytes.length);
    return makeData({ type, length, ...nulls, valueOffsets: offsets, data } as unknown as Parameters<typeof makeData>[0]);
  }
  const ArrayType = (type as DataType & { ArrayType: new (n: number) => { fill(v: number): unknown } }).ArrayType;
  const data = new ArrayType(length);
  if (value !== null) data.fill(Number(value));
  return makeData({ type, length, ...nulls, data } as unknown as Parameters<typeof makeData>[0]);
}
