/**
 * An Arrow IPC schema message (the `ARROW:schema` entry of a Parquet footer) written directly,
 * for the flat column types the Parquet encoder takes.
 *
 * apache-arrow writes it through its generic FlatBuffers builder, thousands of small calls for a
 * 113-column SIH schema with per-field metadata: per file that is a few milliseconds, but hot
 * enough for V8 to optimise the builder in every worker thread (~60 ms of compilation each). This
 * writer lays the FlatBuffer out front to back instead — each table's vtable just before it, every
 * string, vector and table after what refers to it, so all offsets point forward as the format
 * requires — and covers what `canEncodeParquet` accepts; other schemas return `undefined`.
 *
 * @module
 */
import { Type } from 'apache-arrow';
import type { DataType, Field, Schema } from 'apache-arrow';
import { ByteSink } from '../byte-sink.js';

// FlatBuffers union tags of Schema.fbs / Message.fbs.
const HEADER_SCHEMA = 1;
const TYPE_INT = 2;
const TYPE_FLOAT = 3;
const TYPE_BINARY = 4;
const TYPE_UTF8 = 5;
const TYPE_BOOL = 6;
const TYPE_DATE = 8;
const METADATA_V5 = 4;

/** A table's inline fields by vtable slot: scalars, or children written after the table. */
type Slot =
  | { readonly kind: 'u8' | 'i16' | 'i32'; readonly value: number }
  | { readonly kind: 'child'; readonly write: (out: Writer) => number };

class Writer extends ByteSink {
  #view: DataView | undefined;

  constructor() {
    super(1 << 14);
  }

  /** A view of the current storage (a new one once the sink has grown). */
  get view(): DataView {
    if (this.#view?.buffer !== this.buffer.buffer) this.#view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    return this.#view;
  }

  /** Pads with zeros until `(length + bias) % size === 0`. */
  align(size: number, bias = 0): void {
    const padding = (size - ((this.length + bias) % size)) % size;
    this.reserve(padding);
    this.buffer.fill(0, this.length, this.length + padding);
    this.length += padding;
  }

  /** A 4-byte little-endian value; returns where it is. */
  slot(value: number): number {
    const at = this.length;
    this.u32(value);
    return at;
  }

  /** Points the 4-byte offset slot at `slot` to `target` (further on). */
  patch(slot: number, target: number): void {
    this.view.setUint32(slot, target - slot, true);
  }

  /** A string: its length, UTF-8 bytes and a terminating zero; returns where it starts. */
  string(text: string): number {
    const encoded = ENCODER.encode(text);
    this.align(4);
    const at = this.slot(encoded.length);
    this.append(encoded);
    this.u8(0);
    return at;
  }

  /** A vector of offsets to `items`, each written after the vector by `write`; returns its start. */
  vector<T>(items: readonly T[], write: (out: Writer, item: T) => number): number {
    this.align(4);
    const at = this.slot(items.length);
    const slots = items.map(() => this.slot(0));
    items.forEach((item, index) => this.patch(slots[index]!, write(this, item)));
    return at;
  }

  /** A table with `slots` (vtable slot order, `undefined` for absent fields); returns its start. */
  table(slots: readonly (Slot | undefined)[]): number {
    // Inline layout: the vtable offset, then 4-byte fields (scalars and child offsets), 2-byte,
    // 1-byte — each aligned within a 4-aligned table.
    const placed: { slot: number; field: Slot; at: number }[] = [];
    let size = 4;
    for (const width of [4, 2, 1]) {
      slots.forEach((field, slot) => {
        if (field === undefined || fieldWidth(field) !== width) return;
        placed.push({ slot, field, at: size });
        size += width;
      });
    }
    size = (size + 3) & ~3;
    const vtableBytes = 4 + 2 * slots.length;
    // The vtable (2-aligned) just before the table (4-aligned).
    this.align(4, vtableBytes);
    this.reserve(vtableBytes + size);
    const vtable = this.length;
    this.view.setUint16(vtable, vtableBytes, true);
    this.view.setUint16(vtable + 2, size, true);
    for (let slot = 0; slot < slots.length; slot++) this.view.setUint16(vtable + 4 + 2 * slot, 0, true);
    const table = vtable + vtableBytes;
    this.buffer.fill(0, table, table + size);
    this.view.setInt32(table, table - vtable, true);
    for (const { slot, field, at } of placed) {
      this.view.setUint16(vtable + 4 + 2 * slot, at, true);
      if (field.kind === 'u8') this.view.setUint8(table + at, field.value);
      else if (field.kind === 'i16') this.view.setInt16(table + at, field.value, true);
      else if (field.kind === 'i32') this.view.setInt32(table + at, field.value, true);
    }
    this.length = table + size;
    for (const { field, at } of placed) if (field.kind === 'child') this.patch(table + at, field.write(this));
    return table;
  }
}

const ENCODER = new TextEncoder();

function fieldWidth(field: Slot): number {
  return field.kind === 'u8' ? 1 : field.kind === 'i16' ? 2 : 4;
}

/** The FlatBuffers `Type` union tag and table of a flat type, or undefined for others. */
function typeTable(type: DataType): { tag: number; slots: (Slot | undefined)[] } | undefined {
  switch (type.typeId) {
    case Type.Utf8:
      return { tag: TYPE_UTF8, slots: [] };
    case Type.Binary:
      return { tag: TYPE_BINARY, slots: [] };
    case Type.Bool:
      return { tag: TYPE_BOOL, slots: [] };
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      return { tag: TYPE_INT, slots: [{ kind: 'i32', value: bitWidth }, { kind: 'u8', value: isSigned ? 1 : 0 }] };
    }
    case Type.Float: {
      const { precision } = type as unknown as { precision: number };
      return { tag: TYPE_FLOAT, slots: [{ kind: 'i16', value: precision }] };
    }
    case Type.Date: {
      const { unit } = type as unknown as { unit: number };
      return { tag: TYPE_DATE, slots: [{ kind: 'i16', value: unit }] };
    }
    default:
      return undefined;
  }
}

