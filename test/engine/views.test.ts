/**
 * The two forms of a table's view — one hive-style scan, or one scan per file stacked by name (the
 * fallback where symbolic links cannot be made) — give the same rows, with partition values per
 * file, a column some files lack as null, and a file's own `UF` column kept as `UF_1`.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiveLinks } from '../../src/engine/duckdb/hive-links.js';
import { loadDuckDb } from '../../src/engine/duckdb/load.js';
import type { TablePart } from '../../src/engine/resolve-files.js';
import { viewQuery } from '../../src/engine/views.js';
import { tempDir } from '../helpers/ftp-server.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;
let remove: () => void;
let parts: TablePart[];

beforeAll(async () => {
  [dir, remove] = tempDir('arrow-sus-views-');
  const { DuckDBInstance } = await loadDuckDb();
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  const a = join(dir, 'a.parquet');
  const b = join(dir, 'b.parquet');
  await connection.run(`COPY (SELECT * FROM (VALUES ('330455', 10.5::DOUBLE, '33'), ('330170', 2.0::DOUBLE, '35')) t(MUNIC, VAL, UF)) TO '${a}'`);
  await connection.run(`COPY (SELECT * FROM (VALUES ('120040', 7::INTEGER, 'x')) t(MUNIC, VAL, EXTRA)) TO '${b}'`);
  parts = [
    { path: '/x/A.dbc', parquetPath: a, key: 'ka', uf: 'RJ', year: 2016, month: 2, rows: 2 },
    { path: '/x/B.dbc', parquetPath: b, key: 'kb', uf: null, year: 2017, month: null, rows: 1 },
  ];
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  remove?.();
});

async function rows(view: string): Promise<unknown[]> {
  await connection.run(`CREATE OR REPLACE TEMP VIEW t AS ${view}`);
  const reader = await connection.runAndReadAll('SELECT * FROM t ORDER BY MUNIC');
  return [reader.columnNames(), ...reader.getRowsJson()];
}

describe('viewQuery', () => {
  const clashes = (): Map<string, readonly string[]> => new Map([[parts[0]!.parquetPath, ['UF']]]);

  it('gives the same rows through hive links and through one scan per file', async () => {
    const links = await hiveLinks(join(dir, 'cache'), parts);
    expect(links).toHaveLength(2);
    const hive = await rows(viewQuery('t', parts, links, clashes()));
    const perFile = await rows(viewQuery('t', parts, undefined, clashes()));
    expect(hive[0]).toEqual(['uf', 'year', 'month', 'MUNIC', 'VAL', 'UF_1', 'EXTRA']);
    expect(new Set(perFile[0] as string[])).toEqual(new Set(hive[0] as string[]));
    const byName = (table: unknown[]): Record<string, unknown>[] =>
      table.slice(1).map((row) => Object.fromEntries((table[0] as string[]).map((name, i) => [name, (row as unknown[])[i]])));
    expect(byName(perFile)).toEqual(byName(hive));
    expect(byName(hive)).toEqual([
      { uf: null, year: 2017, month: null, MUNIC: '120040', VAL: 7, UF_1: null, EXTRA: 'x' },
      { uf: 'RJ', year: 2016, month: 2, MUNIC: '330170', VAL: 2, UF_1: '35', EXTRA: null },
      { uf: 'RJ', year: 2016, month: 2, MUNIC: '330455', VAL: 10.5, UF_1: '33', EXTRA: null },
    ]);
  });

  it('reuses existing links and an empty table has its known columns', async () => {
    const again = await hiveLinks(join(dir, 'cache'), parts);
    expect(again).toEqual(await hiveLinks(join(dir, 'cache'), parts));
    await connection.run(`CREATE OR REPLACE TEMP VIEW e AS ${viewQuery('sih_rd', [])}`);
    const reader = await connection.runAndReadAll('SELECT count(*) AS n, min(VAL_TOT) AS v, min(uf) AS u FROM e');
    expect(reader.getRowsJson()).toEqual([['0', null, null]]);
  });
});
