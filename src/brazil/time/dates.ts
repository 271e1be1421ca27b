/**
 * DataSUS date parsers: text columns in `DDMMYYYY` (SIM, SINASC), `YYYYMMDD` (SIH, CNES `DT_EXPED`) or
 * `YYYYMM` (competência: SIA `PA_CMP`, CNES `COMPETEN`) → Arrow Date32 (`DateDay`), reading the Utf8
 * bytes directly. Blank values are nulls; anything else that is not a real calendar date (`00000000`,
 * `31022019`, letters) becomes null and is counted as invalid.
 *
 * @module
 */
import { DateDay, makeData, makeVector, Vector, type Data, type Utf8 } from 'apache-arrow';
import { ArrowSusError } from '../../errors.js';
import { daysFromCivil, daysInMonth } from './civil.js';

/**
 * Supported layouts. `YYYYMM` maps to the first day of the month.
 *
 * @example
 * ```ts
 * const format: DataSusDateFormat = 'YYYYMMDD'; // SIH NASC, DT_INTER, DT_SAIDA
 * ```
 */
export type DataSusDateFormat = 'DDMMYYYY' | 'YYYYMMDD' | 'YYYYMM';

/**
 * Counts of a date-column parse; `valid + invalid + nulls` = length.
 *
 * @example
 * ```ts
 * parseDateColumn(column, 'DDMMYYYY').counts; // { valid, invalid, nulls }
 * ```
 */
export interface DateParseCounts {
  valid: number;
  invalid: number;
  nulls: number;
}

/**
 * Result of {@link parseDateColumn}.
 *
 * @example
 * ```ts
 * const { dates }: DateColumn = parseDateColumn(table.getChild('DTOBITO')!, 'DDMMYYYY');
 * ```
 */
export interface DateColumn {
  readonly dates: Vector<DateDay>;
  readonly counts: DateParseCounts;
}

const LENGTH: Record<DataSusDateFormat, number> = { DDMMYYYY: 8, YYYYMMDD: 8, YYYYMM: 6 };

/** Reads `count` ASCII digits at `at` as a number, or −1. */
function readNumber(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = (bytes[i] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days since epoch of the date in bytes `[start, end)`, `null` for blank, `undefined` for invalid. */
function parseBytes(bytes: Uint8Array, start: number, end: number, format: DataSusDateFormat): number | null | undefined {
  while (end > start && bytes[end - 1] === 32) end--;
  while (start < end && bytes[start] === 32) start++;
  if (start === end) return null;
  if (end - start !== LENGTH[format]) return undefined;
  let year: number;
  let month: number;
  let day = 1;
  if (format === 'DDMMYYYY') {
    day = readNumber(bytes, start, 2);
    month = readNumber(bytes, start + 2, 2);
    year = readNumber(bytes, start + 4, 4);
  } else {
    year = readNumber(bytes, start, 4);
    month = readNumber(bytes, start + 4, 2);
    if (format === 'YYYYMMDD') day = readNumber(bytes, start + 6, 2);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const encoder = new TextEncoder();

/**
 * Parses one DataSUS date string into days since 1970-01-01 (`null` blank, `undefined` invalid).
 *
 * @example
 * ```ts
 * parseDataSusDate('29022020', 'DDMMYYYY'); // 18321
 * parseDataSusDate('202301', 'YYYYMM');     // 19358 (2023-01-01)
 * parseDataSusDate('31022019', 'DDMMYYYY'); // undefined
 * ```
 */
export function parseDataSusDate(text: string, format: DataSusDateFormat): number | null | undefined {
  const bytes = encoder.encode(text);
  return parseBytes(bytes, 0, bytes.length, format);
}

/**
 * Parses a Utf8 column of DataSUS dates into a Date32 column, counting invalid values.
 *
 * @example
 * ```ts
 * import { vectorFromArray, Utf8 } from 'apache-arrow';
 * const { dates, counts } = parseDateColumn(vectorFromArray(['01012020', '', '99999999'], new Utf8()), 'DDMMYYYY');
 * counts; // { valid: 1, invalid: 1, nulls: 1 }
 * ```
 */
export function parseDateColumn(column: Vector<Utf8> | Data<Utf8> | Vector<DateDay>, format: DataSusDateFormat): DateColumn {
  // SINAN dates are DBF `D` fields, which the DBF reader already returns as Date32: pass them through.
  if (column instanceof Vector && column.type instanceof DateDay) {
    const nulls = column.nullCount;
    return { dates: column as Vector<DateDay>, counts: { valid: column.length - nulls, invalid: 0, nulls } };
  }
  if (LENGTH[format] === undefined) throw new ArrowSusError('INVALID_ARGUMENT', `brazil: unknown date format "${String(format)}" (DDMMYYYY, YYYYMMDD or YYYYMM)`);
  const counts: DateParseCounts = { valid: 0, invalid: 0, nulls: 0 };
  const chunks = (column instanceof Vector ? column.data : [column]) as readonly Data<Utf8>[];
  const out = chunks.map((data) => {
    const length = data.length;
    const offsets = data.valueOffsets;
    const values = data.values;
    const nullBitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    const days = new Int32Array(length);
    const validity = new Uint8Array((length + 7) >> 3);
    let nullCount = 0;
    for (let i = 0; i < length; i++) {
      const j = data.offset + i;
      const present = nullBitmap === undefined || ((nullBitmap[j >> 3] ?? 0) & (1 << (j & 7))) !== 0;
      const parsed = present ? parseBytes(values, offsets[i] ?? 0, offsets[i + 1] ?? 0, format) : null;
      if (typeof parsed === 'number') {
        days[i] = parsed;
        validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
        counts.valid++;
      } else {
        nullCount++;
        if (parsed === null) counts.nulls++;
        else counts.invalid++;
      }
    }
    return makeData({ type: new DateDay(), length, nullCount, nullBitmap: nullCount > 0 ? validity : null, data: days });
  });
  return { dates: makeVector(out), counts };
}
