/**
 * Resolving a request against a listing — the listing is the truth; names are never guessed.
 *
 * Rules, in order, for files that describe the same dataset, place and period:
 * 1. FINAIS over PRELIM: a preliminary file is used only when no final one exists.
 * 2. Duplicate spellings of one file (`X.dbc` and `X.DBC` in a case-sensitive mirror): keep the newest
 *    (`modifiedAt`), then the largest, then the lower-case extension; the others are reported as superseded.
 * 3. Split months: all parts are kept (`PASP2401a` … `d`). When a month exists both whole and as parts
 *    (SIA-BI MG 2023-05 to 2024-10 on the 2026-08 crawl: `BIMG2305.dbc` beside `BIMG2305_1/_2`, whose sizes
 *    add up to the whole), the whole file wins unless every part is newer.
 * Mirror, alternate-format and test folders are never used.
 *
 * @module
 */
import { concreteFolder, defaultPlaces, expectFor } from './expected-files.js';
import { folderSegments } from './folder-index.js';
import { parsePath } from './parse-path.js';
import { normaliseRequest, yearBounds } from './request.js';
import type { CatalogRequest, FolderRule, ListingEntry, MissingFile, ResolvedFile, Resolution, SupersededFile } from './types.js';
import { isUf } from './ufs.js';
import { DATASETS } from './catalog.js';

const keyOf = (dataset: string, uf: string | null, year: number | null, month: number | null): string =>
  `${dataset}|${uf ?? ''}|${year ?? ''}|${month ?? ''}`;

const time = (file: ResolvedFile): number => file.modifiedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/** 1 when the extension has upper-case letters (`X.DBC`), else 0. */
const upperExtension = (file: ResolvedFile): number => {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot >= 0 && name.slice(dot) !== name.slice(dot).toLowerCase() ? 1 : 0;
};

/** Orders duplicate spellings: newest, then largest, then lower-case extension, then path. */
function preferred(a: ResolvedFile, b: ResolvedFile): number {
  return time(b) - time(a) || b.size - a.size || upperExtension(a) - upperExtension(b) || a.path.localeCompare(b.path);
}

function choose(files: ResolvedFile[], superseded: SupersededFile[]): ResolvedFile[] {
  const finals = files.filter((f) => !f.parsed.preliminary);
  let pool = files;
  if (finals.length > 0 && finals.length < files.length) {
    const by = finals[0]?.path ?? '';
    for (const f of files) if (f.parsed.preliminary) superseded.push({ file: f, by, reason: 'final-over-preliminary' });
    pool = finals;
  }
  const byPart = new Map<string, ResolvedFile[]>();
  for (const f of pool) {
    const list = byPart.get(f.parsed.part ?? '') ?? [];
    list.push(f);
    byPart.set(f.parsed.part ?? '', list);
  }
  const kept: ResolvedFile[] = [];
  for (const list of byPart.values()) {
    list.sort(preferred);
    const [first, ...rest] = list;
    if (first === undefined) continue;
    kept.push(first);
    for (const f of rest) superseded.push({ file: f, by: first.path, reason: 'duplicate-name' });
  }
  const whole = kept.find((f) => f.parsed.part === null);
  const parts = kept.filter((f) => f.parsed.part !== null);
  if (whole === undefined || parts.length === 0) return kept;
  const partsNewer = parts.every((p) => time(p) > time(whole));
  const [winners, losers] = partsNewer ? [parts, [whole]] : [[whole], parts];
  for (const f of losers) superseded.push({ file: f, by: winners[0]?.path ?? '', reason: 'split-duplicate' });
  return winners;
}

const ORDER = new Map(DATASETS.map((d, i) => [d.id, i]));

function compareFiles(a: ResolvedFile, b: ResolvedFile): number {
  const p = a.parsed;
  const q = b.parsed;
  return (
    (p.uf ?? '').localeCompare(q.uf ?? '') ||
    (p.year ?? 0) - (q.year ?? 0) ||
    (p.month ?? 0) - (q.month ?? 0) ||
    (p.part ?? '').localeCompare(q.part ?? '', 'en', { numeric: true }) ||
    (ORDER.get(p.dataset ?? '') ?? 0) - (ORDER.get(q.dataset ?? '') ?? 0)
  );
}

/**
 * Chooses, from a listing, the files that answer a request, and reports what the catalog expected but
 * the listing lacks. When `uf` is absent, per-UF datasets give their UF files only — national `BR` files
 * of SIM, SINASC, RESP and PCE repeat the UF files' records and come only when asked for (`uf: ['BR']`);
 * national-only datasets (SINAN, PO) give their `BR` files.
 *
 * Throws the errors of request validation (`CATALOG_UNKNOWN_SYSTEM`, `CATALOG_UNKNOWN_DATASET`,
 * `CATALOG_INVALID_REQUEST`). Memory: the matching entries only; the listing is read once.
 *
 * @example
 * ```ts
 * const listing = [{ path: '/dissemin/publicos/SINAN/DADOS/FINAIS/DENGBR23.dbc', size: 10 },
 *                  { path: '/dissemin/publicos/SINAN/DADOS/PRELIM/DENGBR23.dbc', size: 12 }];
 * const { files } = resolveRequest({ system: 'SINAN', group: 'DENG', year: 2023 }, listing);
 * files.map((f) => f.path); // ['/dissemin/publicos/SINAN/DADOS/FINAIS/DENGBR23.dbc']
 * ```
 */
