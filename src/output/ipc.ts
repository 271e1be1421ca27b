/**
 * Arrow IPC output: the file format (`.arrow`, random access, with a footer) and the stream
 * format (for pipes: `arrow-sus … -f arrow -o - | python3 -c 'import pyarrow …'`).
 *
 * @module
 */
import { RecordBatchFileWriter, RecordBatchStreamWriter } from 'apache-arrow';
import type { RecordBatch, Schema } from 'apache-arrow';
import { ArrowSusError } from '../errors.js';

/** Which Arrow IPC format to write. */
export type IpcFormat = 'file' | 'stream';

/**
 * Writes record batches as Arrow IPC bytes. All batches must share `schema` (see `conformBatch`).
 * An input with no batches still writes a valid, empty table with the schema. Memory: one batch.
 *
 * @example
 * ```ts
 * for await (const chunk of batchesToIpc(batches, schema, 'file')) out.write(chunk);
 * ```
 */
export async function* batchesToIpc(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  format: IpcFormat = 'file',
): AsyncGenerator<Uint8Array> {
  const writer = format === 'file' ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  // The writer queues the bytes of each message in its sink until someone reads them. Nobody
  // reads concurrently here, so the queue is a plain array we can empty after each write; this
  // keeps memory at one batch instead of the whole output. Guarded: a change of this internal
  // shape in a future apache-arrow fails loudly (and the IPC tests catch it).
  const sink = (writer as unknown as { _sink?: { _values?: Uint8Array[] } })._sink;
  if (sink === undefined || !Array.isArray(sink._values)) {
    throw new ArrowSusError('INTERNAL', 'output: unsupported apache-arrow writer internals (pin apache-arrow 21)');
  }
  const pending = sink._values;
  const drain = function* (): Generator<Uint8Array> {
    for (const chunk of pending.splice(0)) if (chunk.byteLength > 0) yield chunk;
  };
  for await (const batch of batches) {
    writer.write(batch);
    yield* drain();
  }
  writer.finish();
  yield* drain();
}
