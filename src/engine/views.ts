/**
 * SQL text of the view a query sees for each catalog table: the cached Parquet file of every
 * source file, each with its `uf`, `year` and `month` as literals, stacked with `UNION ALL BY NAME`
 * (a column some years lack reads as null there; types are harmonised the way DuckDB unions
 * do). A table with no files becomes an empty view of its known columns. Pure: text only.
 *
 * @module
 */
import { DATASET_COLUMNS, type ColumnType } from '../query/columns.js';
import type { TablePart } from './resolve-files.js';
import { sqlTable } from './tables.js';

/**
 * A SQL string literal.
 *
 * @example
 * ```ts
 * sqlString("it's"); // "'it''s'"
 * ```
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A quoted SQL identifier.
 *
 * @example
 * ```ts
 * sqlIdentifier('sih_rd'); // '"sih_rd"'
 * ```
 */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const DUCK_TYPES: Record<ColumnType, string> = { Utf8: 'VARCHAR', Int32: 'INTEGER', Int64: 'BIGINT', Float64: 'DOUBLE', Date32: 'DATE' };

/**
 * The known columns of a table (its first dataset with a column list), or undefined.
 *
 * @example
 * ```ts
 * knownColumns('sih_rd')?.VAL_TOT; // 'Float64'
 * ```
 */
export function knownColumns(table: string): Readonly<Record<string, ColumnType>> | undefined {
  const datasets = sqlTable(table)?.datasets ?? [];
  for (const dataset of datasets) {
    const columns = (DATASET_COLUMNS as Record<string, Readonly<Record<string, ColumnType>>>)[dataset.id];
    if (columns !== undefined) return columns;
  }
  return undefined;
}

const partition = (part: TablePart | undefined): string =>
  `${part?.uf == null ? 'NULL::VARCHAR' : sqlString(part.uf)} AS uf, ` +
  `${part?.year == null ? 'NULL' : String(part.year)}::SMALLINT AS year, ` +
  `${part?.month == null ? 'NULL' : String(part.month)}::SMALLINT AS month`;

/**
 * The `SELECT` defining a table's view over its parts.
 *
 * @example
 * ```ts
 * viewQuery('sih_rd', parts); // "SELECT 'RJ' AS uf, 2016::SMALLINT AS year, … FROM read_parquet('…') UNION ALL BY NAME …"
 * ```
 */
export function viewQuery(table: string, parts: readonly TablePart[], hivePaths?: readonly string[]): string {
  if (parts.length === 0) {
    const columns = Object.entries(knownColumns(table) ?? {}).map(([name, type]) => `NULL::${DUCK_TYPES[type]} AS ${sqlIdentifier(name)}`);
    return `SELECT ${[partition(undefined), ...columns].join(', ')} WHERE false`;
  }
  if (hivePaths !== undefined && hivePaths.length === parts.length) {
    const list = `[${hivePaths.map(sqlString).join(', ')}]`;
    return (
      `SELECT uf, year, month, * EXCLUDE (uf, year, month) FROM read_parquet(${list}, hive_partitioning = true, union_by_name = true, ` +
      `hive_types = {'uf': VARCHAR, 'year': SMALLINT, 'month': SMALLINT})`
    );
  }
  return parts.map((part) => `SELECT ${partition(part)}, * FROM read_parquet(${sqlString(part.parquetPath)})`).join(' UNION ALL BY NAME ');
}
