/**
 * Moves Arrow record batches between threads without copying their buffers.
 *
 * A batch is split into a plain description (lengths, offsets, null counts) and its typed-array
 * buffers, which `postMessage` moves with a transfer list. The schema travels once, as an Arrow
 * IPC schema message, because `DataType` instances do not survive structured cloning.
 *
 * @module
 */
import { Data, Struct, Table, Type, Vector, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { DataType, RecordBatch, Schema } from 'apache-arrow';
import { recordBatch } from './record-batch.js';
import { uniformOffsets, uniformWidth } from './uniform-offsets.js';

/** A `Data` node as plain, structured-clone-friendly values. */
export interface PackedData {
  readonly offset: number;
  readonly length: number;
  readonly nullCount: number;
  /** `[valueOffsets, values, nullBitmap, typeIds]`, in Arrow's `BufferType` order. */
  readonly buffers: readonly (ArrayBufferView | null)[];
  readonly children: readonly PackedData[];
  /** Dictionary chunks of a dictionary-encoded column. */
  readonly dictionary: readonly PackedData[] | null;
  /**
   * Set on a text or binary column whose values all have this byte length: its offsets
   * (`0, w, 2w, …`) are not sent, and the receiver views shared ones (`arrow/uniform-offsets.ts`).
   */
  readonly uniformWidth?: number;
}

/** A record batch as plain values plus the list of buffers to transfer. */
export interface PackedBatch {
  readonly length: number;
  readonly columns: readonly PackedData[];
}

/**
 * Serialises a schema (names, types, metadata) to an Arrow IPC stream holding no rows.
 *
 * @example
 * ```ts
 * const bytes = packSchema(batch.schema);
 * const same = unpackSchema(bytes);
 * ```
 */
export function packSchema(schema: Schema): Uint8Array {
  return tableToIPC(new Table(schema), 'stream');
}

/**
 * Reads a schema written by {@link packSchema}.
 *
 * @example
 * ```ts
 * const schema = unpackSchema(packSchema(batch.schema));
 * ```
 */
export function unpackSchema(bytes: Uint8Array): Schema {
  return tableFromIPC(bytes).schema;
}

/**
 * Splits a batch into plain values and collects the `ArrayBuffer`s to transfer. A buffer that is a
 * view on a larger `ArrayBuffer` (shared with other batches) is copied first, so transferring it
 * never detaches memory that something else still uses.
 *
 * @example
 * ```ts
 * const { packed, transfer } = packBatch(batch);
 * port.postMessage({ batch: packed }, transfer);
 * ```
 */
export function packBatch(batch: RecordBatch): { packed: PackedBatch; transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  const columns = batch.data.children.map((child) => packData(child, transfer));
  return { packed: { length: batch.numRows, columns }, transfer: [...transfer] };
}

/**
 * Rebuilds a batch from {@link packBatch} output and the batch's schema, without copying buffers.
 *
 * @example
 * ```ts
 * const batch = unpackBatch(schema, message.batch);
 * ```
 */
export function unpackBatch(schema: Schema, packed: PackedBatch): RecordBatch {
  const children = schema.fields.map((field, index) => {
    const column = packed.columns[index];
    if (column === undefined) throw new Error(`packed batch lacks column ${index}`);
    return unpackData(field.type, column);
  });
  const struct = new Data(new Struct(schema.fields), 0, packed.length, 0, undefined, children);
  return recordBatch(schema, struct);
}

function ownBuffer(view: ArrayBufferView, transfer: Set<ArrayBuffer>): ArrayBufferView {
  const whole = view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  if (whole) {
    transfer.add(view.buffer as ArrayBuffer);
    return view;
  }
  // Copy into an exactly sized buffer of the same element type.
  const Ctor = view.constructor as new (buffer: ArrayBuffer) => ArrayBufferView;
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  transfer.add(copy.buffer);
  return new Ctor(copy.buffer);
}

/** The common byte length of the values of an unsliced text or binary column, if they share one. */
function textWidth(data: Data): number | undefined {
  const { typeId } = data.type;
  if ((typeId !== Type.Utf8 && typeId !== Type.Binary) || data.offset !== 0) return undefined;
  return data.valueOffsets instanceof Int32Array ? uniformWidth(data.valueOffsets, data.length) : undefined;
}

function packData(data: Data, transfer: Set<ArrayBuffer>): PackedData {
  const width = textWidth(data);
  const raw = [width === undefined ? data.valueOffsets : null, data.values, data.nullBitmap, data.typeIds] as readonly unknown[];
  const buffers = raw.map((buffer) =>
    ArrayBuffer.isView(buffer) ? ownBuffer(buffer, transfer) : null,
  );
  const dictionary = data.dictionary === undefined ? null : data.dictionary.data.map((chunk) => packData(chunk, transfer));
  return {
    offset: data.offset,
    length: data.length,
    nullCount: data.nullCount,
    buffers,
    children: data.children.map((child) => packData(child, transfer)),
    dictionary,
    ...(width === undefined ? {} : { uniformWidth: width }),
  };
}

function unpackData(type: DataType, packed: PackedData): Data {
  const children = packed.children.map((child, index) => {
    const childType = (type.children as { type: DataType }[] | null)?.[index]?.type;
    if (childType === undefined) throw new Error('packed data has more children than its type');
    return unpackData(childType, child);
  });
  let dictionary: Vector | undefined;
  if (packed.dictionary !== null) {
    const valueType = (type as unknown as { dictionary: DataType }).dictionary;
    dictionary = new Vector(packed.dictionary.map((chunk) => unpackData(valueType, chunk)));
  }
  const [sentOffsets, values, nullBitmap, typeIds] = packed.buffers;
  const valueOffsets = packed.uniformWidth === undefined ? sentOffsets : uniformOffsets(packed.uniformWidth, packed.offset + packed.length);
  const buffers = { 0: valueOffsets ?? undefined, 1: values ?? undefined, 2: nullBitmap ?? undefined, 3: typeIds ?? undefined };
  return new Data(
    type,
    packed.offset,
    packed.length,
    packed.nullCount,
    buffers as unknown as ConstructorParameters<typeof Data>[4],
    children,
    dictionary,
  );
}
