/**
 * A generic Thrift compact-protocol codec: enough to read a Parquet footer (`FileMetaData`) into
 * a tree of typed values, change a few fields, and write it back byte-compatible. Fields keep
 * their ids and wire types, so unknown fields survive a round trip untouched.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { ByteSink } from './byte-sink.js';

/** Compact-protocol wire types. */
export const TType = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

/** A decoded value: numbers for integers up to 32 bits, bigint for i64. */
export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftStruct | ThriftEncodedStruct | ThriftList | ThriftMap;

/** A struct: its fields by id, each with its wire type. */
export interface ThriftStruct {
  readonly kind: 'struct';
  readonly fields: Map<number, { type: number; value: ThriftValue }>;
}

/**
 * A struct already encoded ({@link writeThriftStruct}'s bytes), written as is wherever a struct
 * goes: a large list can be encoded item by item as the items come, and joined at the end.
 */
export interface ThriftEncodedStruct {
  readonly kind: 'encoded';
  readonly bytes: Uint8Array;
}

/** A list or set. */
export interface ThriftList {
  readonly kind: 'list';
  readonly setType: boolean;
  readonly elementType: number;
  readonly items: ThriftValue[];
}

/** A map. */
export interface ThriftMap {
  readonly kind: 'map';
  readonly keyType: number;
  readonly valueType: number;
  readonly entries: [ThriftValue, ThriftValue][];
}

const MAX_DEPTH = 64;
const EMPTY: ReadonlySet<number> = new Set();

class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  fail(): never {
    throw new ArrowSusError('CACHE_CORRUPT', `thrift: malformed compact-protocol data at byte ${this.offset}`);
  }

  byte(): number {
    if (this.offset >= this.bytes.length) this.fail();
    return this.bytes[this.offset++]!;
  }

  /** A list or set header: element count (bounded by the input's length) and element type. */
  listHeader(): { size: number; elementType: number } {
    const header = this.byte();
    let size = header >> 4;
    if (size === 15) size = this.varintNumber();
    if (size > this.bytes.length) this.fail();
    return { size, elementType: header & 0x0f };
  }

  /** An unsigned varint as a number (up to 2^53; footers hold lengths, counts and offsets). */
  varintNumber(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    return this.fail();
  }

  varint(): bigint {
    const start = this.offset;
    // Numbers while the value fits in 53 bits (every real footer): one BigInt per value, not per byte.
    for (let i = 0; i < 7; i++) {
      const b = this.byte();
      if ((b & 0x80) === 0) {
        this.offset = start;
        return BigInt(this.varintNumber());
      }
    }
    this.offset = start;
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    return this.fail();
  }

  zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  /** A zigzag varint of at most 32 bits (i16, i32, field ids). */
  zigzag32(): number {
    const n = this.varintNumber();
    if (n > 0xffffffff) this.fail();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  value(type: number, depth: number): ThriftValue {
    if (depth > MAX_DEPTH) this.fail();
    switch (type) {
      case TType.TRUE:
        return true;
      case TType.FALSE:
        return false;
      case TType.BYTE:
        return (this.byte() << 24) >> 24;
      case TType.I16:
      case TType.I32:
        return this.zigzag32();
      case TType.I64:
        return this.zigzag();
      case TType.DOUBLE: {
        if (this.offset + 8 > this.bytes.length) this.fail();
        const value = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 8).getFloat64(0, true);
        this.offset += 8;
        return value;
      }
      case TType.BINARY: {
        const length = this.varintNumber();
        if (this.offset + length > this.bytes.length) this.fail();
        const value = this.bytes.slice(this.offset, this.offset + length);
        this.offset += length;
        return value;
      }
      case TType.LIST:
      case TType.SET: {
        const { size, elementType } = this.listHeader();
        const items: ThriftValue[] = [];
        for (let i = 0; i < size; i++) items.push(elementType === TType.TRUE || elementType === TType.FALSE ? this.byte() === 1 : this.value(elementType, depth + 1));
        return { kind: 'list', setType: type === TType.SET, elementType, items };
      }
      case TType.MAP: {
        const size = this.varintNumber();
        if (size > this.bytes.length) this.fail();
        if (size === 0) return { kind: 'map', keyType: 0, valueType: 0, entries: [] };
        const types = this.byte();
        const keyType = types >> 4;
        const valueType = types & 0x0f;
        const entries: [ThriftValue, ThriftValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(keyType, depth + 1), this.value(valueType, depth + 1)]);
        return { kind: 'map', keyType, valueType, entries };
      }
      case TType.STRUCT:
        return this.struct(depth + 1);
      default:
        return this.fail();
    }
  }

  struct(depth = 0, only?: ReadonlySet<number>): ThriftStruct {
    const fields = new Map<number, { type: number; value: ThriftValue }>();
    let last = 0;
    while (true) {
      const header = this.byte();
      if (header === 0) return { kind: 'struct', fields };
      const delta = header >> 4;
      const type = header & 0x0f;
      const id = delta === 0 ? this.zigzag32() : last + delta;
      last = id;
      if (only !== undefined && !only.has(id)) this.skip(type, depth);
      else fields.set(id, { type, value: this.value(type, depth) });
    }
  }

  /** Walks over a value without building it (still checking it is well formed). */
  skip(type: number, depth: number): void {
    if (depth > MAX_DEPTH) this.fail();
    switch (type) {
      case TType.TRUE:
      case TType.FALSE:
        return;
      case TType.BYTE:
        this.byte();
        return;
      case TType.I16:
      case TType.I32:
      case TType.I64:
        while ((this.byte() & 0x80) !== 0);
        return;
      case TType.DOUBLE:
        if (this.offset + 8 > this.bytes.length) this.fail();
        this.offset += 8;
        return;
      case TType.BINARY: {
        const length = this.varintNumber();
        if (this.offset + length > this.bytes.length) this.fail();
        this.offset += length;
        return;
      }
      case TType.LIST:
      case TType.SET: {
        const { size, elementType } = this.listHeader();
        for (let i = 0; i < size; i++) {
          if (elementType === TType.TRUE || elementType === TType.FALSE) this.byte();
          else this.skip(elementType, depth + 1);
        }
        return;
      }
      case TType.MAP: {
        const size = this.varintNumber();
        if (size > this.bytes.length) this.fail();
        if (size === 0) return;
        const types = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(types >> 4, depth + 1);
          this.skip(types & 0x0f, depth + 1);
        }
        return;
      }
      case TType.STRUCT:
        this.struct(depth + 1, EMPTY);
        return;
      default:
        this.fail();
    }
  }
}

