/**
 * Evaluates a {@link Predicate} on decoded values: the reference meaning of a filter, which the
 * raw-byte compiler reproduces. Useful to filter rows that come from elsewhere (an Arrow table,
 * JSON) with the same rules as the reader.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import type { Predicate, PredicateLiteral } from './predicate.js';

const DAY_MS = 86_400_000;

function isoDays(value: PredicateLiteral): number {
  if (value instanceof Date) return Math.floor(value.getTime() / DAY_MS);
  const digits = String(value).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  const time = match === null ? NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (match === null || new Date(time).getUTCDate() !== Number(match[3])) {
    throw new ArrowSusError('PREDICATE_INVALID', `predicate: ${String(value)} is not a YYYY-MM-DD date`, { details: { value: String(value) } });
  }
  return time / DAY_MS;
}

/** 3-valued comparison of a decoded value with a literal: sign, or NaN when the value is null. */
function compareValue(value: unknown, literal: PredicateLiteral): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'string') {
    const text = String(literal).replace(/[ \0]+$/, '');
    return value < text ? -1 : value > text ? 1 : 0;
  }
  if (value instanceof Date) return Math.sign(Math.floor(value.getTime() / DAY_MS) - isoDays(literal));
  if (typeof value === 'boolean') {
    const wanted = literal === true || literal === 1 || ['T', 'Y', 'TRUE'].includes(String(literal).toUpperCase());
    return value === wanted ? 0 : 1;
  }
  const number = typeof value === 'bigint' ? Number(value) : Number(value);
  return Math.sign(number - Number(literal));
}

/** Options for {@link evaluatePredicate}. */
export interface EvaluatePredicateOptions {
  /** Columns holding dates as epoch milliseconds (what Arrow's DateDay vectors return). */
  readonly dateColumns?: readonly string[];
}

/**
 * Evaluates a predicate on one row of decoded values (`string | number | bigint | boolean | Date |
 * null`), with SQL three-valued logic; column names match case-insensitively. Returns true only
 * when the predicate is true (not false, not unknown). Text compares by UTF-16 code units and
 * ignores trailing blanks of literals, like the raw-byte filter does for Latin-1 and UTF-8 text.
 *
 * @example
 * ```ts
 * evaluatePredicate(parsePredicate("UF_ZI = '350000'"), { UF_ZI: '350000' }); // true
 * ```
 */
export function evaluatePredicate(predicate: Predicate, row: Readonly<Record<string, unknown>>, options: EvaluatePredicateOptions = {}): boolean {
  const keys = new Map(Object.keys(row).map((k) => [k.toUpperCase(), k]));
  const dates = new Set((options.dateColumns ?? []).map((c) => c.toUpperCase()));
  const get = (column: string): unknown => {
    const key = keys.get(column.toUpperCase());
    if (key === undefined) throw new ArrowSusError('DBF_UNKNOWN_COLUMN', `predicate: the row has no column "${column}"`, { details: { column } });
    const value = row[key];
    return typeof value === 'number' && dates.has(column.toUpperCase()) ? new Date(value) : value;
  };
  const evaluate = (p: Predicate): number => {
    switch (p.kind) {
      case 'and': {
        let result = 1;
        for (const arg of p.args) {
          const r = evaluate(arg);
          if (r === 0) return 0;
          if (r === 2) result = 2;
        }
        return result;
      }
      case 'or': {
        let result = 0;
        for (const arg of p.args) {
          const r = evaluate(arg);
          if (r === 1) return 1;
          if (r === 2) result = 2;
        }
        return result;
      }
      case 'not': {
        const r = evaluate(p.arg);
        return r === 2 ? 2 : 1 - r;
      }
      case 'isNull': {
        const value = get(p.column);
        return value === null || value === undefined ? 1 : 0;
      }
      case 'startsWith': {
        const value = get(p.column);
        if (value === null || value === undefined) return 2;
        return String(value).startsWith(p.prefix) ? 1 : 0;
      }
      case 'between': {
        const value = get(p.column);
        const low = compareValue(value, p.low);
        const high = compareValue(value, p.high);
        if (low !== low || high !== high) return 2;
        return low >= 0 && high <= 0 ? 1 : 0;
      }
      case 'in': {
        const value = get(p.column);
        if (value === null || value === undefined) return 2;
        return p.values.some((literal) => compareValue(value, literal) === 0) ? 1 : 0;
      }
      case 'compare': {
        const c = compareValue(get(p.column), p.value);
        if (c !== c) return 2;
        switch (p.op) {
          case '=':
            return c === 0 ? 1 : 0;
          case '<>':
            return c !== 0 ? 1 : 0;
          case '<':
            return c < 0 ? 1 : 0;
          case '<=':
            return c <= 0 ? 1 : 0;
          case '>':
            return c > 0 ? 1 : 0;
          case '>=':
            return c >= 0 ? 1 : 0;
        }
      }
    }
  };
  return evaluate(predicate) === 1;
}
