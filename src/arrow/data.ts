/**
 * Arrow `Data` nodes built straight from buffers the caller already holds in the right typed
 * arrays — what the DBF decoders make for every column of every batch.
 *
 * `makeData` reaches the same constructor through a visitor that dispatches on the type and
 * re-views each buffer; per batch that is cheap, but the visitor's code is hot enough for V8 to
 * optimise it in every worker thread (~35 ms of compilation each). {@link flatData} passes the
 * buffers to `Data` directly.
 *
 * @module
 */
import { Data } from 'apache-arrow';
import type { DataType, Struct } from 'apache-arrow';

/**
 * A `Data` of a flat type over `values` (and `valueOffsets` for Utf8/Binary), as
 * `makeData({ type, length, nullCount, nullBitmap, data: values, valueOffsets })` builds it when
 * the buffers already have the type's array classes (Int32Array offsets, Uint8Array bytes and
 * bitmaps, `type.ArrayType` values).
 *
 * @example
 * ```ts
 * const column = flatData(new Int32(), 3, 0, undefined, Int32Array.of(1, 2, 3));
 * column.values; // Int32Array [1, 2, 3]
 * ```
 */
export function flatData<T extends DataType>(
  type: T,
  length: number,
  nullCount: number,
  nullBitmap: Uint8Array | undefined,
  values: ArrayBufferView,
  valueOffsets?: Int32Array,
): Data<T> {
  // makeData's visitors pass an empty bitmap when there is none.
  const buffers = [valueOffsets, values, nullBitmap ?? new Uint8Array(0)] as unknown as ConstructorParameters<typeof Data<T>>[4];
  return new Data(type, 0, length, nullCount, buffers);
}

/**
 * The struct `Data` of a record batch: one child per column, no nulls.
 *
 * @example
 * ```ts
 * const batch = recordBatch(schema, structData(new Struct(schema.fields), rows, children));
 * ```
 */
export function structData(type: Struct, length: number, children: Data[]): Data<Struct> {
  return new Data(type, 0, length, 0, [undefined, undefined, new Uint8Array(0)] as unknown as ConstructorParameters<typeof Data<Struct>>[4], children);
}
