/**
 * The typed query builder (`arrow-sus/query`): builder → immutable plan → SQL for the engines'
 * catalog tables. Pure: bring an engine (`arrow-sus/duckdb`) or use the `sus` export of
 * `arrow-sus`, which runs on DuckDB.
 *
 * @example
 * ```ts
 * import { createSus, sum } from 'arrow-sus/query';
 * const q = createSus().sih.rd().uf('SP').year(2023).month(1).groupBy('MUNIC_RES').agg({ total: sum('VAL_TOT') });
 * q.toSql();
 * ```
 *
 * @module
 */
export { avg, count, countDistinct, datasetQuery, max, min, sum } from './builder.js';
export type {
  Aggregate,
  Cadence,
  ColumnMap,
  ColumnName,
  DatasetQuery,
  MonthRequiredBeforeCollect,
  PartitionColumnMap,
  QueryRunner,
  ValueOf,
  YearRequiredBeforeCollect,
} from './builder.js';
export { compileSql, quoteIdentifier, sqlLiteral } from './plan.js';
export type { AggregateFunction, ComparisonOperator, Condition, Literal, PeriodSelection, QueryPlan, SelectItem } from './plan.js';
export { createSus } from './sus.js';
export type { Sus } from './sus.js';
export * from './columns.js';
