/**
 * Record bytes → Arrow column data, one tight loop per column type over a batch of records laid
 * out at a fixed stride. Buffers are built by hand and wrapped with `makeData`: Arrow's generic
 * builders cost several times more per value.
 *
 * @module
 */
import { Binary, Bool, DateDay, makeData, type Data } from 'apache-arrow';
import type { DbfCodec } from './codec.js';
import { Nulls, type DecodedColumn, type RecordBlock } from './column-block.js';
import { decodeDecimal, decodeFloat64, decodeInt32, decodeInt64 } from './column-number.js';
import { decodeText, decodeUtf8Text } from './column-text.js';
import { ParseStatus, parseDbfDate, parseDbfLogical, parseState } from './parse-value.js';
import type { DbfColumnPlan } from './schema.js';

export type { DecodedColumn, RecordBlock } from './column-block.js';

/**
 * Decodes one planned column over a block of records.
 *
 * @example
 * ```ts
 * const { data } = decodeColumn(plan, codec, { bytes, base: header.headerLength, stride: header.recordLength, rows: 10 });
 * ```
 */
export function decodeColumn(plan: DbfColumnPlan, codec: DbfCodec, block: RecordBlock): DecodedColumn {
  const { offset, length } = plan.field;
  switch (plan.kind) {
    case 'utf8':
      return codec.encoding === 'utf8' ? decodeUtf8Text(block, offset, length) : decodeText(block, offset, length, codec);
    case 'binary':
      return decodeBinary(block, offset, length);
    case 'int32':
      return decodeInt32(block, offset, length);
    case 'int64':
      return decodeInt64(block, offset, length);
    case 'float64':
      return decodeFloat64(block, offset, length);
    case 'decimal':
      return decodeDecimal(block, offset, length, plan.field.decimals);
    case 'date':
      return decodeDate(block, offset, length);
    case 'bool':
      return decodeBool(block, offset);
  }
}

function decodeBinary(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const offsets = new Int32Array(rows + 1);
  const out = new Uint8Array(rows * length);
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    out.set(bytes.subarray(start, start + length), r * length);
    offsets[r + 1] = (r + 1) * length;
  }
  return { data: makeData({ type: new Binary(), length: rows, nullCount: 0, valueOffsets: offsets, data: out }), unparsable: 0 };
}

function decodeDate(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const values = new Int32Array(rows);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    const days = length >= 8 ? parseDbfDate(bytes, start) : 0;
    if (length >= 8 && parseState.status === ParseStatus.Ok) {
      values[r] = days;
    } else {
      if (length < 8 || parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
    }
  }
  return { data: makeData({ type: new DateDay(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
}

function decodeBool(block: RecordBlock, offset: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const values = new Uint8Array((rows + 7) >> 3);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    const value = parseDbfLogical(bytes[start] as number);
    if (parseState.status === ParseStatus.Ok) {
      if (value === 1) values[r >> 3] = (values[r >> 3] as number) | (1 << (r & 7));
    } else {
      if (parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
    }
  }
  return { data: makeData({ type: new Bool(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
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
