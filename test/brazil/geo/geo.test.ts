/**
 * Geography: UF table, ZIP reader, CSV parser, territorial base archive, CADMUN/TABUF, and the loader
 * against a local source tree laid out like the FTP.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  UFS,
  findUf,
  getUf,
  extractZipEntry,
  findZipEntry,
  loadTerritory,
  parseCsv,
  parseTabUf,
  parseTerritorialArchive,
  pickNewestArchive,
  readDbfRows,
  readZipEntries,
  territoryFromCadmun,
  TERRITORY_ARCHIVE,
} from '../../../src/brazil/geo/index.js';
import { timeZoneForMunicipality } from '../../../src/brazil/time/index.js';
import { ArrowSusError } from '../../../src/errors.js';
import { LocalSource } from '../../../src/sources/index.js';
import { describeShared, fixturePath } from '../../helpers/shared.js';
import { SAMPLE_MUNICIPALITIES, buildTerritorialArchive } from '../helpers/territorial-archive.js';
import { writeZip } from '../helpers/zip-writer.js';

const temp = mkdtempSync(join(tmpdir(), 'arrow-sus-geo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('UFs and regions', () => {
  it('27 UFs in 5 regions, found by code, abbreviation or name', () => {
    expect(UFS).toHaveLength(27);
    expect(new Set(UFS.map((uf) => uf.region.name)).size).toBe(5);
    expect(findUf(35)?.abbreviation).toBe('SP');
    expect(findUf('rj')?.code).toBe(33);
    expect(findUf('Sao Paulo')?.code).toBe(35);
    expect(findUf('Goiás')?.region.abbreviation).toBe('CO');
    expect(findUf('XX')).toBeUndefined();
    expect(() => getUf('XX')).toThrow(expect.objectContaining({ code: 'DOMAIN_INVALID_CODE' }));
  });
});

describe('ZIP reader', () => {
  it('reads stored and deflated entries, folders and UTF-8 names', () => {
    const bytes = writeZip([
      { name: 'base/', data: '', method: 0 },
      { name: 'base/TB_MUNICIP.CSV', data: 'a;b\n1;2' },
      { name: 'notas_ção.txt', data: 'olá', method: 0 },
    ], 'comment');
    const entries = readZipEntries(bytes);
    expect(entries.map((e) => [e.name, e.method, e.isDirectory])).toEqual([
      ['base/', 0, true],
      ['base/TB_MUNICIP.CSV', 8, false],
      ['notas_ção.txt', 0, false],
    ]);
    const entry = findZipEntry(entries, 'tb_municip.csv');
    expect(new TextDecoder().decode(extractZipEntry(bytes, entry!))).toBe('a;b\n1;2');
  });
  it('reads an archive written by Python zipfile (an independent writer) when python3 is available', () => {
    let bytes: Uint8Array;
    try {
      const path = join(temp, 'py.zip');
      execFileSync('python3', ['-c', `import zipfile\nwith zipfile.ZipFile(${JSON.stringify(path)}, 'w', zipfile.ZIP_DEFLATED) as z:\n  z.writestr('tb_regsaud.csv', 'CO_REGSAUD,DS_NOME\\n' + '31016,Belo Horizonte\\n' * 50)`]);
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      console.warn('[arrow-sus tests] python3 unavailable: skipping the Python zipfile cross-check');
      return;
    }
    const [entry] = readZipEntries(bytes);
    expect(parseCsv(new TextDecoder().decode(extractZipEntry(bytes, entry!)))).toHaveLength(50);
  });
  it('refuses damaged archives with DOMAIN_TABLE_INVALID', () => {
    const bytes = writeZip([{ name: 'x.csv', data: 'hello hello hello' }]);
    expect(() => readZipEntries(new TextEncoder().encode('not a zip'))).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
    const corrupt = bytes.slice();
    corrupt[37] = (corrupt[37] ?? 0) ^ 0xff; // inside the deflated data (30-byte header + 5-byte name)
    const [entry] = readZipEntries(corrupt);
    expect(() => extractZipEntry(corrupt, entry!)).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
    expect(() => readZipEntries(bytes.subarray(0, bytes.length - 10))).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
  });
});

describe('CSV parser', () => {
  it('detects the delimiter and handles quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffA;B\r\n1;"x;y"\r\n2;"say ""hi"""\r\n')).toEqual([{ A: '1', B: 'x;y' }, { A: '2', B: 'say "hi"' }]);
    expect(parseCsv('A,B\n1,2\n\n')).toEqual([{ A: '1', B: '2' }]);
  });
});

describe('territorial base archive', () => {
  it('joins municipalities, health regions and macro-regions (directly or through the region)', async () => {
    const territory = await parseTerritorialArchive(buildTerritorialArchive(), { source: 'generated' });
    expect(territory.size).toBe(SAMPLE_MUNICIPALITIES.length);
    const bh = territory.getMunicipality('3106200');
    expect(bh).toMatchObject({ code6: '310620', name: 'Belo Horizonte', status: 'ATIVO' });
    expect(bh.uf?.abbreviation).toBe('MG');
    expect(bh.region?.name).toBe('Sudeste');
    expect(bh.healthRegion).toEqual({ code: '31016', name: 'Belo Horizonte/Nova Lima/Caeté' });
    expect(bh.macroRegion).toEqual({ code: '3103', name: 'Centro' });
    expect(territory.municipality('355030')?.macroRegion).toEqual({ code: '3501', name: 'RRAS 6' }); // via rl_regsaud_macsaud
    expect(territory.municipality('2201919')?.name).toBe('Bom Princípio do Piauí'); // a check-digit exception
    expect(territory.municipality('431453')?.healthRegion).toBeUndefined();
    expect(territory.municipality('999999')).toBeUndefined();
    expect(() => territory.getMunicipality('999999')).toThrow(expect.objectContaining({ code: 'DOMAIN_INVALID_CODE' }));
    expect(timeZoneForMunicipality(territory.getMunicipality('260545').code7!)).toBe('America/Noronha');
  });
  it('an archive without tb_municip is DOMAIN_TABLE_INVALID', async () => {
    await expect(parseTerritorialArchive(writeZip([{ name: 'leiame.txt', data: 'x' }]), { source: 'x' })).rejects.toMatchObject({ code: 'DOMAIN_TABLE_INVALID' });
  });
});

describe('loadTerritory through a file:// source laid out like the FTP', () => {
  const root = join(temp, 'ftp');
  const archive = buildTerritorialArchive();
  for (const [folder, name] of [
    ['2025', '10-base_territorial_out25.zip'],
    ['2026', '02-base_territorial_fev26.zip'],
    ['2026', '04-base_territorial_abr26.zip'],
  ] as const) {
    mkdirSync(join(root, 'territorio', 'tabelas', folder), { recursive: true });
    writeFileSync(join(root, 'territorio', 'tabelas', folder, name), name.startsWith('04') ? archive : writeZip([{ name: 'old.txt', data: 'old' }]));
  }
  writeFileSync(join(root, 'territorio', 'tabelas', '2026', 'leiame.txt'), 'not an archive');

  it('every archive name on the 2026-04 listing matches the archive rule', () => {
    const names = ['base_territorial_2023.zip', '02-base_territorio_fev24.zip', '03-base_territorial_mar.zip', '11-base territorial_nov24.zip', '01-base_territorial_jan25.zip', '04-base_territorial_abr26.zip'];
    expect(names.every((name) => TERRITORY_ARCHIVE.test(name))).toBe(true);
    expect(pickNewestArchive([
      { path: '/territorio/tabelas/2024/11-base territorial_nov24.zip', size: 1, isDirectory: false },
      { path: '/territorio/tabelas/2024/03-base_territorial_mar.zip', size: 1, isDirectory: false },
    ])?.path).toBe('/territorio/tabelas/2024/11-base territorial_nov24.zip');
  });

  it('picks the newest archive, downloads it once, then reuses the cache', async () => {
    const local = new LocalSource({ root });
    let downloads = 0;
    const source = {
      url: local.url,
      list: local.list.bind(local),
      download: (path: string, options?: { signal?: AbortSignal }) => {
        downloads++;
        return local.download(path, options);
      },
    };
    const cacheDir = join(temp, 'cache');
    const territory = await loadTerritory({ source, cacheDir });
    expect(territory.source).toMatch(/\/territorio\/tabelas\/2026\/04-base_territorial_abr26\.zip$/);
    expect(territory.municipality('310620')?.macroRegion?.name).toBe('Centro');
    expect(readFileSync(join(cacheDir, 'territorio', 'tabelas', '2026', '04-base_territorial_abr26.zip'))).toHaveLength(archive.length);
    await loadTerritory({ source, cacheDir });
    expect(downloads).toBe(1);
    // Offline: a source that cannot be listed (a retryable error) falls back to the cached archive.
    const offline = {
      url: 'ftp://unreachable',
      list: () => Promise.reject(new ArrowSusError('SOURCE_CONNECTION_FAILED', 'sources: connection refused')),
      download: source.download,
    };
    expect((await loadTerritory({ source: offline, cacheDir })).size).toBe(SAMPLE_MUNICIPALITIES.length);
    await local.close();
  });

  it('a folder without archives is SOURCE_NOT_FOUND', async () => {
    const empty = join(temp, 'empty');
    mkdirSync(join(empty, 'territorio', 'tabelas', '2026'), { recursive: true });
    const local = new LocalSource({ root: empty });
    await expect(loadTerritory({ source: local, cacheDir: join(temp, 'cache2') })).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
    await local.close();
  });
});

describeShared('CADMUN and TABUF (real SIM TabWin tables)', () => {
  it('CADMUN: 5,652 codes with status, health region and macro-region codes', async () => {
    const territory = territoryFromCadmun(await readDbfRows(readFileSync(fixturePath('dbf/CADMUN.DBF'))), { source: 'CADMUN.DBF' });
    expect(territory.size).toBe(5652);
    const active = [...territory].filter((m) => m.status === 'ATIVO');
    expect(active).toHaveLength(5564);
    expect(territory.getMunicipality('260545').name).toBe('Fernando de Noronha');
    expect(territory.getMunicipality('130006').name).toBe('Amaturá'); // CP850 text decoded
    expect(territory.getMunicipality('3106200').healthRegion?.code).toMatch(/^31\d{2,3}$/);
    // Every active 7-digit code in CADMUN agrees with the check-digit rule or its nine exceptions.
    expect(active.every((m) => m.code7 !== undefined && timeZoneForMunicipality(m.code7) !== undefined)).toBe(true);
    // Every municipality named in the time-zone exception lists exists and is active.
    for (const code of ['130006', '130140', '150680', '150530']) expect(territory.getMunicipality(code).status).toBe('ATIVO');
  });
  it('TABUF lists the same 27 UFs as the embedded table', async () => {
    const rows = parseTabUf(await readDbfRows(readFileSync(fixturePath('dbf/TABUF.DBF'))));
    expect(rows.map((r) => [r.code, r.abbreviation]).sort()).toEqual(UFS.map((uf) => [uf.code, uf.abbreviation]).sort());
  });
});
