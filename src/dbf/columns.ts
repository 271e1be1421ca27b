/**
 * Record bytes → Arrow column data, one tight loop per column type over records laid out at a
 * fixed stride, tile by tile (see `column-block.ts`). Buffers are built by hand and wrapped as Arrow
 * `Data` directly (`arrow/data.ts`): Arrow's generic builders cost several times more per value.
 *
 * @module
 */
import { Binary, Bool, DateDay } from 'apache-arrow';
import { flatData } from '../arrow/data.js';
import type { DbfCodec } from './codec.js';
import { ColumnScratch, Nulls, type ColumnDecoder, type DecodedColumn, type RecordBlock } from './column-block.js';
import { decimalColumn, float64Column, int32Column, int64Column } from './column-number.js';
import { textColumn, utf8TextColumn } from './column-text.js';
import { ParseStatus, parseDbfDate, parseDbfLogical, parseState } from './parse-value.js';
import type { DbfColumnPlan } from './schema.js';

export { ColumnScratch } from './column-block.js';
export type { ColumnDecoder, DecodedColumn, RecordBlock } from './column-block.js';

/** Records per tile: about this many bytes of records stay in cache while every column reads them. */
const TILE_BYTES = 1 << 20;

/**
 * Rows per tile for records `stride` bytes long.
 *
 * @example
 * ```ts
 * tileRowsFor(700); // 1497: about 1 MiB of SIH RD records
 * ```
 */
export function tileRowsFor(stride: number): number {
  return Math.max(1, Math.floor(TILE_BYTES / stride));
}

/**
 * The decoder for one planned column of a batch of at most `rows` records of `stride` bytes,
 * filling `scratch` (pass the column's same scratch batch after batch; see {@link ColumnScratch}).
 *
 * @example
 * ```ts
 * const column = columnDecoder(plan, codec, rows, header.recordLength);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data, unparsable } = column.finish(rows);
 * ```
 */
export function columnDecoder(plan: DbfColumnPlan, codec: DbfCodec, rows: number, stride: number, scratch = new ColumnScratch()): ColumnDecoder {
  const decoder = makeDecoder(plan, codec, rows, stride, scratch);
  // V8 keeps a closure's optimised code only while a closure made from the same source holds it:
  // decoders are made afresh per batch, so once a batch's decoders die, the next full collection
  // drops the code and the next batch's decoders are optimised again (hundreds of compilations per
  // file). One live decoder per kind holds the code for all of them.
  LIVE_DECODERS.set(`${plan.kind}:${codec.encoding}`, decoder);
  return decoder;
}

const LIVE_DECODERS = new Map<string, ColumnDecoder>();

function makeDecoder(plan: DbfColumnPlan, codec: DbfCodec, rows: number, stride: number, scratch: ColumnScratch): ColumnDecoder {
  const { offset, length } = plan.field;
  switch (plan.kind) {
    case 'utf8':
      return codec.encoding === 'utf8' ? utf8TextColumn(rows, stride, offset, length, scratch) : textColumn(rows, stride, offset, length, codec, scratch);
    case 'binary':
      return binaryColumn(rows, stride, offset, length, scratch);
    case 'int32':
      return int32Column(rows, stride, offset, length, scratch);
    case 'int64':
      return int64Column(rows, stride, offset, length, scratch);
    case 'float64':
      return float64Column(rows, stride, offset, length, scratch);
    case 'decimal':
      return decimalColumn(rows, stride, offset, length, plan.field.decimals, scratch);
    case 'date':
      return dateColumn(rows, stride, offset, length, scratch);
    case 'bool':
      return boolColumn(rows, stride, offset, scratch);
  }
}

/**
 * Decodes the planned columns of a block of records, tile by tile (all columns over ~1 MiB of
 * records, then the next tile). `tileBytes` exists for tests; 256 KiB to 2 MiB measured the same.
 *
 * @example
 * ```ts
 * const columns = decodeColumns(plans, codec, { bytes, base: header.headerLength, stride: header.recordLength, rows: 10 });
 * columns.map((c) => c.data.length); // [10, 10, …]
 * ```
 */
