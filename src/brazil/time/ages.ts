/**
 * Age decoders for the three DataSUS age encodings, vectorised over Arrow columns:
 *
 * | system | column(s) | encoding |
 * | --- | --- | --- |
 * | SIM | `IDADE` (C3) | 1st digit unit: 0 minutes, 1 hours, 2 days, 3 months, 4 years, 5 = 100 + value years; last two digits = value; `000`/`999` missing |
 * | SIH | `COD_IDADE` (C1) + `IDADE` (N) | `COD_IDADE` 2 days, 3 months, 4 years, 5 = 100 + `IDADE` years; 0 missing |
 * | SINAN | `NU_IDADE_N` (N4) | 1st digit unit: 1 hours, 2 days, 3 months, 4 years; the other three digits = value (`4029` = 29 years) |
 *
 * Outputs: `years` = completed years (Int32), `days` = age in days (Int32; months count 30.4375 days and
 * years 365.25 days, rounded down — an approximation, since the encodings carry no birth date).
 * Missing codes → null (counted in `nulls`); codes outside the layout → null (counted in `invalid`).
 *
 * The SINAN quantity is the last **three** digits: microdatasus reads `substr(x, 2, 3)` (two digits,
 * `"4029"` → `"02"`), a known mistake not reproduced here.
 *
 * @module
 */
import { Int32, Vector, makeData, makeVector, type Data, type DataType } from 'apache-arrow';
import { ArrowSusError } from '../../errors.js';

/**
 * Counts of an age decode; `valid + invalid + nulls` = length.
 *
 * @example
 * ```ts
 * decodeSimAge(column).counts; // { valid: 1940, invalid: 2, nulls: 5 }
 * ```
 */
export interface AgeCounts {
  valid: number;
  invalid: number;
  nulls: number;
}

/**
 * Decoded ages.
 *
 * @example
 * ```ts
 * const { years, days, counts }: AgeColumns = decodeSinanAge(table.getChild('NU_IDADE_N')!);
 * ```
 */
export interface AgeColumns {
  readonly years: Vector<Int32>;
  readonly days: Vector<Int32>;
  readonly counts: AgeCounts;
}

/**
 * A unit of an age code.
 *
 * @example
 * ```ts
 * ageFromUnit('days' satisfies AgeUnit, 20); // { years: 0, days: 20 }
 * ```
 */
export type AgeUnit = 'minutes' | 'hours' | 'days' | 'months' | 'years' | 'centenarian';

const DAYS_PER_MONTH = 30.4375;
const DAYS_PER_YEAR = 365.25;

/**
 * Completed years and days of an age given as `value` in `unit`.
 *
 * @example
 * ```ts
 * ageFromUnit('months', 18); // { years: 1, days: 547 }
 * ```
 */
export function ageFromUnit(unit: AgeUnit, value: number): { years: number; days: number } {
  switch (unit) {
    case 'minutes':
    case 'hours':
      return { years: 0, days: unit === 'hours' ? Math.floor(value / 24) : 0 };
    case 'days':
      return { years: Math.floor(value / DAYS_PER_YEAR), days: value };
    case 'months':
      return { years: Math.floor(value / 12), days: Math.floor(value * DAYS_PER_MONTH) };
    case 'years':
      return { years: value, days: Math.floor(value * DAYS_PER_YEAR) };
    case 'centenarian':
      return { years: 100 + value, days: Math.floor((100 + value) * DAYS_PER_YEAR) };
  }
}

/** Integer values of a Utf8 or numeric column: NaN for null/blank, −1 for text that is not a number. */
function readIntegers(column: Vector | Data): Float64Array {
  const chunks: readonly Data<DataType>[] = column instanceof Vector ? column.data : [column];
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const data of chunks) {
    const vector = makeVector(data);
    const isText = data.valueOffsets !== undefined && data.values instanceof Uint8Array && String(data.type) === 'Utf8';
    for (let i = 0; i < data.length; i++, at++) {
      const j = data.offset + i;
      const present = data.nullCount === 0 || ((data.nullBitmap?.[j >> 3] ?? 0) & (1 << (j & 7))) !== 0;
      if (!present) {
        out[at] = Number.NaN;
        continue;
      }
      if (isText) {
        const bytes = data.values as Uint8Array;
        let start = data.valueOffsets[i] ?? 0;
        let end = data.valueOffsets[i + 1] ?? 0;
        while (start < end && bytes[start] === 32) start++;
        while (end > start && bytes[end - 1] === 32) end--;
        if (start === end) {
          out[at] = Number.NaN;
          continue;
        }
        let value = 0;
        for (let k = start; k < end; k++) {
          const d = (bytes[k] ?? 0) - 48;
          if (d < 0 || d > 9) {
            value = -1;
            break;
          }
          value = value * 10 + d;
        }
        out[at] = value;
      } else {
        const raw: unknown = vector.get(i);
        const value = raw === null || raw === undefined ? Number.NaN : Number(raw);
        out[at] = Number.isNaN(value) || (Number.isInteger(value) && value >= 0) ? value : -1;
      }
    }
  }
  return out;
}

