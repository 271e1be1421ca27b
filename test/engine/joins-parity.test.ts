/**
 * Joins across systems and reference data (the README's SQL examples, run for real against a
 * local FTP tree), and the same answers from DuckDB and Polars on the same cached files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine, type DuckDbEngine } from '../../src/engine/duckdb/index.js';
import type { QueryEngine } from '../../src/engine/types.js';
import { encodeDbf, readDbf } from '../../src/dbf/index.js';
import { readTable } from '../../src/read/read-table.js';
import { ftpServerUnavailable, startFtpServer, tempDir, type FtpServer } from '../helpers/ftp-server.js';
import { fixturePath } from '../helpers/shared.js';
import { hasShared, placeFixtures, placeGenerated, placeSinanWithUf, zipStored } from './helpers.js';

const SIH = '/dissemin/publicos/SIHSUS/200801_/Dados';
const POPT = '/dissemin/publicos/IBGE/POPTCU';

let polarsProblem: string | undefined;
let createPolarsEngine: ((options: object) => Promise<QueryEngine>) | undefined;
try {
  const module = await import('../../src/engine/polars/engine.js');
  module.loadPolars();
  createPolarsEngine = module.createPolarsEngine;
} catch (error) {
  polarsProblem = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.warn(`[arrow-sus tests] skipping DuckDB/Polars parity: ${polarsProblem}`);
}

const suite = ftpServerUnavailable === undefined ? describe : describe.skip;

/** Rows as plain values: 64-bit integers as numbers, floats rounded (engines sum in different orders). */
function plain(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'bigint' ? Number(value) : typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(10)) : value instanceof Date ? value.toISOString() : value,
      ]),
    ),
  );
}

async function rowsOf(engine: QueryEngine, sql: string): Promise<Record<string, unknown>[]> {
  const table = await (await engine.query(sql)).toTable();
  return plain(table.toArray().map((row) => row.toJSON() as Record<string, unknown>));
}