export function decodeColumns(plans: readonly DbfColumnPlan[], codec: DbfCodec, block: RecordBlock, tileBytes = TILE_BYTES): DecodedColumn[] {
  const decoders = plans.map((plan) => columnDecoder(plan, codec, block.rows, block.stride));
  const tile = Math.max(1, Math.floor(tileBytes / block.stride));
  for (let from = 0; from < block.rows; from += tile) {
    const to = Math.min(block.rows, from + tile);
    for (const decoder of decoders) decoder.decode(block.bytes, block.base + from * block.stride, from, to);
  }
  return decoders.map((decoder) => decoder.finish(block.rows));
}

/**
 * Decodes one planned column over a whole block.
 *
 * @example
 * ```ts
 * const { data } = decodeColumn(plan, codec, { bytes, base: header.headerLength, stride: header.recordLength, rows: 10 });
 * ```
 */
export function decodeColumn(plan: DbfColumnPlan, codec: DbfCodec, block: RecordBlock): DecodedColumn {
  const decoder = columnDecoder(plan, codec, block.rows, block.stride);
  decoder.decode(block.bytes, block.base, 0, block.rows);
  return decoder.finish(block.rows);
}

function binaryColumn(rows: number, stride: number, offset: number, length: number, scratch: ColumnScratch): ColumnDecoder {
  const offsets = scratch.int32(0, rows + 1);
  offsets[0] = 0;
  const out = scratch.uint8(1, rows * length);
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        out.set(bytes.subarray(start, start + length), r * length);
        offsets[r + 1] = (r + 1) * length;
      }
    },
    finish(used) {
      return { data: flatData(new Binary(), used, 0, undefined, scratch.take(out, used * length), scratch.take(offsets, used + 1)), unparsable: 0 };
    },
  };
}

function dateColumn(rows: number, stride: number, offset: number, length: number, scratch: ColumnScratch): ColumnDecoder {
  const values = scratch.int32(0, rows);
  const nulls = new Nulls(rows, scratch);
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        const days = length >= 8 ? parseDbfDate(bytes, start) : 0;
        if (length >= 8 && parseState.status === ParseStatus.Ok) {
          values[r] = days;
        } else {
          if (length < 8 || parseState.status !== ParseStatus.Blank) unparsable++;
          values[r] = 0;
          nulls.set(r);
        }
      }
    },
    finish(used) {
      return { data: flatData(new DateDay(), used, nulls.count, nulls.take(used), scratch.take(values, used)), unparsable };
    },
  };
}

function boolColumn(rows: number, stride: number, offset: number, scratch: ColumnScratch): ColumnDecoder {
  const values = scratch.uint8(0, (rows + 7) >> 3).fill(0);
  const nulls = new Nulls(rows, scratch);
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        const value = parseDbfLogical(bytes[start] as number);
        if (parseState.status === ParseStatus.Ok) {
          if (value === 1) values[r >> 3] = (values[r >> 3] as number) | (1 << (r & 7));
        } else {
          if (parseState.status !== ParseStatus.Blank) unparsable++;
          nulls.set(r);
        }
      }
    },
    finish(used) {
      return { data: flatData(new Bool(), used, nulls.count, nulls.take(used), scratch.take(values, (used + 7) >> 3)), unparsable };
    },
  };
}

/**
 * The `_deleted` column: bit set where the record's flag byte is `*`.
 *
 * @example
 * ```ts
 * const deleted = deletedColumn(rows, header.recordLength);
 * deleted.decode(bytes, header.headerLength, 0, rows);
 * deleted.finish(rows).data; // Data<Bool>, never null
 * ```
 */
export function deletedColumn(rows: number, stride: number, scratch = new ColumnScratch()): ColumnDecoder {
  const values = scratch.uint8(0, (rows + 7) >> 3).fill(0);
  return {
    decode(bytes, at, from, to) {
      for (let r = from, start = at; r < to; r++, start += stride) {
        if (bytes[start] === 0x2a) values[r >> 3] = (values[r >> 3] as number) | (1 << (r & 7));
      }
    },
    finish(used) {
      return { data: flatData(new Bool(), used, 0, undefined, scratch.take(values, (used + 7) >> 3)), unparsable: 0 };
    },
  };
}
