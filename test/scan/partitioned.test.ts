import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { generateDbc } from '../helpers/ftp-server.js';

const SIH = 'dissemin/publicos/SIHSUS/200801_/Dados';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'arrow-sus-tree-'));
  mkdirSync(join(root, SIH), { recursive: true });
  writeFileSync(join(root, SIH, 'RDSP2301.dbc'), generateDbc(21, 120));
  writeFileSync(join(root, SIH, 'RDSP2302.dbc'), generateDbc(22, 80));
  writeFileSync(join(root, SIH, 'RDRJ2301.dbc'), generateDbc(23, 50));
  return root;
}

const listFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );

describe('partitioned Parquet output', () => {
  it('writes one file per source file under hive folders, read back as one dataset by DuckDB', async () => {
    const root = tree();
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
    const out = join(mkdtempSync(join(tmpdir(), 'arrow-sus-lake-')), 'lake');
    const result = await runCli(['fetch', 'sih', '--uf', 'SP,RJ', '--year', '2023', '--month', '1-2', '--source', `file://${root}`, '--cache-dir', cacheDir, '-o', `${out}/`, '--partition-by', 'uf,month', '-q']);
    // RJ has no February file: exit 3, but everything present is written.
    expect(result.code).toBe(3);
    expect(listFiles(out).sort()).toEqual(['uf=RJ/month=1/RDRJ2301.parquet', 'uf=SP/month=1/RDSP2301.parquet', 'uf=SP/month=2/RDSP2302.parquet']);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(
      `SELECT uf, month::INTEGER AS month, count(*)::INTEGER AS n FROM read_parquet('${out}/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`,
    );
    expect(reader.getRowObjects()).toEqual([
      { uf: 'RJ', month: 1, n: 50 },
      { uf: 'SP', month: 1, n: 120 },
      { uf: 'SP', month: 2, n: 80 },
    ]);
  });

  it('refuses an unknown partition key without writing anything', async () => {
    const root = tree();
    const out = join(mkdtempSync(join(tmpdir(), 'arrow-sus-lake-')), 'lake');
    const result = await runCli(['fetch', 'sih', '--uf', 'SP', '--year', '2023', '--month', '1', '--source', `file://${root}`, '--cache-dir', mkdtempSync(join(tmpdir(), 'c-')), '-o', `${out}/`, '--partition-by', 'uf,colour', '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('INVALID_ARGUMENT');
    expect(existsSync(out)).toBe(false);
  });
});
