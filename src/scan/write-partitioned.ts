/**
 * Hive-partitioned Parquet output: one Parquet file per source file, in folders named after the
 * partition values (`uf=SP/year=2023/month=1/`), readable as one dataset by DuckDB
 * (`read_parquet('out/**\/*.parquet', hive_partitioning = true)`), Polars and pyarrow.
 * Files are written into a staging folder inside the target and moved into place only when the
 * whole request succeeded.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { ResolvedFile } from '../catalog/index.js';
import { ArrowSusError } from '../errors.js';
import { fileError } from '../io/errors.js';
import type { ParquetOptions } from '../output/parquet.js';
import { writeBatches } from '../output/write-output.js';

/** Partition keys a folder output can use. */
export type PartitionKey = 'system' | 'dataset' | 'uf' | 'year' | 'month';

/** Options of `Scan.toParquet`. */
export interface ParquetOutputOptions extends ParquetOptions {
  /** Write a folder partitioned by these keys (in this order). */
  readonly partitionBy?: readonly PartitionKey[];
}

/** What an output method wrote. */
export interface WriteSummary {
  readonly rows: number;
  readonly bytes: number;
  readonly files: number;
}

/** What `writePartitioned` needs from a scan. */
export interface TaggedSource {
  schema(): Promise<Schema>;
  streamTagged(): AsyncIterable<{ batch: RecordBatch; file: ResolvedFile }>;
}

/**
 * The relative folder of a file's partition.
 *
 * @example
 * ```ts
 * partitionPath(file, ['uf', 'year']); // 'uf=SP/year=2023'
 * ```
 */
export function partitionPath(file: ResolvedFile, keys: readonly PartitionKey[]): string {
  const parsed = file.parsed;
  const values: Record<PartitionKey, string | number | null> = {
    system: parsed.system,
    dataset: parsed.dataset,
    uf: parsed.uf,
    year: parsed.year,
    month: parsed.month,
  };
  // Hive's convention for a missing value.
  return keys.map((key) => `${key}=${values[key] ?? '__HIVE_DEFAULT_PARTITION__'}`).join('/');
}

/**
 * Writes a scan as a partitioned folder.
 *
 * @example
 * ```ts
 * await writePartitioned(scan, 'out', ['uf', 'year'], {});
 * ```
 */
export async function writePartitioned(
  source: TaggedSource,
  target: string,
  keys: readonly PartitionKey[],
  options: ParquetOptions,
  signal?: AbortSignal,
): Promise<WriteSummary> {
  const allowed: readonly PartitionKey[] = ['system', 'dataset', 'uf', 'year', 'month'];
  const bad = keys.filter((key) => !allowed.includes(key));
  if (bad.length > 0) throw new ArrowSusError('INVALID_ARGUMENT', `output: cannot partition by ${bad.join(', ')} (use ${allowed.join(', ')})`);
  const schema = await source.schema();
  const staging = join(target, `.staging-${process.pid}-${randomBytes(3).toString('hex')}`);
  try {
    await mkdir(staging, { recursive: true });
  } catch (error) {
    throw fileError(error, staging, 'write');
  }
  let rows = 0;
  let bytes = 0;
  let files = 0;
  try {
    // Batches arrive file by file: collect one file's batches lazily and write them as they come.
    const iterator = source.streamTagged()[Symbol.asyncIterator]();
    let next = await iterator.next();
    while (next.done !== true) {
      const file = next.value.file;
      const name = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.(dbc|dbf)$/i, '');
      const path = join(staging, partitionPath(file, keys), `${name}.parquet`);
      async function* sameFile(): AsyncGenerator<RecordBatch> {
        while (next.done !== true && next.value.file.path === file.path) {
          rows += next.value.batch.numRows;
          yield next.value.batch;
          next = await iterator.next();
        }
      }
      bytes += await writeBatches(sameFile(), schema, { path }, 'parquet', { ...options, ...(signal ? { signal } : {}) });
      files += 1;
    }
    for (const file of await listFiles(staging)) {
      const destination = join(target, relative(staging, file));
      await mkdir(dirname(destination), { recursive: true });
      await rename(file, destination);
    }
    return { rows, bytes, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}
