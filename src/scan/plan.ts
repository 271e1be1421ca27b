/**
 * Plans a scan: lists only the folders the request can touch, then resolves the request against
 * what the server really has (never against guessed names).
 *
 * @module
 */
import { foldersFor, resolveRequest } from '../catalog/index.js';
import type { CatalogRequest, MissingFile, ResolvedFile, SupersededFile } from '../catalog/index.js';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import type { ListingEntry, Source } from '../sources/source.js';
import type { ListingCache } from './listing-cache.js';

/** The files a request reads, and what it expected but the server lacks. */
export interface ScanPlan {
  readonly request: CatalogRequest;
  /** Folders listed. */
  readonly folders: readonly string[];
  readonly files: readonly ResolvedFile[];
  readonly missing: readonly MissingFile[];
  /** Preliminary files skipped because a final one exists. */
  readonly superseded: readonly SupersededFile[];
}

/**
 * Lists the request's folders and resolves it.
 *
 * @example
 * ```ts
 * const plan = await planScan({ system: 'SIM', group: 'DO', uf: ['AC'], year: 2022 }, { source });
 * plan.files.map((f) => f.path); // ['/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc']
 * ```
 */
export async function planScan(
  request: CatalogRequest,
  options: { source: Source; listings?: ListingCache; signal?: AbortSignal },
): Promise<ScanPlan> {
  const folders = foldersFor(request);
  const entries: ListingEntry[] = [];
  for (const folder of folders) {
    throwIfAborted(options.signal);
    try {
      const listed = options.listings
        ? await options.listings.list(options.source, folder, options.signal ? { signal: options.signal } : {})
        : await options.source.list(folder, options.signal ? { signal: options.signal } : {});
      entries.push(...listed.filter((entry) => !entry.isDirectory));
    } catch (error) {
      // A folder the server lacks (e.g. no PRELIM folder this year) just contributes no files;
      // the resolution reports what is then missing.
      if (!ArrowSusError.is(error, 'SOURCE_NOT_FOUND')) throw error;
    }
  }
  const resolution = resolveRequest(
    request,
    entries.map((entry) => ({ path: entry.path, size: entry.size, ...(entry.modifiedAt ? { modifiedAt: entry.modifiedAt } : {}) })),
  );
  return { request, folders, files: resolution.files, missing: resolution.missing, superseded: resolution.superseded };
}
