/**
 * DuckDB result chunks → Arrow record batches, without going through JS values. The Node client
 * has no Arrow export, and reading cell by cell costs ~1 µs a value; instead each column's memory
 * is copied as a block: fixed-width values with one `TypedArray.set`, the validity mask as bytes
 * (DuckDB's 64-bit little-endian words have Arrow's bit order), and VARCHAR by walking the 16-byte
 * `string_t` slots (inline up to 12 bytes, else a pointer read through the bindings).
 *
 * Types: BOOLEAN→Bool, TINYINT…BIGINT→Int8…Int64, UTINYINT…UBIGINT→Uint8…Uint64, FLOAT→Float32,
 * DOUBLE→Float64, DATE→Date32 (days), TIMESTAMP[_S|_MS|_NS|_TZ]→Timestamp (same unit; TZ as UTC),
 * TIME→Time64 µs, VARCHAR→Utf8, BLOB→Binary, ENUM→Utf8, SQLNULL→Null, HUGEINT→Int64 (an overflow
 * is an `ENGINE_FAILED` naming the column: CAST it to DOUBLE), DECIMAL→Float64 (value ÷ 10^scale;
 * exact for DataSUS money columns, which have 2 decimals and fit 15 digits). Any other type (LIST,
 * STRUCT, INTERVAL, UUID …) becomes Utf8 holding DuckDB's text of the value.
 *
 * Memory: one output batch of `batchRows` rows (default 65,536) at a time.
 *
 * @module
 */
