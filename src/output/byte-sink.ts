/**
 * A growable little-endian byte buffer: where the Parquet encoder and the Thrift compact-protocol
 * writer append bytes.
 *
 * @module
 */

/**
 * Bytes appended at the end, growing by doubling. `bytes()` is a view valid until the next write;
 * `reset()` keeps the storage for the next page.
 *
 * @example
 * ```ts
 * const sink = new ByteSink();
 * sink.u32(3);
 * sink.append(new TextEncoder().encode('abc'));
 * sink.appendRange(new Uint8Array([1, 2, 3]), 1, 3);
 * sink.bytes(); // Uint8Array(9) [3, 0, 0, 0, 97, 98, 99, 2, 3]
 * ```
 */
export class ByteSink {
  buffer: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 12) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  u8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  u32(value: number): void {
    this.reserve(4);
    const b = this.buffer;
    let n = this.length;
    b[n++] = value & 0xff;
    b[n++] = (value >>> 8) & 0xff;
    b[n++] = (value >>> 16) & 0xff;
    b[n++] = (value >>> 24) & 0xff;
    this.length = n;
  }

  /** An unsigned LEB128 varint (up to 2^53). */
  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }

  /** A zigzag varint: a signed integer up to ±2^52, small magnitudes in few bytes. */
  zigzagVarint(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /**
   * Appends `bytes[start … end)` without making a view of it (a view is an object on the heap: the
   * encoder appends millions of short strings per file).
   */
  appendRange(bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    this.reserve(length);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = start; i < end; i++) buffer[at++] = bytes[i]!;
    this.length = at;
  }

  /** The bytes written so far (a view: valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** A copy of the bytes written so far. */
  copy(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}
