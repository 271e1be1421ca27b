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
 * The name a file column takes when it clashes with a partition column (DuckDB compares names
 * case-insensitively: SINAN DENG/CHIK and PNI files have their own `UF` column, the notifying UF's
 * code): the suffix DuckDB itself gives duplicate names.
 *
 * @example
 * ```ts
 * renamedColumn('UF'); // 'UF_1'
 * ```
 */
export function renamedColumn(name: string): string {
  return `${name}_1`;
}

/**
 * The file columns of `names` that clash with a partition column.
 *
 * @example
 * ```ts
 * clashingColumns(['UF', 'ID_MUNICIP']); // ['UF']
 * ```
 */
export function clashingColumns(names: Iterable<string>): string[] {
  return [...names].filter((name) => ['uf', 'year', 'month'].includes(name.toLowerCase()));
}

const rename = (names: readonly string[]): string =>
  names.length === 0 ? '' : ` RENAME (${names.map((n) => `${sqlIdentifier(n)} AS ${sqlIdentifier(renamedColumn(n))}`).join(', ')})`;

/**
 * The `SELECT` defining a table's view over its parts. `hivePaths` are the parts' hive-style links
 * (one scan); without them each part is read by itself. `clashes` gives, per Parquet path, the file
 * columns to rename (see {@link renamedColumn}).
 *
 * @example
 * ```ts
 * viewQuery('sih_rd', parts, links); // "SELECT p_uf AS uf, p_year AS year, p_month AS month, * EXCLUDE (…) FROM read_parquet([…], hive_partitioning = true, …)"
 * ```
 */
export function viewQuery(
  table: string,
  parts: readonly TablePart[],
  hivePaths?: readonly string[],
  clashes: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  if (parts.length === 0) {
    const columns = Object.entries(knownColumns(table) ?? {}).map(([name, type]) => `NULL::${DUCK_TYPES[type]} AS ${sqlIdentifier(name)}`);
    return `SELECT ${[partition(undefined), ...columns].join(', ')} WHERE false`;
  }
  if (hivePaths !== undefined && hivePaths.length === parts.length) {
    const list = `[${hivePaths.map(sqlString).join(', ')}]`;
    const renamed = [...new Set(parts.flatMap((part) => clashes.get(part.parquetPath) ?? []))];
    return (
      `SELECT p_uf AS uf, p_year AS year, p_month AS month, * EXCLUDE (p_uf, p_year, p_month)${rename(renamed)} ` +
      `FROM read_parquet(${list}, hive_partitioning = true, union_by_name = true, ` +
      `hive_types = {'p_uf': VARCHAR, 'p_year': SMALLINT, 'p_month': SMALLINT})`
    );
  }
  return parts
    .map((part) => `SELECT ${partition(part)}, *${rename(clashes.get(part.parquetPath) ?? [])} FROM read_parquet(${sqlString(part.parquetPath)})`)
    .join(' UNION ALL BY NAME ');
}
