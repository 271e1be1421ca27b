import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Field, Schema, TimestampMillisecond, Utf8, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readParquet, readParquetPacked, readParquetSchema } from '../../src/cache/read-parquet.js';
import { unpackBatch } from '../../src/arrow/transfer.js';
import { batchesToParquet } from '../../src/output/parquet.js';
import { footerMetadata, readParquetKeyValues } from '../../src/output/parquet-concat.js';
import { SAMPLE_FIELDS, sampleBatch } from '../helpers/arrow.js';
import { collectBuffer, codeOfAsync } from '../helpers/streams.js';

const schema = new Schema(SAMPLE_FIELDS, new Map([['arrow-sus.note', 'kept']]));
const rows = Array.from({ length: 50 }, (_, i) => [i % 5 === 0 ? null : `C${i}`, i, BigInt(i), i / 2, new Date(Date.UTC(2020, 0, 1 + i)), i % 2 === 0]);
const batch = sampleBatch(rows, schema);

describe('readParquetSchema', () => {
  it("reads the Arrow schema from the footer's ARROW:schema entry, equal to what the reader yields", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'arrow-sus-schema-')), 'a.parquet');
    writeFileSync(path, await collectBuffer(batchesToParquet([batch], schema)));
    const part = await readParquetKeyValues(path);
    expect(footerMetadata(part, 'ARROW:schema')).toBeTypeOf('string');
    expect(footerMetadata(part, 'no such key')).toBeUndefined();
    const fromFooter = await readParquetSchema(path);
    const read: RecordBatch[] = [];
    for await (const b of readParquet(path)) read.push(b);
    expect(fromFooter.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual(read[0]!.schema.fields.map((f) => [f.name, String(f.type), f.nullable]));
    expect(fromFooter.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Int32', 'Int64', 'Float64', 'Date32<DAY>', 'Bool']);
  });

  it('raises FILE_NOT_FOUND for a missing file and CACHE_CORRUPT for one that is not Parquet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-schema-'));
    expect(await codeOfAsync(() => readParquetSchema(join(dir, 'missing.parquet')))).toBe('FILE_NOT_FOUND');
    writeFileSync(join(dir, 'bad.parquet'), 'PAR1 this is not parquet at all PAR1');
    expect(await codeOfAsync(() => readParquetSchema(join(dir, 'bad.parquet')))).toBe('CACHE_CORRUPT');
  });
});

describe('readParquetPacked', () => {
  const unpacked = async (path: string): Promise<unknown[]> => {
    const rows: unknown[] = [];
    for await (const { schema: read, packed } of readParquetPacked(path, { batchRows: 16 })) rows.push(...unpackBatch(read, packed).toArray().map((row) => row.toJSON()));
    return rows;
  };
  // An independent reading: the Parquet reader's own Arrow IPC output, decoded by apache-arrow.
  const direct = async (path: string): Promise<unknown[]> => {
    const wasm = await import('parquet-wasm');
    const table = tableFromIPC(wasm.readParquet(readFileSync(path)).intoIPCStream());
    return table.toArray().map((row) => (row as { toJSON(): unknown }).toJSON());
  };

  it('gives the rows an IPC round trip gives, nulls included, for every type the DBF decoder makes', async () => {
    const withNulls = sampleBatch(rows.map((row, i) => (i % 7 === 3 ? row.map(() => null) : row)), schema);
    const path = join(mkdtempSync(join(tmpdir(), 'arrow-sus-packed-')), 'a.parquet');
    writeFileSync(path, await collectBuffer(batchesToParquet([withNulls], schema)));
    const got = await unpacked(path);
    expect(got).toHaveLength(50);
    expect(got).toEqual(await direct(path));
    expect(got.filter((row) => (row as { N: unknown }).N === null)).toHaveLength(7);
    // readParquet gives the same rows, every batch carrying one schema object.
    const batches: RecordBatch[] = [];
    for await (const b of readParquet(path, { batchRows: 16 })) batches.push(b);
    expect(batches.flatMap((b) => b.toArray().map((row) => row.toJSON()))).toEqual(got);
    expect(new Set(batches.map((b) => b.schema)).size).toBe(1);
  });

  it('takes the general path for other types (here a timestamp column)', async () => {
    const other = new Schema([new Field('T', new TimestampMillisecond(), true), new Field('CODE', new Utf8(), true)]);
    const path = join(mkdtempSync(join(tmpdir(), 'arrow-sus-packed-')), 'b.parquet');
    writeFileSync(path, await collectBuffer(batchesToParquet([sampleBatch([[1_600_000_000_000, 'a'], [null, 'b']], other)], other)));
    expect(await unpacked(path)).toEqual(await direct(path));
    expect(await unpacked(path)).toHaveLength(2);
  });
});
