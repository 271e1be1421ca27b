/**
 * `sus`: the typed builder bound to a DuckDB engine opened on the first `.collect()` (with the
 * default source and cache; `ARROW_SUS_SOURCE` / `ARROW_SUS_CACHE_DIR` apply).
 *
 * @module
 */
import type { Table } from 'apache-arrow';
import { createSus, type Sus } from '../query/sus.js';
import type { QueryEngine } from './types.js';

let shared: Promise<QueryEngine> | undefined;

/**
 * The builder namespace running on a shared DuckDB engine.
 *
 * @example
 * ```ts
 * import { sus, sum } from 'arrow-sus';
 * const table = await sus.sih.rd().uf('RJ').year(2016).month(2).groupBy('MUNIC_RES').agg({ total: sum('VAL_TOT') }).collect();
 * ```
 */
export const sus: Sus<Table> = createSus<Table>({
  run: async (sql) => {
    shared ??= import('./duckdb/engine.js').then(({ createDuckDbEngine }) => createDuckDbEngine());
    return (await (await shared).query(sql)).toTable();
  },
});
