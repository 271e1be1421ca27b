/**
 * `loadTerritory`: finds the newest territorial base on a DataSUS source, downloads it once into a
 * cache folder, and parses it. Reuses the cached archive when the listing shows the same size, and
 * falls back to the newest cached archive when the source cannot be listed (offline use).
 *
 * @module
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ArrowSusError, throwIfAborted } from '../../errors.js';
import type { ListingEntry, Source } from '../../sources/index.js';
import { fetchCached } from '../reference/fetch-cached.js';
import { parseTerritorialArchive } from './territorial-base.js';
import type { Territory } from './territory.js';

/**
 * Where the territorial base lives on the DataSUS FTP.
 *
 * @example
 * ```ts
 * await source.list(TERRITORY_FOLDER); // year folders 2023, 2024, …
 * ```
 */
export const TERRITORY_FOLDER = '/territorio/tabelas';

/**
 * Archive names seen on the FTP (2023–2026: `base_territorial_2023.zip`, `02-base_territorio_fev24.zip`,
 * `03-base_territorial_mar.zip`, `11-base territorial_nov24.zip`, `04-base_territorial_abr26.zip` …).
 *
 * @example
 * ```ts
 * TERRITORY_ARCHIVE.test('11-base territorial_nov24.zip'); // true
 * ```
 */
export const TERRITORY_ARCHIVE = /^(?:(\d{2})-)?base[ _]territori(?:al|o)_?([a-z]{3})?(\d{2}|\d{4})?\.zip$/i;

/**
 * Options of {@link loadTerritory}.
 *
 * @example
 * ```ts
 * const options: LoadTerritoryOptions = { source: openSource(), cacheDir: '.cache/arrow-sus' };
 * ```
 */
export interface LoadTerritoryOptions {
  /** Where to list and download from (e.g. `openSource('ftp://ftp.datasus.gov.br')`). */
  readonly source: Pick<Source, 'list' | 'download' | 'url'>;
  /** Folder for the downloaded archive (created if missing). */
  readonly cacheDir: string;
  /** A specific archive path instead of the newest, e.g. `/territorio/tabelas/2025/01-base_territorial_jan25.zip`. */
  readonly path?: string;
  readonly signal?: AbortSignal;
}

/**
 * Picks the newest archive from listings of the year folders: by folder year, then the leading `NN`
 * month, then modification time.
 *
 * @example
 * ```ts
 * pickNewestArchive([{ path: '/territorio/tabelas/2026/04-base_territorial_abr26.zip', size: 1, isDirectory: false }]);
 * ```
 */
export function pickNewestArchive(entries: readonly ListingEntry[]): ListingEntry | undefined {
  const candidates = entries.flatMap((entry) => {
    const parts = entry.path.split('/');
    const name = parts.pop() ?? '';
    const year = Number(parts.pop());
    const match = TERRITORY_ARCHIVE.exec(name);
    if (entry.isDirectory || match === null || !Number.isInteger(year)) return [];
    return [{ entry, key: [year, Number(match[1] ?? 0), entry.modifiedAt?.getTime() ?? 0] as const }];
  });
  candidates.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return candidates.at(-1)?.entry;
}

async function newestCached(cacheDir: string): Promise<string | undefined> {
  const root = join(cacheDir, 'territorio', 'tabelas');
  let years: string[];
  try {
    years = (await readdir(root)).filter((name) => /^\d{4}$/.test(name)).sort();
  } catch {
    return undefined;
  }
  for (const year of years.reverse()) {
    const names = (await readdir(join(root, year))).filter((name) => TERRITORY_ARCHIVE.test(name)).sort();
    const last = names.at(-1);
    if (last !== undefined) return join(root, year, last);
  }
  return undefined;
}

/**
 * Loads the territorial base (newest, or `path`) through a source, caching the archive under
 * `cacheDir/territorio/tabelas/<year>/<name>`.
 *
 * @example
 * ```ts
 * import { openSource } from 'arrow-sus/sources';
 * await using source = openSource('ftp://ftp.datasus.gov.br');
 * const territory = await loadTerritory({ source, cacheDir: '.cache/arrow-sus' });
 * territory.municipality('310620')?.macroRegion?.name; // 'Centro'
 * ```
 */
export async function loadTerritory(options: LoadTerritoryOptions): Promise<Territory> {
  const { source, cacheDir, signal } = options;
  throwIfAborted(signal);
  let chosen: ListingEntry | undefined;
  try {
    if (options.path !== undefined) {
      const folder = options.path.slice(0, options.path.lastIndexOf('/'));
      chosen = (await source.list(folder, signal === undefined ? {} : { signal })).find((entry) => entry.path === options.path);
    } else {
      const years = (await source.list(TERRITORY_FOLDER, signal === undefined ? {} : { signal }))
        .filter((entry) => entry.isDirectory && /\/\d{4}$/.test(entry.path))
        .sort((a, b) => a.path.localeCompare(b.path));
      // Newest year first; an empty year folder (a new year before its first release) falls back.
      for (const year of years.reverse()) {
        chosen = pickNewestArchive(await source.list(year.path, signal === undefined ? {} : { signal }));
        if (chosen !== undefined) break;
      }
    }
  } catch (error) {
    if (ArrowSusError.is(error) && error.retryable) {
      const cached = await newestCached(cacheDir);
      if (cached !== undefined) return parseTerritorialArchive(new Uint8Array(await readFile(cached)), { source: `file://${cached}`, ...(signal === undefined ? {} : { signal }) });
    }
    throw error;
  }
  if (chosen === undefined) {
    throw new ArrowSusError('SOURCE_NOT_FOUND', `brazil: no territorial base archive under ${options.path ?? TERRITORY_FOLDER} on ${source.url}`);
  }
  const bytes = await fetchCached({ source, path: chosen.path, cacheDir, size: chosen.size, ...(signal === undefined ? {} : { signal }) });
  return parseTerritorialArchive(bytes, { source: `${source.url.replace(/\/$/, '')}${chosen.path}`, ...(signal === undefined ? {} : { signal }) });
}
