/**
 * Row predicates: a small immutable expression tree, built with the functions below or parsed
 * from SQL-like text by `parsePredicate`. The reader compiles it against a header into a closure
 * over raw record bytes (see `compilePredicate`), so rejected rows are never decoded.
 *
 * Semantics are SQL's: a comparison with a null value (blank field, unparsable number or date) is
 * unknown, `NOT unknown` is unknown, and only rows where the whole predicate is true are kept.
 *
 * @module
 */

/** A literal in a predicate. Dates are `YYYY-MM-DD` / `YYYYMMDD` strings or `Date` (UTC) values. */
export type PredicateLiteral = string | number | boolean | Date;

/** Comparison operators. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A row predicate (immutable plain data; safe to serialise except for `Date` literals). */
export type Predicate =
  | { readonly kind: 'compare'; readonly column: string; readonly op: ComparisonOperator; readonly value: PredicateLiteral }
  | { readonly kind: 'in'; readonly column: string; readonly values: readonly PredicateLiteral[] }
  | { readonly kind: 'between'; readonly column: string; readonly low: PredicateLiteral; readonly high: PredicateLiteral }
  | { readonly kind: 'startsWith'; readonly column: string; readonly prefix: string }
  | { readonly kind: 'isNull'; readonly column: string }
  | { readonly kind: 'and'; readonly args: readonly Predicate[] }
  | { readonly kind: 'or'; readonly args: readonly Predicate[] }
  | { readonly kind: 'not'; readonly arg: Predicate };

const compare = (column: string, op: ComparisonOperator, value: PredicateLiteral): Predicate => Object.freeze({ kind: 'compare', column, op, value });

/**
 * `column = value`.
 *
 * @example
 * ```ts
 * eq('UF_ZI', '350000');
 * ```
 */
export const eq = (column: string, value: PredicateLiteral): Predicate => compare(column, '=', value);
/**
 * `column <> value`.
 *
 * @example
 * ```ts
 * ne('SEXO', '1');
 * ```
 */
export const ne = (column: string, value: PredicateLiteral): Predicate => compare(column, '<>', value);
/**
 * `column < value`.
 *
 * @example
 * ```ts
 * lt('DT_INTER', '2020-01-01');
 * ```
 */
export const lt = (column: string, value: PredicateLiteral): Predicate => compare(column, '<', value);
/**
 * `column <= value`.
 *
 * @example
 * ```ts
 * le('VAL_TOT', 100);
 * ```
 */
export const le = (column: string, value: PredicateLiteral): Predicate => compare(column, '<=', value);
/**
 * `column > value`.
 *
 * @example
 * ```ts
 * gt('IDADE', '400');
 * ```
 */
export const gt = (column: string, value: PredicateLiteral): Predicate => compare(column, '>', value);
/**
 * `column >= value`.
 *
 * @example
 * ```ts
 * ge('NU_IDADE_N', 4018);
 * ```
 */
export const ge = (column: string, value: PredicateLiteral): Predicate => compare(column, '>=', value);

/**
 * `column IN (values…)`.
 *
 * @example
 * ```ts
 * isIn('UF_ZI', ['350000', '330000']);
 * ```
 */
export function isIn(column: string, values: readonly PredicateLiteral[]): Predicate {
  return Object.freeze({ kind: 'in', column, values: Object.freeze([...values]) });
}

/**
 * `column BETWEEN low AND high` (both ends included).
 *
 * @example
 * ```ts
 * between('DT_NOTIFIC', '2020-01-01', '2020-06-30');
 * ```
 */
export function between(column: string, low: PredicateLiteral, high: PredicateLiteral): Predicate {
  return Object.freeze({ kind: 'between', column, low, high });
}

/**
 * Text starts with `prefix` (`LIKE 'prefix%'`).
 *
 * @example
 * ```ts
 * startsWith('DIAG_PRINC', 'I2');
 * ```
 */
export function startsWith(column: string, prefix: string): Predicate {
  return Object.freeze({ kind: 'startsWith', column, prefix });
}

