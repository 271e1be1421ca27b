/** Shared helpers for the DBF tests: run a read to completion and turn batches into plain rows. */
import type { RecordBatch, Schema } from 'apache-arrow';
import { expect } from 'vitest';
import { ArrowSusError, type ErrorCode } from '../../src/errors.js';
import { DbfReader, type DbfInput, type DbfReadStats, type ReadDbfOptions } from '../../src/dbf/index.js';

export type Row = Record<string, unknown>;

/** Plain JS values of a batch, one object per row (Arrow's own `get` per cell). */
export function batchRows(batch: RecordBatch): Row[] {
  const rows: Row[] = [];
  const columns = batch.schema.fields.map((field, i) => [field.name, batch.getChildAt(i)] as const);
  for (let r = 0; r < batch.numRows; r++) {
    const row: Row = {};
    for (const [name, vector] of columns) row[name] = vector?.get(r) ?? null;
    rows.push(row);
  }
  return rows;
}

export interface ReadResult {
  readonly batches: RecordBatch[];
  readonly rows: Row[];
  readonly stats: Readonly<DbfReadStats>;
  readonly schema: Schema;
}

/** Reads everything with a {@link DbfReader} and returns batches, rows and statistics. */
export async function readAll(input: DbfInput, options: ReadDbfOptions = {}): Promise<ReadResult> {
  const reader = new DbfReader(options);
  const batches: RecordBatch[] = [];
  for await (const batch of reader.batches(input)) batches.push(batch);
  const schema = reader.schema;
  if (schema === undefined) throw new Error('no schema after a complete read');
  return { batches, rows: batches.flatMap(batchRows), stats: reader.stats, schema };
}

/** Asserts that `run` fails with an ArrowSusError of `code`; returns the error. */
export async function expectCode(run: () => unknown, code: ErrorCode): Promise<ArrowSusError> {
  try {
    await run();
  } catch (error) {
    expect(ArrowSusError.is(error), `expected ArrowSusError ${code}, got ${String(error)}`).toBe(true);
    expect((error as ArrowSusError).code).toBe(code);
    return error as ArrowSusError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

/** Days since the epoch → the epoch milliseconds Arrow's DateDay vectors return. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Splits bytes into chunks of the given sizes (the last chunk takes the rest). */
export function split(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(at, Math.min(cut, bytes.length)));
    at = Math.min(cut, bytes.length);
  }
  chunks.push(bytes.subarray(at));
  return chunks;
}
