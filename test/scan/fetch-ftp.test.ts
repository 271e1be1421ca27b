/**
 * The pipeline end to end against a real FTP server (vsftpd) behind a counting proxy:
 * fetch → Parquet read back by DuckDB and pyarrow; cache hits with no network at all;
 * republication; tampered cache; two processes at once; Ctrl-C.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../src/cache/disk-cache.js';
import { compressDbcSync } from '../../src/dbc/index.js';
import { encodeDbf } from '../../src/dbf/index.js';
import { jsonCellReader } from '../../src/output/cells.js';
import { readTable } from '../../src/read/read-table.js';
import { BIN, runBin, runCli } from '../helpers/cli.js';
import { ftpServerUnavailable, generateDbc, startFtpServer, type FtpServer } from '../helpers/ftp-server.js';
import { startFtpProxy, type FtpProxy } from '../helpers/ftp-proxy.js';
import { SHARED_DIR, fixturePath } from '../helpers/shared.js';
import { pythonHas } from '../helpers/python.js';

const SIH = '/dissemin/publicos/SIHSUS/200801_/Dados';
const SIM = '/dissemin/publicos/SIM/CID10/DORES';
const files: Record<string, Uint8Array> = {
  [`${SIH}/RDSP2301.dbc`]: generateDbc(11, 400),
  [`${SIH}/RDSP2302.dbc`]: generateDbc(12, 300),
  [`${SIH}/RDRJ2301.dbc`]: generateDbc(13, 250),
  // Large enough that a throttled transfer is still running when the Ctrl-C test interrupts it;
  // only requests for all of 2023 include it.
  [`${SIH}/RDSP2303.dbc`]: generateDbc(16, 20_000),
  [`${SIM}/DOAC2021.dbc`]: generateDbc(14, 120),
  [`${SIM}/DOAC2022.dbc`]: generateDbc(15, 130),
};
if (SHARED_DIR !== undefined) files[`${SIH}/RDRJ1602.dbc`] = new Uint8Array(readFileSync(fixturePath('dbc/RDRJ1602.dbc')));
// Minas Gerais changes layout between January and February (one more column): a request over both
// cannot be joined from the cache as it is and is re-encoded into one schema.
files[`${SIH}/RDMG2301.dbc`] = generateDbc(17, 90);
files[`${SIH}/RDMG2302.dbc`] = compressDbcSync(
  encodeDbf(
    [
      { name: 'MUNIC_RES', type: 'C', length: 6 },
      { name: 'IDADE', type: 'N', length: 3 },
      { name: 'VAL_TOT', type: 'N', length: 10, decimals: 2 },
    ],
    Array.from({ length: 60 }, (_, i) => ['310620', 20 + (i % 50), 100 + i / 4]),
  ),
);


async function decodedRows(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readTable(bytes, { format: 'dbc' })) {
    const readers = batch.schema.fields.map((field, i) => [field.name, jsonCellReader(batch.getChildAt(i)!)] as const);
    for (let r = 0; r < batch.numRows; r++) rows.push(Object.fromEntries(readers.map(([name, read]) => [name, read(r)])));
  }
  return rows;
}

const suite = ftpServerUnavailable === undefined ? describe : describe.skip;
if (ftpServerUnavailable !== undefined) console.warn(`[arrow-sus tests] skipping pipeline FTP tests: ${ftpServerUnavailable}`);

suite(`fetch against a real FTP server${ftpServerUnavailable ? ` [skipped: ${ftpServerUnavailable}]` : ''}`, () => {
  let root: string;
  let server: FtpServer;
  let proxy: FtpProxy;
  const place = (path: string, bytes: Uint8Array): void => {
    const target = join(root, ...path.split('/').filter(Boolean));
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, bytes);
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'arrow-sus-ftp-root-'));
    for (const [path, bytes] of Object.entries(files)) place(path, bytes);
    server = await startFtpServer({ root });
    proxy = await startFtpProxy({ host: server.host, port: server.port });
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('fetches a request to Parquet that DuckDB and pyarrow read back, with the decoder’s values', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const out = join(mkdtempSync(join(tmpdir(), 'arrow-sus-out-')), 'rd.parquet');
    const result = await runCli(['fetch', 'sih', '--group', 'RD', '--uf', 'SP,RJ', '--year', '2023', '--month', '1-2', '-o', out, '--source', proxy.url, '--cache-dir', cacheDir, '--json']);
    expect(result.stderr).toBe('');
    // RJ has no February file: the report says so and the exit code is 3.
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as { rows: number; files: { path: string; rows: number; sha256: string; crc_ok: boolean; from_cache: boolean }[]; missing: { path: string }[] };
    expect(report.files.map((f) => f.path)).toEqual([`${SIH}/RDRJ2301.dbc`, `${SIH}/RDSP2301.dbc`, `${SIH}/RDSP2302.dbc`]);
    expect(report.missing.map((m) => m.path)).toEqual([`${SIH}/RDRJ2302.dbc`]);
    expect(report.files.every((f) => f.crc_ok && !f.from_cache && /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(report.rows).toBe(950);

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT MUNIC_RES)::INTEGER AS m FROM read_parquet('${out}')`);
    expect(reader.getRowObjects()[0]).toMatchObject({ n: 950 });

    if (pythonHas('pyarrow')) {
      const script = `import pyarrow.parquet as pq, json, sys, datetime
rows = pq.read_table(sys.argv[1]).to_pylist()
print(json.dumps(rows, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))`;
      const fromParquet = JSON.parse(execFileSync('python3', ['-c', script, out], { encoding: 'utf8', maxBuffer: 1 << 26 })) as unknown[];
      const expected = [
        ...(await decodedRows(files[`${SIH}/RDRJ2301.dbc`]!)),
        ...(await decodedRows(files[`${SIH}/RDSP2301.dbc`]!)),
        ...(await decodedRows(files[`${SIH}/RDSP2302.dbc`]!)),
      ];
      expect(fromParquet).toEqual(expected);
    } else {
      console.warn('[arrow-sus tests] pyarrow not importable: Parquet values checked with DuckDB only');
    }
  });

  it('writes files of different layouts into one Parquet file of their joint schema (the cache join gives way)', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'arrow-sus-out-'));
    const out = join(outDir, 'mg.parquet');
    const result = await runCli(['fetch', 'sih', '--group', 'RD', '--uf', 'MG', '--year', '2023', '--month', '1-2', '-o', out, '--source', server.url, '--cache-dir', cacheDir, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { rows: number }).rows).toBe(150);
    // Nothing but the output is left in its folder (the abandoned join's temporary file is gone).
    expect(readdirSync(outDir)).toEqual(['mg.parquet']);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, count(VAL_TOT)::INTEGER AS with_val, count(DT_INTER)::INTEGER AS with_date, round(sum(VAL_TOT), 2)::DOUBLE AS total FROM read_parquet('${out}')`,
    );
    expect(reader.getRowObjects()[0]).toEqual({ n: 150, with_val: 60, with_date: 90, total: 6000 + (59 * 60) / 8 });
  });

  it('serves a repeated request from the cache without any network connection, and refetches a republished file', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const args = ['fetch', 'sim', '--group', 'DO', '--uf', 'AC', '--year', '2021-2022', '--source', proxy.url, '--cache-dir', cacheDir, '--json', '-o'];
    const first = await runCli([...args, join(cacheDir, 'a.csv')]);
    expect(first.code).toBe(0);
    const before = { ...proxy.stats };
    const second = await runCli([...args, join(cacheDir, 'b.csv')]);
    expect(second.code).toBe(0);
    expect(proxy.stats.control - before.control).toBe(0);
    expect(proxy.stats.retr - before.retr).toBe(0);
    const report = JSON.parse(second.stdout) as { files: { from_cache: boolean }[]; bytes_downloaded: number };
    expect(report.files.map((f) => f.from_cache)).toEqual([true, true]);
    expect(report.bytes_downloaded).toBe(0);
    expect(readFileSync(join(cacheDir, 'b.csv'), 'utf8')).toBe(readFileSync(join(cacheDir, 'a.csv'), 'utf8'));

    // DataSUS republishes DOAC2022 with more rows: a refreshed listing sees the new size.
    const republished = generateDbc(99, 140);
    place(`${SIM}/DOAC2022.dbc`, republished);
    const retrBefore = proxy.stats.retr;
    const third = await runCli([...args, join(cacheDir, 'c.csv'), '--refresh']);
    expect(third.code).toBe(0);
    const after = JSON.parse(third.stdout) as { rows: number; files: { path: string; from_cache: boolean }[] };
    expect(after.files.map((f) => f.from_cache)).toEqual([true, false]);
    expect(proxy.stats.retr - retrBefore).toBe(1);
    expect(after.rows).toBe(120 + 140);
    expect((await new DiskCache({ dir: cacheDir }).list()).length).toBe(2);
    place(`${SIM}/DOAC2022.dbc`, files[`${SIM}/DOAC2022.dbc`]!);
  });

  it('lists a request (ls) and downloads its raw files verified (download), reporting what is missing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const ls = await runCli(['ls', 'sih', '--group', 'RD', '--uf', 'SP,RJ', '--year', '2023', '--month', '1-2', '--source', proxy.url, '--cache-dir', cacheDir, '--json']);
    expect(ls.code).toBe(0);
    const lines = ls.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; size?: number; missing?: boolean; uf?: string; month?: number });
    expect(lines.filter((l) => l.missing !== true).map((l) => [l.path, l.size, l.uf, l.month])).toEqual([
      [`${SIH}/RDRJ2301.dbc`, files[`${SIH}/RDRJ2301.dbc`]!.length, 'RJ', 1],
      [`${SIH}/RDSP2301.dbc`, files[`${SIH}/RDSP2301.dbc`]!.length, 'SP', 1],
      [`${SIH}/RDSP2302.dbc`, files[`${SIH}/RDSP2302.dbc`]!.length, 'SP', 2],
    ]);
    expect(lines.filter((l) => l.missing === true).map((l) => l.path)).toEqual([`${SIH}/RDRJ2302.dbc`]);

    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-dl-'));
    const download = await runCli(['download', 'sih', '--group', 'RD', '--uf', 'SP', '--year', '2023', '--month', '1-2', '--source', proxy.url, '--cache-dir', cacheDir, '-d', dir, '--json']);
    expect(download.code).toBe(0);
    const report = JSON.parse(download.stdout) as { fetched: { path: string; crcOk: boolean; sha256: string }[]; missing: unknown[] };
    expect(report.fetched.map((f) => [f.path, f.crcOk])).toEqual([
      [`${SIH}/RDSP2301.dbc`, true],
      [`${SIH}/RDSP2302.dbc`, true],
    ]);
    expect(readFileSync(join(dir, 'RDSP2302.dbc')).equals(Buffer.from(files[`${SIH}/RDSP2302.dbc`]!))).toBe(true);
    const incomplete = await runCli(['download', 'sih', '--group', 'RD', '--uf', 'RJ', '--year', '2023', '--month', '1-2', '--source', proxy.url, '--cache-dir', cacheDir, '-d', dir]);
    expect(incomplete.code).toBe(3);
    expect(incomplete.stdout).toContain('RDRJ2302.dbc (not-published)');
  });

  it('detects a tampered cache file with `cache verify` and repairs it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    expect((await runCli(['cache', 'warm', 'sim', '--group', 'DO', '--uf', 'AC', '--year', '2021', '--source', proxy.url, '--cache-dir', cacheDir])).code).toBe(0);
    expect((await runCli(['cache', 'verify', '--cache-dir', cacheDir])).code).toBe(0);
    const [entry] = await new DiskCache({ dir: cacheDir }).list();
    const bytes = readFileSync(entry!.parquetPath);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(entry!.parquetPath, bytes);
    const verify = await runCli(['cache', 'verify', '--cache-dir', cacheDir, '--json']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('CACHE_CORRUPT');
    expect(JSON.parse(verify.stdout)).toMatchObject({ checked: 1, problems: [{ problem: 'checksum' }] });
    expect((await runCli(['cache', 'verify', '--cache-dir', cacheDir, '--repair'])).code).toBe(1);
    expect((await runCli(['cache', 'verify', '--cache-dir', cacheDir])).code).toBe(0);
    const stats = JSON.parse((await runCli(['cache', 'stats', '--cache-dir', cacheDir, '--json'])).stdout) as { entries: number };
    expect(stats.entries).toBe(0);
  });

  it('lets two processes run the same request at once: both succeed, each file is fetched once', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'arrow-sus-out-'));
    const args = (name: string): string[] => ['fetch', 'sih', '--group', 'RD', '--uf', 'SP', '--year', '2023', '--month', '1-2', '-o', join(outDir, name), '--source', server.url, '--cache-dir', cacheDir, '--json'];
    const [a, b] = await Promise.all([runBin(args('a.parquet')), runBin(args('b.parquet'))]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const reports = [a, b].map((r) => JSON.parse(r.stdout) as { files: { path: string; from_cache: boolean }[] });
    for (const path of [`${SIH}/RDSP2301.dbc`, `${SIH}/RDSP2302.dbc`]) {
      const fetchedBy = reports.filter((report) => report.files.some((f) => f.path === path && !f.from_cache));
      expect(fetchedBy).toHaveLength(1);
    }
    expect(readFileSync(join(outDir, 'a.parquet')).equals(readFileSync(join(outDir, 'b.parquet')))).toBe(true);
  });

  it('leaves no output and a sound cache when interrupted, and the next run completes', async () => {
    // Slow enough that the run is surely still transferring when interrupted (the generated tree
    // used without ../shared is only a few kB).
    const slow = await startFtpServer({ root, maxRate: SHARED_DIR === undefined ? 4_000 : 200_000 });
    try {
      const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
      const outDir = mkdtempSync(join(tmpdir(), 'arrow-sus-out-'));
      const out = join(outDir, 'all.parquet');
      const request = ['fetch', 'sih', '--group', 'RD', '--uf', 'SP,RJ', '--year', SHARED_DIR === undefined ? '2023' : '2016,2023', '--source', slow.url, '--cache-dir', cacheDir, '-o', out];
      const child = spawn(process.execPath, [BIN, ...request], { stdio: ['ignore', 'pipe', 'pipe'] });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      child.kill('SIGINT');
      const code = await closed;
      expect(code).toBe(130);
      expect(stderr).toContain('ABORTED');
      expect(readdirSync(outDir)).toEqual([]);
      expect((await runCli(['cache', 'verify', '--cache-dir', cacheDir])).code).toBe(0);
      // Resumed against the unthrottled server (same files, same cache keys).
      const again = await runBin(request.map((arg) => (arg === slow.url ? server.url : arg)));
      expect(again.code).toBe(3);
      expect(existsSync(out)).toBe(true);
      expect(readdirSync(outDir)).toEqual(['all.parquet']);
    } finally {
      await slow.stop();
    }
  });
});