import {
  Binary,
  Bool,
  DateDay,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  Null,
  RecordBatch,
  Schema,
  Struct,
  TimeMicrosecond,
  Timestamp,
  TimeUnit,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  makeData,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { DuckDBDataChunk, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { ArrowSusError } from '../../errors.js';
import { bindings } from './load.js';

// Type ids of @duckdb/node-api's DuckDBTypeId (a const enum we cannot import under verbatimModuleSyntax).
const T = {
  BOOLEAN: 1, TINYINT: 2, SMALLINT: 3, INTEGER: 4, BIGINT: 5, UTINYINT: 6, USMALLINT: 7, UINTEGER: 8, UBIGINT: 9,
  FLOAT: 10, DOUBLE: 11, TIMESTAMP: 12, DATE: 13, TIME: 14, HUGEINT: 16, VARCHAR: 17, BLOB: 18, DECIMAL: 19,
  TIMESTAMP_S: 20, TIMESTAMP_MS: 21, TIMESTAMP_NS: 22, ENUM: 23, TIMESTAMP_TZ: 31, SQLNULL: 36,
} as const;

type Fixed = Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array | Float32Array | Float64Array;
type FixedConstructor = { new (length: number): Fixed; BYTES_PER_ELEMENT: number };

interface ColumnPlan {
  readonly name: string;
  readonly type: DataType;
  readonly kind: 'fixed' | 'bool' | 'string' | 'hugeint' | 'decimal' | 'enum' | 'null' | 'text';
  readonly array?: FixedConstructor;
  /** Bytes per source value (DECIMAL storage width, ENUM index width). */
  readonly width?: number;
  readonly scale?: number;
  readonly enumValues?: readonly string[];
}

function planColumn(name: string, type: DuckDBType): ColumnPlan {
  const fixed = (arrow: DataType, array: FixedConstructor): ColumnPlan => ({ name, type: arrow, kind: 'fixed', array });
  switch (type.typeId as number) {
    case T.BOOLEAN: return { name, type: new Bool(), kind: 'bool' };
    case T.TINYINT: return fixed(new Int8(), Int8Array);
    case T.SMALLINT: return fixed(new Int16(), Int16Array);
    case T.INTEGER: return fixed(new Int32(), Int32Array);
    case T.BIGINT: return fixed(new Int64(), BigInt64Array);
    case T.UTINYINT: return fixed(new Uint8(), Uint8Array);
    case T.USMALLINT: return fixed(new Uint16(), Uint16Array);
    case T.UINTEGER: return fixed(new Uint32(), Uint32Array);
    case T.UBIGINT: return fixed(new Uint64(), BigUint64Array);
    case T.FLOAT: return fixed(new Float32(), Float32Array);
    case T.DOUBLE: return fixed(new Float64(), Float64Array);
    case T.DATE: return fixed(new DateDay(), Int32Array);
    case T.TIMESTAMP: return fixed(new Timestamp(TimeUnit.MICROSECOND), BigInt64Array);
    case T.TIMESTAMP_TZ: return fixed(new Timestamp(TimeUnit.MICROSECOND, 'UTC'), BigInt64Array);
    case T.TIMESTAMP_S: return fixed(new Timestamp(TimeUnit.SECOND), BigInt64Array);
    case T.TIMESTAMP_MS: return fixed(new Timestamp(TimeUnit.MILLISECOND), BigInt64Array);
    case T.TIMESTAMP_NS: return fixed(new Timestamp(TimeUnit.NANOSECOND), BigInt64Array);
    case T.TIME: return fixed(new TimeMicrosecond(), BigInt64Array);
    case T.HUGEINT: return { name, type: new Int64(), kind: 'hugeint' };
    case T.VARCHAR: return { name, type: new Utf8(), kind: 'string' };
    case T.BLOB: return { name, type: new Binary(), kind: 'string' };
    case T.SQLNULL: return { name, type: new Null(), kind: 'null' };
    case T.DECIMAL: {
      const { width, scale } = type as unknown as { width: number; scale: number };
      return { name, type: new Float64(), kind: 'decimal', width: width <= 4 ? 2 : width <= 9 ? 4 : width <= 18 ? 8 : 16, scale };
    }
    case T.ENUM: {
      const values = (type as unknown as { values: readonly string[] }).values;
      return { name, type: new Utf8(), kind: 'enum', enumValues: values, width: values.length <= 0xff ? 1 : values.length <= 0xffff ? 2 : 4 };
    }
    default: return { name, type: new Utf8(), kind: 'text' };
  }
}

const encoder = new TextEncoder();

/** Accumulates one column over several chunks until a batch is full. */
class ColumnBuilder {
  readonly plan: ColumnPlan;
  #capacity: number;
  #values: Fixed | undefined;
  #validity: Uint8Array;
  #nulls = 0;
  #offsets: Int32Array | undefined;
  #bytes: Uint8Array = new Uint8Array(0);
  #byteLength = 0;

  constructor(plan: ColumnPlan, capacity: number) {
    this.plan = plan;
    this.#capacity = capacity;
    this.#validity = new Uint8Array(Math.ceil(capacity / 8));
    this.#reset();
  }

  #reset(): void {
    const capacity = this.#capacity;
    this.#validity = new Uint8Array(Math.ceil(capacity / 8));
    this.#nulls = 0;
    const kind = this.plan.kind;
    if (kind === 'fixed') this.#values = new this.plan.array!(capacity);
    else if (kind === 'hugeint') this.#values = new BigInt64Array(capacity);
    else if (kind === 'decimal') this.#values = new Float64Array(capacity);
    else if (kind === 'bool') this.#values = new Uint8Array(Math.ceil(capacity / 8));
    if (kind === 'string' || kind === 'enum' || kind === 'text') {
      this.#offsets = new Int32Array(capacity + 1);
      if (this.#bytes.length === 0) this.#bytes = new Uint8Array(capacity * 8);
      this.#byteLength = 0;
    }
  }

  /** Appends `count` rows of a DuckDB vector at row `at` of the batch. */
  append(chunk: DuckDBDataChunk, column: number, count: number, at: number): void {
    const raw = bindings().data_chunk_get_vector(chunk.chunk, column);
    const nulls = this.#copyValidity(raw, count, at);
    this.#nulls += nulls;
    const kind = this.plan.kind;
    if (kind === 'null') return;
    if (kind === 'fixed') {
      const width = this.plan.array!.BYTES_PER_ELEMENT;
      const bytes = bindings().vector_get_data(raw, count * width);
      const values = this.#values!;
      new Uint8Array(values.buffer, values.byteOffset + at * width, count * width).set(bytes.subarray(0, count * width));
      return;
    }
    if (kind === 'bool') {
      const bytes = bindings().vector_get_data(raw, count);
      const bits = this.#values as Uint8Array;
      for (let i = 0; i < count; i++) if (bytes[i] !== 0) bits[(at + i) >> 3]! |= 1 << ((at + i) & 7);
      return;
    }
    if (kind === 'hugeint') {
      const words = new BigInt64Array(count * 2);
      new Uint8Array(words.buffer).set(bindings().vector_get_data(raw, count * 16).subarray(0, count * 16));
      const out = this.#values as BigInt64Array;
      for (let i = 0; i < count; i++) {
        const low = words[2 * i]!;
        const high = words[2 * i + 1]!;
        // Fits in Int64 exactly when the high word is the low word's sign extension.
        if (high !== (low < 0n ? -1n : 0n) && this.#valid(at + i)) {
          throw new ArrowSusError('ENGINE_FAILED', `query: column "${this.plan.name}" holds a HUGEINT beyond 64 bits (CAST it to DOUBLE)`);
        }
        out[at + i] = low;
      }
      return;
    }
    if (kind === 'decimal') {
      const width = this.plan.width!;
      const bytes = bindings().vector_get_data(raw, count * width);
      const view = new DataView(bytes.buffer, bytes.byteOffset, count * width);
      const out = this.#values as Float64Array;
      const divisor = 10 ** (this.plan.scale ?? 0);
      for (let i = 0; i < count; i++) {
        let value: number;
        if (width === 2) value = view.getInt16(i * 2, true);
        else if (width === 4) value = view.getInt32(i * 4, true);
        else if (width === 8) value = Number(view.getBigInt64(i * 8, true));
        else value = Number((view.getBigInt64(i * 16 + 8, true) << 64n) | view.getBigUint64(i * 16, true));
        out[at + i] = value / divisor;
      }
      return;
    }
    if (kind === 'string') return this.#appendStrings(raw, count, at);
    // ENUM and other types: text per value (rare in results; correctness over speed).
    if (kind === 'enum') {
      const width = this.plan.width!;
      const bytes = bindings().vector_get_data(raw, count * width);
      const view = new DataView(bytes.buffer, bytes.byteOffset, count * width);
      for (let i = 0; i < count; i++) {
        const index = width === 1 ? view.getUint8(i) : width === 2 ? view.getUint16(i * 2, true) : view.getUint32(i * 4, true);
        this.#pushText(this.#valid(at + i) ? (this.plan.enumValues![index] ?? '') : '', at + i);
      }
      return;
    }
    const vector = chunk.getColumnVector(column);
    for (let i = 0; i < count; i++) {
      const value = this.#valid(at + i) ? vector.getItem(i) : null;
      this.#pushText(value === null ? '' : String(value), at + i);
    }
  }

  #valid(row: number): boolean {
    return ((this.#validity[row >> 3]! >> (row & 7)) & 1) === 1;
  }

  #copyValidity(raw: unknown, count: number, at: number): number {
    const words = Math.ceil(count / 64);
    const mask = bindings().vector_get_validity(raw, words * 8) as Uint8Array | null;
    const out = this.#validity;
    if (mask === null || mask === undefined || mask.length === 0) {
      // No mask: every value is valid.
      for (let i = 0; i < count; i++) out[(at + i) >> 3]! |= 1 << ((at + i) & 7);
      return 0;
    }
    let nulls = 0;
    if ((at & 7) === 0) {
      const whole = count >> 3;
      out.set(mask.subarray(0, whole), at >> 3);
      for (let b = 0; b < whole; b++) nulls += 8 - popcount(mask[b]!);
      for (let i = whole * 8; i < count; i++) {
        if ((mask[i >> 3]! >> (i & 7)) & 1) out[(at + i) >> 3]! |= 1 << ((at + i) & 7);
        else nulls++;
      }
      return nulls;
    }
    for (let i = 0; i < count; i++) {
      if ((mask[i >> 3]! >> (i & 7)) & 1) out[(at + i) >> 3]! |= 1 << ((at + i) & 7);
      else nulls++;
    }
    return nulls;
  }

  #reserve(extra: number): void {
    const need = this.#byteLength + extra;
    if (need <= this.#bytes.length) return;
    const next = new Uint8Array(Math.max(need, this.#bytes.length * 2));
    next.set(this.#bytes.subarray(0, this.#byteLength));
    this.#bytes = next;
  }

  #pushText(text: string, row: number): void {
    const encoded = encoder.encode(text);
    this.#reserve(encoded.length);
    this.#bytes.set(encoded, this.#byteLength);
    this.#byteLength += encoded.length;
    this.#offsets![row + 1] = this.#byteLength;
  }

  #appendStrings(raw: unknown, count: number, at: number): void {
    const slots = bindings().vector_get_data(raw, count * 16);
    const view = new DataView(slots.buffer, slots.byteOffset, count * 16);
    const offsets = this.#offsets!;
    const validity = this.#validity;
    this.#reserve(count * 12);
    let bytes = this.#bytes;
    let length = this.#byteLength;
    for (let i = 0; i < count; i++) {
      const row = at + i;
      if (((validity[row >> 3]! >> (row & 7)) & 1) === 1) {
        const size = view.getUint32(i * 16, true);
        if (size <= 12) {
          if (length + size > bytes.length) {
            this.#byteLength = length;
            this.#reserve(size + (count - i) * 12);
            bytes = this.#bytes;
          }
          for (let k = 0; k < size; k++) bytes[length + k] = slots[i * 16 + 4 + k]!;
          length += size;
        } else {
          const data = bindings().get_data_from_pointer(slots.buffer as ArrayBuffer, slots.byteOffset + i * 16 + 8, size);
          if (length + size > bytes.length) {
            this.#byteLength = length;
            this.#reserve(size + (count - i) * 12);
            bytes = this.#bytes;
          }
          bytes.set(data, length);
          length += size;
        }
      }
      offsets[row + 1] = length;
    }
    this.#byteLength = length;
  }

  /** The column's data for the first `length` rows, then a fresh builder state. */
  finish(length: number): Data {
    const type = this.plan.type;
    const nullCount = this.#nulls;
    const nullBitmap = nullCount > 0 ? this.#validity.slice(0, Math.ceil(length / 8)) : new Uint8Array(0);
    let data: Data;
    const kind = this.plan.kind;
    if (kind === 'null') data = makeData({ type: type as Null, length, nullCount: length });
    else if (kind === 'string' || kind === 'enum' || kind === 'text') {
      data = makeData({
        type: type as Utf8,
        length,
        nullCount,
        nullBitmap,
        valueOffsets: this.#offsets!.slice(0, length + 1),
        data: this.#bytes.slice(0, this.#byteLength),
      });
    } else if (kind === 'bool') {
      data = makeData({ type: type as Bool, length, nullCount, nullBitmap, data: (this.#values as Uint8Array).slice(0, Math.ceil(length / 8)) });
    } else {
      const values = this.#values!;
      data = makeData({ type: type as Int32, length, nullCount, nullBitmap, data: (length === values.length ? values : values.slice(0, length)) as Int32Array });
    }
    this.#reset();
    return data;
  }
}

function popcount(byte: number): number {
  let n = byte - ((byte >> 1) & 0x55);
  n = (n & 0x33) + ((n >> 2) & 0x33);
  return (n + (n >> 4)) & 0x0f;
}

/**
 * The Arrow schema of a DuckDB result (column names as DuckDB gives them; duplicates get `_1`, `_2`).
 *
 * @example
 * ```ts
 * const schema = resultSchema(await connection.stream('SELECT 1 AS x'));
 * ```
 */
export function resultSchema(result: DuckDBResult): Schema {
  const names = result.deduplicatedColumnNames();
  return new Schema(result.columnTypes().map((type, i) => new Field(names[i] ?? `column${i}`, planColumn(names[i] ?? '', type).type, true)));
}

/**
 * Streams a DuckDB result as Arrow record batches of up to `batchRows` rows.
 *
 * @example
 * ```ts
 * for await (const batch of resultToArrow(await connection.stream(sql))) console.log(batch.numRows);
 * ```
 */
export async function* resultToArrow(result: DuckDBResult, options: { batchRows?: number; signal?: AbortSignal } = {}): AsyncGenerator<RecordBatch> {
  const batchRows = Math.max(2048, options.batchRows ?? 65_536);
  const schema = resultSchema(result);
  const names = result.deduplicatedColumnNames();
  const builders = result.columnTypes().map((type, i) => new ColumnBuilder(planColumn(names[i] ?? '', type), batchRows));
  const struct = new Struct(schema.fields);
  let rows = 0;
  const flush = (): RecordBatch => {
    const children = builders.map((builder) => builder.finish(rows));
    const batch = new RecordBatch(schema, makeData({ type: struct, length: rows, nullCount: 0, children }));
    rows = 0;
    return batch;
  };
  for (;;) {
    if (options.signal?.aborted === true) throw new ArrowSusError('ABORTED', 'query: aborted', { cause: options.signal.reason });
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    let offset = 0;
    const count = chunk.rowCount;
    // A chunk (≤ 2,048 rows) is never split: a batch is flushed before one would overflow it.
    if (rows + count > batchRows) yield flush();
    builders.forEach((builder, column) => builder.append(chunk, column, count, rows + offset));
    offset += count;
    rows += count;
  }
  if (rows > 0 || builders.length === 0) yield flush();
}
