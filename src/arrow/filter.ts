/**
 * Row filters on Arrow record batches, with the same meaning as the DBF reader's raw-byte filter
 * (`evaluatePredicate` in `dbf/predicate-eval.ts` is the reference): SQL three-valued logic, text
 * compared in code-unit order with trailing blanks of literals ignored, dates by day, numbers by
 * value. Used when rows come from the Parquet cache instead of a DBF.
 *
 * @module
 */
import type { RecordBatch, Schema, Vector } from 'apache-arrow';
import { Type } from 'apache-arrow';
import type { Predicate, PredicateLiteral } from '../dbf/predicate.js';
import { ArrowSusError } from '../errors.js';
import { takeRows } from './take.js';

const DAY_MS = 86_400_000;
const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;

/** Three-valued test of one row: 0 false, 1 true, 2 unknown. */
type RowTest = (row: number) => number;
/** Reads a comparable value of one row: string, number, or null. */
type Reader = (row: number) => string | number | boolean | null;

/**
 * Columns a predicate reads (upper-cased names as they appear in the schema).
 *
 * @example
 * ```ts
 * predicateFields(parsePredicate("uf_zi = '35'"), schema); // ['UF_ZI']
 * ```
 */
export function predicateFields(predicate: Predicate, schema: Schema): string[] {
  const names = new Set<string>();
  const visit = (node: Predicate): void => {
    if (node.kind === 'and' || node.kind === 'or') node.args.forEach(visit);
    else if (node.kind === 'not') visit(node.arg);
    else names.add(fieldName(schema, node.column));
  };
  visit(predicate);
  return [...names];
}

function fieldName(schema: Schema, column: string): string {
  const exact = schema.fields.find((f) => f.name === column);
  const found = exact ?? schema.fields.find((f) => f.name.toUpperCase() === column.toUpperCase());
  if (found === undefined) {
    throw new ArrowSusError('DBF_UNKNOWN_COLUMN', `filter: the table has no column "${column}"`, { details: { column } });
  }
  return found.name;
}

function literalDays(value: PredicateLiteral): number {
  if (value instanceof Date) return Math.floor(value.getTime() / DAY_MS);
  const digits = String(value).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (match === null) throw new ArrowSusError('PREDICATE_INVALID', `filter: ${String(value)} is not a YYYY-MM-DD date`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** How values of a column compare with literals. */
function comparer(vector: Vector): { read: Reader; literal: (value: PredicateLiteral) => string | number | boolean } {
  const typeId = (vector.type as { typeId: Type }).typeId;
  if (typeId === Type.Date) {
    return { read: (row) => (vector.isValid(row) ? Math.floor(Number(vector.get(row)) / DAY_MS) : null), literal: literalDays };
  }
  if (typeId === Type.Int || typeId === Type.Float || typeId === Type.Decimal) {
    return {
      read: (row) => {
        const value: unknown = vector.get(row);
        return value === null || value === undefined ? null : Number(value);
      },
      literal: (value) => Number(value),
    };
  }
  if (typeId === Type.Bool) {
    return {
      read: (row) => (vector.get(row) as boolean | null) ?? null,
      literal: (value) => value === true || value === 1 || ['T', 'Y', 'TRUE'].includes(String(value).toUpperCase()),
    };
  }
  return {
    read: (row) => (vector.get(row) as string | null) ?? null,
    literal: (value) => String(value).replace(/[ \0]+$/, ''),
  };
}

/** Sign of a − b; NaN when a number is NaN (the comparison is then unknown, as in SQL). */
function sign(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'boolean') return a === b ? 0 : 1;
  if (typeof a === 'number' && (Number.isNaN(a) || Number.isNaN(b as number))) return NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compile(node: Predicate, batch: RecordBatch): RowTest {
  switch (node.kind) {
    case 'and': {
      const tests = node.args.map((arg) => compile(arg, batch));
      return (row) => {
        let result = TRUE;
        for (const test of tests) {
          const value = test(row);
          if (value === FALSE) return FALSE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
    }
    case 'or': {
      const tests = node.args.map((arg) => compile(arg, batch));
      return (row) => {
        let result = FALSE;
        for (const test of tests) {
          const value = test(row);
          if (value === TRUE) return TRUE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
    }
    case 'not': {
      const test = compile(node.arg, batch);
      return (row) => {
        const value = test(row);
        return value === UNKNOWN ? UNKNOWN : 1 - value;
      };
    }
    default:
      break;
  }
  const vector = batch.getChild(fieldName(batch.schema, node.column));
  if (vector === null) throw new ArrowSusError('DBF_UNKNOWN_COLUMN', `filter: the table has no column "${node.column}"`);
  const { read, literal } = comparer(vector);
  switch (node.kind) {
    case 'isNull':
      return (row) => (read(row) === null ? TRUE : FALSE);
    case 'startsWith': {
      const prefix = node.prefix;
      return (row) => {
        const value = read(row);
        return value === null ? UNKNOWN : String(value).startsWith(prefix) ? TRUE : FALSE;
      };
    }
    case 'in': {
      const wanted = node.values.map(literal);
      return (row) => {
        const value = read(row);
        if (value === null) return UNKNOWN;
        return wanted.some((w) => sign(value, w) === 0) ? TRUE : FALSE;
      };
    }
    case 'between': {
      const low = literal(node.low);
      const high = literal(node.high);
      return (row) => {
        const value = read(row);
        if (value === null) return UNKNOWN;
        const above = sign(value, low);
        const below = sign(value, high);
        if (above !== above || below !== below) return UNKNOWN;
        return above >= 0 && below <= 0 ? TRUE : FALSE;
      };
    }
    case 'compare': {
      const target = literal(node.value);
      const ok: (s: number) => boolean = {
        '=': (s: number) => s === 0,
        '<>': (s: number) => s !== 0,
        '<': (s: number) => s < 0,
        '<=': (s: number) => s <= 0,
        '>': (s: number) => s > 0,
        '>=': (s: number) => s >= 0,
      }[node.op];
      return (row) => {
        const value = read(row);
        if (value === null) return UNKNOWN;
        const s = sign(value, target);
        return s !== s ? UNKNOWN : ok(s) ? TRUE : FALSE;
      };
    }
  }
}

/**
 * Keeps the rows of `batch` for which `predicate` is true (not false, not unknown).
 *
 * @example
 * ```ts
 * const sp = filterBatch(batch, parsePredicate("UF_ZI = '350000'"));
 * ```
 */
export function filterBatch(batch: RecordBatch, predicate: Predicate): RecordBatch {
  const test = compile(predicate, batch);
  const selected = new Int32Array(batch.numRows);
  let count = 0;
  for (let row = 0; row < batch.numRows; row++) if (test(row) === TRUE) selected[count++] = row;
  if (count === batch.numRows) return batch;
  return takeRows(batch, selected.subarray(0, count));
}
