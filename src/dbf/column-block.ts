/**
 * What every column decoder shares: where a batch's records are, the validity bitmap, and the
 * decoder interface.
 *
 * Decoders fill their column in row ranges (`decode(from, to)`) so the batch can be decoded tile
 * by tile: all columns over ~1 MiB of records, then the next tile. Walking one column down a
 * whole 8 MiB batch of 700-byte records misses the CPU caches on every row; in tiles the records
 * stay in cache while every column reads them (measured: 28% less CPU on the benchmark files).
 *
 * @module
 */
import type { Data } from 'apache-arrow';

/** Where a batch's records are: record `r` starts at `bytes[base + r * stride]`. */
export interface RecordBlock {
  readonly bytes: Uint8Array;
  readonly base: number;
  readonly stride: number;
  readonly rows: number;
}

/**
 * Validity bitmap with lazily allocated storage (no bitmap at all when nothing is null).
 *
 * @example
 * ```ts
 * const nulls = new Nulls(rows);
 * nulls.set(3); // row 3 is null
 * makeData({ type, length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data });
 * ```
 */
export class Nulls {
  bitmap: Uint8Array | undefined;
  count = 0;
  constructor(private readonly rows: number) {}
  set(row: number): void {
    if (this.bitmap === undefined) this.bitmap = new Uint8Array((this.rows + 7) >> 3).fill(0xff);
    this.bitmap[row >> 3] = (this.bitmap[row >> 3] as number) & ~(1 << (row & 7));
    this.count++;
  }
}

/**
 * The text buffer a column decoder fills and reuses from one batch to the next (the batch builder
 * keeps one per column). A finished column copies out exactly the bytes it used, so allocating —
 * and zero-filling — a fresh buffer sized for the worst case (every field full) for every text
 * column of every batch is not needed.
 *
 * @example
 * ```ts
 * const scratch: TextScratch = { bytes: new Uint8Array(0) };
 * const column = textColumn(rows, stride, offset, length, codec, scratch);
 * ```
 */
export interface TextScratch {
  bytes: Uint8Array;
}

/**
 * At least `capacity` bytes of scratch, keeping the first `keep` bytes when it grows.
 *
 * @example
 * ```ts
 * let out = scratchBytes(scratch, rows * length + 64);
 * ```
 */
export function scratchBytes(scratch: TextScratch, capacity: number, keep = 0): Uint8Array {
  if (scratch.bytes.length < capacity) {
    const grown = new Uint8Array(Math.max(capacity, Math.min(scratch.bytes.length * 2, capacity + (capacity >> 1))));
    if (keep > 0) grown.set(scratch.bytes.subarray(0, keep));
    scratch.bytes = grown;
  }
  return scratch.bytes;
}

/** Output of one column decode: the Arrow data and how many cells were unparsable. */
export interface DecodedColumn {
  readonly data: Data;
  readonly unparsable: number;
}

/**
 * Fills one column of a batch: `decode` rows `[from, to)` of the batch, whose first record starts
 * at `bytes[at]` (records `stride` bytes apart), over consecutive ranges in order; then `finish`
 * once with the number of rows decoded (at most the rows the decoder was created for).
 *
 * @example
 * ```ts
 * const column = int32Column(rows, stride, field.offset, field.length);
 * column.decode(tileA, 0, 0, 1000);
 * column.decode(tileB, 0, 1000, rows);
 * const { data, unparsable } = column.finish(rows);
 * ```
 */
export interface ColumnDecoder {
  decode(bytes: Uint8Array, at: number, from: number, to: number): void;
  finish(rows: number): DecodedColumn;
}

/**
 * The first `used` values of a buffer allocated for more rows: a copy when more than half would be
 * slack (a last or filtered batch), a view otherwise.
 *
 * @example
 * ```ts
 * makeData({ type: new Int32(), length: rows, data: trimmed(values, rows) });
 * ```
 */
export function trimmed<T extends Int32Array | Float64Array | BigInt64Array | Uint32Array | Uint8Array>(values: T, used: number): T {
  return (used < values.length / 2 ? values.slice(0, used) : values.subarray(0, used)) as T;
}
