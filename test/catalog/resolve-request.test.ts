import { describe, expect, it } from 'vitest';
import { expectedFiles, foldersFor, resolveRequest } from '../../src/catalog/index.js';
import type { CatalogRequest, ListingEntry } from '../../src/catalog/index.js';

const P = '/dissemin/publicos';
const at = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const entry = (path: string, size = 100, modified?: string): ListingEntry =>
  modified === undefined ? { path, size } : { path, size, modifiedAt: at(modified) };

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('resolveRequest', () => {
  it('prefers FINAIS over PRELIM for the same year, and falls back to PRELIM', () => {
    const listing = [
      entry(`${P}/SINAN/DADOS/FINAIS/DIFTBR22.dbc`),
      entry(`${P}/SINAN/DADOS/FINAIS/DIFTBR23.dbc`),
      entry(`${P}/SINAN/DADOS/PRELIM/DIFTBR23.dbc`, 90),
      entry(`${P}/SINAN/DADOS/PRELIM/DIFTBR24.dbc`),
      entry(`${P}/SINAN/DADOS/FINAIS/DENGBR23.dbc`),
    ];
    const r = resolveRequest({ system: 'SINAN', group: 'DIFT', year: { from: 2022, to: 2024 } }, listing);
    expect(r.files.map((f) => f.path)).toEqual([
      `${P}/SINAN/DADOS/FINAIS/DIFTBR22.dbc`,
      `${P}/SINAN/DADOS/FINAIS/DIFTBR23.dbc`,
      `${P}/SINAN/DADOS/PRELIM/DIFTBR24.dbc`,
    ]);
    expect(r.files[2]?.parsed.preliminary).toBe(true);
    expect(r.superseded).toEqual([
      expect.objectContaining({ reason: 'final-over-preliminary', by: `${P}/SINAN/DADOS/FINAIS/DIFTBR23.dbc` }),
    ]);
    expect(r.missing).toEqual([]);
    const finalsOnly = resolveRequest({ system: 'SINAN', group: 'DIFT', year: 2024, preliminary: false }, listing);
    expect(finalsOnly.files).toEqual([]);
    expect(finalsOnly.missing.map((m) => [m.name, m.reason])).toEqual([['DIFTBR24.dbc', 'not-published']]);
  });

  it('keeps every part of a split month, and months that exist only as parts are not missing', () => {
    const listing = [
      entry(`${P}/SIASUS/200801_/Dados/PASP2401a.dbc`),
      entry(`${P}/SIASUS/200801_/Dados/PASP2401b.dbc`),
      entry(`${P}/SIASUS/200801_/Dados/PASP2401c.dbc`),
      entry(`${P}/SIASUS/200801_/Dados/PASP2402.dbc`),
      entry(`${P}/SIASUS/200801_/Dados/PARJ2401.dbc`),
    ];
    const r = resolveRequest({ system: 'SIA', group: 'PA', uf: ['SP'], year: 2024, month: { from: 1, to: 3 } }, listing);
    expect(r.files.map((f) => `${f.parsed.month}${f.parsed.part ?? ''}`)).toEqual(['1a', '1b', '1c', '2']);
    expect(r.missing.map((m) => [m.name, m.reason])).toEqual([['PASP2403.dbc', 'not-published']]);
  });

  it('chooses between a month published whole and as parts by modification time', () => {
    const whole = entry(`${P}/SIASUS/200801_/Dados/BIMG2305.dbc`, 259, '2024-01-01');
    const part1 = entry(`${P}/SIASUS/200801_/Dados/BIMG2305_1.dbc`, 226, '2025-01-01');
    const part2 = entry(`${P}/SIASUS/200801_/Dados/BIMG2305_2.dbc`, 30, '2025-01-01');
    const request: CatalogRequest = { system: 'SIA', group: 'BI', uf: ['MG'], year: 2023, month: 5 };
    const newerParts = resolveRequest(request, [whole, part1, part2]);
    expect(newerParts.files.map((f) => f.parsed.part)).toEqual(['1', '2']);
    expect(newerParts.superseded).toEqual([expect.objectContaining({ reason: 'split-duplicate', file: expect.objectContaining({ path: whole.path }) })]);
    const noTimes = resolveRequest(request, [{ path: whole.path, size: 259 }, { path: part1.path, size: 226 }, { path: part2.path, size: 30 }]);
    expect(noTimes.files.map((f) => f.path)).toEqual([whole.path]);
    expect(noTimes.superseded.map((s) => s.reason)).toEqual(['split-duplicate', 'split-duplicate']);
  });

  it('keeps one of two spellings of the same file: newest, then largest, then lower-case extension', () => {
    const upper = entry(`${P}/SIM/CID10/DORES/DOAC2010.DBC`, 100, '2020-01-01');
    const lower = entry(`${P}/SIM/CID10/DORES/DOAC2010.dbc`, 100, '2020-01-01');
    const request: CatalogRequest = { system: 'SIM', group: 'DO', uf: ['AC'], year: 2010 };
    expect(resolveRequest(request, [upper, lower]).files.map((f) => f.path)).toEqual([lower.path]);
    const newerUpper = { ...upper, modifiedAt: at('2021-01-01') };
    const r = resolveRequest(request, [newerUpper, lower]);
    expect(r.files.map((f) => f.path)).toEqual([upper.path]);
    expect(r.superseded).toEqual([expect.objectContaining({ reason: 'duplicate-name', by: upper.path })]);
  });

  it('spans eras: SIM DO 1995–1996 takes the CID-9 and the CID-10 file', () => {
    const listing = [entry(`${P}/SIM/CID9/DORES/DORAC95.DBC`), entry(`${P}/SIM/CID10/DORES/DOAC1996.dbc`), entry(`${P}/SIM/CID10/DORES/DOBR1996.dbc`)];
    const r = resolveRequest({ system: 'SIM', group: 'DO', uf: ['AC'], year: { from: 1995, to: 1996 } }, listing);
    expect(r.files.map((f) => [f.parsed.dataset, f.parsed.year])).toEqual([['sim-do-cid09', 1995], ['sim-do-cid10', 1996]]);
    expect(r.missing).toEqual([]);
  });

  it('gives UF files by default and national BR files only when asked', () => {
    const listing = [entry(`${P}/SIM/CID10/DORES/DOAC2020.dbc`), entry(`${P}/SIM/CID10/DORES/DOBR2020.dbc`)];
    const byDefault = resolveRequest({ system: 'SIM', group: 'DO', year: 2020 }, listing);
    expect(byDefault.files.map((f) => f.parsed.uf)).toEqual(['AC']);
    expect(byDefault.missing).toHaveLength(26); // the other UFs of 2020
    expect(resolveRequest({ system: 'SIM', group: 'DO', uf: ['BR'], year: 2020 }, listing).files.map((f) => f.parsed.uf)).toEqual(['BR']);
  });

  it('ignores mirrors, alternate formats, other datasets and unrelated files', () => {
    const listing = [
      entry(`${P}/SINASC/NOV/DNRES/DNAC2000.dbc`),
      entry(`${P}/SIHSUS/XML/RDAC1001.xml`),
      entry(`${P}/SIHSUS/200801_/Dados/RDAC1001.dbc`),
      entry(`${P}/SIHSUS/200801_/Dados/SPAC1001.dbc`),
      entry(`${P}/SIHSUS/200801_/Auxiliar/TAB_SIH.zip`),
    ];
    expect(resolveRequest({ system: 'SIH', group: 'RD', uf: ['AC'], year: 2010, month: 1 }, listing).files.map((f) => f.path)).toEqual([
      `${P}/SIHSUS/200801_/Dados/RDAC1001.dbc`,
    ]);
    const sinasc = resolveRequest({ system: 'SINASC', group: 'DN', uf: ['AC'], year: 2000 }, listing);
    expect(sinasc.files).toEqual([]);
    expect(sinasc.missing.map((m) => [m.path, m.reason])).toEqual([[`${P}/SINASC/1996_/Dados/DNRES/DNAC2000.dbc`, 'folder-not-listed']]);
  });

  it('explains missing files: UF never covered, folder not listed, not published', () => {
    const listing = [entry(`${P}/CIHA/201101_/Dados/CIHAAC2001.dbc`)];
    const r = resolveRequest({ system: 'CIHA', uf: ['AC', 'RR'], year: 2020, month: [1, 2] }, listing);
    expect(r.missing.map((m) => [m.name, m.reason])).toEqual([
      ['CIHAAC2002.dbc', 'not-published'],
      ['CIHARR2001.dbc', 'uf-not-covered'],
      ['CIHARR2002.dbc', 'uf-not-covered'],
    ]);
    const empty = resolveRequest({ system: 'RESP', uf: ['SP'], year: 2016 }, []);
    expect(empty.missing.map((m) => [m.name, m.reason])).toEqual([['RESPSP16.dbc', 'folder-not-listed']]);
  });

  it('validates requests with stable codes', () => {
    const listing: ListingEntry[] = [];
    expect(codeOf(() => resolveRequest({ system: 'NOPE' }, listing))).toBe('CATALOG_UNKNOWN_SYSTEM');
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'ZZ' }, listing))).toBe('CATALOG_UNKNOWN_DATASET');
    expect(codeOf(() => resolveRequest({ system: 'CMD' }, listing))).toBe('CATALOG_UNKNOWN_DATASET');
    expect(codeOf(() => resolveRequest({ system: 'SIH' }, listing))).toBe('CATALOG_INVALID_REQUEST'); // which group?
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'RD', month: 13 }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'RD', year: 1980 }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'RD', year: { from: 2010, to: 2000 } }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'RD', uf: ['XX'] }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SIH', group: 'RD', uf: [] }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SINAN', group: 'DENG', uf: ['SP'] }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SINAN', group: 'DENG', month: 1 }, listing))).toBe('CATALOG_INVALID_REQUEST');
    expect(codeOf(() => resolveRequest({ system: 'SIA', group: 'AN', year: 2020 }, listing))).toBe('CATALOG_INVALID_REQUEST'); // ended 2014-10
    expect(codeOf(() => resolveRequest({ system: 'SIA', group: 'AN', year: { from: 2014, to: 2020 } }, listing))).toBeUndefined(); // overlaps
    expect(codeOf(() => resolveRequest({ system: 'sih', group: 'rd', uf: ['sp'], year: 2024 }, listing))).toBeUndefined(); // case-insensitive
  });

  it('accepts aliases and dataset ids as the group', () => {
    const listing = [entry(`${P}/SIM/CID9/DORES/DORAC79.DBC`)];
    expect(resolveRequest({ system: 'SIM', group: 'DOR', uf: ['AC'], year: 1979 }, listing).files).toHaveLength(1);
    expect(resolveRequest({ system: 'SIM', group: 'sim-do-cid09', uf: ['AC'], year: 1979 }, listing).files).toHaveLength(1);
  });
});

