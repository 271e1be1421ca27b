/**
 * Record bytes → Arrow column data, one tight loop per column type over a batch of records laid
 * out at a fixed stride. Buffers are built by hand and wrapped with `makeData`: Arrow's generic
 * builders cost several times more per value.
 *
 * @module
 */
import { Binary, Bool, DateDay, Decimal, Float64, Int32, Int64, Utf8, makeData, type Data } from 'apache-arrow';
import type { DbfCodec } from './codec.js';
import { ParseStatus, lastNumberText, parseDbfDate, parseDbfLogical, parseDbfNumber, parseState } from './parse-value.js';
import type { DbfColumnPlan } from './schema.js';

/** Where a batch's records are: record `r` starts at `bytes[base + r * stride]`. */
export interface RecordBlock {
  readonly bytes: Uint8Array;
  readonly base: number;
  readonly stride: number;
  readonly rows: number;
}

/** Validity bitmap with lazily allocated storage (no bitmap at all when nothing is null). */
class Nulls {
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

function decodeText(block: RecordBlock, offset: number, length: number, codec: DbfCodec): DecodedColumn {
  const { bytes, stride, rows } = block;
  const offsets = new Int32Array(rows + 1);
  // ASCII output never exceeds the input, so the only capacity check is where a high byte expands
  // (extra bytes so far + the worst case of one more byte): no per-cell check on the hot path.
  const base = rows * length;
  let capacity = base + 64;
  let extra = 0;
  let out = new Uint8Array(capacity);
  let pos = 0;
  const nulls = new Nulls(rows);
  const { seq, seqLength } = codec;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    let end = start + length;
    // Trailing blanks (and the NUL padding some writers use) are not part of the value.
    while (end > start) {
      const b = bytes[end - 1] as number;
      if (b !== 0x20 && b !== 0x00) break;
      end--;
    }
    if (end === start) nulls.set(r);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        out[pos++] = b;
      } else {
        const n = seqLength[b] as number;
        extra += n - 1;
        if (base + extra + 4 > capacity) {
          capacity = Math.max(capacity * 2, base + extra + 64);
          const grown = new Uint8Array(capacity);
          grown.set(out.subarray(0, pos));
          out = grown;
        }
        const q = b << 2;
        out[pos++] = seq[q] as number;
        if (n > 1) out[pos++] = seq[q + 1] as number;
        if (n > 2) out[pos++] = seq[q + 2] as number;
      }
    }
    offsets[r + 1] = pos;
  }
  const data = makeData({ type: new Utf8(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, valueOffsets: offsets, data: out.subarray(0, pos) });
  return { data, unparsable: 0 };
}

/** UTF-8 text: copied when valid; each byte of an invalid sequence becomes U+FFFD (EF BF BD). */
function decodeUtf8Text(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const offsets = new Int32Array(rows + 1);
  let capacity = Math.max(16, rows * length);
  let out = new Uint8Array(capacity);
  let pos = 0;
  const nulls = new Nulls(rows);
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    let end = start + length;
    while (end > start) {
      const b = bytes[end - 1] as number;
      if (b !== 0x20 && b !== 0x00) break;
      end--;
    }
    if (end === start) {
      nulls.set(r);
      offsets[r + 1] = pos;
      continue;
    }
    if (pos + (end - start) * 3 > capacity) {
      capacity = Math.max(capacity * 2, pos + (end - start) * 3);
      const grown = new Uint8Array(capacity);
      grown.set(out.subarray(0, pos));
      out = grown;
    }
    let i = start;
    while (i < end) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        out[pos++] = b;
        i++;
        continue;
      }
      const n = utf8SequenceLength(bytes, i, end);
      if (n === 0) {
        out[pos++] = 0xef;
        out[pos++] = 0xbf;
        out[pos++] = 0xbd;
        i++;
      } else {
        for (let k = 0; k < n; k++) out[pos++] = bytes[i + k] as number;
        i += n;
      }
    }
    offsets[r + 1] = pos;
  }
  const data = makeData({ type: new Utf8(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, valueOffsets: offsets, data: out.subarray(0, pos) });
  return { data, unparsable: 0 };
}

