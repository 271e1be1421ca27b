/**
 * The IBGE population tables (`POPTBR13.zip` …) are ZIP archives holding one DBF, a container the
 * scan pipeline does not decode. They are small (a few hundred KB), so this path is simple: fetch
 * the archive once into the cache folder, extract the DBF, decode it and keep it as Parquet beside
 * the archive. A republished archive (new size) is fetched and converted again.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extractZipEntry, readZipEntries } from '../brazil/geo/zip.js';
import { cachePathFor, fetchCached } from '../brazil/reference/fetch-cached.js';
import type { ResolvedFile } from '../catalog/index.js';
import { readDbf } from '../dbf/index.js';
import { ArrowSusError } from '../errors.js';
import { writeBatches } from '../output/write-output.js';
import type { Source } from '../sources/source.js';
import type { RecordBatch } from 'apache-arrow';

/**
 * Whether a resolved file is a ZIP archive (decoded here rather than by the scan pipeline).
 *
 * @example
 * ```ts
 * isZipFile(file); // true for /dissemin/publicos/IBGE/POPTCU/POPTBR13.zip
 * ```
 */
export function isZipFile(file: ResolvedFile): boolean {
  return file.path.toLowerCase().endsWith('.zip');
}

/**
 * Where the Parquet file of a ZIP-of-DBF archive lives (beside the archive, named by its size).
 *
 * @example
 * ```ts
 * zipParquetPath(file, cacheDir); // '<cache>/reference/dissemin/publicos/IBGE/POPTCU/POPTBR13.zip.231456.parquet'
 * ```
 */
export function zipParquetPath(file: ResolvedFile, cacheDir: string): string {
  return `${cachePathFor(join(cacheDir, 'reference'), file.path)}.${file.size}.parquet`;
}

/**
 * Whether a ZIP-of-DBF archive is converted already.
 *
 * @example
 * ```ts
 * await isZipCached(file, cacheDir); // false before the first query that reads it
 * ```
 */
export async function isZipCached(file: ResolvedFile, cacheDir: string): Promise<boolean> {
  return (await stat(zipParquetPath(file, cacheDir)).catch(() => undefined)) !== undefined;
}

/**
 * The Parquet file of a ZIP-of-DBF archive, producing it on first use. Returns the path and
 * whether the archive had to be downloaded.
 *
 * @example
 * ```ts
 * const { parquetPath } = await materializeZipDbf(file, { source, cacheDir });
 * ```
 */
export async function materializeZipDbf(
  file: ResolvedFile,
  options: { source: Source; cacheDir: string; offline?: boolean; signal?: AbortSignal },
): Promise<{ parquetPath: string; downloaded: boolean; key: string }> {
  const archive = cachePathFor(join(options.cacheDir, 'reference'), file.path);
  const parquetPath = zipParquetPath(file, options.cacheDir);
  const key = `zip:${file.path}:${file.size}`;
  if ((await stat(parquetPath).catch(() => undefined)) !== undefined) return { parquetPath, downloaded: false, key };
  if (options.offline === true) {
    throw new ArrowSusError('SOURCE_CONNECTION_FAILED', `query: offline, and ${file.path} is not in the cache`);
  }
  const before = await stat(archive).catch(() => undefined);
  const bytes = await fetchCached({ source: options.source, path: file.path, cacheDir: join(options.cacheDir, 'reference'), size: file.size, ...(options.signal ? { signal: options.signal } : {}) });
  const entry = readZipEntries(bytes, file.path).find((e) => !e.isDirectory && e.name.toLowerCase().endsWith('.dbf'));
  if (entry === undefined) throw new ArrowSusError('DOMAIN_TABLE_INVALID', `query: ${file.path} holds no DBF file (damaged; re-download)`);
  const dbf = extractZipEntry(bytes, entry);
  const batches: RecordBatch[] = [];
  for await (const batch of readDbf(dbf, options.signal ? { signal: options.signal } : {})) batches.push(batch);
  const first = batches[0];
  if (first === undefined) throw new ArrowSusError('DOMAIN_TABLE_INVALID', `query: ${file.path} has an empty DBF`);
  await writeBatches(batches, first.schema, { path: parquetPath }, 'parquet', options.signal ? { signal: options.signal } : {});
  return { parquetPath, downloaded: before?.size !== file.size, key };
}
