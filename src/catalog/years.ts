/**
 * Two-digit years and period strings.
 *
 * The century rule is fixed, never relative to today: a 2-digit year `70`–`99` is 19YY and `00`–`69`
 * is 20YY. The oldest 2-digit file on the FTP is SIM CID-9 1979 (`DORAC79`), so the rule is exact for
 * every file published so far and stays valid until 2070. The one exception is IBGE population
 * projections (`PROJUF70.dbf` is 2070), whose rule fixes the century explicitly.
 *
 * @module
 */

/**
 * First 2-digit year read as 19YY.
 *
 * @example
 * ```ts
 * expandYear(String(CENTURY_PIVOT)); // 1970
 * ```
 */
export const CENTURY_PIVOT = 70;

/**
 * Expands a year as written in a file name (2 or 4 digits) to a full year.
 *
 * @example
 * ```ts
 * expandYear('79'); // 1979
 * expandYear('08'); // 2008
 * expandYear('2024'); // 2024
 * expandYear('70', 2000); // 2070
 * ```
 */
export function expandYear(digits: string, century?: 1900 | 2000): number {
  const value = Number(digits);
  if (digits.length !== 2) return value;
  if (century !== undefined) return century + value;
  return value >= CENTURY_PIVOT ? 1900 + value : 2000 + value;
}

/**
 * Writes a full year with the given number of digits, as file names do.
 *
 * @example
 * ```ts
 * formatYear(1995, 2); // '95'
 * formatYear(1995, 4); // '1995'
 * ```
 */
export function formatYear(year: number, digits: 2 | 4): string {
  return digits === 2 ? String(year % 100).padStart(2, '0') : String(year).padStart(4, '0');
}

/**
 * A period as a sortable number: `YYYYMM` for months, `YYYY00` for whole years.
 *
 * @example
 * ```ts
 * const key: PeriodKey = periodKey('2008-01'); // 200801
 * ```
 */
export type PeriodKey = number;

/**
 * Parses `YYYY` or `YYYY-MM` into a {@link PeriodKey}; a bare year maps to its first (`start`) or last month.
 *
 * @example
 * ```ts
 * periodKey('2008-01'); // 200801
 * periodKey('2008', 'end'); // 200812
 * ```
 */
export function periodKey(period: string, edge: 'start' | 'end' = 'start'): PeriodKey {
  const [year, month] = period.split('-');
  const y = Number(year);
  if (month !== undefined) return y * 100 + Number(month);
  return y * 100 + (edge === 'start' ? 1 : 12);
}

const MONTHS_PT = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];

/**
 * Month number (1–12) of a Portuguese three-letter month abbreviation, or null (territorial-base releases
 * are named `…_abr26.zip`).
 *
 * @example
 * ```ts
 * monthFromPortuguese('dez'); // 12
 * ```
 */
export function monthFromPortuguese(abbreviation: string): number | null {
  const index = MONTHS_PT.indexOf(abbreviation.toLowerCase());
  return index < 0 ? null : index + 1;
}
