/**
 * Newline-delimited JSON output: one object per row, keys in schema order.
 *
 * @module
 */
import type { RecordBatch } from 'apache-arrow';
import { jsonCellReader } from './cells.js';

/**
 * Writes record batches as NDJSON bytes, one chunk per batch. Dates are `YYYY-MM-DD` strings;
 * 64-bit integers beyond 2^53 are strings. Memory: one batch's text.
 *
 * @example
 * ```ts
 * for await (const chunk of batchesToNdjson(batches)) out.write(chunk);
 * ```
 */
export async function* batchesToNdjson(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>): AsyncGenerator<Uint8Array> {
  for await (const batch of batches) {
    const names = batch.schema.fields.map((field) => JSON.stringify(field.name));
    const readers = batch.schema.fields.map((_, index) => jsonCellReader(batch.getChildAt(index)!));
    const lines: string[] = [];
    for (let row = 0; row < batch.numRows; row++) {
      let line = '{';
      for (let column = 0; column < readers.length; column++) {
        if (column > 0) line += ',';
        line += `${names[column]}:${JSON.stringify(readers[column]!(row))}`;
      }
      lines.push(`${line}}`);
    }
    if (lines.length > 0) yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }
}
