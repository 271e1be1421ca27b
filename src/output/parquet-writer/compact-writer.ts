/**
 * A Thrift compact-protocol writer that emits bytes directly, for the structs the encoder writes
 * many of (page headers, column metadata, the footer). The generic codec in `thrift-compact.ts`
 * builds a tree first; here fields go straight to bytes, in id order, which the caller keeps.
 *
 * @module
 */
import { ByteSink } from '../byte-sink.js';

/**
 * Compact-protocol wire types used by Parquet's structs.
 *
 * @example
 * ```ts
 * out.beginList(2, CType.I32, encodings.length);
 * ```
 */
export const CType = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

/**
 * Writes one struct (and nested ones). Fields must be written in increasing id order within each
 * struct.
 *
 * @example
 * ```ts
 * const out = new CompactWriter();
 * out.i32(1, 0);
 * out.beginStruct(5);
 * out.i32(1, 20_000);
 * out.endStruct();
 * out.end();
 * out.copy(); // the encoded struct
 * ```
 */
export class CompactWriter extends ByteSink {
  #last = 0;
  readonly #stack: number[] = [];

  #field(id: number, type: number): void {
    const delta = id - this.#last;
    if (delta > 0 && delta <= 15) this.u8((delta << 4) | type);
    else {
      this.u8(type);
      this.zigzagVarint(id);
    }
    this.#last = id;
  }

  i32(id: number, value: number): void {
    this.#field(id, CType.I32);
    this.zigzagVarint(value);
  }

  i16(id: number, value: number): void {
    this.#field(id, CType.I16);
    this.zigzagVarint(value);
  }

  /** An i64 field from a number (exact up to 2^53). */
  i64(id: number, value: number): void {
    this.#field(id, CType.I64);
    this.zigzagVarint(value);
  }

  byte(id: number, value: number): void {
    this.#field(id, CType.BYTE);
    this.u8(value & 0xff);
  }

  bool(id: number, value: boolean): void {
    this.#field(id, value ? CType.TRUE : CType.FALSE);
  }

  binary(id: number, bytes: Uint8Array): void {
    this.#field(id, CType.BINARY);
    this.varint(bytes.length);
    this.append(bytes);
  }

  beginStruct(id: number): void {
    this.#field(id, CType.STRUCT);
    this.#stack.push(this.#last);
    this.#last = 0;
  }

  endStruct(): void {
    this.u8(0);
    this.#last = this.#stack.pop() ?? 0;
  }

  /** A list field's header; then write `size` elements with the `item*` methods. */
  beginList(id: number, elementType: number, size: number): void {
    this.#field(id, CType.LIST);
    if (size < 15) this.u8((size << 4) | elementType);
    else {
      this.u8(0xf0 | elementType);
      this.varint(size);
    }
  }

  itemI32(value: number): void {
    this.zigzagVarint(value);
  }

  itemBinary(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.append(bytes);
  }

  /** A struct element of a list: its fields, then {@link endStruct}. */
  beginItemStruct(): void {
    this.#stack.push(this.#last);
    this.#last = 0;
  }

  /** Ends the top-level struct. */
  end(): void {
    this.u8(0);
  }

  override reset(): void {
    super.reset();
    this.#last = 0;
    this.#stack.length = 0;
  }
}
