/**
 * Every kind of real DataSUS table through the encoder: for each system of the shared fixture set,
 * its two smallest files are decoded, encoded by `encodeParquet` and read back by arrow-rs
 * (`readParquet`), and every cell must come back (nulls, -0, NaN and all). Values under nulls are
 * not compared: Arrow leaves them unspecified and arrow-rs does not zero them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { expect, it } from 'vitest';
import { readParquet } from '../../../src/cache/read-parquet.js';
import { loadPolars } from '../../../src/engine/polars/engine.js';
import { encodeParquet } from '../../../src/output/parquet-writer/file-writer.js';
import { readTable } from '../../../src/read/read-table.js';
import { describeShared, fixturePath, readManifest, SHARED_DIR } from '../../helpers/shared.js';
import { collectBuffer } from '../../helpers/streams.js';

const bySystem = new Map<string, ReturnType<typeof readManifest>>();
for (const row of readManifest()) {
  if ((row.kind !== 'DBC' && row.kind !== 'DBF') || row.crcOk === false || row.bytes > 3_000_000) continue;
  const key = `${row.kind} ${row.system}`;
  bySystem.set(key, [...(bySystem.get(key) ?? []), row]);
}
const picked = [...bySystem.values()].flatMap((rows) => [...rows].sort((a, b) => a.bytes - b.bytes).slice(0, 2));

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  return Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

describeShared('Parquet encoder on real DataSUS tables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-pqw-fixtures-'));

  it.each(picked.map((row) => [row.path, row.system]))('%s (%s) round-trips cell for cell', async (relative) => {
    const batches: RecordBatch[] = [];
    for await (const batch of readTable(fixturePath(relative), { encoding: 'auto' })) batches.push(batch);
    if (batches.length === 0) return; // a table with no rows: covered by the empty-file tests
    const schema = batches[0]!.schema;
    const path = join(dir, `${relative.replace(/\W/g, '_')}.parquet`);
    // Pages of 1,000 rows and a 16 KiB dictionary limit: several pages per chunk, and the PLAIN
    // fallback on the columns with many distinct values.
    writeFileSync(path, await collectBuffer(encodeParquet(batches, schema, { limits: { pageRows: 1000, dictionaryBytes: 16 << 10 } })));
    const back: RecordBatch[] = [];
    for await (const batch of readParquet(path)) back.push(batch);
    const expected = new Table(batches);
    const actual = new Table(back);
    expect(actual.numRows).toBe(expected.numRows);
    expect(actual.schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`)).toEqual(schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`));
    for (let c = 0; c < expected.numCols; c++) {
      const x = expected.getChildAt(c)!;
      const y = actual.getChildAt(c)!;
      expect(y.nullCount, schema.fields[c]!.name).toBe(x.nullCount);
      for (let r = 0; r < expected.numRows; r++) {
        if (!sameCell(x.get(r), y.get(r))) expect({ column: schema.fields[c]!.name, row: r, value: y.get(r) }).toEqual({ column: schema.fields[c]!.name, row: r, value: x.get(r) });
      }
    }
  });
});

describeShared('Parquet encoder output read by Polars', () => {
  it('an SIH file reads in nodejs-polars exactly as the file arrow-rs writes for the same batches', async (context) => {
    let polars: ReturnType<typeof loadPolars>;
    try {
      polars = loadPolars();
    } catch (error) {
      console.warn(`[arrow-sus tests] skipping the Polars read-back: ${String(error)}`);
      context.skip();
      return;
    }
    const batches: RecordBatch[] = [];
    for await (const batch of readTable(join(SHARED_DIR!, 'fixtures', 'dbc', 'RDRJ1602.dbc'), { encoding: 'auto', batchBytes: 4 << 20 })) batches.push(batch);
    const schema = batches[0]!.schema;
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-pqw-polars-'));
    const ours = join(dir, 'ours.parquet');
    writeFileSync(ours, await collectBuffer(encodeParquet(batches, schema, { rowGroupRows: 65_536 })));
    const wasm = await import('parquet-wasm');
    const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.ZSTD).setMaxRowGroupSize(65_536).build();
    const theirs = join(dir, 'arrow-rs.parquet');
    writeFileSync(theirs, wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(new Table(schema, batches), 'stream')), properties));
    const a = polars.readParquet(ours) as unknown as { shape: { height: number; width: number }; frameEqual(other: unknown): boolean };
    const b = polars.readParquet(theirs);
    expect(a.shape).toEqual({ height: 54_793, width: 113 });
    expect(a.frameEqual(b)).toBe(true);
  });
});
