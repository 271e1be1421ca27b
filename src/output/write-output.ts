/**
 * From batches to an output: picks the writer for a format and sends its bytes to a file
 * (atomically: nothing is left under the name if anything fails) or to a stream such as stdout.
 *
 * @module
 */
import type { Writable } from 'node:stream';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { OutputFormat } from './formats.js';
import { writeFileAtomic, writeToStream } from '../io/write-file.js';
import { batchesToCsv } from './csv.js';
import { batchesToIpc } from './ipc.js';
import { batchesToNdjson } from './ndjson.js';
import { batchesToParquet } from './parquet.js';
import type { ParquetOptions } from './parquet.js';

export { OUTPUT_FORMATS, formatFromPath, resolveOutputFormat, type OutputFormat } from './formats.js';

/**
 * Encodes batches in a format, as bytes.
 *
 * @example
 * ```ts
 * for await (const chunk of encodeBatches(batches, schema, 'csv')) out.write(chunk);
 * ```
 */
export function encodeBatches(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  format: OutputFormat,
  options: ParquetOptions = {},
): AsyncGenerator<Uint8Array> {
  switch (format) {
    case 'parquet':
      return batchesToParquet(batches, schema, options);
    case 'arrow':
      return batchesToIpc(batches, schema, 'file');
    case 'arrows':
      return batchesToIpc(batches, schema, 'stream');
    case 'csv':
      return batchesToCsv(batches);
    case 'ndjson':
      return batchesToNdjson(batches);
  }
}

/** Where output goes: a path (written atomically) or an open stream. */
export type OutputTarget = { readonly path: string } | { readonly stream: Writable };

/**
 * Writes batches to a file or stream in a format; returns the bytes written.
 *
 * @example
 * ```ts
 * await writeBatches(batches, schema, { path: 'out.parquet' }, 'parquet');
 * ```
 */
export async function writeBatches(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  target: OutputTarget,
  format: OutputFormat,
  options: ParquetOptions & { signal?: AbortSignal } = {},
): Promise<number> {
  const { signal, ...encodeOptions } = options;
  const bytes = encodeBatches(batches, schema, format, encodeOptions);
  const io = signal ? { signal } : {};
  return 'path' in target ? writeFileAtomic(target.path, bytes, io) : writeToStream(target.stream, bytes, io);
}