function keyValues(metadata: ReadonlyMap<string, string>): Slot | undefined {
  if (metadata.size === 0) return undefined;
  const entries = [...metadata];
  return {
    kind: 'child',
    write: (out) =>
      out.vector(entries, (o, [key, value]) =>
        o.table([
          { kind: 'child', write: (w) => w.string(key) },
          { kind: 'child', write: (w) => w.string(value) },
        ]),
      ),
  };
}

/**
 * The encapsulated IPC message (continuation marker, metadata length, FlatBuffer, padding to 8
 * bytes) describing `schema`, as apache-arrow's stream writer begins a stream — or `undefined`
 * when a column's type is not one of Utf8, Binary, Bool, Int, Float and Date.
 *
 * @example
 * ```ts
 * const message = schemaMessage(schema);
 * new MessageReader(message!).readSchema(); // the same fields, types and metadata
 * ```
 */
export function schemaMessage(schema: Schema): Uint8Array | undefined {
  const types = schema.fields.map((field) => typeTable(field.type));
  if (types.some((type) => type === undefined)) return undefined;
  const out = new Writer();
  // Encapsulation prefix, then the FlatBuffer: its root offset, then the Message table.
  out.u32(0xffffffff);
  const lengthAt = out.slot(0);
  const start = out.length;
  const root = out.slot(0);
  const fieldTable = (w: Writer, [field, index]: [Field, number]): number => {
    const type = types[index]!;
    return w.table([
      { kind: 'child', write: (o) => o.string(field.name) },
      field.nullable ? { kind: 'u8', value: 1 } : undefined,
      { kind: 'u8', value: type.tag },
      { kind: 'child', write: (o) => o.table(type.slots) },
      undefined,
      // Arrow C++ requires the children vector, even empty.
      { kind: 'child', write: (o) => o.vector([], () => 0) },
      keyValues(field.metadata),
    ]);
  };
  const message = out.table([
    { kind: 'i16', value: METADATA_V5 },
    { kind: 'u8', value: HEADER_SCHEMA },
    {
      kind: 'child',
      write: (w) =>
        w.table([
          undefined, // endianness: little (the default)
          { kind: 'child', write: (o) => o.vector(schema.fields.map((field, index) => [field, index] as [Field, number]), fieldTable) },
          keyValues(schema.metadata),
        ]),
    },
  ]);
  // The FlatBuffer's root: relative to where the root offset itself sits (the buffer's start).
  out.view.setUint32(root, message - start, true);
  out.align(8);
  out.view.setInt32(lengthAt, out.length - start, true);
  return out.copy();
}
