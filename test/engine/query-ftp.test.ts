/**
 * SQL end to end against a real FTP server (vsftpd) behind a counting proxy: a query fetches
 * exactly the files its uf/year/month conditions select, counts match the DBF headers, repeated
 * queries touch no network, the size limit stops broad queries, and the CLI contract holds.
 * Real fixtures are served when `../shared` is present; otherwise generated DBC files at the
 * same paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine, type DuckDbEngine } from '../../src/engine/duckdb/index.js';
import { runCli } from '../helpers/cli.js';
import { ftpServerUnavailable, startFtpServer, tempDir, type FtpServer } from '../helpers/ftp-server.js';
import { startFtpProxy, type FtpProxy } from '../helpers/ftp-proxy.js';
import { hasShared, liveRecords, placeFixtures, placeGenerated, placeSinanWithUf, type PlacedFile } from './helpers.js';

const SIH = '/dissemin/publicos/SIHSUS/200801_/Dados';
const suite = ftpServerUnavailable === undefined ? describe : describe.skip;
if (ftpServerUnavailable !== undefined) console.warn(`[arrow-sus tests] skipping SQL FTP tests: ${ftpServerUnavailable}`);

suite(`query against a real FTP server${ftpServerUnavailable ? ` [skipped: ${ftpServerUnavailable}]` : ''}`, () => {
  let root: string;
  let cacheDir: string;
  let server: FtpServer;
  let proxy: FtpProxy;
  let engine: DuckDbEngine;
  let rj: PlacedFile;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    let removeRoot: () => void;
    let removeCache: () => void;
    [root, removeRoot] = tempDir('arrow-sus-sql-tree-');
    [cacheDir, removeCache] = tempDir('arrow-sus-sql-cache-');
    cleanups.push(removeRoot, removeCache);
    if (hasShared) {
      [rj] = placeFixtures(root, ['RDRJ1602.dbc', 'RDAC2203.dbc', 'RDAC2401.dbc', 'STAC2401.dbc']) as [PlacedFile];
    } else {
      [rj] = placeGenerated(root, [
        { path: `${SIH}/RDRJ1602.dbc`, seed: 1, rows: 3_000 },
        { path: `${SIH}/RDAC2203.dbc`, seed: 2, rows: 500 },
        { path: `${SIH}/RDAC2401.dbc`, seed: 3, rows: 700 },
      ]) as [PlacedFile];
    }
    placeSinanWithUf(root, '/dissemin/publicos/SINAN/DADOS/FINAIS/DENGBR16.dbc', 500, 7);
    placeGenerated(root, [{ path: '/dissemin/publicos/CNES/200508_/Dados/ST/STAP2401.dbc', seed: 9, rows: 50 }]);
    server = await startFtpServer({ root });
    proxy = await startFtpProxy({ host: server.host, port: server.port });
    engine = await createDuckDbEngine({ source: proxy.url, cacheDir, threads: 2 });
  });

  afterAll(async () => {
    await engine?.close();
    await proxy?.stop();
    await server?.stop();
    for (const cleanup of cleanups) cleanup();
  });

  const MUST = "SELECT uf, count(*) FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1";

  it('explain lists exactly the matching file and downloads nothing', async () => {
    const before = proxy.stats.retr;
    const explained = await engine.explain(MUST);
    expect(explained.files.map((f) => f.path)).toEqual([rj.path]);
    expect(explained).toMatchObject({ filesToFetch: 1, bytesToFetch: rj.size });
    expect(proxy.stats.retr - before).toBe(0);
  });

  it('fetches exactly the matching file, and the count equals its header records (less deleted)', async () => {
    const before = proxy.stats.retr;
    const result = await engine.query(MUST);
    const rows = (await result.toTable()).toArray().map((row) => row.toJSON());
    expect(proxy.stats.retr - before).toBe(1);
    expect(result.filesDownloaded).toBe(1);
    expect(result.bytesDownloaded).toBe(rj.size);
    expect([...result.files.get('sih_rd')!].map((p) => p.path)).toEqual([rj.path]);
    const live = liveRecords(new Uint8Array(readFileSync(join(root, rj.path))));
    expect(live).toBeLessThanOrEqual(rj.nrec);
    expect(rows).toEqual([{ uf: 'RJ', 'count_star()': BigInt(live) }]);
  });

  it('answers a repeated query from the cache: no network, then from the result cache', async () => {
    const control = proxy.stats.control;
    const retr = proxy.stats.retr;
    const again = await engine.query(MUST.replace('GROUP BY 1', '  GROUP  BY 1 -- same query, other spacing'));
    expect(again.fromResultCache).toBe(true);
    const fresh = await engine.query(MUST, { cache: false });
    expect(fresh.fromResultCache).toBe(false);
    expect((await fresh.toTable()).numRows).toBe(1);
    expect(proxy.stats.retr - retr).toBe(0);
    expect(proxy.stats.control - control).toBe(0);
  });

  it('a condition no file can meet reads nothing', async () => {
    const retr = proxy.stats.retr;
    const result = await engine.query("SELECT count(*) AS n, min(MUNIC_RES) AS m FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'XX'");
    expect((await result.toTable()).toArray().map((r) => r.toJSON())).toEqual([{ n: 0n, m: null }]);
    expect(result.files.get('sih_rd')).toEqual([]);
    expect(proxy.stats.retr - retr).toBe(0);
  });

  it('stops a query that would download more than the limit, unless allowed', async () => {
    const small = await createDuckDbEngine({ source: proxy.url, cacheDir, maxFetchBytes: 1 });
    try {
      const retr = proxy.stats.retr;
      // No partition condition: every sih_rd file, and two are not cached yet.
      await expect(small.query('SELECT count(*) FROM sih_rd')).rejects.toMatchObject({ code: 'QUERY_TOO_LARGE' });
      expect(proxy.stats.retr - retr).toBe(0);
      const all = await small.query('SELECT uf, year, month, count(*) AS n FROM sih_rd GROUP BY ALL ORDER BY ALL', { allowLarge: true });
      const rows = (await all.toTable()).toArray().map((r) => r.toJSON());
      expect(rows.map((r) => `${r['uf']}-${r['year']}-${r['month']}`)).toEqual(['AC-2022-3', 'AC-2024-1', 'RJ-2016-2']);
      expect(proxy.stats.retr - retr).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('rejects unknown tables and bad SQL with QUERY_INVALID', async () => {
    await expect(engine.query('SELECT * FROM sih_dr WHERE year = 2016')).rejects.toMatchObject({ code: 'QUERY_INVALID', details: { suggestions: expect.arrayContaining(['sih_rd']) } });
    await expect(engine.query('SELECT FROM WHERE')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
    await expect(engine.query("SELECT no_such_column FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ'")).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });

  it('streams large results in batches; a consumer may stop early or abort', async () => {
    const sql = "SELECT * FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ'";
    const result = await engine.query(sql, { batchRows: 2048, cache: false });
    expect(result.schema.fields.slice(0, 3).map((f) => `${f.name}:${String(f.type)}`)).toEqual(['uf:Utf8', 'year:Int16', 'month:Int16']);
    let batches = 0;
    let rows = 0;
    for await (const batch of result) {
      batches += 1;
      rows += batch.numRows;
      expect(batch.numRows).toBeLessThanOrEqual(2048);
    }
    expect(rows).toBe(liveRecords(new Uint8Array(readFileSync(join(root, rj.path)))));
    expect(batches).toBeGreaterThan(1);
    for await (const batch of await engine.query(sql, { batchRows: 2048, cache: false })) {
      expect(batch.numRows).toBeGreaterThan(0);
      break;
    }
    const controller = new AbortController();
    const aborted = await engine.query(sql, { batchRows: 2048, cache: false, signal: controller.signal });
    controller.abort();
    await expect(aborted.toTable()).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('runs concurrent queries over different files of one table, each with its own view', async () => {
    const count = (where: string): string => `SELECT uf, year, month, count(*) AS n FROM sih_rd WHERE ${where} GROUP BY ALL`;
    const held = await engine.query("SELECT * FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ'", { cache: false });
    const [rj, ac] = await Promise.all([
      engine.query(count("uf = 'RJ' AND year = 2016 AND month = 2"), { cache: false }),
      engine.query(count("uf = 'AC' AND year = 2024 AND month = 1"), { cache: false }),
    ]);
    const [rjRows, acRows] = await Promise.all([rj.toTable(), ac.toTable()]);
    expect(rjRows.toArray().map((r) => [r.uf, r.year, r.month])).toEqual([['RJ', 2016, 2]]);
    expect(acRows.toArray().map((r) => [r.uf, r.year, r.month])).toEqual([['AC', 2024, 1]]);
    expect((await held.toTable()).numRows).toBe(Number(rjRows.toArray()[0]!.n));
  });

  it("keeps a file's own UF column beside the uf partition column, as UF_1", async () => {
    const result = await engine.query('SELECT uf, year, month, UF_1, count(*) AS n FROM sinan_deng WHERE year = 2016 GROUP BY ALL ORDER BY UF_1');
    const rows = (await result.toTable()).toArray().map((r) => r.toJSON());
    expect(rows.map((r) => [r['uf'], r['year'], r['month'], r['UF_1']])).toEqual(['11', '12', '33', '35', '53'].map((code) => ['BR', 2016, null, code]));
    expect(rows.reduce((sum, r) => sum + Number(r['n']), 0)).toBe(500);
  });

  describe('CLI', () => {
    const common = (): string[] => ['--source', proxy.url, '--cache-dir', cacheDir];

    it('query -f json prints the rows as one JSON array', async () => {
      const result = await runCli(['query', MUST.replace('count(*)', 'count(*) AS n'), '-f', 'json', ...common()]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const rows = JSON.parse(result.stdout) as unknown[];
      expect(rows).toEqual([{ uf: 'RJ', n: liveRecords(new Uint8Array(readFileSync(join(root, rj.path)))) }]);
    });

    it('--engine polars answers the same JSON (when nodejs-polars loads here)', async (context) => {
      const problem = await import('../../src/engine/polars/engine.js').then((m) => (m.loadPolars(), undefined)).catch((error: unknown) => String(error));
      if (problem !== undefined) {
        console.warn(`[arrow-sus tests] skipping --engine polars: ${problem}`);
        context.skip();
      }
      const sql = MUST.replace('count(*)', 'count(*) AS n');
      const duck = await runCli(['query', sql, '-f', 'json', ...common()]);
      const polars = await runCli(['query', sql, '-f', 'json', '--engine', 'polars', ...common()]);
      expect(polars.code).toBe(0);
      expect(JSON.parse(polars.stdout)).toEqual(JSON.parse(duck.stdout));
    });

    it('--explain prints one file per line without fetching', async () => {
      const retr = proxy.stats.retr;
      const result = await runCli(['query', "SELECT * FROM sih_rd WHERE uf = 'AC'", '--explain', ...common()]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([`${SIH}/RDAC2203.dbc`, `${SIH}/RDAC2401.dbc`]);
      expect(proxy.stats.retr - retr).toBe(0);
    });

    it('prints a readable table by default, and writes CSV, NDJSON, Parquet and Arrow', async () => {
      const sql = "SELECT uf, year, month, count(*) AS n FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY ALL";
      const table = await runCli(['query', sql, ...common()]);
      expect(table.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^uf \| year \| month \| +n$/), expect.stringMatching(/^-+-\+-/)]);
      expect(table.stdout).toContain('(1 row)');
      const csv = await runCli(['query', sql, '-f', 'csv', ...common()]);
      expect(csv.stdout.split('\n')[0]).toBe('uf,year,month,n');
      const ndjson = await runCli(['query', sql, '-f', 'ndjson', ...common()]);
      expect(JSON.parse(ndjson.stdout)).toMatchObject({ uf: 'RJ', year: 2016, month: 2 });
      const out = join(cacheDir, 'out.arrow');
      expect((await runCli(['query', sql, '-f', 'arrow', '-o', out, ...common()])).code).toBe(0);
      expect(tableFromIPC(readFileSync(out)).toArray().map((r) => r.toJSON())[0]).toMatchObject({ uf: 'RJ', year: 2016, month: 2 });
      const parquet = join(cacheDir, 'out.parquet');
      expect((await runCli(['query', sql, '-f', 'parquet', '-o', parquet, ...common()])).code).toBe(0);
      const back = await engine.query(`SELECT * FROM read_parquet('${parquet}')`);
      expect((await back.toTable()).toArray().map((r) => r.toJSON())[0]).toMatchObject({ uf: 'RJ', year: 2016, month: 2 });
    });

    it('--offline answers from the cache without connecting', async () => {
      const control = proxy.stats.control;
      const result = await runCli(['query', MUST.replace('count(*)', 'count(*) AS n'), '-f', 'json', '--offline', ...common()]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveLength(1);
      expect(proxy.stats.control - control).toBe(0);
      const missing = await runCli(['query', "SELECT count(*) FROM cnes_st WHERE uf = 'AP' AND year = 2024 AND month = 1", '--offline', ...common()]);
      expect(missing.stderr).toMatch(/^arrow-sus: [A-Z_]+: /);
      expect(missing.code).not.toBe(0);
      expect(proxy.stats.control - control).toBe(0);
    });

    it('reports errors with their code and exit status', async () => {
      const tooLarge = await runCli(['query', 'SELECT count(*) FROM sih_rd', '--max-fetch-mb', '0.001', ...common(), '--cache-dir', join(cacheDir, 'empty')]);
      expect(tooLarge.code).not.toBe(0);
      expect(tooLarge.stderr).toMatch(/^arrow-sus: QUERY_TOO_LARGE: /);
      const unknown = await runCli(['query', 'SELECT * FROM nope', ...common()]);
      expect(unknown.stderr).toMatch(/^arrow-sus: QUERY_INVALID: .*did you mean/s);
    });

    it('sql: a shell driven through standard input', async () => {
      const input = ['.tables', '.describe sih_rd', "SELECT uf, count(*) AS n FROM sih_rd", "  WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1;", 'SELECT * FROM nope;', '.quit', 'SELECT 1;'].join('\n');
      const result = await runCli(['sql', ...common()], { stdin: `${input}\n` });
      expect(result.code).toBe(0);
      const out = result.stdout.split('\n');
      expect(out.some((line) => line.startsWith('sih_rd '))).toBe(true);
      expect(out.some((line) => line.startsWith('sim_do ') && line.includes('sim_do_cid10'))).toBe(true);
      expect(out).toContain('  VAL_TOT   Float64');
      expect(out.some((line) => /^RJ \| +\d+$/.test(line))).toBe(true);
      expect(result.stderr).toMatch(/arrow-sus: QUERY_INVALID: /);
      // Nothing after .quit runs.
      expect(out.filter((line) => line.startsWith('(1 row)'))).toHaveLength(1);
      expect(readFileSync(join(cacheDir, 'sql_history'), 'utf8')).toContain("GROUP BY 1;");
      // Input that ends without ";" still runs.
      const last = await runCli(['sql', ...common()], { stdin: 'SELECT 41 + 1 AS answer' });
      expect(last.stdout.split('\n')).toContain('    42');
    });
  });
});
