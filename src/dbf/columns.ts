/**
 * Record bytes → Arrow column data, one tight loop per column type over records laid out at a
 * fixed stride, tile by tile (see `column-block.ts`). Buffers are built by hand and wrapped with
 * `makeData`: Arrow's generic builders cost several times more per value.
 *
 * @module
 */
import { Binary, Bool, DateDay, makeData, type Data } from 'apache-arrow';
import type { DbfCodec } from './codec.js';
import { Nulls, type ColumnDecoder, type DecodedColumn, type RecordBlock } from './column-block.js';
import { decimalColumn, float64Column, int32Column, int64Column } from './column-number.js';
import { textColumn, utf8TextColumn } from './column-text.js';
import { ParseStatus, parseDbfDate, parseDbfLogical, parseState } from './parse-value.js';
import type { DbfColumnPlan } from './schema.js';

export type { ColumnDecoder, DecodedColumn, RecordBlock } from './column-block.js';

/** Records per tile: about this many bytes of records stay in cache while every column reads them. */
const TILE_BYTES = 1 << 20;

/**
 * The decoder for one planned column of a batch.
 *
 * @example
 * ```ts
 * const column = columnDecoder(plan, codec, block);
 * column.decode(0, block.rows);
 * const { data, unparsable } = column.finish();
 * ```
 */
export function columnDecoder(plan: DbfColumnPlan, codec: DbfCodec, block: RecordBlock): ColumnDecoder {
  const { offset, length } = plan.field;
  switch (plan.kind) {
    case 'utf8':
      return codec.encoding === 'utf8' ? utf8TextColumn(block, offset, length) : textColumn(block, offset, length, codec);
    case 'binary':
      return binaryColumn(block, offset, length);
    case 'int32':
      return int32Column(block, offset, length);
    case 'int64':
      return int64Column(block, offset, length);
    case 'float64':
      return float64Column(block, offset, length);
    case 'decimal':
      return decimalColumn(block, offset, length, plan.field.decimals);
    case 'date':
      return dateColumn(block, offset, length);
    case 'bool':
      return boolColumn(block, offset);
  }
}

/**
 * Decodes the planned columns of a batch, tile by tile (all columns over ~1 MiB of records, then
 * the next tile). `tileBytes` exists for tests; 256 KiB to 2 MiB measured the same.
 *
 * @example
 * ```ts
 * const columns = decodeColumns(plans, codec, { bytes, base: header.headerLength, stride: header.recordLength, rows: 10 });
 * columns.map((c) => c.data.length); // [10, 10, …]
 * ```
 */
export function decodeColumns(plans: readonly DbfColumnPlan[], codec: DbfCodec, block: RecordBlock, tileBytes = TILE_BYTES): DecodedColumn[] {
  const decoders = plans.map((plan) => columnDecoder(plan, codec, block));
  const tile = Math.max(1, Math.floor(tileBytes / block.stride));
  for (let from = 0; from < block.rows; from += tile) {
    const to = Math.min(block.rows, from + tile);
    for (const decoder of decoders) decoder.decode(from, to);
  }
  return decoders.map((decoder) => decoder.finish());
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
  const decoder = columnDecoder(plan, codec, block);
  decoder.decode(0, block.rows);
  return decoder.finish();
}

function binaryColumn(block: RecordBlock, offset: number, length: number): ColumnDecoder {
  const rows = block.rows;
  const offsets = new Int32Array(rows + 1);
  const out = new Uint8Array(rows * length);
  return {
    decode(from, to) {
      const { bytes, stride } = block;
      let start = block.base + from * stride + offset;
      for (let r = from; r < to; r++, start += stride) {
        out.set(bytes.subarray(start, start + length), r * length);
        offsets[r + 1] = (r + 1) * length;
      }
    },
    finish() {
      return { data: makeData({ type: new Binary(), length: rows, nullCount: 0, valueOffsets: offsets, data: out }), unparsable: 0 };
    },
  };
}

function dateColumn(block: RecordBlock, offset: number, length: number): ColumnDecoder {
  const values = new Int32Array(block.rows);
  const nulls = new Nulls(block.rows);
  let unparsable = 0;
  return {
    decode(from, to) {
      const { bytes, stride } = block;
      let start = block.base + from * stride + offset;
      for (let r = from; r < to; r++, start += stride) {
        const days = length >= 8 ? parseDbfDate(bytes, start) : 0;
        if (length >= 8 && parseState.status === ParseStatus.Ok) {
          values[r] = days;
        } else {
          if (length < 8 || parseState.status !== ParseStatus.Blank) unparsable++;
          nulls.set(r);
        }
      }
    },
    finish() {
      return { data: makeData({ type: new DateDay(), length: block.rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
    },
  };
}

function boolColumn(block: RecordBlock, offset: number): ColumnDecoder {
  const values = new Uint8Array((block.rows + 7) >> 3);
  const nulls = new Nulls(block.rows);
  let unparsable = 0;
  return {
    decode(from, to) {
      const { bytes, stride } = block;
      let start = block.base + from * stride + offset;
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
    finish() {
      return { data: makeData({ type: new Bool(), length: block.rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
    },
  };
}

/**
 * The `_deleted` column: bit set where the record's flag byte is `*`.
 *
 * @example
 * ```ts
 * const deleted = decodeDeletedFlags(block); // Data<Bool>
 * ```
 */
export function decodeDeletedFlags(block: RecordBlock): Data {
  const { bytes, stride, rows } = block;
  const values = new Uint8Array((rows + 7) >> 3);
  for (let r = 0; r < rows; r++) {
    if (bytes[block.base + r * stride] === 0x2a) values[r >> 3] = (values[r >> 3] as number) | (1 << (r & 7));
  }
  return makeData({ type: new Bool(), length: rows, nullCount: 0, data: values });
}
