/**
 * From batches to an output: picks the writer for a format and sends its bytes to a file
 * (atomically: nothing is left under the name if anything fails) or to a stream such as stdout.
 *
 * @module
 */
import type { Writable } from 'node:stream';
import type { RecordBatch, Schema } from 'apache-arrow';
import { ArrowSusError } from '../errors.js';
import { writeFileAtomic, writeToStream } from '../io/write-file.js';
import { batchesToCsv } from './csv.js';
import { batchesToIpc } from './ipc.js';
import { batchesToNdjson } from './ndjson.js';
import { batchesToParquet } from './parquet.js';
import type { ParquetOptions } from './parquet.js';

/** Output formats. `arrow` is the IPC file format (`.arrow`), `arrows` the IPC stream format. */
export type OutputFormat = 'parquet' | 'arrow' | 'arrows' | 'csv' | 'ndjson';

/** Every output format, for option validation and help texts. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['parquet', 'arrow', 'arrows', 'csv', 'ndjson'];

/**
 * The format implied by an output path's extension, if any.
 *
 * @example
 * ```ts
 * formatFromPath('deaths.parquet'); // 'parquet'
 * ```
 */
export function formatFromPath(path: string): OutputFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  if (lower.endsWith('.arrow') || lower.endsWith('.feather') || lower.endsWith('.ipc')) return 'arrow';
  if (lower.endsWith('.arrows')) return 'arrows';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}

/**
 * Resolves the output format from an explicit choice and the path (`-` is standard output, where
 * `arrow` means the stream format since pipes cannot hold the file format's footer usefully).
 * Throws `INVALID_ARGUMENT` when neither says.
 *
 * @example
 * ```ts
 * resolveOutputFormat(undefined, 'out.csv'); // 'csv'
 * resolveOutputFormat('arrow', '-'); // 'arrows'
 * ```
 */
export function resolveOutputFormat(format: string | undefined, path: string): OutputFormat {
  if (format !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new ArrowSusError('INVALID_ARGUMENT', `output: unknown format "${format}" (choose ${OUTPUT_FORMATS.join(', ')})`);
  }
  const chosen = (format as OutputFormat | undefined) ?? (path === '-' ? undefined : formatFromPath(path));
  if (chosen === undefined) {
    throw new ArrowSusError('INVALID_ARGUMENT', `output: cannot tell the format of "${path}"; add -f ${OUTPUT_FORMATS.join('|')}`);
  }
  return path === '-' && chosen === 'arrow' ? 'arrows' : chosen;
}

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