suite(`joins and engine parity${ftpServerUnavailable ? ` [skipped: ${ftpServerUnavailable}]` : ''}`, () => {
  let root: string;
  let cacheDir: string;
  let server: FtpServer;
  let duck: DuckDbEngine;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    let remove: () => void;
    [root, remove] = tempDir('arrow-sus-join-tree-');
    cleanups.push(remove);
    [cacheDir, remove] = tempDir('arrow-sus-join-cache-');
    cleanups.push(remove);
    if (hasShared) placeFixtures(root, ['RDRJ1602.dbc', 'RDAC2203.dbc', 'RDAC2401.dbc', 'STAC2401.dbc', 'DOAC2013.dbc']);
    else {
      placeGenerated(root, [
        { path: `${SIH}/RDRJ1602.dbc`, seed: 21, rows: 4_000 },
        { path: `${SIH}/RDAC2203.dbc`, seed: 22, rows: 900 },
        { path: `${SIH}/RDAC2401.dbc`, seed: 23, rows: 1_100 },
      ]);
    }
    placeSinanWithUf(root, '/dissemin/publicos/SINAN/DADOS/FINAIS/DENGBR16.dbc', 800, 11);
    server = await startFtpServer({ root });
    duck = await createDuckDbEngine({ source: server.url, cacheDir, threads: 2 });
  });

  afterAll(async () => {
    await duck?.close();
    await server?.stop();
    for (const cleanup of cleanups) cleanup();
  });

  describe.skipIf(!hasShared)(`SIH × CNES and SIM × IBGE population${hasShared ? '' : ' [skipped: ../shared is absent]'}`, () => {
    it('admissions per hospital with the facility facts of the same month (SIH RD × CNES ST)', async () => {
      const sql = `SELECT r.CNES, s.TP_UNID, s.LEITHOSP, count(*) AS admissions, round(sum(r.VAL_TOT), 2) AS paid
        FROM sih_rd r JOIN cnes_st s ON s.CNES = r.CNES AND s.uf = r.uf AND s.year = r.year AND s.month = r.month
        WHERE r.uf = 'AC' AND r.year = 2024 AND r.month = 1
        GROUP BY ALL ORDER BY admissions DESC, r.CNES`;
      const explained = await duck.explain(sql);
      expect(explained.files.map((f) => f.path.split('/').pop())).toEqual(['RDAC2401.dbc', 'STAC2401.dbc']);
      const rows = await rowsOf(duck, sql);
      expect(rows.length).toBeGreaterThan(0);
      // Every admission whose hospital is in the CNES file is counted exactly once.
      const admissions = new Map<string, number>();
      for await (const batch of readTable(readFileSync(join(root, `${SIH}/RDAC2401.dbc`)), { format: 'dbc', columns: ['CNES'] })) {
        for (const cnes of batch.getChild('CNES')!.toArray() as string[]) admissions.set(cnes, (admissions.get(cnes) ?? 0) + 1);
      }
      for (const row of rows) expect(row['admissions']).toBe(admissions.get(row['CNES'] as string));

      // Names: CNES files carry none; a names table (here a CSV in the shape of CNES's
      // tbEstabelecimento export) is registered and joined by code.
      const names = join(cacheDir, 'estabelecimentos.csv');
      writeFileSync(names, ['CO_CNES,NO_FANTASIA', ...rows.map((r) => `${String(r['CNES'])},UNIDADE ${String(r['CNES'])}`)].join('\n'));
      duck.registerTable('cnes_names', names);
      const named = await rowsOf(duck, `SELECT n.NO_FANTASIA AS hospital, count(*) AS admissions
        FROM sih_rd r JOIN cnes_names n ON lpad(CAST(n.CO_CNES AS VARCHAR), 7, '0') = r.CNES
        WHERE r.uf = 'AC' AND r.year = 2024 AND r.month = 1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`);
      expect(named[0]).toEqual({ hospital: `UNIDADE ${String(rows[0]!['CNES'])}`, admissions: rows[0]!['admissions'] });
    });

    it('deaths per 100,000 by municipality and year (SIM DO × IBGE population)', async () => {
      // POPTBR13.zip in the published layout (one DBF: MUNIC_RES, ANO, POPULACAO), built here from the
      // real POPTBR01 rows of Acre with ANO set to 2013, since no 2013 population fixture exists.
      const source: Record<string, unknown>[] = [];
      for await (const batch of readDbf(readFileSync(fixturePath('dbf/POPTBR01.DBF')))) {
        for (const row of batch.toArray()) if (String(row.MUNIC_RES).startsWith('12')) source.push(row.toJSON());
      }
      const dbf = encodeDbf(
        [{ name: 'MUNIC_RES', type: 'C', length: 6 }, { name: 'ANO', type: 'C', length: 4 }, { name: 'POPULACAO', type: 'N', length: 9 }],
        source.map((row) => [String(row['MUNIC_RES']), '2013', Number(row['POPULACAO'])]),
      );
      const target = join(root, ...POPT.split('/').filter(Boolean));
      (await import('node:fs')).mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'POPTBR13.zip'), zipStored('POPTBR13.DBF', dbf));
      (await import('node:fs')).chmodSync(join(target, 'POPTBR13.zip'), 0o644);

      const sql = `SELECT d.CODMUNRES AS municipality, d.year, count(*) AS deaths, p.POPULACAO AS population,
          round(100000.0 * count(*) / p.POPULACAO, 1) AS per_100k
        FROM sim_do d JOIN ibge_popt p ON p.MUNIC_RES = d.CODMUNRES AND p.year = d.year
        WHERE d.uf = 'AC' AND d.year = 2013
        GROUP BY d.CODMUNRES, d.year, p.POPULACAO ORDER BY per_100k DESC, municipality`;
      const explained = await duck.explain(sql);
      expect(explained.files.map((f) => f.path.split('/').pop())).toEqual(['DOAC2013.dbc', 'POPTBR13.zip']);
      expect(explained.files.map((f) => f.cached)).toEqual([false, false]);
      const rows = await rowsOf(duck, sql);
      expect((await duck.explain(sql)).files.map((f) => f.cached)).toEqual([true, true]);
      const deaths = new Map<string, number>();
      for await (const batch of readTable(readFileSync(join(root, '/dissemin/publicos/SIM/CID10/DORES/DOAC2013.dbc')), { format: 'dbc', columns: ['CODMUNRES'] })) {
        for (const code of batch.getChild('CODMUNRES')!.toArray() as string[]) deaths.set(code, (deaths.get(code) ?? 0) + 1);
      }
      const population = new Map(source.map((row) => [String(row['MUNIC_RES']), Number(row['POPULACAO'])]));
      expect(rows.length).toBe([...deaths.keys()].filter((code) => population.has(code)).length);
      for (const row of rows) {
        const code = row['municipality'] as string;
        expect(row).toEqual({
          municipality: code,
          year: 2013,
          deaths: deaths.get(code),
          population: population.get(code),
          per_100k: Math.round((100000 * deaths.get(code)!) / population.get(code)! * 10) / 10,
        });
      }
    });
  });

  describe.skipIf(createPolarsEngine === undefined)(`DuckDB and Polars give the same answers${polarsProblem ? ` [skipped: ${polarsProblem}]` : ''}`, () => {
    const rj = "year = 2016 AND month = 2 AND uf = 'RJ'";
    const date = hasShared ? "STRPTIME(DT_INTER, '%Y%m%d')" : 'DT_INTER';
    const queries: [string, string][] = [
      ['aggregates', `SELECT count(*) AS n, sum(IDADE) AS total_age, min(IDADE) AS youngest, max(IDADE) AS oldest, avg(IDADE) AS mean_age FROM sih_rd WHERE ${rj}`],
      ['group by, order, limit', `SELECT MUNIC_RES, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY MUNIC_RES ORDER BY n DESC, MUNIC_RES LIMIT 15`],
      ['numeric filter', `SELECT count(*) AS n FROM sih_rd WHERE ${rj} AND IDADE >= 60 AND IDADE < 80`],
      ['several partitions', "SELECT uf, year, month, count(*) AS n FROM sih_rd WHERE uf IN ('RJ', 'AC') GROUP BY uf, year, month ORDER BY uf, year, month"],
      ['string prefix', `SELECT SUBSTR(DIAG_PRINC, 1, 1) AS chapter, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY chapter ORDER BY chapter`],
      ['LIKE', `SELECT count(*) AS n FROM sih_rd WHERE ${rj} AND DIAG_PRINC LIKE 'I2%'`],
      ['string functions', `SELECT LENGTH(DIAG_PRINC) AS len, UPPER(SUBSTR(DIAG_PRINC, 1, 2)) AS head, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY len, head ORDER BY n DESC, head LIMIT 10`],
      ['CASE bands', `SELECT CASE WHEN IDADE < 18 THEN 'child' WHEN IDADE < 60 THEN 'adult' ELSE 'elder' END AS band, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY band ORDER BY band`],
      ['dates', `SELECT EXTRACT(year FROM ${date}) AS y, EXTRACT(month FROM ${date}) AS m, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY y, m ORDER BY n DESC, y, m LIMIT 12`],
      ['distinct count', "SELECT count(DISTINCT MUNIC_RES) AS municipalities FROM sih_rd WHERE uf = 'AC'"],
      [
        'join of two partitions',
        `SELECT a.MUNIC_RES, a.n AS n2022, b.n AS n2024 FROM
           (SELECT MUNIC_RES, count(*) AS n FROM sih_rd WHERE uf = 'AC' AND year = 2022 AND month = 3 GROUP BY MUNIC_RES) a
           JOIN (SELECT MUNIC_RES, count(*) AS n FROM sih_rd WHERE uf = 'AC' AND year = 2024 AND month = 1 GROUP BY MUNIC_RES) b
           ON a.MUNIC_RES = b.MUNIC_RES ORDER BY a.n DESC, a.MUNIC_RES LIMIT 10`,
      ],
      ['a file column named like a partition column', 'SELECT uf, UF_1, EXTRACT(month FROM DT_NOTIFIC) AS m, count(*) AS n FROM sinan_deng WHERE year = 2016 GROUP BY uf, UF_1, m ORDER BY UF_1, m'],
      ['HAVING', `SELECT MUNIC_RES, count(*) AS n FROM sih_rd WHERE ${rj} GROUP BY MUNIC_RES HAVING count(*) > ${hasShared ? 500 : 60} ORDER BY MUNIC_RES`],
    ];
    if (hasShared) {
      queries.push([
        'join across systems',
        `SELECT s.TP_UNID, count(*) AS admissions FROM sih_rd r JOIN cnes_st s ON s.CNES = r.CNES
           WHERE r.uf = 'AC' AND r.year = 2024 AND r.month = 1 AND s.uf = 'AC' AND s.year = 2024 AND s.month = 1
           GROUP BY s.TP_UNID ORDER BY admissions DESC, s.TP_UNID`,
      ]);
    }
    let polars: QueryEngine;
    beforeAll(async () => {
      polars = await createPolarsEngine!({ source: server.url, cacheDir });
    });
    afterAll(async () => {
      await polars?.close();
    });

    it.each(queries)('%s', async (_name, sql) => {
      const expected = await rowsOf(duck, sql);
      expect(expected.length).toBeGreaterThan(0);
      expect(await rowsOf(polars, sql)).toEqual(expected);
    });
  });
});