/** Length of a well-formed UTF-8 sequence at `i` (no overlongs, surrogates or > U+10FFFF), else 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return i + k < end && c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
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

function decodeInt32(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const values = new Int32Array(rows);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    const end = start + length;
    // Fast path: optional leading blanks, optional minus, digits to the end of the field.
    let i = start;
    while (i < end && bytes[i] === 0x20) i++;
    let negative = false;
    if (i < end && bytes[i] === 0x2d) {
      negative = true;
      i++;
    }
    let value = 0;
    const digitsFrom = i;
    for (; i < end; i++) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === end && i > digitsFrom) {
      values[r] = negative ? -value : value;
      continue;
    }
    // Anything else (blank, trailing blanks, a decimal point, garbage) takes the general parser.
    const parsed = parseDbfNumber(bytes, start, end);
    if (parseState.status === ParseStatus.Ok && Number.isInteger(parsed) && parsed >= -2147483648 && parsed <= 2147483647) {
      values[r] = parsed;
    } else {
      if (parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
    }
  }
  return { data: makeData({ type: new Int32(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
}

function decodeInt64(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const values = new BigInt64Array(rows);
  // Written as two 32-bit words (little-endian, as on every platform Node runs on): creating a
  // BigInt per cell costs more than the whole parse.
  const words = new Int32Array(values.buffer);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    const fast = parseSimpleDecimal(bytes, start, start + length);
    if (fast === fast && Number.isInteger(fast)) {
      words[2 * r] = fast >>> 0;
      words[2 * r + 1] = Math.floor(fast / 4294967296);
      continue;
    }
    const parsed = parseDbfNumber(bytes, start, start + length);
    if (parseState.status !== ParseStatus.Ok || !Number.isInteger(parsed)) {
      if (parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
    } else if (parseState.long) {
      const text = lastNumberText(bytes);
      const whole = /^[+-]?\d+(\.0*)?$/.test(text) ? BigInt(text.replace(/\.0*$/, '')) : undefined;
      if (whole === undefined || whole > 9223372036854775807n || whole < -9223372036854775808n) {
        unparsable++;
        nulls.set(r);
      } else {
        values[r] = whole;
      }
    } else {
      words[2 * r] = parsed >>> 0;
      words[2 * r + 1] = Math.floor(parsed / 4294967296);
    }
  }
  return { data: makeData({ type: new Int64(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common shape of DataSUS numbers, parsed inline: leading blanks, optional minus, digits, an
 * optional `.` and digits, nothing after. At most 15 digits, so `mantissa / 10^scale` is one
 * correctly rounded division (equal to `parseFloat`). Returns NaN for anything else, which then
 * takes the general parser (blanks, trailing blanks, commas, exponents, garbage, long numbers).
 */
function parseSimpleDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && bytes[i] === 0x20) i++;
  let negative = false;
  if (i < end && bytes[i] === 0x2d) {
    negative = true;
    i++;
  }
  const from = i;
  let mantissa = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = bytes[i] as number;
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      if (scale >= 0) scale++;
    } else if (c === 0x2e && scale < 0) {
      scale = 0;
    } else {
      return NaN;
    }
  }
  const digits = end - from - (scale >= 0 ? 1 : 0);
  if (digits < 1 || digits > 15) return NaN;
  const value = scale > 0 ? mantissa / (POW10[scale] as number) : mantissa;
  return negative ? -value : value;
}

function decodeFloat64(block: RecordBlock, offset: number, length: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const values = new Float64Array(rows);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  for (let r = 0; r < rows; r++, start += stride) {
    const fast = parseSimpleDecimal(bytes, start, start + length);
    if (fast === fast) {
      values[r] = fast;
      continue;
    }
    const parsed = parseDbfNumber(bytes, start, start + length);
    if (parseState.status === ParseStatus.Ok) {
      values[r] = parsed;
    } else {
      if (parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
    }
  }
  return { data: makeData({ type: new Float64(), length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: values }), unparsable };
}

function decodeDecimal(block: RecordBlock, offset: number, length: number, scale: number): DecodedColumn {
  const { bytes, stride, rows } = block;
  const words = new Uint32Array(rows * 4);
  const nulls = new Nulls(rows);
  let unparsable = 0;
  let start = block.base + offset;
  const mask = (1n << 32n) - 1n;
  for (let r = 0; r < rows; r++, start += stride) {
    parseDbfNumber(bytes, start, start + length);
    const match = parseState.status === ParseStatus.Ok ? /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(lastNumberText(bytes)) : null;
    const fraction = match?.[3] ?? '';
    // Exact digits only: an exponent, or more fraction digits than the declared scale (other than
    // trailing zeros), cannot be represented without rounding, so it counts as unparsable.
    if (match === null || fraction.replace(/0+$/, '').length > scale) {
      if (parseState.status !== ParseStatus.Blank) unparsable++;
      nulls.set(r);
      continue;
    }
    let unscaled = BigInt(`${match[2] ?? ''}${fraction.padEnd(scale, '0').slice(0, scale)}` || '0');
    if (match[1] === '-') unscaled = -unscaled;
    let twos = BigInt.asUintN(128, unscaled);
    for (let k = 0; k < 4; k++) {
      words[4 * r + k] = Number(twos & mask);
      twos >>= 32n;
    }
  }
  const type = new Decimal(scale, Math.min(38, length), 128);
  return { data: makeData({ type, length: rows, nullCount: nulls.count, nullBitmap: nulls.bitmap, data: words }), unparsable };
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
