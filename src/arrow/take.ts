/**
 * Row selection for Arrow record batches (arrow-js has no `take`/`filter` kernel): copies the
 * chosen rows of every column into new, compact buffers.
 *
 * @module
 */
import { Data, RecordBatch, Struct, Type, makeData } from 'apache-arrow';
import type { DataType } from 'apache-arrow';

/**
 * The rows of `batch` at `indices` (ascending or not), as a new batch with the same schema.
 * Supports the column types the decoders produce: Utf8, Binary, Int*, Float*, Date, Bool,
 * Decimal, and dictionary-encoded columns (indices taken, dictionary shared).
 *
 * @example
 * ```ts
 * const firstAndThird = takeRows(batch, Int32Array.of(0, 2));
 * ```
 */
export function takeRows(batch: RecordBatch, indices: Int32Array): RecordBatch {
  const children = batch.data.children.map((child) => takeData(child, indices));
  return new RecordBatch(batch.schema, new Data(new Struct(batch.schema.fields), 0, indices.length, 0, undefined, children));
}

function validityOf(data: Data, indices: Int32Array): { bitmap: Uint8Array | undefined; nulls: number } {
  if (data.nullCount === 0 || data.nullBitmap === undefined || data.nullBitmap.length === 0) return { bitmap: undefined, nulls: 0 };
  const bitmap = new Uint8Array(Math.ceil(indices.length / 8));
  let nulls = 0;
  const source = data.nullBitmap;
  const offset = data.offset;
  for (let i = 0; i < indices.length; i++) {
    const at = offset + indices[i]!;
    if ((source[at >> 3]! >> (at & 7)) & 1) bitmap[i >> 3]! |= 1 << (i & 7);
    else nulls += 1;
  }
  return { bitmap, nulls };
}

function takeData(data: Data, indices: Int32Array): Data {
  const type = data.type as DataType;
  const { bitmap, nulls } = validityOf(data, indices);
  const length = indices.length;
  const base = { type, length, nullCount: nulls, ...(bitmap === undefined ? {} : { nullBitmap: bitmap }) };
  switch (type.typeId) {
    case Type.Utf8:
    case Type.Binary: {
      const offsets = data.valueOffsets as Int32Array;
      const values = data.values as Uint8Array;
      const out = new Int32Array(length + 1);
      let total = 0;
      for (let i = 0; i < length; i++) {
        const row = data.offset + indices[i]!;
        total += offsets[row + 1]! - offsets[row]!;
        out[i + 1] = total;
      }
      const bytes = new Uint8Array(total);
      for (let i = 0; i < length; i++) {
        const row = data.offset + indices[i]!;
        bytes.set(values.subarray(offsets[row]!, offsets[row + 1]!), out[i]!);
      }
      return makeData({ ...base, valueOffsets: out, data: bytes } as Parameters<typeof makeData>[0]);
    }
    case Type.Bool: {
      const values = data.values as Uint8Array;
      const out = new Uint8Array(Math.ceil(length / 8));
      for (let i = 0; i < length; i++) {
        const at = data.offset + indices[i]!;
        if ((values[at >> 3]! >> (at & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
      }
      return makeData({ ...base, data: out } as Parameters<typeof makeData>[0]);
    }
    case Type.Dictionary: {
      const keys = takeFixed(data, indices, 1);
      return makeData({ ...base, data: keys, dictionary: data.dictionary } as Parameters<typeof makeData>[0]);
    }
    default: {
      // Fixed-width values: `stride` elements of the values array per row (Int64 and Decimal
      // are stored as 2 or 4 32-bit words in some arrow-js builds, so use the stride).
      const values = takeFixed(data, indices, data.stride);
      return makeData({ ...base, data: values } as Parameters<typeof makeData>[0]);
    }
  }
}

function takeFixed(data: Data, indices: Int32Array, stride: number): ArrayLike<unknown> {
  const values = data.values as unknown as { length: number; [index: number]: unknown; constructor: new (n: number) => unknown };
  const Ctor = values.constructor as new (n: number) => { [index: number]: unknown };
  const out = new Ctor(indices.length * stride);
  for (let i = 0; i < indices.length; i++) {
    const from = (data.offset + indices[i]!) * stride;
    for (let k = 0; k < stride; k++) out[i * stride + k] = values[from + k];
  }
  return out as ArrayLike<unknown>;
}
