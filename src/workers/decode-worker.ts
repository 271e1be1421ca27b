/**
 * Worker-thread entry. Three kinds of task:
 * - `decode`: read one table with `readTable` and stream its batches back;
 * - `materialize`: read one table and write it as a zstd Parquet file (the cache's form), sending
 *   nothing back but the summary — the heavy lifting of a cache miss, off the main thread;
 * - `parquet`: read a cached Parquet file back (projected) and stream its batches, so reading a
 *   request's files decodes Parquet on every core.
 *
 * @module
 */
import { batchesToParquet } from '../output/parquet.js';
import { canEncodeParquet } from '../output/parquet-writer/file-writer.js';
import type { FooterMetadata } from '../output/parquet-writer/footer.js';
import { readParquetPacked, readParquetSchema } from '../cache/read-parquet.js';
import { GrowthCell, readGrowingFile } from '../io/growing-file.js';
import { writeFileAtomic } from '../io/write-file.js';
import { readTable, withSchema } from '../read/read-table.js';
import type { ReadTableOptions, TableSummary } from '../read/read-table.js';
import { serveTasks } from './serve.js';

/** Options of a task (structured-cloneable: the `where` filter as text). */
export type TaskReadOptions = Omit<ReadTableOptions, 'signal' | 'where'> & { readonly where?: string };

/** One file to decode and stream back. */
export interface DecodeTask {
  readonly kind?: 'decode';
  /** A local path, or the bytes themselves (transferred). */
  readonly input: string | Uint8Array;
  readonly options: TaskReadOptions;
}

/**
 * A file still being downloaded, read as its bytes land (see `io/growing-file.ts`): its path and
 * the shared progress cell the downloading thread updates.
 */
export interface GrowingInput {
  readonly path: string;
  readonly growth: SharedArrayBuffer;
  /** Where the file is once complete (the download renames its part file). */
  readonly completePath?: string;
  /** Footer metadata key that receives the download's SHA-256 once the file is complete. */
  readonly sha256Key?: string;
}

/** One file to convert into a Parquet file at `output` (written atomically). */
export interface MaterializeTask {
  readonly kind: 'materialize';
  /** A local path, or a file still downloading. */
  readonly input: string | GrowingInput;
  readonly output: string;
  readonly options: TaskReadOptions & { readonly rowGroupRows?: number; readonly metadata?: Record<string, string> };
}

/** One cached Parquet file to read back (projected) and stream. */
export interface ParquetReadTask {
  readonly kind: 'parquet';
  readonly path: string;
  readonly columns?: readonly string[];
  readonly batchRows?: number;
}

/** What a materialize task reports. */
export interface MaterializeSummary extends TableSummary {
  readonly parquetBytes: number;
}

serveTasks(async (raw, output, signal) => {
  const task = raw as DecodeTask | MaterializeTask | ParquetReadTask;
  if (task.kind === 'parquet') {
    let rows = 0;
    let schemaSent = false;
    // Packed straight out of the Parquet reader's memory: no apache-arrow objects in between.
    for await (const batch of readParquetPacked(task.path, { ...(task.columns ? { columns: task.columns } : {}), ...(task.batchRows ? { batchRows: task.batchRows } : {}), signal })) {
      if (!schemaSent) {
        output.schema(batch.schema);
        schemaSent = true;
      }
      rows += batch.packed.length;
      await output.packed(batch.packed, batch.transfer);
    }
    if (!schemaSent) output.schema(await readParquetSchema(task.path));
    return { rows };
  }
  if (task.kind === 'materialize') {
    const { rowGroupRows, metadata, ...options } = task.options;
    // The encoder copies each batch before it asks for the next: transient batches let the decoder
    // reuse its buffers, so converting a file allocates (and collects) almost nothing per batch.
    // 4 MiB batches: as fast as 8 MiB here, and ~35 MiB less memory per worker (decoder buffers,
    // the encoder's copy of each batch).
    const input = task.input;
    const growth = typeof input === 'string' ? undefined : new GrowthCell(input.growth);
    const source = typeof input === 'string' ? input : readGrowingFile(input.path, growth!, { signal, ...(input.completePath === undefined ? {} : { completePath: input.completePath }) });
    const table = readTable(source, { batchBytes: 4 << 20, ...options, transientBatches: true, signal });
    const { schema, batches } = await withSchema(table);
    // A growing file's SHA-256 is known once it is complete, which is before the last batch:
    // arrow-sus's encoder writes the footer after it and takes it then. The WebAssembly encoder
    // (schemas arrow-sus's does not write, e.g. decimals) wants its metadata first: wait for it.
    const sha256Key = typeof input === 'string' ? undefined : input.sha256Key;
    let footer: FooterMetadata | undefined = metadata;
    if (sha256Key !== undefined && growth !== undefined) {
      if (canEncodeParquet(schema)) footer = () => ({ ...metadata, [sha256Key]: growth.sha256 ?? '' });
      else if ((await growth.settled({ signal })) === 'complete') footer = { ...metadata, [sha256Key]: growth.sha256 ?? '' };
    }
    const parquetBytes = await writeFileAtomic(
      task.output,
      batchesToParquet(batches, schema, { rowGroupRows: rowGroupRows ?? 65_536, ...(footer ? { metadata: footer } : {}) }),
      { signal },
    );
    return { ...(await table.summary), parquetBytes } satisfies MaterializeSummary;
  }
  // Batches sent to another thread are moved away: lending buffers (transientBatches) would only
  // make the decoder replace each moved buffer, so decode owned batches.
  const table = readTable(task.input, { ...task.options, transientBatches: false, signal });
  const { schema, batches } = await withSchema(table);
  output.schema(schema);
  for await (const batch of batches) await output.batch(batch);
  return table.summary;
});
