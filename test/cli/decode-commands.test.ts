import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressDbcSync, decompressDbcSync } from '../../src/dbc/index.js';
import { encodeDbf, type DbfFieldSpec } from '../../src/dbf/write.js';
import { runBin, runCli } from '../helpers/cli.js';
import { describeShared, fixturePath, readManifest } from '../helpers/shared.js';
import { requirePython } from '../helpers/python.js';

const FIELDS: DbfFieldSpec[] = [
  { name: 'UF_ZI', type: 'C', length: 6 },
  { name: 'IDADE', type: 'C', length: 3 },
  { name: 'VAL_TOT', type: 'N', length: 12, decimals: 2 },
  { name: 'DT_INTER', type: 'D' },
  { name: 'DIAS', type: 'N', length: 4 },
];
const UFS = ['350000', '330000', '310000', '530000'];
const rows = Array.from({ length: 1000 }, (_, i) => [UFS[i % 4]!, String(i % 100).padStart(3, '0'), (i * 37) / 4, new Date(Date.UTC(2023, 0, 1 + (i % 28))), i % 30]);
const deleted = [3, 10, 500];

let dir: string;
let dbcPath: string;
let dbfPath: string;
let dbfBytes: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrow-sus-cli-'));
  dbfBytes = encodeDbf(FIELDS, rows, { deleted });
  dbfPath = join(dir, 'RDXX2301.dbf');
  dbcPath = join(dir, 'RDXX2301.dbc');
  writeFileSync(dbfPath, dbfBytes);
  writeFileSync(dbcPath, compressDbcSync(dbfBytes));
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const jsonLines = (text: string): Record<string, unknown>[] => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('inspect', () => {
  it('reports rows less deleted, columns and crc_ok for DBC and DBF (one JSON line each)', async () => {
    const result = await runCli(['inspect', dbcPath, dbfPath, '--json']);
    expect(result.code).toBe(0);
    const [dbc, dbf] = jsonLines(result.stdout);
    expect(dbc).toMatchObject({ file: dbcPath, rows: 997, deleted: 3, crc_ok: true });
    expect(dbf).toMatchObject({ file: dbfPath, rows: 997, deleted: 3, crc_ok: null });
    expect(dbc!['columns']).toEqual([
      { name: 'UF_ZI', type: 'C', length: 6, decimals: 0 },
      { name: 'IDADE', type: 'C', length: 3, decimals: 0 },
      { name: 'VAL_TOT', type: 'N', length: 12, decimals: 2 },
      { name: 'DT_INTER', type: 'D', length: 8, decimals: 0 },
      { name: 'DIAS', type: 'N', length: 4, decimals: 0 },
    ]);
  });

  it('reads only the header with --header-only', async () => {
    const [report] = jsonLines((await runCli(['inspect', dbcPath, '--json', '--header-only'])).stdout);
    expect(report).toMatchObject({ rows: 1000, deleted: null, crc_ok: null });
  });

  it('fails with the error code on stderr for a damaged or truncated DBC, and continues with the others', async () => {
    const bytes = readFileSync(dbcPath);
    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length - 40] = damaged[damaged.length - 40]! ^ 0x10;
    const damagedPath = join(dir, 'damaged.dbc');
    writeFileSync(damagedPath, damaged);
    const truncatedPath = join(dir, 'truncated.dbc');
    writeFileSync(truncatedPath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await runCli(['inspect', damagedPath, truncatedPath, dbcPath, '--json']);
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect((lines[0]!['error'] as { code: string }).code).toMatch(/^(DBC_CRC_MISMATCH|DCL_INVALID_CODE|DCL_DISTANCE_TOO_FAR|DBC_TRUNCATED)$/);
    expect(lines[1]!['error']).toMatchObject({ code: 'DBC_TRUNCATED' });
    expect(lines[2]).toMatchObject({ rows: 997, crc_ok: true });
    expect(result.stderr).toContain('arrow-sus: DBC_TRUNCATED:');
  });

  it('names a missing file with FILE_NOT_FOUND and a non-table with DBF_INVALID_HEADER', async () => {
    const text = join(dir, 'notes.dbf');
    writeFileSync(text, 'this is not a table at all, just text');
    const result = await runCli(['inspect', join(dir, 'nope.dbc'), text]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FILE_NOT_FOUND');
    expect(result.stderr).toContain('DBF_INVALID_HEADER');
  });
});

describe('dbc2dbf and dbf2dbc', () => {
  it('decompresses IN.dbc OUT.dbf byte for byte', async () => {
    const out = join(dir, 'out.dbf');
    expect((await runCli(['dbc2dbf', dbcPath, out])).code).toBe(0);
    expect(sha256(readFileSync(out))).toBe(sha256(dbfBytes));
  });

  it('decompresses several inputs into a folder, leaving nothing for a damaged one', async () => {
    const second = join(dir, 'SECOND.DBC');
    writeFileSync(second, readFileSync(dbcPath));
    const bad = join(dir, 'BAD.dbc');
    const damaged = Uint8Array.from(readFileSync(dbcPath));
    damaged[damaged.length - 40] = damaged[damaged.length - 40]! ^ 0x10;
    writeFileSync(bad, damaged);
    const outDir = join(dir, 'outdir');
    const result = await runCli(['dbc2dbf', dbcPath, bad, second, '-d', outDir]);
    expect(result.code).toBe(1);
    expect(readdirSync(outDir).sort()).toEqual(['RDXX2301.dbf', 'SECOND.DBF']);
    expect(sha256(readFileSync(join(outDir, 'SECOND.DBF')))).toBe(sha256(dbfBytes));
  });

  it('compresses a DBF into a DBC whose CRC-32 verifies', async () => {
    const out = join(dir, 'again.dbc');
    expect((await runCli(['dbf2dbc', dbfPath, out])).code).toBe(0);
    const { dbf, crcOk } = decompressDbcSync(new Uint8Array(readFileSync(out)));
    expect(crcOk).toBe(true);
    expect(sha256(dbf)).toBe(sha256(dbfBytes));
  });

  it('refuses a DBC or a non-table as dbf2dbc input without writing anything', async () => {
    const out = join(dir, 'never.dbc');
    expect((await runCli(['dbf2dbc', dbcPath, out])).code).toBe(2);
    const text = join(dir, 'text.dbf');
    writeFileSync(text, 'not a dbf');
    const result = await runCli(['dbf2dbc', text, out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DBF_INVALID_HEADER');
    expect(existsSync(out)).toBe(false);
  });
});

describe('convert', () => {
  it('projects and filters on raw records into NDJSON on stdout', async () => {
    const result = await runCli(['convert', dbcPath, '-o', '-', '-f', 'ndjson', '--columns', 'IDADE,UF_ZI,DT_INTER', '--where', "UF_ZI IN ('350000','530000') AND IDADE < '002'"]);
    expect(result.code).toBe(0);
    const out = jsonLines(result.stdout);
    const expected = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => !deleted.includes(index) && (row[0] === '350000' || row[0] === '530000') && (row[1] as string) < '002')
      .map(({ row }) => ({ IDADE: row[1], UF_ZI: row[0], DT_INTER: (row[3] as Date).toISOString().slice(0, 10) }));
    expect(out).toEqual(expected);
    expect(out.length).toBeGreaterThan(0);
  });

  it('writes CSV, Arrow and Parquet files with the same rows', async () => {
    const csv = join(dir, 'x.csv');
    const arrow = join(dir, 'x.arrow');
    const parquet = join(dir, 'x.parquet');
    for (const out of [csv, arrow, parquet]) expect((await runCli(['convert', dbcPath, '-o', out, '-q'])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(998);
    const table = tableFromIPC(readFileSync(arrow));
    expect(table.numRows).toBe(997);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['UF_ZI:Utf8', 'IDADE:Utf8', 'VAL_TOT:Float64', 'DT_INTER:Date32<DAY>', 'DIAS:Int32']);
    expect(readFileSync(parquet).subarray(0, 4).toString('latin1')).toBe('PAR1');
  });

  it('unifies schemas of several inputs that differ in columns', async () => {
    const other = join(dir, 'OTHER.dbf');
    writeFileSync(other, encodeDbf([{ name: 'UF_ZI', type: 'C', length: 6 }, { name: 'EXTRA', type: 'C', length: 2 }], [['110000', 'ok']]));
    const result = await runCli(['convert', dbfPath, other, '-o', '-', '-f', 'ndjson', '--columns', 'UF_ZI']);
    // Projection must name columns that exist in every input.
    expect(result.code).toBe(0);
    const all = await runCli(['convert', other, dbfPath, '-o', '-', '-f', 'ndjson', '-q']);
    const lines = jsonLines(all.stdout);
    expect(lines[0]).toEqual({ UF_ZI: '110000', EXTRA: 'ok', IDADE: null, VAL_TOT: null, DT_INTER: null, DIAS: null });
    expect(lines).toHaveLength(998);
  });

  it('fails with usage codes for bad options and typed codes for bad input, writing nothing', async () => {
    const out = join(dir, 'none.csv');
    const unknownColumn = await runCli(['convert', dbcPath, '-o', out, '--columns', 'NOPE']);
    expect(unknownColumn.code).toBe(1);
    expect(unknownColumn.stderr).toContain('DBF_UNKNOWN_COLUMN');
    const badWhere = await runCli(['convert', dbcPath, '-o', out, '--where', "UF_ZI IN ('35'"]);
    expect(badWhere.code).toBe(2);
    expect(badWhere.stderr).toContain('PREDICATE_INVALID');
    const badFormat = await runCli(['convert', dbcPath, '-o', join(dir, 'x.unknown')]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('INVALID_ARGUMENT');
    const noMatch = await runCli(['convert', join(dir, 'ZZ*.dbc'), '-o', out]);
    expect(noMatch.stderr).toContain('FILE_NOT_FOUND');
    expect(existsSync(out)).toBe(false);
  });

  it('runs as the installed binary and streams Arrow IPC to a pipe', async () => {
    const result = await runBin(['convert', dbcPath, '-o', '-', '-f', 'arrow', '-q', '--columns', 'UF_ZI']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describeShared('CLI over real fixtures', () => {
  const manifest = readManifest().filter((row) => row.kind === 'DBC');
  const sample = manifest.filter((_, index) => index % 35 === 0);

  it(`dbc2dbf -d reproduces the exact DBF of ${sample.length} real files in one process`, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'arrow-sus-real-'));
    const result = await runCli(['dbc2dbf', ...sample.map((row) => fixturePath(row.path)), '-d', outDir]);
    expect(result.code).toBe(0);
    for (const row of sample) {
      const name = row.path.split('/').pop()!.replace(/\.dbc$/i, (ext) => (ext === '.DBC' ? '.DBF' : '.dbf'));
      const bytes = readFileSync(join(outDir, name));
      expect(bytes.length).toBe(row.dbfBytes);
      expect(sha256(bytes)).toBe(row.dbfSha256);
    }
  });

  it('reports the damaged ZIKABR16 copy with DBC_CRC_MISMATCH and the text file with a header error', async () => {
    const result = await runCli(['inspect', fixturePath('bad/ZIKABR16__v1.DBC'), fixturePath('bad/invalid.dbf'), '--json']);
    expect(result.code).toBe(1);
    const [zika, invalid] = jsonLines(result.stdout);
    expect(zika!['error']).toMatchObject({ code: 'DBC_CRC_MISMATCH' });
    expect(invalid!['error']).toMatchObject({ code: 'DBF_INVALID_HEADER' });
  });

  it('converts the benchmark trio into one Parquet file read back by pyarrow', async (context) => {
    if (!requirePython(context, 'pyarrow')) return;
    const out = join(mkdtempSync(join(tmpdir(), 'arrow-sus-real-')), 'trio.parquet');
    const inputs = ['dbc/RDRJ1602.dbc', 'dbc/PAAC2401.dbc', 'dbc/DOINF21.dbc'].map(fixturePath);
    expect((await runCli(['convert', ...inputs, '-o', out, '-q'])).code).toBe(0);
    const rowsRead = execFileSync('python3', ['-c', 'import pyarrow.parquet as pq, sys; print(pq.ParquetFile(sys.argv[1]).metadata.num_rows)', out], { encoding: 'utf8' });
    expect(Number(rowsRead)).toBe(192_485);
  });
});
