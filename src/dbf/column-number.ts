/**
 * Number columns: DBF `N`/`F` ASCII digits → Arrow Int32, Int64, Float64 or Decimal128. The
 * common shapes are parsed inline; everything else goes through the shared general parser, so a
 * value is null (and counted unparsable) under exactly the same rules everywhere.
 *
 * @module
 */
import { Decimal, Float64, Int32, Int64 } from 'apache-arrow';
import { flatData } from '../arrow/data.js';
import { ColumnScratch, Nulls, type ColumnDecoder } from './column-block.js';
import { ParseStatus, lastNumberText, parseDbfNumber, parseState } from './parse-value.js';

/**
 * Int32 column (N up to 9 digits): an inline loop for plain digits, the general parser otherwise;
 * non-integers are unparsable.
 *
 * @example
 * ```ts
 * const column = int32Column(rows, header.recordLength, field.offset, field.length);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data, unparsable } = column.finish(rows);
 * ```
 */
export function int32Column(rows: number, stride: number, offset: number, length: number, scratch = new ColumnScratch()): ColumnDecoder {
  const values = scratch.int32(0, rows);
  const nulls = new Nulls(rows, scratch);
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
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
          values[r] = 0;
          nulls.set(r);
        }
      }
    },
    finish(used) {
      return { data: flatData(new Int32(), used, nulls.count, nulls.take(used), scratch.take(values, used)), unparsable };
    },
  };
}

/**
 * Int64 column (N of 10–18 digits), exact through BigInt beyond 15 significant digits.
 *
 * @example
 * ```ts
 * const column = int64Column(rows, header.recordLength, field.offset, field.length);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data } = column.finish(rows);
 * ```
 */
export function int64Column(rows: number, stride: number, offset: number, length: number, scratch = new ColumnScratch()): ColumnDecoder {
  const values = scratch.bigInt64(0, rows);
  // Written as two 32-bit words (little-endian, as on every platform Node runs on): creating a
  // BigInt per cell costs more than the whole parse.
  const words = new Int32Array(values.buffer, values.byteOffset, rows * 2);
  const nulls = new Nulls(rows, scratch);
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        if (parseSimpleDecimal(bytes, start, start + length) && Number.isInteger(simple[0])) {
          const fast = simple[0] as number;
          words[2 * r] = fast >>> 0;
          words[2 * r + 1] = Math.floor(fast / 4294967296);
          continue;
        }
        const parsed = parseDbfNumber(bytes, start, start + length);
        if (parseState.status !== ParseStatus.Ok || !Number.isInteger(parsed)) {
          if (parseState.status !== ParseStatus.Blank) unparsable++;
          values[r] = 0n;
          nulls.set(r);
        } else if (parseState.long) {
          const text = lastNumberText(bytes);
          const whole = /^[+-]?\d+(\.0*)?$/.test(text) ? BigInt(text.replace(/\.0*$/, '')) : undefined;
          if (whole === undefined || whole > 9223372036854775807n || whole < -9223372036854775808n) {
            unparsable++;
            values[r] = 0n;
            nulls.set(r);
          } else {
            values[r] = whole;
          }
        } else {
          words[2 * r] = parsed >>> 0;
          words[2 * r + 1] = Math.floor(parsed / 4294967296);
        }
      }
    },
    finish(used) {
      return { data: flatData(new Int64(), used, nulls.count, nulls.take(used), scratch.take(values, used)), unparsable };
    },
  };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Where {@link parseSimpleDecimal} leaves its value: a typed-array cell keeps the double unboxed. */
const simple = new Float64Array(1);

/**
 * The common shape of DataSUS numbers, parsed inline: leading blanks, optional minus, digits, an
 * optional `.` and digits, nothing after. At most 15 digits, so `mantissa / 10^scale` is one
 * correctly rounded division (equal to `parseFloat`). Returns false for anything else, which then
 * takes the general parser (blanks, trailing blanks, commas, exponents, garbage, long numbers).
 * The value goes to `simple[0]`, not the return value: a returned fraction would be a heap number
 * per cell (megabytes of garbage per file, measured with the sampling heap profiler).
 */
function parseSimpleDecimal(bytes: Uint8Array, start: number, end: number): boolean {
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
      return false;
    }
  }
  const digits = end - from - (scale >= 0 ? 1 : 0);
  if (digits < 1 || digits > 15) return false;
  const value = scale > 0 ? mantissa / (POW10[scale] as number) : mantissa;
  simple[0] = negative ? -value : value;
  return true;
}

/**
 * Float64 column (N/F with decimals, or integers on request).
 *
 * @example
 * ```ts
 * const column = float64Column(rows, header.recordLength, field.offset, field.length);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data } = column.finish(rows);
 * ```
 */
export function float64Column(rows: number, stride: number, offset: number, length: number, scratch = new ColumnScratch()): ColumnDecoder {
  const values = scratch.float64(0, rows);
  const nulls = new Nulls(rows, scratch);
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        if (parseSimpleDecimal(bytes, start, start + length)) {
          values[r] = simple[0] as number;
          continue;
        }
        const parsed = parseDbfNumber(bytes, start, start + length);
        if (parseState.status === ParseStatus.Ok) {
          values[r] = parsed;
        } else {
          if (parseState.status !== ParseStatus.Blank) unparsable++;
          values[r] = 0;
          nulls.set(r);
        }
      }
    },
    finish(used) {
      return { data: flatData(new Float64(), used, nulls.count, nulls.take(used), scratch.take(values, used)), unparsable };
    },
  };
}

/**
 * Decimal128 column with the field's scale: exact digits; more fraction digits than the scale
 * (other than trailing zeros) or an exponent cannot be represented without rounding, so they are
 * unparsable.
 *
 * @example
 * ```ts
 * const column = decimalColumn(rows, header.recordLength, field.offset, field.length, field.decimals);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data } = column.finish(rows);
 * ```
 */
export function decimalColumn(rows: number, stride: number, offset: number, length: number, scale: number, scratch = new ColumnScratch()): ColumnDecoder {
  const words = scratch.uint32(0, rows * 4);
  const nulls = new Nulls(rows, scratch);
  const mask = (1n << 32n) - 1n;
  let unparsable = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        parseDbfNumber(bytes, start, start + length);
        const match = parseState.status === ParseStatus.Ok ? /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(lastNumberText(bytes)) : null;
        const fraction = match?.[3] ?? '';
        if (match === null || fraction.replace(/0+$/, '').length > scale) {
          if (parseState.status !== ParseStatus.Blank) unparsable++;
          words.fill(0, 4 * r, 4 * r + 4);
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
    },
    finish(used) {
      const type = new Decimal(scale, Math.min(38, length), 128);
      return { data: flatData(type, used, nulls.count, nulls.take(used), scratch.take(words, used * 4)), unparsable };
    },
  };
}