function build(length: number, decode: (i: number) => { years: number; days: number } | null | undefined): AgeColumns {
  const years = new Int32Array(length);
  const days = new Int32Array(length);
  const validity = new Uint8Array((length + 7) >> 3);
  const counts: AgeCounts = { valid: 0, invalid: 0, nulls: 0 };
  for (let i = 0; i < length; i++) {
    const age = decode(i);
    if (age === null) counts.nulls++;
    else if (age === undefined) counts.invalid++;
    else {
      years[i] = age.years;
      days[i] = age.days;
      validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
      counts.valid++;
    }
  }
  const nullCount = counts.nulls + counts.invalid;
  const bitmap = nullCount > 0 ? validity : null;
  return {
    years: makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap: bitmap, data: years })),
    days: makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap: bitmap, data: days })),
    counts,
  };
}

const SIM_UNITS: readonly (AgeUnit | undefined)[] = ['minutes', 'hours', 'days', 'months', 'years', 'centenarian'];

/**
 * Decodes SIM `IDADE` (3 characters: unit digit + 2-digit value).
 *
 * @example
 * ```ts
 * const { years, days } = decodeSimAge(vectorFromArray(['435', '203', '999'], new Utf8()));
 * years.toArray(); // [35, 0, null]
 * ```
 */
export function decodeSimAge(idade: Vector | Data): AgeColumns {
  const codes = readIntegers(idade);
  return build(codes.length, (i) => {
    const code = codes[i] ?? Number.NaN;
    if (Number.isNaN(code) || code === 0 || code === 999) return null;
    if (code < 0 || code > 599) return undefined;
    const unit = SIM_UNITS[Math.floor(code / 100)];
    return unit === undefined ? undefined : ageFromUnit(unit, code % 100);
  });
}

const SIH_UNITS: Record<number, AgeUnit> = { 2: 'days', 3: 'months', 4: 'years', 5: 'centenarian' };

/**
 * Decodes SIH `COD_IDADE` + `IDADE` (two columns of the same length).
 *
 * @example
 * ```ts
 * const { years } = decodeSihAge(vectorFromArray(['4', '3', '5'], new Utf8()), vectorFromArray([35, 6, 2]));
 * years.toArray(); // [35, 0, 102]
 * ```
 */
export function decodeSihAge(codIdade: Vector | Data, idade: Vector | Data): AgeColumns {
  const units = readIntegers(codIdade);
  const values = readIntegers(idade);
  if (units.length !== values.length) {
    throw new ArrowSusError('INVALID_ARGUMENT', `brazil: COD_IDADE has ${units.length} values but IDADE has ${values.length}`);
  }
  return build(units.length, (i) => {
    const unitCode = units[i] ?? Number.NaN;
    const value = values[i] ?? Number.NaN;
    if (Number.isNaN(unitCode) || unitCode === 0) return null;
    const unit = SIH_UNITS[unitCode];
    if (unit === undefined || Number.isNaN(value) || value < 0) return undefined;
    return ageFromUnit(unit, value);
  });
}

const SINAN_UNITS: Record<number, AgeUnit> = { 1: 'hours', 2: 'days', 3: 'months', 4: 'years' };

/**
 * Decodes SINAN `NU_IDADE_N` (4 digits: unit + 3-digit value), text or numeric.
 *
 * @example
 * ```ts
 * const { years } = decodeSinanAge(vectorFromArray([4029, 3006, 2015]));
 * years.toArray(); // [29, 0, 0]
 * ```
 */
export function decodeSinanAge(nuIdadeN: Vector | Data): AgeColumns {
  const codes = readIntegers(nuIdadeN);
  return build(codes.length, (i) => {
    const code = codes[i] ?? Number.NaN;
    if (Number.isNaN(code) || code === 0) return null;
    if (code < 1000 || code > 4999) return undefined;
    const unit = SINAN_UNITS[Math.floor(code / 1000)];
    return unit === undefined ? undefined : ageFromUnit(unit, code % 1000);
  });
}
