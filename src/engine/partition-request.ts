/**
 * From a table's partition filter to catalog requests, one per dataset of the table, clipped to
 * what each dataset can have (its years, its places, its granularity) so that a filter naming
 * periods or places a dataset never publishes reads nothing instead of failing. Pure: no I/O.
 *
 * @module
 */
import type { CatalogRequest, Dataset } from '../catalog/index.js';
import { isUf } from '../catalog/index.js';
import { yearBounds } from '../catalog/request.js';
import type { PartitionFilter } from './partition-predicates.js';
import type { SqlTable } from './tables.js';

/**
 * The catalog requests that cover a table's partition filter; an empty list when no file can match.
 *
 * @example
 * ```ts
 * partitionRequests(sqlTable('sih_rd')!, { uf: ['RJ'], year: [2016], month: [2] });
 * // [{ system: 'SIH', group: 'sih-rd', uf: ['RJ'], year: [2016], month: [2] }]
 * ```
 */
export function partitionRequests(table: SqlTable, filter: PartitionFilter, now: Date = new Date()): CatalogRequest[] {
  const requests: CatalogRequest[] = [];
  for (const dataset of table.datasets) {
    const request = datasetRequest(dataset, filter, now);
    if (request !== undefined) requests.push(request);
  }
  return requests;
}

function placeable(dataset: Dataset, uf: string): boolean {
  const kind = isUf(uf) ? 'uf' : uf === 'BR' ? 'br' : uf === 'IG' ? 'ig' : undefined;
  return kind !== undefined && dataset.folders.some((f) => f.role === 'primary' && f.name.place.includes(kind));
}

function datasetRequest(dataset: Dataset, filter: PartitionFilter, now: Date): CatalogRequest | undefined {
  let request: { -readonly [K in keyof CatalogRequest]: CatalogRequest[K] } = { system: dataset.system, group: dataset.id };
  if (filter.uf !== null) {
    const ufs = filter.uf.filter((uf) => placeable(dataset, uf));
    if (ufs.length === 0) return undefined;
    request = { ...request, uf: ufs };
  }
  if (filter.year !== null) {
    // Files of static datasets carry no year: their `year` column is null and matches no value.
    if (dataset.granularity === 'static') return undefined;
    const { first, last } = yearBounds(dataset);
    const open = last ?? now.getUTCFullYear() + 1;
    const years = filter.year.filter((y) => (first === null || y >= first) && y <= open);
    if (years.length === 0) return undefined;
    request = { ...request, year: years };
  }
  if (filter.month !== null) {
    // Yearly files have a null `month`: a month filter excludes them all.
    if (dataset.granularity !== 'monthly') return undefined;
    const months = filter.month.filter((m) => m >= 1 && m <= 12);
    if (months.length === 0) return undefined;
    request = { ...request, month: months };
  }
  return request;
}
