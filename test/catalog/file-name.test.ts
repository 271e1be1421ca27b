import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS, UFS, fileNameFor, getDataset, parsePath } from '../../src/catalog/index.js';
import { formatName } from '../../src/catalog/name-rule.js';
import type { Dataset, FolderRule } from '../../src/catalog/index.js';

/** Sample values a folder's rule can name: a place it takes, a year in its range, month 1, a part. */
function sample(dataset: Dataset, folder: FolderRule) {
  const rule = folder.name;
  const uf = rule.place.includes('uf') ? (dataset.coverage.ufs[0] ?? 'SP') : rule.place.includes('br') ? 'BR' : rule.place.includes('ig') ? 'IG' : null;
  const from = folder.from ?? dataset.coverage.from;
  const hasYear = rule.year.length > 0 || (rule.pattern !== undefined && folder.path.endsWith('*'));
  const year = hasYear ? Number((from ?? '2010').slice(0, 4)) : null;
  const month = rule.month ? Number(from?.slice(5, 7) ?? '') || 1 : null;
  const part = rule.split === 'letter' ? 'b' : rule.split === 'underscore' ? '2' : null;
  return { uf, year, month, part };
}

describe('generator ↔ parser round trip', () => {
  const cases = DATASETS.flatMap((d) => d.folders.map((f, i) => [`${d.id} folder ${i} ${f.path}`, d, f] as const));

  it.each(cases)('%s', (_label, dataset, folder) => {
    const values = sample(dataset, folder);
    const name = formatName(folder.name, { group: dataset.group, ...values });
    if (name === null) {
      // Only the irregular territorial-base releases cannot be named.
      expect(dataset.id).toBe('base-territorial');
      return;
    }
    const directory = values.year === null ? folder.path : folder.path.replace('*', String(values.year));
    const parsed = parsePath(`${directory}/${name}`);
    expect(parsed).toMatchObject({ dataset: dataset.id, uf: values.uf, year: values.year, month: values.month, part: values.part });
    expect(parsed.preliminary).toBe(folder.preliminary);
    expect(parsed.role).toBe(folder.role);
  });

  it('holds for random places and periods of every monthly per-UF dataset (seeded)', () => {
    const monthly = DATASETS.filter((d) => d.granularity === 'monthly' && d.coverage.ufs.length > 0 && d.folders.some((f) => f.role === 'primary' && f.name.pattern === undefined));
    fc.assert(
      fc.property(fc.constantFrom(...monthly), fc.constantFrom(...UFS), fc.nat({ max: 10_000 }), (dataset, uf, offset) => {
        // A month index between the first and last month the dataset covers.
        const index = (p: string | null): number => Number(p?.slice(0, 4)) * 12 + Number(p?.slice(5, 7)) - 1;
        const first = index(dataset.coverage.from);
        const chosen = first + (offset % (index(dataset.coverage.to) - first + 1));
        const year = Math.floor(chosen / 12);
        const month = (chosen % 12) + 1;
        const [name] = fileNameFor(dataset, { uf, year, month });
        expect(name).toBeDefined();
        const parsed = parsePath(name ?? '');
        expect([parsed.dataset, parsed.uf, parsed.year, parsed.month]).toEqual([dataset.id, uf, year, month]);
      }),
      { seed: 20260430, numRuns: 2000 },
    );
  });
});

