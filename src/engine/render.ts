/**
 * Query results as text: one JSON array (`-f json`), and the readable terminal table (the
 * default of `arrow-sus query` and the `sql` shell). Cells are rendered as NDJSON renders them
 * (dates `YYYY-MM-DD`, exact 64-bit integers as numbers, others as strings).
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { jsonCellReader, type JsonCell } from '../output/cells.js';

/**
 * Record batches as the bytes of one JSON array of row objects. Memory: one batch's text.
 *
 * @example
 * ```ts
 * for await (const chunk of batchesToJsonArray(result)) process.stdout.write(chunk);
 * ```
 */
export async function* batchesToJsonArray(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>): AsyncGenerator<Uint8Array> {
  let first = true;
  yield Buffer.from('[');
  for await (const batch of batches) {
    const names = batch.schema.fields.map((field) => JSON.stringify(field.name));
    const readers = batch.schema.fields.map((_, index) => jsonCellReader(batch.getChildAt(index)!));
    const rows: string[] = [];
    for (let row = 0; row < batch.numRows; row++) {
      let text = first ? '\n{' : ',\n{';
      first = false;
      for (let column = 0; column < readers.length; column++) {
        if (column > 0) text += ',';
        text += `${names[column]}:${JSON.stringify(readers[column]!(row))}`;
      }
      rows.push(`${text}}`);
    }
    if (rows.length > 0) yield Buffer.from(rows.join(''), 'utf8');
  }
  yield Buffer.from(first ? ']\n' : '\n]\n');
}

const cellText = (value: JsonCell): string => (value === null ? 'NULL' : typeof value === 'string' ? value : String(value));

/**
 * The readable table: a header, a rule, up to `maxRows` rows with aligned columns (numbers to the
 * right), then a `(N rows)` line saying how many were left out.
 *
 * @example
 * ```ts
 * for (const line of await renderTable(result, result.schema, { maxRows: 50 })) console.log(line);
 * ```
 */
export async function renderTable(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  options: { maxRows?: number; maxWidth?: number } = {},
): Promise<string[]> {
  const maxRows = options.maxRows ?? 100;
  const maxWidth = options.maxWidth ?? 40;
  const names = schema.fields.map((field) => field.name);
  const rows: string[][] = [];
  const numeric = schema.fields.map((field) => /^(Int|Uint|Float|Decimal)/.test(String(field.type)));
  let total = 0;
  for await (const batch of batches) {
    const readers = batch.schema.fields.map((_, index) => jsonCellReader(batch.getChildAt(index)!));
    for (let row = 0; row < batch.numRows && rows.length < maxRows; row++) rows.push(readers.map((read) => cellText(read(row))));
    total += batch.numRows;
  }
  const clip = (text: string): string => (text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text);
  const widths = names.map((name, c) => Math.max(clip(name).length, ...rows.map((row) => clip(row[c] ?? '').length)));
  const line = (cells: readonly string[], header = false): string =>
    cells
      .map((cell, c) => (numeric[c] === true && !header ? clip(cell).padStart(widths[c]!) : clip(cell).padEnd(widths[c]!)))
      .join(' | ')
      .trimEnd();
  const out = [line(names, true), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const row of rows) out.push(line(row));
  out.push(total > rows.length ? `(${total} rows, first ${rows.length} shown)` : `(${total} row${total === 1 ? '' : 's'})`);
  return out;
}
