/**
 * Column-chunk statistics: null count, minimum and maximum, in the byte forms Parquet stores
 * (PLAIN encoding of the physical type). Text and binary compare as unsigned bytes (Parquet's
 * order for UTF8 and byte arrays); floats ignore NaN and store a zero minimum as −0 and a zero
 * maximum as +0, as the format asks.
 *
 * @module
 */
import type { CompactWriter } from './compact-writer.js';
import type { ValueKind } from './schema.js';

/**
 * Compares byte strings in unsigned lexicographic order.
 *
 * @example
 * ```ts
 * compareBytes(Uint8Array.of(1), 0, 1, Uint8Array.of(1, 0)); // -1
 * ```
 */
export function compareBytes(a: Uint8Array, start: number, end: number, b: Uint8Array): number {
  const n = Math.min(end - start, b.length);
  for (let k = 0; k < n; k++) {
    const d = a[start + k]! - b[k]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return end - start - b.length;
}

/**
 * Running minimum and maximum of one column chunk, whatever its kind.
 *
 * @example
 * ```ts
 * const range = new ValueRange('int32');
 * range.offerNumber(3);
 * range.offerNumber(-1);
 * range.encode(); // { min: <ff ff ff ff>, max: <03 00 00 00> }
 * ```
 */
export class ValueRange {
  #minBytes: Uint8Array | undefined;
  #maxBytes: Uint8Array | undefined;
  #min = Infinity;
  #max = -Infinity;
  // int64 as (high signed, low unsigned) pairs.
  #minHigh = 0;
  #minLow = 0;
  #maxHigh = 0;
  #maxLow = 0;
  #seen = false;

  constructor(readonly kind: ValueKind) {}

  /** A byte-string value (bytes kind). */
  offerBytes(bytes: Uint8Array, start: number, end: number): void {
    if (this.#minBytes === undefined || compareBytes(bytes, start, end, this.#minBytes) < 0) this.#minBytes = bytes.slice(start, end);
    if (this.#maxBytes === undefined || compareBytes(bytes, start, end, this.#maxBytes) > 0) this.#maxBytes = bytes.slice(start, end);
  }

  /** A number (int32, small, float, double, bool as 0/1 kinds); NaN is ignored. */
  offerNumber(value: number): void {
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
  }

  /** A signed 64-bit value as its two 32-bit halves. */
  offerInt64(low: number, high: number): void {
    const lowU = low >>> 0;
    if (!this.#seen || high < this.#minHigh || (high === this.#minHigh && lowU < this.#minLow)) {
      this.#minHigh = high;
      this.#minLow = lowU;
    }
    if (!this.#seen || high > this.#maxHigh || (high === this.#maxHigh && lowU > this.#maxLow)) {
      this.#maxHigh = high;
      this.#maxLow = lowU;
    }
    this.#seen = true;
  }

  /** The PLAIN bytes of the minimum and maximum, or undefined when no value was offered. */
  encode(): { min: Uint8Array; max: Uint8Array } | undefined {
    switch (this.kind) {
      case 'bytes':
        return this.#minBytes === undefined ? undefined : { min: this.#minBytes, max: this.#maxBytes! };
      case 'int64': {
        if (!this.#seen) return undefined;
        const pair = (low: number, high: number): Uint8Array => new Uint8Array(Int32Array.of(low | 0, high).buffer);
        return { min: pair(this.#minLow, this.#minHigh), max: pair(this.#maxLow, this.#maxHigh) };
      }
      default: {
        if (this.#min > this.#max) return undefined;
        const min = this.#min === 0 ? -0 : this.#min;
        const max = this.#max === 0 ? 0 : this.#max;
        if (this.kind === 'double') return { min: new Uint8Array(Float64Array.of(min).buffer), max: new Uint8Array(Float64Array.of(max).buffer) };
        if (this.kind === 'float') return { min: new Uint8Array(Float32Array.of(min).buffer), max: new Uint8Array(Float32Array.of(max).buffer) };
        if (this.kind === 'bool') return { min: Uint8Array.of(min), max: Uint8Array.of(max) };
        return { min: new Uint8Array(Int32Array.of(min).buffer), max: new Uint8Array(Int32Array.of(max).buffer) };
      }
    }
  }

  reset(): void {
    this.#minBytes = this.#maxBytes = undefined;
    this.#min = Infinity;
    this.#max = -Infinity;
    this.#seen = false;
  }
}

/** A chunk's statistics, as written in its metadata. */
export interface ChunkStatistics {
  readonly nulls: number;
  readonly range: { readonly min: Uint8Array; readonly max: Uint8Array } | undefined;
}

/**
 * Writes the `Statistics` struct of a column chunk as field `id`. Numeric columns also carry the
 * deprecated `min`/`max` fields (their order is the same), as arrow-rs writes them; byte arrays
 * and booleans only the new ones.
 *
 * @example
 * ```ts
 * writeStatistics(out, 12, 'int32', { nulls: 0, range: range.encode() });
 * ```
 */
export function writeStatistics(out: CompactWriter, id: number, kind: ValueKind, statistics: ChunkStatistics): void {
  const { range } = statistics;
  out.beginStruct(id);
  if (range !== undefined && kind !== 'bytes' && kind !== 'bool') {
    out.binary(1, range.max);
    out.binary(2, range.min);
  }
  out.i64(3, statistics.nulls);
  if (range !== undefined) {
    out.binary(5, range.max);
    out.binary(6, range.min);
    out.bool(7, true);
    out.bool(8, true);
  }
  out.endStruct();
}
