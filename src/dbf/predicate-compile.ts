/**
 * Compiles a {@link Predicate} against one header into a closure over raw record bytes, so the
 * decoder can drop rows before decoding anything. Each field is read exactly as its column would
 * decode it (same number/date parsers, same trimming), so filtering raw bytes gives the same rows
 * as filtering decoded values with {@link evaluatePredicate}.
 *
 * - text (`C`): literals are encoded once into the field's code page; comparison is on the field
 *   bytes with trailing blanks/NULs removed, in byte order (code-page order: Unicode order for
 *   ASCII, Latin-1 and UTF-8); a literal the code page cannot represent is `PREDICATE_INVALID`.
 * - numbers (`N`/`F`): parsed from the digits; literals may be numbers or numeric strings.
 * - dates (`D`): `YYYYMMDD` parsed to days; literals `YYYY-MM-DD`, `YYYYMMDD` or `Date`.
 * - logicals (`L`): `=`, `<>`, `IN` with booleans (or `T`/`F`).
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { dbfCodec, encodeText, type DbfCodec } from './codec.js';
import type { DbfField, DbfHeader } from './header.js';
import { ParseStatus, daysFromCivil, lastNumberText, parseDbfDate, parseDbfLogical, parseDbfNumber, parseState, trimmedEnd } from './parse-value.js';
import { and, type ComparisonOperator, type Predicate, type PredicateLiteral } from './predicate.js';
import { planColumns, resolveField, type DbfColumnKind, type DbfSchemaOptions } from './schema.js';

/** A compiled predicate: true when the record starting at `bytes[start]` (its flag byte) passes. */
export type RecordFilter = (bytes: Uint8Array, start: number) => boolean;

/** Three-valued test: 0 false, 1 true, 2 unknown (null involved). */
type Test = (bytes: Uint8Array, start: number) => number;
/** Reads a comparable number from a record (a value, or a byte-order comparison result); NaN = null. */
type Reader = (bytes: Uint8Array, start: number) => number;

function invalid(message: string, details: Record<string, unknown>): ArrowSusError {
  return new ArrowSusError('PREDICATE_INVALID', `predicate: ${message}`, { details });
}

interface Column {
  readonly field: DbfField;
  readonly kind: DbfColumnKind;
}

function numberReader(column: Column): Reader {
  const { offset, length, decimals } = column.field;
  const kind = column.kind;
  return (bytes, start) => {
    const s = start + offset;
    const value = parseDbfNumber(bytes, s, s + length);
    if (parseState.status !== ParseStatus.Ok) return NaN;
    if (kind === 'float64') return value;
    if (kind === 'int32') return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 ? value : NaN;
    const text = parseState.long || kind === 'decimal' ? lastNumberText(bytes) : '';
    if (kind === 'int64') {
      if (!Number.isInteger(value)) return NaN;
      if (!parseState.long) return value;
      if (!/^[+-]?\d+(\.0*)?$/.test(text)) return NaN;
      const whole = BigInt(text.replace(/\.0*$/, ''));
      return whole > 9223372036854775807n || whole < -9223372036854775808n ? NaN : value;
    }
    // decimal128: the same exactness rule as the column decoder
    const match = /^[+-]?\d*(?:\.(\d*))?$/.exec(text);
    return match !== null && (match[1] ?? '').replace(/0+$/, '').length <= decimals ? value : NaN;
  };
}

function dateReader(field: DbfField): Reader {
  const { offset, length } = field;
  return (bytes, start) => {
    if (length < 8) return NaN;
    const days = parseDbfDate(bytes, start + offset);
    return parseState.status === ParseStatus.Ok ? days : NaN;
  };
}

function boolReader(field: DbfField): Reader {
  const offset = field.offset;
  return (bytes, start) => {
    const value = parseDbfLogical(bytes[start + offset] as number);
    return parseState.status === ParseStatus.Ok ? value : NaN;
  };
}

/** Compares the trimmed field with `literal` in byte order: negative, 0, positive; NaN for blank. */
function textComparer(field: DbfField, literal: Uint8Array): Reader {
  const { offset, length } = field;
  const m = literal.length;
  return (bytes, start) => {
    const s = start + offset;
    const e = trimmedEnd(bytes, s, s + length);
    if (e === s) return NaN;
    const n = e - s;
    const k = n < m ? n : m;
    for (let i = 0; i < k; i++) {
      const d = (bytes[s + i] as number) - (literal[i] as number);
      if (d !== 0) return d;
    }
    return n - m;
  };
}

