/**
 * Vital statistics: deaths (SIM) and live births (SINASC).
 *
 * SIM splits by cause-of-death classification: CID-9 files (1979–1995) are `DOR` + UF + 2-digit year
 * (`DORAC79` is Acre 1979 — the `R` belongs to the prefix, it is not the UF RO or RR), CID-10 files
 * (1996 on) are `DO` + UF + 4-digit year (`DORJ1996` is Rio de Janeiro). Name length decides between the
 * two, and the folder confirms it. The national subsets (fetal, external causes, infant, maternal,
 * residents abroad) carry no UF and a 2-digit year.
 *
 * SINASC uses `DNR` + UF + 4-digit year for 1994–1995 and `DN` + UF for 1996 on. Its data are reachable under
 * two trees: `1994_1995/Dados`, `1996_/Dados` (canonical) and the older aliases `ANT`, `NOV` (mirrors with
 * some stale or 2-digit-year copies, e.g. `ANT/DNRES/DNRAC94.DBC`).
 *
 * @module
 */
import { covers, dataset, folder, names } from './define.js';
import type { Dataset, FolderRule } from './types.js';

const byYear4 = (prefix: string, place: readonly ('uf' | 'br' | 'ig')[]) => names(prefix, { place, year: [4] });
const national2 = (prefix: string) => names(prefix, { place: [], year: [2] });

/** A SIM national subset (DOFET folder) in one CID era. */
function simSubset(
  group: string,
  era: 'cid09' | 'cid10',
  description: string,
  namePt: string,
  from: string,
  to: string,
): Dataset {
  const folders: FolderRule[] =
    era === 'cid09'
      ? [folder('SIM/CID9/DOFET', national2(group), { from, to })]
      : [
          folder('SIM/CID10/DOFET', national2(group), { from }),
          folder('SIM/PRELIM/DOFET', national2(group), { preliminary: true }),
        ];
  return dataset({
    id: `sim-${group.toLowerCase()}-${era}`,
    system: 'SIM',
    group,
    aliases: [`${group}-${era.toUpperCase()}`],
    description: `${description} (${era === 'cid09' ? 'ICD-9' : 'ICD-10'})`,
    namePt,
    granularity: 'yearly',
    coverage: covers(from, to, { noUf: true, ended: era === 'cid09' }),
    folders,
  });
}

/**
 * SIM and SINASC datasets.
 *
 * @example
 * ```ts
 * VITAL_DATASETS.map((d) => d.id).includes('sim-do-cid09'); // true
 * ```
 */
export const VITAL_DATASETS: readonly Dataset[] = [
  dataset({
    id: 'sim-do-cid10',
    system: 'SIM',
    group: 'DO',
    aliases: ['DO-CID10'],
    description: 'Deaths by place of residence (ICD-10)',
    namePt: 'Declarações de Óbito (CID-10)',
    granularity: 'yearly',
    coverage: covers('1996', '2026', { national: true }),
    folders: [
      folder('SIM/CID10/DORES', byYear4('DO', ['uf', 'br']), { from: '1996' }),
      folder('SIM/PRELIM/DORES', byYear4('DO', ['uf', 'br']), { preliminary: true }),
    ],
  }),
  dataset({
    id: 'sim-do-cid09',
    system: 'SIM',
    group: 'DO',
    aliases: ['DOR', 'DO-CID09', 'DO-CID9'],
    description: 'Deaths by place of residence (ICD-9)',
    namePt: 'Declarações de Óbito (CID-9)',
    granularity: 'yearly',
    coverage: covers('1979', '1995', { national: true, ended: true }),
    folders: [
      folder('SIM/CID9/DORES', names('DOR', { place: ['uf', 'br'], year: [2] }), { from: '1979', to: '1995' }),
      // Deaths whose UF of residence is unknown ("ignorado").
      folder('SIM/CID9/DOIGN', names('DOR', { place: ['ig'], year: [2] }), { from: '1995', to: '1995' }),
    ],
  }),
  simSubset('DOFET', 'cid10', 'Fetal deaths, national', 'Óbitos fetais', '1996', '2026'),
  simSubset('DOFET', 'cid09', 'Fetal deaths, national', 'Óbitos fetais', '1979', '1995'),
  simSubset('DOEXT', 'cid10', 'Deaths from external causes, national', 'Óbitos por causas externas', '1996', '2026'),
  simSubset('DOEXT', 'cid09', 'Deaths from external causes, national', 'Óbitos por causas externas', '1979', '1995'),
  simSubset('DOINF', 'cid10', 'Infant deaths, national', 'Óbitos infantis', '1996', '2026'),
  simSubset('DOINF', 'cid09', 'Infant deaths, national', 'Óbitos infantis', '1979', '1995'),
  simSubset('DOMAT', 'cid10', 'Maternal deaths, national', 'Óbitos maternos', '1996', '2026'),
  simSubset('DOREXT', 'cid10', 'Deaths of Brazilian residents abroad, national', 'Óbitos de residentes no exterior', '2013', '2026'),
  dataset({
    id: 'sinasc-dn',
    system: 'SINASC',
    group: 'DN',
    aliases: ['DNR'],
    description: 'Live births by place of residence',
    namePt: 'Declarações de Nascido Vivo',
    granularity: 'yearly',
    coverage: covers('1994', '2026', { national: true }),
    folders: [
      folder('SINASC/1994_1995/Dados/DNRES', byYear4('DNR', ['uf']), { from: '1994', to: '1995' }),
      folder('SINASC/1994_1995/Dados/DNRES', byYear4('DN', ['br']), { from: '1994', to: '1995' }),
      folder('SINASC/1994_1995/Dados/DNIGN', byYear4('DNR', ['ig']), { from: '1995', to: '1995' }),
      folder('SINASC/1996_/Dados/DNRES', byYear4('DN', ['uf', 'br']), { from: '1996' }),
      folder('SINASC/PRELIM/DNRES', byYear4('DN', ['uf', 'br']), { preliminary: true }),
      folder('SINASC/NOV/DNRES', byYear4('DN', ['uf', 'br']), { role: 'mirror' }),
      folder('SINASC/ANT/DNRES', names('DNR', { place: ['uf'], year: [4, 2] }), { role: 'mirror' }),
      folder('SINASC/ANT/DNRES', byYear4('DN', ['uf']), { role: 'mirror' }),
      folder('SINASC/ANT/DNIGN', names('DNR', { place: ['ig'], year: [4, 2] }), { role: 'mirror' }),
    ],
    notes: '1994–1995 files use the DNR prefix (DNRAC1994); from 1996 the DN prefix (DNAC1996). Layout changed in 2011.',
  }),
  dataset({
    id: 'sinasc-dnex',
    system: 'SINASC',
    group: 'DNEX',
    description: 'Live births abroad to Brazilian residents, national',
    namePt: 'Nascidos vivos no exterior',
    granularity: 'yearly',
    coverage: covers('2014', '2026', { noUf: true }),
    folders: [
      folder('SINASC/1996_/Dados/DNRES', byYear4('DNEX', []), { from: '2014' }),
      folder('SINASC/PRELIM/DNRES', byYear4('DNEX', []), { preliminary: true }),
      folder('SINASC/NOV/DNRES', byYear4('DNEX', []), { role: 'mirror' }),
    ],
  }),
];
