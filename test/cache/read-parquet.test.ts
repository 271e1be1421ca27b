import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readParquet, readParquetSchema } from '../../src/cache/read-parquet.js';
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