/**
 * `column IS NULL` (blank field, or a number/date that does not parse); wrap in {@link not} for `IS NOT NULL`.
 *
 * @example
 * ```ts
 * not(isNull('DT_OBITO'));
 * ```
 */
export function isNull(column: string): Predicate {
  return Object.freeze({ kind: 'isNull', column });
}

/**
 * All of the predicates (true when given none).
 *
 * @example
 * ```ts
 * and(eq('UF_ZI', '350000'), ge('IDADE', '400'));
 * ```
 */
export function and(...args: Predicate[]): Predicate {
  return Object.freeze({ kind: 'and', args: Object.freeze([...args]) });
}

/**
 * Any of the predicates (false when given none).
 *
 * @example
 * ```ts
 * or(eq('SEXO', '1'), eq('SEXO', 'M'));
 * ```
 */
export function or(...args: Predicate[]): Predicate {
  return Object.freeze({ kind: 'or', args: Object.freeze([...args]) });
}

/**
 * Negation (unknown stays unknown).
 *
 * @example
 * ```ts
 * not(isIn('UF_ZI', ['350000']));
 * ```
 */
export function not(arg: Predicate): Predicate {
  return Object.freeze({ kind: 'not', arg });
}

/**
 * The column names a predicate reads, in first-use order, without duplicates.
 *
 * @example
 * ```ts
 * predicateColumns(and(eq('A', '1'), eq('B', '2'), eq('A', '3'))); // ['A', 'B']
 * ```
 */
export function predicateColumns(predicate: Predicate): string[] {
  const out: string[] = [];
  const walk = (p: Predicate): void => {
    if (p.kind === 'and' || p.kind === 'or') p.args.forEach(walk);
    else if (p.kind === 'not') walk(p.arg);
    else if (!out.includes(p.column)) out.push(p.column);
  };
  walk(predicate);
  return out;
}

function formatLiteral(value: PredicateLiteral): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return `'${text.replaceAll("'", "''")}'`;
}

function formatName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toUpperCase()) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * Reserved words of the predicate syntax (a column named like one must be double-quoted).
 *
 * @example
 * ```ts
 * KEYWORDS.has('BETWEEN'); // true: write "BETWEEN" = 1 for a column of that name
 * ```
 */
export const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'BETWEEN', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE']);

/**
 * Prints a predicate in the syntax {@link parsePredicate} reads (round-trips; fully parenthesised).
 *
 * @example
 * ```ts
 * formatPredicate(and(eq('UF_ZI', '350000'), startsWith('CID', 'I2')));
 * // "(UF_ZI = '350000' AND CID LIKE 'I2%')"
 * ```
 */
export function formatPredicate(predicate: Predicate): string {
  switch (predicate.kind) {
    case 'compare':
      return `${formatName(predicate.column)} ${predicate.op} ${formatLiteral(predicate.value)}`;
    case 'in':
      return `${formatName(predicate.column)} IN (${predicate.values.map(formatLiteral).join(', ')})`;
    case 'between':
      return `${formatName(predicate.column)} BETWEEN ${formatLiteral(predicate.low)} AND ${formatLiteral(predicate.high)}`;
    case 'startsWith':
      return /[%_]/.test(predicate.prefix)
        ? `startsWith(${formatName(predicate.column)}, ${formatLiteral(predicate.prefix)})`
        : `${formatName(predicate.column)} LIKE ${formatLiteral(`${predicate.prefix}%`)}`;
    case 'isNull':
      return `${formatName(predicate.column)} IS NULL`;
    case 'not':
      return `NOT (${formatPredicate(predicate.arg)})`;
    case 'and':
    case 'or':
      // An empty AND is always true and an empty OR always false; the parser reads them back.
      if (predicate.args.length === 0) return predicate.kind === 'and' ? 'TRUE' : 'FALSE';
      return `(${predicate.args.map(formatPredicate).join(predicate.kind === 'and' ? ' AND ' : ' OR ')})`;
  }
}
