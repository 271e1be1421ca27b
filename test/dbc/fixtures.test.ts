/**
 * Every real DataSUS DBC in ../shared decodes byte for byte to the DBF recorded in the MANIFEST,
 * with its stored CRC-32 verified; real DBFs round-trip through our writer; our streams decode
 * with the C reference decoder (pyreaddbc, which wraps zlib's blast.c) when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compressDbcSync, decompressDbc, decompressDbcSync, type DbcResult } from '../../src/dbc/index.js';
import { describeShared, fixturePath, readManifest, SHARED_DIR } from '../helpers/shared.js';
import { codeOf, codeOfAsync, collect, makeDbf, sha256, splitBytes } from './generate.js';

const manifest = readManifest();
const dbcRows = manifest.filter((row) => row.kind === 'DBC');
const dbfRows = manifest.filter((row) => row.kind === 'DBF');

describeShared('real DataSUS DBC fixtures', () => {
  it('the manifest lists the 345 real DBC files', () => {
    expect(dbcRows.length).toBe(345);
  });

  describe.each(dbcRows.map((row, index) => ({ ...row, index })))('$path', (row) => {
    it(`decodes to dbf_sha256 with the CRC verified${row.index % 10 === 0 ? ' (and streamed in 4 KB input chunks)' : ''}`, async () => {
      const bytes = readFileSync(fixturePath(row.path));
      const result = decompressDbcSync(bytes, { fileName: row.path });
      expect(result.crcOk).toBe(true);
      expect(result.dbf.length).toBe(row.dbfBytes);
      expect(sha256(result.dbf)).toBe(row.dbfSha256);
      if (row.index % 10 === 0) {
        let complete: DbcResult | undefined;
        const streamed = await collect(decompressDbc(splitBytes(bytes, 4096), { onComplete: (r) => (complete = r) }));
        expect(sha256(streamed)).toBe(row.dbfSha256);
        expect(complete?.crcOk).toBe(true);
      }
    });
  });

  it('real DBFs round-trip in all six DCL variants', () => {
    for (const path of ['dbf/CADMUN.DBF', 'dbf/TB_SIGTAP.dbf', 'dbf/sids.dbf']) {
      const dbf = readFileSync(fixturePath(path));
      for (const literals of ['uncoded', 'coded'] as const) {
        for (const dictionarySize of [1024, 2048, 4096] as const) {
          const back = decompressDbcSync(compressDbcSync(dbf, { literals, dictionarySize }), { fileName: path });
          expect(sha256(back.dbf)).toBe(sha256(dbf));
        }
      }
    }
  });

  it('the damaged ZIKABR16__v1.DBC fails with DBC_CRC_MISMATCH (and DBC_TRUNCATED without the CRC check)', async () => {
    const bytes = readFileSync(fixturePath('bad/ZIKABR16__v1.DBC'));
    expect(codeOf(() => decompressDbcSync(bytes))).toBe('DBC_CRC_MISMATCH');
    expect(codeOf(() => decompressDbcSync(bytes, { verifyCrc: false }))).toBe('DBC_TRUNCATED');
    let complete: DbcResult | undefined;
    expect(await codeOfAsync(() => collect(decompressDbc(bytes, { onComplete: (r) => (complete = r) })))).toBe('DBC_CRC_MISMATCH');
    expect(complete?.crcOk).toBe(false);
    expect((complete?.expectedDbfBytes ?? 0) - (complete?.dbfBytes ?? 0)).toBe(40_933);
  });

  it('a text file is rejected with a typed error', () => {
    expect(codeOf(() => decompressDbcSync(readFileSync(fixturePath('bad/invalid.dbf'))))).toMatch(/^(DBC_|DCL_)/);
  });

  it('every real DBF round-trips through compressDbcSync → decompressDbcSync with a valid CRC', () => {
    let checked = 0;
    for (const row of dbfRows) {
      const dbf = readFileSync(fixturePath(row.path));
      const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : 0;
      if (headerLength < 33 || headerLength > dbf.length) continue;
      const back = decompressDbcSync(compressDbcSync(dbf), { fileName: row.path });
      expect(back.crcOk).toBe(true);
      expect(sha256(back.dbf)).toBe(sha256(dbf));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

const pyreaddbc = spawnSync('python3', ['-c', 'import pyreaddbc'], { encoding: 'utf8' }).status === 0;
const describePython = pyreaddbc ? describe : describe.skip;
if (!pyreaddbc) console.warn('[arrow-sus tests] skipping pyreaddbc interop: python3 -c "import pyreaddbc" failed (pip install pyreaddbc)');

describePython(`interop with the C decoder (pyreaddbc / blast.c)${pyreaddbc ? '' : ' [skipped: pyreaddbc is not importable]'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-dbc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes our DBC output in all six variants', () => {
    const dbf = makeDbf(3000, 8);
    const variants = (['uncoded', 'coded'] as const).flatMap((literals) => ([1024, 2048, 4096] as const).map((dictionarySize) => ({ literals, dictionarySize })));
    const script = [
      'import sys, pyreaddbc',
      'for name in sys.argv[1:]:',
      '    pyreaddbc.dbc2dbf(name + ".dbc", name + ".dbf")',
    ].join('\n');
    const names = variants.map((variant, i) => {
      const name = join(dir, `v${i}`);
      writeFileSync(`${name}.dbc`, compressDbcSync(dbf, variant));
      return name;
    });
    const run = spawnSync('python3', ['-c', script, ...names], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    // blast prints a warning for unused input bytes; our streams must have none.
    expect(run.stdout).not.toMatch(/unused|blast/);
    for (const name of names) expect(sha256(readFileSync(`${name}.dbf`))).toBe(sha256(dbf));
  });

  it.skipIf(SHARED_DIR === undefined)(`decodes our DBC of a real DBF (CADMUN.DBF, 1.8 MB)${SHARED_DIR === undefined ? ' [skipped: ../shared is absent]' : ''}`, () => {
    const dbf = readFileSync(fixturePath('dbf/CADMUN.DBF'));
    const name = join(dir, 'cadmun');
    writeFileSync(`${name}.dbc`, compressDbcSync(dbf));
    const run = spawnSync('python3', ['-c', 'import sys, pyreaddbc; pyreaddbc.dbc2dbf(sys.argv[1] + ".dbc", sys.argv[1] + ".dbf")', name], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    // dbc2dbf rewrites the header's last byte to 0x0D; CADMUN already has 0x0D there.
    expect(sha256(readFileSync(`${name}.dbf`))).toBe(sha256(dbf));
  });
});
