/**
 * The typed query builder: `sus.sih.rd().uf('SP').year(2023).month(1).select('MUNIC_RES', 'VAL_TOT')`.
 * Every call returns a new builder over a new immutable {@link QueryPlan}. The compiler tracks which
 * required parameters were given (phantom type parameters): `.collect()` on a monthly dataset
 * without `.year()` and `.month()`, or a yearly one without `.year()`, does not compile, and the
 * error names what is missing (`Type 'MonthRequiredBeforeCollect' has no call signatures`). Column
 * names and value types come from the dataset's known columns. Pure: running is delegated to a
 * {@link QueryRunner}.
 *
 * @module
 */
import type { ColumnType } from './columns.js';
import { compileSql, type AggregateFunction, type Condition, type Literal, type PeriodSelection, type QueryPlan, type SelectItem } from './plan.js';

/**
 * A dataset's columns: name → Arrow type.
 *
 * @example
 * ```ts
 * const columns: ColumnMap = SIH_RD;
 * ```
 */
export type ColumnMap = Readonly<Record<string, ColumnType>>;

/**
 * The partition columns every table has.
 *
 * @example
 * ```ts
 * const type: PartitionColumnMap['uf'] = 'Utf8';
 * ```
 */
export type PartitionColumnMap = { readonly uf: 'Utf8'; readonly year: 'Int32'; readonly month: 'Int32' };

/**
 * Column names a builder accepts.
 *
 * @example
 * ```ts
 * const column: ColumnName<typeof SIH_RD> = 'VAL_TOT';
 * ```
 */
export type ColumnName<C extends ColumnMap> = Extract<keyof (C & PartitionColumnMap), string>;

/**
 * The TypeScript type of a value compared with a column of Arrow type `T`.
 *
 * @example
 * ```ts
 * const value: ValueOf<'Float64'> = 1000;
 * ```
 */
export type ValueOf<T> = T extends 'Utf8' ? string : T extends 'Date32' ? Date | string : T extends 'Int32' | 'Int64' | 'Float64' ? number : Literal;

type TypeOf<C extends ColumnMap, K extends string> = K extends keyof PartitionColumnMap ? PartitionColumnMap[K] : K extends keyof C ? C[K] : never;

/**
 * How often a dataset publishes files: monthly datasets need a month as well as a year.
 *
 * @example
 * ```ts
 * const cadence: Cadence = 'monthly';
 * ```
 */
export type Cadence = 'monthly' | 'yearly' | 'static';

/**
 * What `.collect()` is when `.year()` was not called: not callable, and named after the fix.
 *
 * @example
 * ```ts
 * // sus.sih.rd().collect(); // error: Type 'YearRequiredBeforeCollect' has no call signatures.
 * ```
 */
export interface YearRequiredBeforeCollect {
  readonly 'call .year(…) before .collect()': never;
}

/**
 * What `.collect()` is on a monthly dataset when `.month()` was not called.
 *
 * @example
 * ```ts
 * // sus.sih.rd().year(2023).collect(); // error: Type 'MonthRequiredBeforeCollect' has no call signatures.
 * ```
 */
export interface MonthRequiredBeforeCollect {
  readonly 'call .month(…) before .collect() (monthly dataset)': never;
}

/**
 * Runs SQL and returns the rows as an Arrow table (an engine; see `arrow-sus/duckdb`).
 *
 * @example
 * ```ts
 * const runner: QueryRunner = { run: async (sql) => (await engine.query(sql)).toTable() };
 * ```
 */
export interface QueryRunner<Result = unknown> {
  run(sql: string): Promise<Result>;
}

type CollectFn<R> = (runner?: QueryRunner<R>) => Promise<R>;
type Collect<G extends Cadence, Y extends boolean, M extends boolean, R> = G extends 'static'
  ? CollectFn<R>
  : Y extends true
    ? G extends 'monthly'
      ? M extends true
        ? CollectFn<R>
        : MonthRequiredBeforeCollect
      : CollectFn<R>
    : YearRequiredBeforeCollect;

