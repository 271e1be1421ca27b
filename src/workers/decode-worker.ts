/**
 * Worker-thread entry: decodes one table per task with `readTable` and streams the batches back.
 * Tasks are {@link DecodeTask}s; the summary is the read's `TableSummary`.
 *
 * @module
 */
import { readTable } from '../read/read-table.js';
import type { ReadTableOptions } from '../read/read-table.js';
import { serveTasks } from './serve.js';

/** One file to decode in a worker (structured-cloneable: the `where` filter as text). */
export interface DecodeTask {
  /** A local path, or the bytes themselves (transferred). */
  readonly input: string | Uint8Array;
  readonly options: Omit<ReadTableOptions, 'signal' | 'where'> & { readonly where?: string };
}

serveTasks(async (task, output, signal) => {
  const { input, options } = task as DecodeTask;
  const table = readTable(input, { ...options, signal });
  let schemaSent = false;
  const sendSchema = async (): Promise<void> => {
    if (schemaSent) return;
    schemaSent = true;
    output.schema(await table.schema);
  };
  for await (const batch of table) {
    await sendSchema();
    await output.batch(batch);
  }
  await sendSchema();
  return table.summary;
});
