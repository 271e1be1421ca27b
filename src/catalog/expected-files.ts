/**
 * What the catalog expects for a request: one file per dataset, place and period the coverage tables
 * promise. The resolver compares this with the listing to report what is missing; it never downloads by
 * these names.
 *
 * @module
 */
import { ruleAccepts } from './file-name.js';
import { formatName } from './name-rule.js';
import { folderHolds } from './parse-path.js';
import { normaliseRequest, yearBounds, type NormalisedRequest } from './request.js';
import type { CatalogRequest, Dataset, ExpectedFile, FolderRule } from './types.js';
import { periodKey } from './years.js';

/**
 * Places a dataset covers by default: its UFs, else `BR` for national-only series, else no place.
 *
 * @example
 * ```ts
 * defaultPlaces(getDataset('sinan-deng')); // ['BR']
 * ```
 */
export function defaultPlaces(dataset: Dataset): readonly (string | null)[] {
  if (dataset.coverage.ufs.length > 0) return dataset.coverage.ufs;
  return dataset.coverage.national ? ['BR'] : [null];
}

/**
 * A folder path with its `*` segment replaced by the year (`SIASUS/APAC/2004`, `/territorio/tabelas/2024`).
 *
 * @example
 * ```ts
 * concreteFolder(getDataset('sia-ac').folders[0], 2004); // '/dissemin/publicos/SIASUS/APAC/2004'
 * ```
 */
export function concreteFolder(folder: FolderRule, year: number | null): string {
  return year === null ? folder.path : folder.path.replace('*', String(year));
}

function inCoverage(dataset: Dataset, year: number, month: number | null): boolean {
  const { from, to, ended } = dataset.coverage;
  const key = year * 100 + (month ?? 1);
  const last = year * 100 + (month ?? 12);
  if (from !== null && last < periodKey(from, 'start')) return false;
  if (ended && to !== null && key > periodKey(to, 'end')) return false;
  return true;
}

/**
 * Expected files for a normalised request. `latestPeriod` (`YYYYMM` per dataset id) extends the default
 * span of series still published up to the newest period a listing holds.
 *
 * @example
 * ```ts
 * expectFor(normaliseRequest({ system: 'PO', year: 2024 })).map((e) => e.name); // ['POBR2024.dbc']
 * ```
 */
export function expectFor(request: NormalisedRequest, latestPeriod: ReadonlyMap<string, number> = new Map()): ExpectedFile[] {
  const out: ExpectedFile[] = [];
  for (const dataset of request.datasets) {
    const finals = dataset.folders.filter((f) => f.role === 'primary' && !f.preliminary);
    if (finals.length === 0) continue;
    // Without explicit years, expect up to the newest period the coverage table or the listing knows:
    // months not yet published are not "missing".
    const coverageEnd = dataset.coverage.to === null ? null : periodKey(dataset.coverage.to, 'end');
    const cap = dataset.coverage.ended ? coverageEnd : Math.max(coverageEnd ?? 0, latestPeriod.get(dataset.id) ?? 0) || null;
    let years: readonly (number | null)[];
    if (dataset.granularity === 'static') years = [null];
    else if (request.years !== null) years = request.years;
    else {
      const { first } = yearBounds(dataset);
      const last = cap === null ? (first ?? 0) : Math.floor(cap / 100);
      const span: number[] = [];
      for (let y = first ?? last; y <= last; y += 1) span.push(y);
      years = dataset.coverage.years === undefined ? span : span.filter((y) => dataset.coverage.years?.includes(y));
    }
    const defaultTo = request.years === null ? cap : null;
    const places = request.ufs ?? defaultPlaces(dataset);
    for (const year of years) {
      const months = dataset.granularity === 'monthly' ? (request.months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) : [null];
      for (const month of months) {
        if (year !== null && !inCoverage(dataset, year, month)) continue;
        if (year !== null && defaultTo !== null && year * 100 + (month ?? 12) > defaultTo) continue;
        for (const uf of places) {
          const folder = finals.find((f) => ruleAccepts(f, uf, year, month, null) && folderHolds(f, year, month));
          if (folder === undefined) continue;
          const name = formatName(folder.name, { group: dataset.group, uf, year, month, part: null });
          if (name === null) continue;
          const directory = concreteFolder(folder, year);
          out.push({ dataset: dataset.id, folder: directory, uf, year, month, name, path: `${directory}/${name}` });
        }
      }
    }
  }
  // Same order as resolved files: place, then period.
  return out.sort((a, b) => (a.uf ?? '').localeCompare(b.uf ?? '') || (a.year ?? 0) - (b.year ?? 0) || (a.month ?? 0) - (b.month ?? 0));
}

/**
 * The files the catalog expects for a request, with canonical names and paths. Irregularly named series
 * (territorial base) expect nothing: only a listing can tell their names. A month DataSUS splits into
 * parts is still expected under its whole-month name; the resolver accepts the parts in its place.
 *
 * @example
 * ```ts
 * expectedFiles({ system: 'SIH', group: 'RD', uf: ['AC'], year: 2008, month: 1 });
 * // [{ dataset: 'sih-rd', uf: 'AC', year: 2008, month: 1, name: 'RDAC0801.dbc',
 * //    path: '/dissemin/publicos/SIHSUS/200801_/Dados/RDAC0801.dbc', … }]
 * ```
 */
export function expectedFiles(request: CatalogRequest): ExpectedFile[] {
  return expectFor(normaliseRequest(request));
}