describe('fileNameFor', () => {
  it('writes canonical names: upper-case stem, lower-case part and extension', () => {
    expect(fileNameFor('sih-rd', { uf: 'ac', year: 2008, month: 1 })).toEqual(['RDAC0801.dbc']);
    expect(fileNameFor('sih-rd', { uf: 'AC', year: 1992, month: 1 })).toEqual(['RDAC9201.dbc']);
    expect(fileNameFor('sia-pa', { uf: 'SP', year: 2024, month: 8, part: 'D' })).toEqual(['PASP2408d.dbc']);
    expect(fileNameFor('sia-bi', { uf: 'MG', year: 2024, month: 12, part: '1' })).toEqual(['BIMG2412_1.dbc']);
    expect(fileNameFor('sim-do-cid09', { uf: 'AC', year: 1979 })).toEqual(['DORAC79.dbc']);
    expect(fileNameFor('sim-do-cid10', { uf: 'RJ', year: 1996 })).toEqual(['DORJ1996.dbc']);
    expect(fileNameFor('sim-dofet-cid10', { year: 2024 })).toEqual(['DOFET24.dbc']);
    expect(fileNameFor('sinasc-dn', { uf: 'AC', year: 1994 })).toEqual(['DNRAC1994.dbc']);
    expect(fileNameFor('sinasc-dn', { uf: 'BR', year: 1994 })).toEqual(['DNBR1994.dbc']);
    expect(fileNameFor('sinan-deng', { uf: 'BR', year: 2024 })).toEqual(['DENGBR24.dbc']);
    expect(fileNameFor('pni-cpni', { uf: 'AC', year: 2000 })).toEqual(['CPNIAC00.dbf']);
    expect(fileNameFor('po', { uf: 'BR', year: 2026 })).toEqual(['POBR2026.dbc']);
    expect(fileNameFor('base-territorial-mapas', { uf: 'TO', year: 2013 })).toEqual(['to_mapas_2013.zip']);
    expect(fileNameFor(getDataset('ibge-projpop'), { year: 2070 })).toEqual(['PROJUF70.dbf']);
  });

  it('refuses values a dataset cannot take', () => {
    const code = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return undefined;
    };
    expect(code(() => fileNameFor('nope', { year: 2020 }))).toBe('CATALOG_UNKNOWN_DATASET');
    expect(code(() => fileNameFor('sih-rd', { uf: 'AC', year: 2008 }))).toBe('CATALOG_INVALID_REQUEST'); // no month
    expect(code(() => fileNameFor('sih-rd', { uf: 'AC', year: 2008, month: 13 }))).toBe('CATALOG_INVALID_REQUEST');
    expect(code(() => fileNameFor('sinan-deng', { uf: 'SP', year: 2020 }))).toBe('CATALOG_INVALID_REQUEST'); // national only
    expect(code(() => fileNameFor('sih-rd', { uf: 'AC', year: 1980, month: 1 }))).toBe('CATALOG_INVALID_REQUEST'); // before 1992
    expect(code(() => fileNameFor('sih-rd', { uf: 'AC', year: 2020, month: 1, part: 'a' }))).toBe('CATALOG_INVALID_REQUEST'); // RD never splits
    expect(code(() => fileNameFor('base-territorial', { year: 2024 }))).toBe('CATALOG_INVALID_REQUEST'); // irregular names
  });
});

describe('catalog data', () => {
  it('has unique ids and table names, and every dataset a primary folder', () => {
    expect(new Set(DATASETS.map((d) => d.id)).size).toBe(DATASETS.length);
    expect(new Set(DATASETS.map((d) => d.table)).size).toBe(DATASETS.length);
    for (const d of DATASETS) {
      expect(d.folders.some((f) => f.role === 'primary'), d.id).toBe(true);
      expect(d.table).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('covers every system and group the brief names', () => {
    const ids = new Set(DATASETS.map((d) => d.id));
    for (const id of [
      'sih-rd', 'sih-rj', 'sih-er', 'sih-sp', 'sih-ch', 'sih-cm',
      'sia-pa', 'sia-bi', 'sia-ad', 'sia-am', 'sia-an', 'sia-aq', 'sia-ar', 'sia-atd', 'sia-ps', 'sia-sad', 'sia-acf', 'sia-ab', 'sia-abo', 'sia-amp',
      'sim-do-cid10', 'sim-do-cid09', 'sim-dofet-cid10', 'sim-doext-cid10', 'sim-doinf-cid10', 'sim-domat-cid10', 'sim-dorext-cid10',
      'sinasc-dn', 'sinasc-dnex', 'pni-cpni', 'pni-dpni', 'ciha', 'cih-cr', 'siscolo-cc', 'sismama-cm', 'sisprenatal-pn', 'resp', 'pce', 'po',
      'base-populacional-ibge-pop', 'base-territorial',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(DATASETS.filter((d) => d.system === 'CNES')).toHaveLength(13);
    expect(DATASETS.filter((d) => d.system === 'SINAN').length).toBeGreaterThanOrEqual(57);
  });
});
