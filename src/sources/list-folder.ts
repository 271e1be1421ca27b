/**
 * `listFolder(source, folder)`: a folder's entries in a stable order, optionally walking
 * sub-folders (CNES keeps one folder per group).
 *
 * @module
 */
import { throwIfAborted } from '../errors.js';
import { normalizePath, type ListingEntry, type Source } from './source.js';

/**
 * Options of {@link listFolder}.
 *
 * @example
 * ```ts
 * await listFolder(source, '/dissemin/publicos/CNES/200508_/Dados', { recursive: true });
 * ```
 */
export interface ListFolderOptions {
  /** Also list sub-folders, depth first. Default false. */
  readonly recursive?: boolean;
  /** Cancels the listing. */
  readonly signal?: AbortSignal;
}

const byPath = (a: ListingEntry, b: ListingEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Lists a folder, entries sorted by path (byte order, so `.DBC` and `.dbc` twins stay apart
 * and deterministic). With `recursive`, folders are listed too and followed.
 *
 * @example
 * ```ts
 * const entries = await listFolder(openSource(), '/dissemin/publicos/CNES/200508_/Dados', { recursive: true });
 * const files = entries.filter((entry) => !entry.isDirectory);
 * ```
 */
export async function listFolder(source: Source, folder: string, options: ListFolderOptions = {}): Promise<ListingEntry[]> {
  const listOptions = options.signal === undefined ? {} : { signal: options.signal };
  const entries = (await source.list(normalizePath(folder), listOptions)).sort(byPath);
  if (options.recursive !== true) return entries;
  const all: ListingEntry[] = [];
  for (const entry of entries) {
    throwIfAborted(options.signal);
    all.push(entry);
    if (entry.isDirectory) all.push(...(await listFolder(source, entry.path, options)));
  }
  return all;
}
