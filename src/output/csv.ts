/**
 * CSV output (RFC 4180): a header row, `,` separators, `"` quoting only where needed, empty
 * cells for nulls, `\n` line ends, UTF-8.
 *
 * @module
 */
import type { RecordBatch } from 'apache-arrow';
import { jsonCellReader } from './cells.js';

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * Quotes one CSV field when it holds a separator, a quote or a line break.
 *
 * @example
 * ```ts
 * csvField('a,b'); // '"a,b"'
 * ```
 */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes record batches as CSV bytes, one chunk per batch. Memory: one batch's text.
 *
 * @example
 * ```ts
 * for await (const chunk of batchesToCsv(readDbc('DOAC2022.dbc'))) process.stdout.write(chunk);
 * ```
 */
export async function* batchesToCsv(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  options: { header?: boolean } = {},
): AsyncGenerator<Uint8Array> {
  let wroteHeader = options.header === false;
  for await (const batch of batches) {
    const lines: string[] = [];
    if (!wroteHeader) {
      lines.push(batch.schema.fields.map((field) => csvField(field.name)).join(','));
      wroteHeader = true;
    }
    const readers = batch.schema.fields.map((_, index) => jsonCellReader(batch.getChildAt(index)!));
    const cells: string[] = new Array(readers.length);
    for (let row = 0; row < batch.numRows; row++) {
      for (let column = 0; column < readers.length; column++) {
        const value = readers[column]!(row);
        cells[column] = value === null ? '' : csvField(String(value));
      }
      lines.push(cells.join(','));
    }
    if (lines.length > 0) yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }
}
