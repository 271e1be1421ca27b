/**
 * Downloads a reference file through a source into a cache folder once, and reads it back on later
 * calls. The cache path mirrors the source path (`cacheDir/territorio/tabelas/2026/…`), writes go to a
 * `.partial` file renamed into place, so an interrupted download never looks complete.
 *
 * @module
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { throwIfAborted } from '../../errors.js';
import type { Source } from '../../sources/index.js';

/**
 * Options of {@link fetchCached}.
 *
 * @example
 * ```ts
 * await fetchCached({ source, path: '/territorio/doc/bases_territoriais.pdf', cacheDir, size: 707421 });
 * ```
 */
export interface FetchCachedOptions {
  readonly source: Pick<Source, 'download'>;
  /** Absolute path on the source. */
  readonly path: string;
  readonly cacheDir: string;
  /** Expected size (from a listing): a cached file of another size is downloaded again. */
  readonly size?: number;
  readonly signal?: AbortSignal;
}

/**
 * The cache file for a source path.
 *
 * @example
 * ```ts
 * cachePathFor('/tmp/c', '/cid10/V2008/downloads/CID10CSV.zip'); // '/tmp/c/cid10/V2008/downloads/CID10CSV.zip'
 * ```
 */
export function cachePathFor(cacheDir: string, path: string): string {
  return join(cacheDir, ...path.split('/').filter((part) => part !== '' && part !== '..' && part !== '.'));
}

/**
 * Returns the file's bytes, from the cache when present (and of the expected size), else downloaded.
 *
 * @example
 * ```ts
 * const bytes = await fetchCached({ source, path: '/cid10/V2008/downloads/CID10CSV.zip', cacheDir });
 * ```
 */
export async function fetchCached(options: FetchCachedOptions): Promise<Uint8Array> {
  const { source, path, cacheDir, signal } = options;
  throwIfAborted(signal);
  const target = cachePathFor(cacheDir, path);
  const cachedSize = await stat(target).then((info) => info.size, () => -1);
  if (cachedSize >= 0 && (options.size === undefined || cachedSize === options.size)) return new Uint8Array(await readFile(target));
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of source.download(path, signal === undefined ? {} : { signal })) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    await writeFile(partial, bytes);
    await rename(partial, target);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
