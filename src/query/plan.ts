/**
 * The immutable plan a builder produces, and its compiler to SQL for the engines' catalog tables.
 * Pure: no I/O.
 *
 * @module
 */

/**
 * An aggregate function of {@link SelectItem}.
 *
 * @example
 * ```ts
 * const fn: AggregateFunction = 'sum';
 * ```
 */
export type AggregateFunction = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max';

/**
 * One output column: a column, or an aggregate with its alias.
 *
 * @example
 * ```ts
 * const item: SelectItem = { kind: 'aggregate', fn: 'sum', column: 'VAL_TOT', alias: 'total' };
 * ```
 */
export type SelectItem =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFunction; readonly column: string | null; readonly alias: string };

/**
 * A comparison operator of {@link Condition}.
 *
 * @example
 * ```ts
 * const op: ComparisonOperator = '>=';
 * ```
 */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'like' | 'in' | 'not in' | 'is null' | 'is not null';

/**
 * A literal value in a condition.
 *
 * @example
 * ```ts
 * const value: Literal = new Date(Date.UTC(2023, 0, 31));
 * ```
 */
export type Literal = string | number | boolean | Date | null;

/**
 * One row condition (conditions are joined with AND).
 *
 * @example
 * ```ts
 * const c: Condition = { column: 'DIAG_PRINC', op: 'like', value: 'I21%' };
 * ```
 */
export interface Condition {
  readonly column: string;
  readonly op: ComparisonOperator;
  readonly value: Literal | readonly Literal[];
}

/**
 * A year or month selection: one value, a list, or an inclusive range.
 *
 * @example
 * ```ts
 * const years: PeriodSelection = { from: 2019, to: 2023 };
 * ```
 */
export type PeriodSelection = number | readonly number[] | { readonly from: number; readonly to: number };

/**
 * Everything a builder has been told; builders never mutate it (each call returns a new plan).
 *
 * @example
 * ```ts
 * const plan: QueryPlan = sus.sih.rd().uf('SP').year(2023).month(1).plan;
 * compileSql(plan); // "SELECT * FROM sih_rd WHERE uf IN ('SP') AND year = 2023 AND month = 1"
 * ```
 */
export interface QueryPlan {
  /** Engine table, e.g. `sih_rd`. */
  readonly table: string;
  readonly uf: readonly string[] | null;
  readonly year: PeriodSelection | null;
  readonly month: PeriodSelection | null;
  readonly select: readonly SelectItem[];
  readonly where: readonly Condition[];
  readonly groupBy: readonly string[];
  readonly orderBy: readonly { readonly column: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit: number | null;
}

/**
 * A quoted SQL identifier.
 *
 * @example
 * ```ts
 * quoteIdentifier('VAL_TOT'); // '"VAL_TOT"'
 * ```
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL literal (strings quoted, dates as `DATE 'YYYY-MM-DD'`, null as NULL).
 *
 * @example
 * ```ts
 * sqlLiteral("O'Brien"); // "'O''Brien'"
 * ```
 */
export function sqlLiteral(value: Literal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`query: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `DATE '${value.toISOString().slice(0, 10)}'`;
  return `'${value.replaceAll("'", "''")}'`;
}

function period(column: string, selection: PeriodSelection): string {
  if (typeof selection === 'number') return `${column} = ${sqlLiteral(selection)}`;
  if (Array.isArray(selection)) return `${column} IN (${(selection as readonly number[]).map(sqlLiteral).join(', ')})`;
  const range = selection as { from: number; to: number };
  return `${column} BETWEEN ${sqlLiteral(range.from)} AND ${sqlLiteral(range.to)}`;
}

function condition(c: Condition): string {
  const column = quoteIdentifier(c.column);
  if (c.op === 'is null' || c.op === 'is not null') return `${column} ${c.op.toUpperCase()}`;
  if (c.op === 'in' || c.op === 'not in') {
    const values = Array.isArray(c.value) ? (c.value as readonly Literal[]) : [c.value as Literal];
    if (values.length === 0) return c.op === 'in' ? 'FALSE' : 'TRUE';
    return `${column} ${c.op.toUpperCase()} (${values.map(sqlLiteral).join(', ')})`;
  }
  return `${column} ${c.op === 'like' ? 'LIKE' : c.op} ${sqlLiteral(c.value as Literal)}`;
}

function selectItem(item: SelectItem): string {
  if (item.kind === 'column') return quoteIdentifier(item.column);
  const argument = item.column === null ? '*' : quoteIdentifier(item.column);
  const call = item.fn === 'count_distinct' ? `count(DISTINCT ${argument})` : `${item.fn}(${argument})`;
  return `${call} AS ${quoteIdentifier(item.alias)}`;
}

/**
 * The SQL of a plan, for any engine's catalog tables. Partition selections come first in the
 * WHERE clause, in the plain forms the engines prune on (`uf IN`, `year =`/`IN`/`BETWEEN`).
 *
 * @example
 * ```ts
 * compileSql(sus.sim.do().uf('AC').year(2022).groupBy('CAUSABAS').agg({ n: count() }).plan);
 * // 'SELECT "CAUSABAS", count(*) AS "n" FROM sim_do WHERE uf IN (\'AC\') AND year = 2022 GROUP BY "CAUSABAS"'
 * ```
 */
export function compileSql(plan: QueryPlan): string {
  const where: string[] = [];
  if (plan.uf !== null) where.push(`uf IN (${plan.uf.map(sqlLiteral).join(', ')})`);
  if (plan.year !== null) where.push(period('year', plan.year));
  if (plan.month !== null) where.push(period('month', plan.month));
  where.push(...plan.where.map(condition));
  const select = plan.select.length === 0 ? '*' : plan.select.map(selectItem).join(', ');
  let sql = `SELECT ${select} FROM ${plan.table}`;
  if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
  if (plan.groupBy.length > 0) sql += ` GROUP BY ${plan.groupBy.map(quoteIdentifier).join(', ')}`;
  if (plan.orderBy.length > 0) sql += ` ORDER BY ${plan.orderBy.map((o) => `${quoteIdentifier(o.column)} ${o.direction.toUpperCase()}`).join(', ')}`;
  if (plan.limit !== null) sql += ` LIMIT ${plan.limit}`;
  return sql;
}
