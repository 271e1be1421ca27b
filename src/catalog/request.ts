/**
 * Validating a {@link CatalogRequest} into plain lists the resolver can iterate.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { datasetsOf, findDatasets, getSystem } from './catalog.js';
import type { CatalogRequest, Dataset, MonthSelection, YearSelection } from './types.js';
import { isUf } from './ufs.js';
import { periodKey } from './years.js';

/**
 * A request after validation. `null` lists mean "everything the dataset covers".
 *
 * @example
 * ```ts
 * normaliseRequest({ system: 'SINAN', group: 'DENG' }).years; // null (every year)
 * ```
 */
export interface NormalisedRequest {
  readonly datasets: readonly Dataset[];
  readonly ufs: readonly string[] | null;
  readonly years: readonly number[] | null;
  readonly months: readonly number[] | null;
  readonly preliminary: boolean;
}

const invalid = (message: string, details: Record<string, unknown> = {}): ArrowSusError =>
  new ArrowSusError('CATALOG_INVALID_REQUEST', `catalog: ${message}`, { details });

/** Expands a year or month selection to a sorted list, checking integers and bounds. */
function expand(selection: YearSelection | MonthSelection, min: number, max: number, what: string): number[] {
  let values: number[];
  if (typeof selection === 'number') values = [selection];
  else if (Array.isArray(selection)) values = [...(selection as readonly number[])];
  else {
    const range = selection as { from: number; to: number };
    if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from > range.to) {
      throw invalid(`${what} range ${JSON.stringify(range)} is invalid (from must be ≤ to)`, { [what]: range });
    }
    if (range.from < min || range.to > max) throw invalid(`${what} range ${range.from}–${range.to} is out of ${min}–${max}`, { [what]: range });
    values = [];
    for (let v = range.from; v <= range.to; v += 1) values.push(v);
  }
  if (values.length === 0) throw invalid(`${what} list is empty`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) throw invalid(`${what} ${String(v)} is out of range ${min}–${max}`, { [what]: v });
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * First and last year a dataset can have files in (last is open for series still published).
 *
 * @example
 * ```ts
 * yearBounds(getDataset('sia-an')); // { first: 2008, last: 2014 }
 * ```
 */
export function yearBounds(dataset: Dataset): { first: number | null; last: number | null } {
  const { from, to, ended } = dataset.coverage;
  return {
    first: from === null ? null : Math.floor(periodKey(from) / 100),
    last: ended && to !== null ? Math.floor(periodKey(to, 'end') / 100) : null,
  };
}

/**
 * Validates a request: unknown system → `CATALOG_UNKNOWN_SYSTEM`; unknown group → `CATALOG_UNKNOWN_DATASET`;
 * a missing group (when the system has several), bad UF, month for a yearly dataset, or a period outside
 * the dataset's coverage → `CATALOG_INVALID_REQUEST`. A year range that overlaps the coverage is accepted
 * as is (the resolver clips it).
 *
 * @example
 * ```ts
 * normaliseRequest({ system: 'sih', group: 'rd', uf: ['sp'], year: 2024 }).ufs; // ['SP']
 * ```
 */
export function normaliseRequest(request: CatalogRequest): NormalisedRequest {
  const system = getSystem(request.system);
  const all = datasetsOf(system.code);
  if (all.length === 0) {
    throw new ArrowSusError('CATALOG_UNKNOWN_DATASET', `catalog: system ${system.code} publishes no datasets (documentation only)`, {
      details: { system: system.code },
    });
  }
  let datasets: readonly Dataset[];
  if (request.group === undefined) {
    if (all.length > 1) {
      const groups = [...new Set(all.map((d) => d.group))].join(', ');
      throw invalid(`system ${system.code} has several groups; choose one of ${groups}`, { system: system.code });
    }
    datasets = all;
  } else {
    datasets = findDatasets(system.code, request.group);
    if (datasets.length === 0) {
      throw new ArrowSusError(
        'CATALOG_UNKNOWN_DATASET',
        `catalog: ${system.code} has no group "${request.group}" (known: ${[...new Set(all.map((d) => d.group))].join(', ')})`,
        { details: { system: system.code, group: request.group } },
      );
    }
  }

  let ufs: string[] | null = null;
  if (request.uf !== undefined) {
    if (request.uf.length === 0) throw invalid('uf list is empty');
    ufs = [...new Set(request.uf.map((u) => u.toUpperCase()))];
    for (const uf of ufs) {
      if (!isUf(uf) && uf !== 'BR' && uf !== 'IG') throw invalid(`"${uf}" is not a UF code (or BR for national files)`, { uf });
      const placeable = datasets.some((d) =>
        d.folders.some((f) => f.role === 'primary' && (isUf(uf) ? f.name.place.includes('uf') : f.name.place.includes(uf === 'BR' ? 'br' : 'ig'))),
      );
      if (!placeable) throw invalid(`${datasets[0]?.id ?? system.code} has no files for ${uf}`, { uf });
    }
  }

  const granularities = new Set(datasets.map((d) => d.granularity));
  let years: number[] | null = null;
  if (request.year !== undefined) {
    if (granularities.has('static') && granularities.size === 1) throw invalid(`${datasets[0]?.id ?? ''} files carry no year`);
    years = expand(request.year, 1900, 2100, 'year');
    const overlaps = (y: number): boolean =>
      datasets.some((d) => {
        const { first, last } = yearBounds(d);
        return (first === null || y >= first) && (last === null || y <= last);
      });
    const ranged = typeof request.year === 'object' && !Array.isArray(request.year);
    if (ranged ? !years.some(overlaps) : !years.every(overlaps)) {
      const spans = datasets.map((d) => `${d.id} ${d.coverage.from ?? '?'}–${d.coverage.ended ? (d.coverage.to ?? '?') : ''}`).join('; ');
      throw invalid(`year outside the published period (${spans})`, { year: request.year });
    }
  }
  let months: number[] | null = null;
  if (request.month !== undefined) {
    if (!granularities.has('monthly')) throw invalid(`${datasets[0]?.id ?? ''} is ${[...granularities].join('/')}; it takes no month`);
    months = expand(request.month, 1, 12, 'month');
  }
  return { datasets, ufs, years, months, preliminary: request.preliminary ?? true };
}