/**
 * An aggregate for {@link DatasetQuery.agg}, built with {@link count}, {@link sum} ….
 *
 * @example
 * ```ts
 * const total: Aggregate<'VAL_TOT'> = sum('VAL_TOT');
 * ```
 */
export interface Aggregate<K extends string = string> {
  readonly fn: AggregateFunction;
  readonly column: K | null;
}

/**
 * A query over one dataset. `C`: its columns; `G`: its cadence; `Y`/`M`: whether year/month were given.
 *
 * @example
 * ```ts
 * const q = sus.sih.rd().uf('SP').year(2023).month(1).select('MUNIC_RES', 'VAL_TOT').where('VAL_TOT', '>', 1000);
 * q.toSql();
 * ```
 */
export interface DatasetQuery<C extends ColumnMap, G extends Cadence, Y extends boolean, M extends boolean, R = unknown> {
  readonly plan: QueryPlan;
  /** Only these UFs (`BR` for national files). */
  uf(...ufs: readonly string[]): DatasetQuery<C, G, Y, M, R>;
  /** A year, a list of years or `{ from, to }`. */
  year(selection: PeriodSelection): DatasetQuery<C, G, true, M, R>;
  /** A month (1–12), a list or `{ from, to }` (monthly datasets). */
  month(selection: G extends 'monthly' ? PeriodSelection : never): DatasetQuery<C, G, Y, true, R>;
  /** Output columns (default all). */
  select(...columns: readonly ColumnName<C>[]): DatasetQuery<C, G, Y, M, R>;
  /** A row condition; conditions add up with AND. */
  where<K extends ColumnName<C>>(column: K, op: '=' | '<>' | '<' | '<=' | '>' | '>=', value: ValueOf<TypeOf<C, K>>): DatasetQuery<C, G, Y, M, R>;
  where<K extends ColumnName<C>>(column: K, op: 'in' | 'not in', values: readonly ValueOf<TypeOf<C, K>>[]): DatasetQuery<C, G, Y, M, R>;
  where<K extends ColumnName<C>>(column: K, op: 'like', pattern: TypeOf<C, K> extends 'Utf8' ? string : never): DatasetQuery<C, G, Y, M, R>;
  where(column: ColumnName<C>, op: 'is null' | 'is not null'): DatasetQuery<C, G, Y, M, R>;
  /** Grouping columns (then {@link DatasetQuery.agg}). */
  groupBy(...columns: readonly ColumnName<C>[]): DatasetQuery<C, G, Y, M, R>;
  /** Aggregates by alias, output after the grouping columns. */
  agg(aggregates: Readonly<Record<string, Aggregate<ColumnName<C>>>>): DatasetQuery<C, G, Y, M, R>;
  orderBy(column: string, direction?: 'asc' | 'desc'): DatasetQuery<C, G, Y, M, R>;
  limit(rows: number): DatasetQuery<C, G, Y, M, R>;
  /** The SQL the engines run. */
  toSql(): string;
  /** Runs the query (with `runner`, else the default engine); needs the required parameters. */
  readonly collect: Collect<G, Y, M, R>;
}

/**
 * `count()` rows, or `count('COL')` non-null values.
 *
 * @example
 * ```ts
 * sus.sim.do().year(2022).groupBy('uf').agg({ deaths: count() });
 * ```
 */
export function count<K extends string>(column?: K): Aggregate<K> {
  return { fn: 'count', column: column ?? null };
}

/**
 * Distinct non-null values of a column.
 *
 * @example
 * ```ts
 * agg({ hospitals: countDistinct('CNES') });
 * ```
 */
export function countDistinct<K extends string>(column: K): Aggregate<K> {
  return { fn: 'count_distinct', column };
}

/**
 * Sum of a column.
 *
 * @example
 * ```ts
 * agg({ total: sum('VAL_TOT') });
 * ```
 */
export function sum<K extends string>(column: K): Aggregate<K> {
  return { fn: 'sum', column };
}

