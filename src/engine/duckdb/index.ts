/**
 * SQL over all of DataSUS with DuckDB (`arrow-sus/duckdb`, loaded on demand): a virtual table per
 * catalog dataset (`sih_rd`, `sim_do`, `cnes_st` …) with `uf`, `year`, `month` partition columns;
 * the files a query needs are found from its own predicates, fetched, cached and queried as Parquet.
 *
 * @example
 * ```ts
 * import { createDuckDbEngine } from 'arrow-sus/duckdb';
 * await using engine = await createDuckDbEngine();
 * const table = await (await engine.query("SELECT uf, count(*) AS n FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1")).toTable();
 * ```
 *
 * @module
 */
export { DuckDbEngine, createDuckDbEngine } from './engine.js';
export { ENGINE_NAMES, openEngine } from '../open-engine.js';
export type { EngineName } from '../open-engine.js';
export type { DuckDbEngineOptions } from './engine.js';
export { resultSchema, resultToArrow } from './chunk-to-arrow.js';
export { DEFAULT_MAX_FETCH_BYTES } from '../types.js';
export type { EngineOptions, ExplainedFile, QueryEngine, QueryExplain, QueryOptions, QueryResult } from '../types.js';
export type { TablePart } from '../resolve-files.js';
export { closeTableNames, sqlTable, sqlTableNames } from '../tables.js';
export type { SqlTable } from '../tables.js';
export { partitionFilters, referencedTables, PARTITION_COLUMNS } from '../partition-predicates.js';
export type { PartitionColumn, PartitionFilter } from '../partition-predicates.js';
export { ResultCache } from '../result-cache.js';
export type { ResultCacheOptions } from '../result-cache.js';