class Writer extends ByteSink {
  constructor() {
    super(1024);
  }

  /** An unsigned varint of an i64 (values below 2^53 take the number path). */
  varintBig(value: bigint): void {
    if (value < 9007199254740992n) {
      this.varint(Number(value));
      return;
    }
    let n = value;
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n !== 0n) b |= 0x80;
      this.u8(b);
    } while (n !== 0n);
  }

  zigzag(value: bigint): void {
    this.varintBig(value >= 0n ? value << 1n : ((-value) << 1n) - 1n);
  }

  value(type: number, value: ThriftValue): void {
    switch (type) {
      case TType.TRUE:
      case TType.FALSE:
        return; // carried by the field header
      case TType.BYTE:
        this.u8((value as number) & 0xff);
        return;
      case TType.I16:
      case TType.I32:
        this.zigzagVarint(value as number);
        return;
      case TType.I64:
        this.zigzag(value as bigint);
        return;
      case TType.DOUBLE: {
        const bytes = new Uint8Array(8);
        new DataView(bytes.buffer).setFloat64(0, value as number, true);
        this.append(bytes);
        return;
      }
      case TType.BINARY: {
        const bytes = value as Uint8Array;
        this.varint(bytes.length);
        this.append(bytes);
        return;
      }
      case TType.LIST:
      case TType.SET: {
        const list = value as ThriftList;
        const size = list.items.length;
        if (size < 15) this.u8((size << 4) | list.elementType);
        else {
          this.u8(0xf0 | list.elementType);
          this.varint(size);
        }
        for (const item of list.items) {
          if (list.elementType === TType.TRUE || list.elementType === TType.FALSE) this.u8(item === true ? 1 : 2);
          else this.value(list.elementType, item);
        }
        return;
      }
      case TType.MAP: {
        const map = value as ThriftMap;
        this.varint(map.entries.length);
        if (map.entries.length === 0) return;
        this.u8((map.keyType << 4) | map.valueType);
        for (const [k, v] of map.entries) {
          this.value(map.keyType, k);
          this.value(map.valueType, v);
        }
        return;
      }
      case TType.STRUCT:
        if ((value as ThriftStruct | ThriftEncodedStruct).kind === 'encoded') this.append((value as ThriftEncodedStruct).bytes);
        else this.struct(value as ThriftStruct);
        return;
      default:
        throw new ArrowSusError('INTERNAL', `thrift: cannot write wire type ${type}`);
    }
  }

  struct(struct: ThriftStruct): void {
    let last = 0;
    // Fields go out in id order. Decoded structs hold them in that order already (a footer has tens
    // of thousands of structs: sorting each one's keys was most of the footer rewrite of a join).
    let ordered = true;
    let previous = -Infinity;
    for (const id of struct.fields.keys()) {
      if (id < previous) {
        ordered = false;
        break;
      }
      previous = id;
    }
    const ids = ordered ? struct.fields.keys() : [...struct.fields.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      const field = struct.fields.get(id)!;
      let type = field.type;
      if (type === TType.TRUE || type === TType.FALSE) type = field.value === true ? TType.TRUE : TType.FALSE;
      const delta = id - last;
      if (delta > 0 && delta <= 15) this.u8((delta << 4) | type);
      else {
        this.u8(type);
        this.zigzagVarint(id);
      }
      this.value(type, field.value);
      last = id;
    }
    this.u8(0);
  }
}

/**
 * Decodes one compact-protocol struct. Throws `CACHE_CORRUPT` on malformed input. With `only`, the
 * struct's other fields are walked over without being built (a footer's key/value metadata without
 * its row groups).
 *
 * @example
 * ```ts
 * const footer = readThriftStruct(footerBytes);
 * const keyValues = readThriftStruct(footerBytes, new Set([5]));
 * ```
 */
export function readThriftStruct(bytes: Uint8Array, only?: ReadonlySet<number>): ThriftStruct {
  return new Reader(bytes).struct(0, only);
}

/**
 * Encodes a struct (as decoded by {@link readThriftStruct}, possibly changed).
 *
 * @example
 * ```ts
 * const bytes = writeThriftStruct(footer);
 * ```
 */
export function writeThriftStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.copy();
}