function order(read: Reader, op: ComparisonOperator, literal: number): Test {
  switch (op) {
    case '=':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v === literal ? 1 : 0;
      };
    case '<>':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v !== literal ? 1 : 0;
      };
    case '<':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v < literal ? 1 : 0;
      };
    case '<=':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v <= literal ? 1 : 0;
      };
    case '>':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v > literal ? 1 : 0;
      };
    case '>=':
      return (b, s) => {
        const v = read(b, s);
        return v !== v ? 2 : v >= literal ? 1 : 0;
      };
  }
}

class Compiler {
  private readonly columns = new Map<string, Column>();
  private readonly codec: DbfCodec;

  constructor(
    private readonly header: DbfHeader,
    options: DbfSchemaOptions,
  ) {
    this.codec = dbfCodec(options.encoding ?? 'latin1');
    const { columns: _projection, ...typing } = options;
    for (const plan of planColumns(header, typing)) this.columns.set(plan.field.name, plan);
  }

  private column(name: string): Column {
    const column = this.columns.get(resolveField(this.header, name).name) as Column;
    if (column.kind === 'binary' && column.field.type !== 'C') {
      throw invalid(`column ${column.field.name} has DBF type ${column.field.type}, which filters cannot compare`, { column: name });
    }
    return column;
  }