describe('expectedFiles and foldersFor', () => {
  it('expects one canonical file per place and period', () => {
    expect(expectedFiles({ system: 'SIH', group: 'RD', uf: ['AC'], year: 2008, month: 1 })).toEqual([
      { dataset: 'sih-rd', folder: `${P}/SIHSUS/200801_/Dados`, uf: 'AC', year: 2008, month: 1, name: 'RDAC0801.dbc', path: `${P}/SIHSUS/200801_/Dados/RDAC0801.dbc` },
    ]);
    expect(expectedFiles({ system: 'SIH', group: 'RD', uf: ['AC', 'RJ'], year: 2007 })).toHaveLength(24);
    expect(expectedFiles({ system: 'SINASC', group: 'DN', uf: ['AC'], year: [1995, 1996] }).map((e) => e.path)).toEqual([
      `${P}/SINASC/1994_1995/Dados/DNRES/DNRAC1995.dbc`,
      `${P}/SINASC/1996_/Dados/DNRES/DNAC1996.dbc`,
    ]);
    // SIA-AN stopped in 2014-10: a range reaching past it is clipped.
    expect(expectedFiles({ system: 'SIA', group: 'AN', uf: ['SP'], year: { from: 2014, to: 2016 } }).map((e) => e.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Sparse series: censuses of 1991, 2000 and 2010 only.
    expect(expectedFiles({ system: 'IBGE', group: 'ALF' }).map((e) => e.name)).toEqual(['ALFBR91.zip', 'ALFBR00.zip', 'ALFBR10.zip']);
  });

  it('lists only the folders a request needs', () => {
    expect(foldersFor({ system: 'SIH', group: 'RD', year: 2005 })).toEqual([`${P}/SIHSUS/199201_200712/Dados`]);
    expect(foldersFor({ system: 'SIH', group: 'RD', year: { from: 2007, to: 2008 } })).toEqual([`${P}/SIHSUS/199201_200712/Dados`, `${P}/SIHSUS/200801_/Dados`]);
    expect(foldersFor({ system: 'CNES', group: 'ST', year: 2020 })).toEqual([`${P}/CNES/200508_/Dados/ST`]);
    expect(foldersFor({ system: 'SINAN', group: 'DENG' })).toEqual([`${P}/SINAN/DADOS/FINAIS`, `${P}/SINAN/DADOS/PRELIM`]);
    expect(foldersFor({ system: 'SINAN', group: 'DENG', preliminary: false })).toEqual([`${P}/SINAN/DADOS/FINAIS`]);
    expect(foldersFor({ system: 'SIA', group: 'AC', year: [2002, 2003] })).toEqual([`${P}/SIASUS/APAC/2002`, `${P}/SIASUS/APAC/2003`]);
    // The DOIGN folder holds only files of unknown UF: listed when IG is asked for.
    expect(foldersFor({ system: 'SIM', group: 'DO', year: 1995 })).toEqual([`${P}/SIM/CID9/DORES`]);
    expect(foldersFor({ system: 'SIM', group: 'DO', uf: ['IG'], year: 1995 })).toEqual([`${P}/SIM/CID9/DOIGN`]);
  });
});
