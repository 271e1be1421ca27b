/**
 * SQL table names of the catalog: every dataset's `table` (`sih_rd`, `sinan_deng` …) plus short
 * aliases where DataSUS split one series by era (`sim_do` = CID-10 and CID-9 deaths, as one table)
 * or where the catalog name is long (`ibge_popt`). Pure: no I/O.
 *
 * @module
 */
import { DATASETS } from '../catalog/index.js';
import type { Dataset } from '../catalog/index.js';
import { ArrowSusError } from '../errors.js';

/**
 * One queryable table: the datasets it reads and how the request names them.
 *
 * @example
 * ```ts
 * sqlTable('sim_do')?.datasets.map((d) => d.id); // ['sim-do-cid10', 'sim-do-cid09']
 * ```
 */
export interface SqlTable {
  /** Lower-case SQL name. */
  readonly name: string;
  readonly datasets: readonly Dataset[];
  /** Group (or dataset id) for a `CatalogRequest` that selects exactly these datasets. */
  readonly group: string;
  readonly system: string;
  /** The dataset this name is an alias of, when it is one. */
  readonly aliasOf?: string;
}

const POPULATION_ALIASES: Record<string, string> = {
  ibge_pop: 'base-populacional-ibge-pop',
  ibge_pops: 'base-populacional-ibge-pops',
  ibge_popt: 'base-populacional-ibge-popt',
};

function buildTables(): Map<string, SqlTable> {
  const tables = new Map<string, SqlTable>();
  for (const dataset of DATASETS) {
    tables.set(dataset.table, { name: dataset.table, datasets: [dataset], group: dataset.id, system: dataset.system });
  }
  // `sim_do` reads both eras of a SIM group: the group code selects every dataset of that group.
  for (const dataset of DATASETS) {
    if (!dataset.table.endsWith('_cid10')) continue;
    const name = dataset.table.slice(0, -'_cid10'.length);
    if (tables.has(name)) continue;
    const era = DATASETS.filter((d) => d.system === dataset.system && d.group === dataset.group);
    tables.set(name, { name, datasets: era, group: dataset.group, system: dataset.system, aliasOf: era.map((d) => d.table).join(' + ') });
  }
  for (const [name, id] of Object.entries(POPULATION_ALIASES)) {
    const dataset = DATASETS.find((d) => d.id === id);
    if (dataset !== undefined) tables.set(name, { name, datasets: [dataset], group: dataset.id, system: dataset.system, aliasOf: dataset.table });
  }
  return tables;
}

const TABLES = buildTables();

/**
 * Every table name the engines know, sorted.
 *
 * @example
 * ```ts
 * sqlTableNames().includes('sih_rd'); // true
 * ```
 */
export function sqlTableNames(): string[] {
  return [...TABLES.keys()].sort();
}

/**
 * The table of this name (case-insensitive), or undefined.
 *
 * @example
 * ```ts
 * sqlTable('SIH_RD')?.datasets[0]?.id; // 'sih-rd'
 * ```
 */
export function sqlTable(name: string): SqlTable | undefined {
  return TABLES.get(name.toLowerCase());
}

/** Edit distance with transpositions (`sih_dr` is one step from `sih_rd`), for suggestions. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to `limit` known table names closest to `name` (prefix matches first, then edit distance).
 *
 * @example
 * ```ts
 * closeTableNames('sih_dr'); // ['sih_rd', 'sih_er', …]
 * ```
 */
export function closeTableNames(name: string, limit = 5): string[] {
  const lower = name.toLowerCase();
  return sqlTableNames()
    .map((candidate) => ({ candidate, score: candidate.startsWith(lower) || lower.startsWith(candidate) ? 0 : distance(lower, candidate) }))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/**
 * `QUERY_INVALID` for a table no engine knows, naming the closest known tables.
 *
 * @example
 * ```ts
 * throw unknownTableError('sih_dr');
 * ```
 */
export function unknownTableError(name: string): ArrowSusError {
  const close = closeTableNames(name);
  return new ArrowSusError(
    'QUERY_INVALID',
    `query: no table "${name}" (did you mean ${close.join(', ')}? \`arrow-sus sql\` then \`.tables\` lists them all)`,
    { details: { table: name, suggestions: close } },
  );
}
