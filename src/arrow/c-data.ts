/**
 * Reads a record batch exported through the Arrow C Data Interface by a WebAssembly module
 * (32-bit pointers) straight into a {@link PackedBatch}: each buffer is copied once out of the
 * module's memory into its own transferable `ArrayBuffer`, ready for `postMessage`.
 *
 * This is the cache's read path in the worker threads. Compared with building apache-arrow
 * objects first (and packing them afterwards), it allocates no `Data`/`Vector`/`Field` objects
 * per batch, reads no type strings per batch (the caller knows the schema), and copies into
 * uninitialised memory (`Buffer.allocUnsafeSlow`) instead of zero-filled memory. Only the flat
 * types the DBF decoder produces are handled; for anything else it returns `undefined` and the
 * caller takes the general path.
 *
 * @module
 */
import { Type } from 'apache-arrow';
import type { DataType, Schema } from 'apache-arrow';
import type { PackedBatch, PackedData } from './transfer.js';
import { uniformWidth } from './uniform-offsets.js';

// struct ArrowArray on wasm32: five int64 fields, then five 32-bit pointers.
const ARRAY_LENGTH = 0;
const ARRAY_NULL_COUNT = 8;
const ARRAY_OFFSET = 16;
const ARRAY_N_BUFFERS = 24;
const ARRAY_N_CHILDREN = 32;
const ARRAY_BUFFERS = 40;
const ARRAY_CHILDREN = 44;
const ARRAY_DICTIONARY = 48;

type ViewCtor = new (buffer: ArrayBuffer) => ArrayBufferView;

/** Bytes per value of the fixed-width types handled, with the typed array that views them. */
function fixedWidth(type: DataType): { bytes: number; View: ViewCtor } | undefined {
  switch (type.typeId) {
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (bitWidth === 32) return { bytes: 4, View: isSigned ? Int32Array : Uint32Array };
      if (bitWidth === 64) return { bytes: 8, View: isSigned ? BigInt64Array : BigUint64Array };
      if (bitWidth === 16) return { bytes: 2, View: isSigned ? Int16Array : Uint16Array };
      if (bitWidth === 8) return { bytes: 1, View: isSigned ? Int8Array : Uint8Array };
      return undefined;
    }
    case Type.Float: {
      const { precision } = type as unknown as { precision: number };
      if (precision === 2) return { bytes: 8, View: Float64Array };
      if (precision === 1) return { bytes: 4, View: Float32Array };
      return undefined;
    }
    case Type.Date: {
      const { unit } = type as unknown as { unit: number };
      // DateUnit.DAY = 0 (int32 days), DateUnit.MILLISECOND = 1 (int64 ms).
      return unit === 0 ? { bytes: 4, View: Int32Array } : { bytes: 8, View: BigInt64Array };
    }
    default:
      return undefined;
  }
}

/** Whether every column of `schema` can be imported by {@link importPackedBatch}. */
export function canImportPacked(schema: Schema): boolean {
  return schema.fields.every(({ type }) => type.typeId === Type.Utf8 || type.typeId === Type.Binary || type.typeId === Type.Bool || fixedWidth(type) !== undefined);
}

class MemoryReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly transfer: ArrayBuffer[] = [];

  constructor(memory: ArrayBuffer) {
    this.#bytes = new Uint8Array(memory);
    this.#view = new DataView(memory);
  }

  /** An int64 field that fits a double (lengths, counts, offsets). */
  int64(address: number): number {
    const low = this.#view.getUint32(address, true);
    const high = this.#view.getInt32(address + 4, true);
    return high * 2 ** 32 + low;
  }

  pointer(address: number): number {
    return this.#view.getUint32(address, true);
  }

  /**
   * The `count` Int32 values at `address`, viewed in place (not copied) when aligned. Valid only
   * until the module's memory grows or is freed: read it at once.
   */
  int32s(address: number, count: number): Int32Array {
    if (address % 4 === 0) return new Int32Array(this.#bytes.buffer, address, count);
    return new Int32Array(this.#bytes.slice(address, address + 4 * count).buffer);
  }

  /** Copies `length` bytes at `address` into a new transferable buffer viewed as `View`. */
  copy(address: number, length: number, View: ViewCtor): ArrayBufferView {
    // Uninitialised memory: every byte is written just below.
    const target = Buffer.allocUnsafeSlow(length);
    target.set(this.#bytes.subarray(address, address + length));
    this.transfer.push(target.buffer as ArrayBuffer);
    return new View(target.buffer as ArrayBuffer);
  }
}

function importColumn(reader: MemoryReader, address: number, type: DataType): PackedData | undefined {
  const length = reader.int64(address + ARRAY_LENGTH);
  const nullCount = reader.int64(address + ARRAY_NULL_COUNT);
  const offset = reader.int64(address + ARRAY_OFFSET);
  const nBuffers = reader.int64(address + ARRAY_N_BUFFERS);
  if (offset !== 0 || reader.int64(address + ARRAY_N_CHILDREN) !== 0 || reader.pointer(address + ARRAY_DICTIONARY) !== 0) return undefined;
  const buffers = reader.pointer(address + ARRAY_BUFFERS);
  const bufferAt = (index: number): number => reader.pointer(buffers + 4 * index);

  const validityAddress = bufferAt(0);
  // No nulls: no bitmap (null_count -1, "unknown", keeps it).
  const nullBitmap = validityAddress !== 0 && nullCount !== 0 ? reader.copy(validityAddress, Math.ceil(length / 8), Uint8Array) : null;
  const packed = (valueOffsets: ArrayBufferView | null, values: ArrayBufferView | null, width?: number): PackedData => ({
    offset: 0,
    length,
    nullCount: nullBitmap === null ? 0 : nullCount,
    buffers: [valueOffsets, values, nullBitmap, null],
    children: [],
    dictionary: null,
    ...(width === undefined ? {} : { uniformWidth: width }),
  });

  if (type.typeId === Type.Utf8 || type.typeId === Type.Binary) {
    if (nBuffers !== 3) return undefined;
    const inPlace = reader.int32s(bufferAt(1), length + 1);
    // Offsets of an unsliced array start at 0; the data runs to the last one.
    if (inPlace[0] !== 0) return undefined;
    const dataLength = inPlace[length]!;
    // Values all of one width (most DataSUS codes): the offsets stay behind (see uniform-offsets.ts).
    const width = uniformWidth(inPlace, length);
    const offsets = width === undefined ? reader.copy(bufferAt(1), 4 * (length + 1), Int32Array) : null;
    return packed(offsets, reader.copy(bufferAt(2), dataLength, Uint8Array), width);
  }
  if (type.typeId === Type.Bool) {
    if (nBuffers !== 2) return undefined;
    return packed(null, reader.copy(bufferAt(1), Math.ceil(length / 8), Uint8Array));
  }
  const width = fixedWidth(type);
  if (width === undefined || nBuffers !== 2) return undefined;
  return packed(null, reader.copy(bufferAt(1), width.bytes * length, width.View));
}

/**
 * Copies the record batch whose C Data Interface `ArrowArray` (a struct array, one child per
 * column) is at `arrayAddress` in `memory` into a {@link PackedBatch} of `schema`'s types.
 * Returns `undefined` when a column is not a plain unsliced column of a handled type (see
 * {@link canImportPacked}): the caller then imports it another way. The `ArrowArray` is only
 * read; releasing it stays with the caller.
 *
 * @example
 * ```ts
 * const ffi = wasmBatch.intoFFI();
 * const imported = importPackedBatch(wasm.wasmMemory().buffer, ffi.arrayAddr(), schema);
 * ffi.free();
 * if (imported) port.postMessage(imported.packed, imported.transfer);
 * ```
 */
export function importPackedBatch(memory: ArrayBuffer, arrayAddress: number, schema: Schema): { packed: PackedBatch; transfer: ArrayBuffer[] } | undefined {
  const reader = new MemoryReader(memory);
  const columnCount = reader.int64(arrayAddress + ARRAY_N_CHILDREN);
  if (columnCount !== schema.fields.length || reader.int64(arrayAddress + ARRAY_OFFSET) !== 0) return undefined;
  const length = reader.int64(arrayAddress + ARRAY_LENGTH);
  const children = reader.pointer(arrayAddress + ARRAY_CHILDREN);
  const columns: PackedData[] = [];
  for (let index = 0; index < columnCount; index++) {
    const column = importColumn(reader, reader.pointer(children + 4 * index), schema.fields[index]!.type);
    if (column === undefined || column.length !== length) return undefined;
    columns.push(column);
  }
  return { packed: { length, columns }, transfer: reader.transfer };
}