  /** Trailing blanks of a literal are ignored (SQL CHAR comparison), except for prefixes. */
  private textLiteral(column: Column, value: PredicateLiteral, trim = true): Uint8Array {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw invalid(`text column ${column.field.name} compares with quoted text, not ${String(value)}`, { column: column.field.name });
    }
    const text = trim ? String(value).replace(/[ \0]+$/, '') : String(value);
    const bytes = encodeText(text, this.codec);
    if (bytes === undefined) {
      throw invalid(`'${text}' has characters that ${this.codec.encoding} cannot represent, so it can never match column ${column.field.name}`, { column: column.field.name });
    }
    return bytes;
  }

  /** Converts a literal to the number space of the column's reader. */
  private scalar(column: Column, value: PredicateLiteral): number {
    const name = column.field.name;
    switch (column.field.type) {
      case 'D': {
        if (value instanceof Date && !Number.isNaN(value.getTime())) {
          return daysFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
        }
        const digits = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3') : '';
        const days = /^\d{8}$/.test(digits) ? parseDbfDate(new TextEncoder().encode(digits), 0) : 0;
        if (!/^\d{8}$/.test(digits) || parseState.status !== ParseStatus.Ok) {
          throw invalid(`date column ${name} compares with 'YYYY-MM-DD' dates, not ${String(value)}`, { column: name });
        }
        return days;
      }
      case 'L': {
        const text = String(value).toUpperCase();
        if (value === true || value === 1 || ['T', 'Y', 'TRUE'].includes(text)) return 1;
        if (value === false || value === 0 || ['F', 'N', 'FALSE'].includes(text)) return 0;
        throw invalid(`logical column ${name} compares with TRUE or FALSE, not ${String(value)}`, { column: name });
      }
      default: {
        const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : NaN;
        if (!Number.isFinite(number)) throw invalid(`numeric column ${name} compares with numbers, not ${String(value)}`, { column: name });
        return number;
      }
    }
  }

  private reader(column: Column): Reader {
    if (column.field.type === 'D') return dateReader(column.field);
    if (column.field.type === 'L') return boolReader(column.field);
    return numberReader(column);
  }

  private isText(column: Column): boolean {
    return column.field.type === 'C';
  }

  compile(p: Predicate): Test {
    switch (p.kind) {
      case 'and':
        return this.all(p.args.map((arg) => this.compile(arg)));
      case 'or':
        return this.any(p.args.map((arg) => this.compile(arg)));
      case 'not': {
        const inner = this.compile(p.arg);
        return (b, s) => {
          const r = inner(b, s);
          return r === 2 ? 2 : 1 - r;
        };
      }
      case 'between':
        return this.compile(and({ kind: 'compare', column: p.column, op: '>=', value: p.low }, { kind: 'compare', column: p.column, op: '<=', value: p.high }));
      case 'isNull':
        return this.isNull(this.column(p.column));
      case 'startsWith':
        return this.startsWith(this.column(p.column), p.prefix);
      case 'in':
        return this.in(this.column(p.column), p.values);
      case 'compare':
        return this.compare(this.column(p.column), p.op, p.value);
    }
  }

  private compare(column: Column, op: ComparisonOperator, value: PredicateLiteral): Test {
    if (column.field.type === 'L' && op !== '=' && op !== '<>') {
      throw invalid(`logical column ${column.field.name} supports only =, <> and IN`, { column: column.field.name });
    }
    if (!this.isText(column)) return order(this.reader(column), op, this.scalar(column, value));
    const literal = this.textLiteral(column, value);
    if (op === '=') return this.textIn(column, [literal]);
    return order(textComparer(column.field, literal), op, 0);
  }

  private in(column: Column, values: readonly PredicateLiteral[]): Test {
    if (this.isText(column)) return this.textIn(column, values.map((v) => this.textLiteral(column, v)));
    const wanted = new Set(values.map((v) => this.scalar(column, v)));
    const read = this.reader(column);
    return (b, s) => {
      const v = read(b, s);
      return v !== v ? 2 : wanted.has(v) ? 1 : 0;
    };
  }

  /** Equality with any of the literals: trim once, then compare lengths and bytes. */
  private textIn(column: Column, literals: Uint8Array[]): Test {
    const { offset, length } = column.field;
    const candidates = literals.filter((l) => l.length > 0 && l.length <= length);
    return (bytes, start) => {
      const s = start + offset;
      const e = trimmedEnd(bytes, s, s + length);
      if (e === s) return 2;
      const n = e - s;
      for (const literal of candidates) {
        if (literal.length !== n) continue;
        let i = 0;
        while (i < n && bytes[s + i] === literal[i]) i++;
        if (i === n) return 1;
      }
      return 0;
    };
  }

  private startsWith(column: Column, prefix: string): Test {
    if (!this.isText(column)) throw invalid(`LIKE/startsWith needs a text column; ${column.field.name} has DBF type ${column.field.type}`, { column: column.field.name });
    const literal = this.textLiteral(column, prefix, false);
    const { offset, length } = column.field;
    const m = literal.length;
    return (bytes, start) => {
      const s = start + offset;
      const e = trimmedEnd(bytes, s, s + length);
      if (e === s) return 2;
      if (e - s < m) return 0;
      for (let i = 0; i < m; i++) if (bytes[s + i] !== literal[i]) return 0;
      return 1;
    };
  }

  private isNull(column: Column): Test {
    if (this.isText(column)) {
      const { offset, length } = column.field;
      return (bytes, start) => (trimmedEnd(bytes, start + offset, start + offset + length) === start + offset ? 1 : 0);
    }
    const read = this.reader(column);
    return (b, s) => {
      const v = read(b, s);
      return v !== v ? 1 : 0;
    };
  }

  private all(tests: Test[]): Test {
    if (tests.length === 1) return tests[0] as Test;
    if (tests.length === 2) {
      const [x, y] = tests as [Test, Test];
      return (b, s) => {
        const r = x(b, s);
        if (r === 0) return 0;
        const q = y(b, s);
        return q === 0 ? 0 : r === 2 || q === 2 ? 2 : 1;
      };
    }
    return (b, s) => {
      let unknown = false;
      for (const t of tests) {
        const r = t(b, s);
        if (r === 0) return 0;
        if (r === 2) unknown = true;
      }
      return unknown ? 2 : 1;
    };
  }

  private any(tests: Test[]): Test {
    if (tests.length === 1) return tests[0] as Test;
    return (b, s) => {
      let unknown = false;
      for (const t of tests) {
        const r = t(b, s);
        if (r === 1) return 1;
        if (r === 2) unknown = true;
      }
      return unknown ? 2 : 0;
    };
  }
}

/**
 * Compiles a predicate for one header (once per file). Throws `DBF_UNKNOWN_COLUMN` for a column
 * the table lacks and `PREDICATE_INVALID` for a literal that does not fit its column's type.
 * Typing options (`encoding`, `integers`, `decimals`) must match the read's, so that a number is
 * null for the filter exactly when it is null in the decoded column.
 *
 * @example
 * ```ts
 * const keep = compilePredicate(parsePredicate("UF_ZI = '350000'"), header);
 * keep(bytes, header.headerLength); // does the first record match?
 * ```
 */
export function compilePredicate(predicate: Predicate, header: DbfHeader, options: DbfSchemaOptions = {}): RecordFilter {
  const test = new Compiler(header, options).compile(predicate);
  return (bytes, start) => test(bytes, start) === 1;
}
