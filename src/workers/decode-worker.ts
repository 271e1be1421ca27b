/**
 * Worker-thread entry. Two kinds of task:
 * - `decode`: read one table with `readTable` and stream its batches back;
 * - `materialize`: read one table and write it as a zstd Parquet file (the cache's form), sending
 *   nothing back but the summary — the heavy lifting of a cache miss, off the main thread.
 *
 * @module
 */
import { batchesToParquet } from '../output/parquet.js';
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

/** One file to convert into a Parquet file at `output` (written atomically). */
export interface MaterializeTask {
  readonly kind: 'materialize';
  readonly input: string;
  readonly output: string;
  readonly options: TaskReadOptions & { readonly rowGroupRows?: number; readonly metadata?: Record<string, string> };
}

/** What a materialize task reports. */
export interface MaterializeSummary extends TableSummary {
  readonly parquetBytes: number;
}

serveTasks(async (raw, output, signal) => {
  const task = raw as DecodeTask | MaterializeTask;
  if (task.kind === 'materialize') {
    const { rowGroupRows, metadata, ...options } = task.options;
    const table = readTable(task.input, { ...options, signal });
    const { schema, batches } = await withSchema(table);
    const parquetBytes = await writeFileAtomic(
      task.output,
      batchesToParquet(batches, schema, { rowGroupRows: rowGroupRows ?? 65_536, ...(metadata ? { metadata } : {}) }),
      { signal },
    );
    return { ...(await table.summary), parquetBytes } satisfies MaterializeSummary;
  }
  const table = readTable(task.input, { ...task.options, signal });
  const { schema, batches } = await withSchema(table);
  output.schema(schema);
  for await (const batch of batches) await output.batch(batch);
  return table.summary;
});
