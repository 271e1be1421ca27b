/**
 * DuckDB result chunks → Arrow: every mapped type, nulls at every position, strings inline
 * (≤ 12 bytes) and out of line, batches spanning many chunks, and the HUGEINT overflow error.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultToArrow } from '../../src/engine/duckdb/chunk-to-arrow.js';
import { loadDuckDb } from '../../src/engine/duckdb/load.js';
import { jsonCellReader } from '../../src/output/cells.js';
import type { RecordBatch } from 'apache-arrow';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  const { DuckDBInstance } = await loadDuckDb();
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function arrow(sql: string, batchRows?: number): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  for await (const batch of resultToArrow(await connection.stream(sql), batchRows === undefined ? {} : { batchRows })) batches.push(batch);
  return batches;
}

const rows = (batches: RecordBatch[]): Record<string, unknown>[] =>
  batches.flatMap((batch) => {
    const readers = batch.schema.fields.map((f, i) => [f.name, jsonCellReader(batch.getChildAt(i)!)] as const);
    return Array.from({ length: batch.numRows }, (_, r) => Object.fromEntries(readers.map(([name, read]) => [name, read(r)])));
  });

describe('resultToArrow', () => {
  it('maps each DuckDB type to its Arrow type', async () => {
    const [batch] = await arrow(`SELECT true AS b, 1::TINYINT AS i8, 2::SMALLINT AS i16, 3::INTEGER AS i32, 4::BIGINT AS i64,
      5::UTINYINT AS u8, 6::USMALLINT AS u16, 7::UINTEGER AS u32, 8::UBIGINT AS u64, 1.5::FLOAT AS f32, 2.25::DOUBLE AS f64,
      DATE '2016-02-29' AS d, TIMESTAMP '2016-02-29 12:34:56.789' AS ts, 'abc' AS s, 'x'::BLOB AS bin, 123.45::DECIMAL(10,2) AS dec,
      sum(x)::HUGEINT AS h, NULL AS n, [1, 2] AS list FROM (SELECT 1 AS x)`);
    expect(batch!.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'b:Bool', 'i8:Int8', 'i16:Int16', 'i32:Int32', 'i64:Int64', 'u8:Uint8', 'u16:Uint16', 'u32:Uint32', 'u64:Uint64',
      'f32:Float32', 'f64:Float64', 'd:Date32<DAY>', 'ts:Timestamp<MICROSECOND>', 's:Utf8', 'bin:Binary', 'dec:Float64',
      'h:Int64', 'n:Int32', 'list:Utf8',
    ]);
    expect(rows([batch!])[0]).toEqual({
      b: true, i8: 1, i16: 2, i32: 3, i64: 4, u8: 5, u16: 6, u32: 7, u64: 8, f32: 1.5, f64: 2.25, d: '2016-02-29',
      ts: '2016-02-29T12:34:56.789Z', s: 'abc', bin: '78', dec: 123.45, h: 1, n: null, list: '[1, 2]',
    });
  });

  it('keeps nulls and values exact across chunks and batch boundaries', async () => {
    const n = 10_000;
    const batches = await arrow(
      `SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END AS half,
              CASE WHEN i % 5 = 0 THEN NULL WHEN i % 2 = 0 THEN 'short' || i ELSE 'a string longer than twelve bytes ' || i END AS s,
              CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS even, DATE '2000-01-01' + i::INTEGER AS d
       FROM range(${n}) t(i) ORDER BY i`,
      4096,
    );
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.every((b) => b.numRows <= 4096)).toBe(true);
    const got = rows(batches);
    expect(got).toHaveLength(n);
    for (const i of [0, 1, 2, 3, 5, 7, 12, 2047, 2048, 2049, 4095, 4096, 4097, 9999]) {
      expect(got[i]).toEqual({
        i,
        half: i % 3 === 0 ? null : i * 0.5,
        s: i % 5 === 0 ? null : i % 2 === 0 ? `short${i}` : `a string longer than twelve bytes ${i}`,
        even: i % 7 === 0 ? null : i % 2 === 0,
        d: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
      });
    }
    const nulls = batches.reduce((sum, b) => sum + b.getChild('s')!.nullCount, 0);
    expect(nulls).toBe(n / 5);
  });

  it('reads UTF-8 text unchanged', async () => {
    const got = rows(await arrow("SELECT * FROM (VALUES ('SÃO PAULO'), ('Recém-nascido com nome bem longo ção'), ('')) t(s)"));
    expect(got.map((r) => r['s'])).toEqual(['SÃO PAULO', 'Recém-nascido com nome bem longo ção', '']);
  });

  it('returns no batch for an empty result, and fails clearly on a HUGEINT beyond 64 bits', async () => {
    expect(await arrow('SELECT 1 AS x WHERE false')).toEqual([]);
    await expect(arrow('SELECT 170141183460469231731687303715884105727::HUGEINT AS big')).rejects.toMatchObject({ code: 'ENGINE_FAILED' });
  });
});
