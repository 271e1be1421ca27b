/**
 * Partition pruning from DuckDB's own syntax tree: which uf/year/month values each table can need.
 * Every case is parsed by the real parser (json_serialize_sql), never by hand-written trees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlParser } from '../../src/engine/duckdb/parse.js';
import { hasBoundedResult, partitionFilters, referencedTables } from '../../src/engine/partition-predicates.js';
import { partitionRequests } from '../../src/engine/partition-request.js';
import { closeTableNames, sqlTable, unknownTableError } from '../../src/engine/tables.js';

let parser: Awaited<ReturnType<typeof openSqlParser>>;
beforeAll(async () => {
  parser = await openSqlParser();
});
afterAll(() => parser.close());

const isTable = (name: string): boolean => sqlTable(name) !== undefined;
const filters = async (sql: string): Promise<Record<string, unknown>> => Object.fromEntries(partitionFilters(await parser.parse(sql), isTable));

describe('partitionFilters', () => {
  it('reads equalities, IN lists and ranges', async () => {
    expect(await filters("SELECT uf, count(*) FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1")).toEqual({
      sih_rd: { uf: ['RJ'], year: [2016], month: [2] },
    });
    expect(await filters("SELECT * FROM sih_rd WHERE uf IN ('sp', 'RJ') AND year BETWEEN 2015 AND 2017 AND month >= 11")).toEqual({
      sih_rd: { uf: ['RJ', 'SP'], year: [2015, 2016, 2017], month: [11, 12] },
    });
    expect(await filters('SELECT * FROM sim_do WHERE 2020 < year AND year <= 2022')).toEqual({ sim_do: { uf: null, year: [2021, 2022], month: null } });
    expect(await filters("SELECT * FROM cnes_st WHERE year = '2024' AND month = CAST('1' AS INTEGER)")).toEqual({
      cnes_st: { uf: null, year: [2024], month: [1] },
    });
  });

  it('unions OR branches on the same column, ignores ORs that mix columns', async () => {
    expect(await filters("SELECT * FROM sih_rd WHERE (uf = 'SP' OR uf = 'RJ') AND (year = 2016 OR year IN (2018, 2019))")).toEqual({
      sih_rd: { uf: ['RJ', 'SP'], year: [2016, 2018, 2019], month: null },
    });
    expect(await filters("SELECT * FROM sih_rd WHERE uf = 'SP' OR year = 2016")).toEqual({ sih_rd: { uf: null, year: null, month: null } });
  });

  it('never prunes on what it cannot prove: NOT, functions, other columns', async () => {
    expect(await filters("SELECT * FROM sih_rd WHERE NOT (uf = 'SP') AND year + 0 = 2016 AND MUNIC_RES = '330455'")).toEqual({
      sih_rd: { uf: null, year: null, month: null },
    });
    expect(await filters('SELECT count(*) FROM sinan_deng')).toEqual({ sinan_deng: { uf: null, year: null, month: null } });
  });

  it('an impossible condition needs no file', async () => {
    expect(await filters('SELECT * FROM sih_rd WHERE year = 2016 AND year = 2017')).toEqual({ sih_rd: { uf: null, year: [], month: null } });
    expect(await filters('SELECT * FROM sih_rd WHERE year = NULL')).toEqual({ sih_rd: { uf: null, year: [], month: null } });
  });

  it('attributes qualified columns to their table and propagates join equalities', async () => {
    const sql = `SELECT r.CNES, s.TP_UNID, count(*) FROM sih_rd r JOIN cnes_st AS s ON s.CNES = r.CNES AND s.year = r.year AND s.month = r.month AND s.uf = r.uf
                 WHERE r.year = 2024 AND r.month = 1 AND r.uf = 'AC' GROUP BY 1, 2`;
    expect(await filters(sql)).toEqual({
      sih_rd: { uf: ['AC'], year: [2024], month: [1] },
      cnes_st: { uf: ['AC'], year: [2024], month: [1] },
    });
  });

  it('keeps outer-join semantics: ON constants restrict only the null-supplying side', async () => {
    const sql = "SELECT * FROM sih_rd r LEFT JOIN cnes_st s ON s.CNES = r.CNES AND s.year = 2024 AND r.uf = 'AC'";
    expect(await filters(sql)).toEqual({ sih_rd: { uf: null, year: null, month: null }, cnes_st: { uf: null, year: [2024], month: null } });
  });

  it('leaves unqualified partition columns alone when two catalog tables are joined', async () => {
    const sql = 'SELECT * FROM sih_rd JOIN cnes_st USING (CNES) WHERE sih_rd.year = 2020';
    expect(await filters(sql)).toEqual({ sih_rd: { uf: null, year: [2020], month: null }, cnes_st: { uf: null, year: null, month: null } });
  });

  it('merges several uses of one table; an unconstrained use needs everything', async () => {
    expect(await filters('SELECT * FROM sim_do WHERE year = 2020 UNION ALL SELECT * FROM sim_do WHERE year = 2022')).toEqual({
      sim_do: { uf: null, year: [2020, 2022], month: null },
    });
    expect(await filters('SELECT (SELECT count(*) FROM sim_do), * FROM sim_do WHERE year = 2022')).toEqual({ sim_do: { uf: null, year: null, month: null } });
  });

  it('analyses subqueries and CTE bodies; a CTE name shadows a table', async () => {
    const sql = "WITH sih_rd AS (SELECT * FROM sim_do WHERE uf = 'AC' AND year = 2013) SELECT * FROM sih_rd";
    expect(await filters(sql)).toEqual({ sim_do: { uf: ['AC'], year: [2013], month: null } });
    expect(referencedTables(await parser.parse(sql))).toEqual(['sim_do']);
    expect(await filters("SELECT * FROM (SELECT * FROM sinasc_dn WHERE year = 2019 AND uf = 'RR') t")).toEqual({
      sinasc_dn: { uf: ['RR'], year: [2019], month: null },
    });
  });

  it('rejects syntax errors and other statements with QUERY_INVALID', async () => {
    await expect(parser.parse('SELEC * FROM sih_rd')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
    await expect(parser.parse('DROP TABLE sih_rd')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
    await expect(parser.parse('SELECT 1; SELECT 2')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });
});

describe('hasBoundedResult', () => {
  it('tells small results (computed at once) from others (streamed)', async () => {
    const bounded = async (sql: string): Promise<boolean> => hasBoundedResult(await parser.parse(sql));
    expect(await bounded('SELECT uf, count(*) FROM sih_rd GROUP BY uf')).toBe(true);
    expect(await bounded('SELECT count(*), sum(VAL_TOT) FROM sih_rd')).toBe(true);
    expect(await bounded('SELECT * FROM sih_rd LIMIT 10')).toBe(true);
    expect(await bounded('SELECT * FROM sih_rd')).toBe(false);
    expect(await bounded('SELECT * FROM sih_rd LIMIT 1000000')).toBe(false);
    expect(await bounded('SELECT count(*), MUNIC_RES FROM sih_rd')).toBe(false);
    expect(await bounded('SELECT 1 UNION ALL SELECT 2')).toBe(false);
  });
});

describe('partitionRequests', () => {
  it('clips to what each dataset publishes', () => {
    const rd = sqlTable('sih_rd')!;
    expect(partitionRequests(rd, { uf: ['RJ'], year: [2016], month: [2] })).toEqual([{ system: 'SIH', group: 'sih-rd', uf: ['RJ'], year: [2016], month: [2] }]);
    expect(partitionRequests(rd, { uf: ['XX'], year: null, month: null })).toEqual([]);
    expect(partitionRequests(rd, { uf: null, year: [1970, 1971], month: null })).toEqual([]);
    // A month filter excludes yearly files (their month is null); SINAN files are national.
    expect(partitionRequests(sqlTable('sim_do')!, { uf: null, year: [2020], month: [1] })).toEqual([]);
    expect(partitionRequests(sqlTable('sinan_deng')!, { uf: ['RJ'], year: null, month: null })).toEqual([]);
    // sim_do reads both eras: one request per dataset, each within its years.
    expect(partitionRequests(sqlTable('sim_do')!, { uf: ['AC'], year: [1995, 1996], month: null })).toEqual([
      { system: 'SIM', group: 'sim-do-cid10', uf: ['AC'], year: [1996] },
      { system: 'SIM', group: 'sim-do-cid09', uf: ['AC'], year: [1995] },
    ]);
  });
});

describe('tables', () => {
  it('suggests close names for unknown tables', () => {
    expect(closeTableNames('sih_dr')).toContain('sih_rd');
    expect(closeTableNames('sim')[0]).toMatch(/^sim_/);
    const error = unknownTableError('sinasc');
    expect(error.code).toBe('QUERY_INVALID');
    expect((error.details as { suggestions: string[] }).suggestions).toContain('sinasc_dn');
  });
});