/**
 * Mean of a column.
 *
 * @example
 * ```ts
 * agg({ mean_stay: avg('DIAS_PERM') });
 * ```
 */
export function avg<K extends string>(column: K): Aggregate<K> {
  return { fn: 'avg', column };
}

/**
 * Smallest value of a column.
 *
 * @example
 * ```ts
 * agg({ first: min('DT_INTER') });
 * ```
 */
export function min<K extends string>(column: K): Aggregate<K> {
  return { fn: 'min', column };
}

/**
 * Largest value of a column.
 *
 * @example
 * ```ts
 * agg({ last: max('DT_SAIDA') });
 * ```
 */
export function max<K extends string>(column: K): Aggregate<K> {
  return { fn: 'max', column };
}

class Builder {
  readonly plan: QueryPlan;
  readonly #runner: QueryRunner | undefined;

  constructor(plan: QueryPlan, runner: QueryRunner | undefined) {
    this.plan = Object.freeze(plan);
    this.#runner = runner;
  }

  #with(change: Partial<QueryPlan>): Builder {
    return new Builder({ ...this.plan, ...change }, this.#runner);
  }

  uf(...ufs: readonly string[]): Builder {
    return this.#with({ uf: Object.freeze(ufs.map((uf) => uf.toUpperCase())) });
  }

  year(selection: PeriodSelection): Builder {
    return this.#with({ year: selection });
  }

  month(selection: PeriodSelection): Builder {
    return this.#with({ month: selection });
  }

  select(...columns: readonly string[]): Builder {
    const items: SelectItem[] = columns.map((column) => ({ kind: 'column', column }));
    return this.#with({ select: Object.freeze([...this.plan.select.filter((s) => s.kind === 'aggregate'), ...items]) });
  }

  where(column: string, op: Condition['op'], value: Literal | readonly Literal[] = null): Builder {
    return this.#with({ where: Object.freeze([...this.plan.where, { column, op, value }]) });
  }

  groupBy(...columns: readonly string[]): Builder {
    const items: SelectItem[] = columns.map((column) => ({ kind: 'column', column }));
    return this.#with({ groupBy: Object.freeze([...this.plan.groupBy, ...columns]), select: Object.freeze([...items, ...this.plan.select.filter((s) => s.kind === 'aggregate')]) });
  }

  agg(aggregates: Readonly<Record<string, Aggregate>>): Builder {
    const items: SelectItem[] = Object.entries(aggregates).map(([alias, a]) => ({ kind: 'aggregate', fn: a.fn, column: a.column, alias }));
    return this.#with({ select: Object.freeze([...this.plan.select, ...items]) });
  }

  orderBy(column: string, direction: 'asc' | 'desc' = 'asc'): Builder {
    return this.#with({ orderBy: Object.freeze([...this.plan.orderBy, { column, direction }]) });
  }

  limit(rows: number): Builder {
    if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`query: limit must be a non-negative integer (got ${rows})`);
    return this.#with({ limit: rows });
  }

  toSql(): string {
    return compileSql(this.plan);
  }

  collect = (runner?: QueryRunner): Promise<unknown> => {
    const use = runner ?? this.#runner;
    if (use === undefined) return Promise.reject(new TypeError('query: no engine to run the query (pass a runner, or use the `sus` export of arrow-sus)'));
    return use.run(this.toSql());
  };
}

/**
 * A builder for one engine table (no required-parameter tracking beyond the cadence given).
 *
 * @example
 * ```ts
 * const q = datasetQuery<typeof SIH_RD, 'monthly'>('sih_rd');
 * ```
 */
export function datasetQuery<C extends ColumnMap, G extends Cadence, R = unknown>(table: string, runner?: QueryRunner<R>): DatasetQuery<C, G, false, false, R> {
  const plan: QueryPlan = { table, uf: null, year: null, month: null, select: [], where: [], groupBy: [], orderBy: [], limit: null };
  return new Builder(plan, runner as QueryRunner | undefined) as unknown as DatasetQuery<C, G, false, false, R>;
}