export function resolveRequest(request: CatalogRequest, listing: Iterable<ListingEntry>): Resolution {
  const normal = normaliseRequest(request);
  const wanted = new Map(normal.datasets.map((d) => [d.id, d]));
  const listed = new Set<string>();
  const groups = new Map<string, ResolvedFile[]>();
  const latest = new Map<string, number>();
  for (const entry of listing) {
    const slash = entry.path.lastIndexOf('/');
    listed.add(folderSegments(slash < 0 ? '' : entry.path.slice(0, slash)).join('/'));
    const parsed = parsePath(entry.path);
    if (parsed.dataset === null || parsed.kind !== 'data' || parsed.role !== 'primary') continue;
    const dataset = wanted.get(parsed.dataset);
    if (dataset === undefined) continue;
    if (parsed.preliminary && !normal.preliminary) continue;
    if (normal.ufs !== null) {
      if (!normal.ufs.includes(parsed.uf ?? '')) continue;
    } else {
      const places = defaultPlaces(dataset);
      const uf = parsed.uf;
      if (!(uf !== null && isUf(uf) && dataset.coverage.ufs.length > 0) && !places.includes(uf)) continue;
    }
    if (parsed.year !== null) {
      const period = parsed.year * 100 + (parsed.month ?? 12);
      latest.set(dataset.id, Math.max(latest.get(dataset.id) ?? 0, period));
    }
    if (normal.years !== null && (parsed.year === null || !normal.years.includes(parsed.year))) continue;
    if (normal.months !== null && (parsed.month === null || !normal.months.includes(parsed.month))) continue;
    const file: ResolvedFile = { path: entry.path, size: entry.size, modifiedAt: entry.modifiedAt ?? null, parsed };
    const key = keyOf(parsed.dataset, parsed.uf, parsed.year, parsed.month);
    const list = groups.get(key) ?? [];
    list.push(file);
    groups.set(key, list);
  }

  const superseded: SupersededFile[] = [];
  const files: ResolvedFile[] = [];
  for (const list of groups.values()) files.push(...choose(list, superseded));
  files.sort(compareFiles);

  const missing: MissingFile[] = [];
  for (const expected of expectFor(normal, latest)) {
    if (groups.has(keyOf(expected.dataset, expected.uf, expected.year, expected.month))) continue;
    const dataset = wanted.get(expected.dataset);
    const uf = expected.uf;
    const reason =
      uf !== null && isUf(uf) && dataset !== undefined && !dataset.coverage.ufs.includes(uf)
        ? 'uf-not-covered'
        : listed.has(folderSegments(expected.folder).join('/'))
          ? 'not-published'
          : 'folder-not-listed';
    missing.push({ ...expected, reason });
  }
  return { files, missing, superseded };
}

/**
 * The remote folders a request needs listed: primary folders of the requested datasets whose period
 * range meets the requested years (PRELIM folders too unless `preliminary: false`). Year-named folders
 * (`SIASUS/APAC/2004`, `/territorio/tabelas/2024`) are expanded per year.
 *
 * @example
 * ```ts
 * foldersFor({ system: 'SIH', group: 'RD', year: { from: 2007, to: 2008 } });
 * // ['/dissemin/publicos/SIHSUS/199201_200712/Dados', '/dissemin/publicos/SIHSUS/200801_/Dados']
 * ```
 */
export function foldersFor(request: CatalogRequest): string[] {
  const normal = normaliseRequest(request);
  const out: string[] = [];
  const add = (path: string): void => {
    if (!out.includes(path)) out.push(path);
  };
  for (const dataset of normal.datasets) {
    const places = normal.ufs ?? defaultPlaces(dataset);
    // A folder whose names take none of the wanted places (DOIGN holds only IG files) need not be listed.
    const takesPlace = (folder: FolderRule): boolean =>
      places.some((p) =>
        p === null ? folder.name.place.length === 0 : folder.name.place.includes(isUf(p) ? 'uf' : p === 'BR' ? 'br' : 'ig'),
      );
    for (const folder of dataset.folders) {
      if (folder.role !== 'primary' || (folder.preliminary && !normal.preliminary) || !takesPlace(folder)) continue;
      // A folder's own range, else the dataset's (PRELIM folders carry none).
      const bounds = yearBounds(dataset);
      const from = folder.from === null ? bounds.first : Number(folder.from.slice(0, 4));
      const to = folder.to === null ? bounds.last : Number(folder.to.slice(0, 4));
      const years = normal.years?.filter((y) => (from === null || y >= from) && (to === null || y <= to));
      if (years !== undefined && years.length === 0) continue;
      if (!folder.path.includes('*')) {
        add(folder.path);
        continue;
      }
      let span = years;
      if (span === undefined) {
        const first = from ?? Number((dataset.coverage.from ?? '2000').slice(0, 4));
        const last = to ?? Number((dataset.coverage.to ?? String(first)).slice(0, 4));
        span = [];
        for (let y = first; y <= last; y += 1) span.push(y);
      }
      for (const y of span) add(concreteFolder(folder, y));
    }
  }
  return out;
}
