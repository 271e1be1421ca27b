/**
 * CNES, the national register of health establishments: 13 groups, one sub-folder each under
 * `CNES/200508_/Dados/<GROUP>`, monthly per-UF files `GGUFYYMM.dbc`.
 *
 * Each folder also holds a template file literally named `GGufAAmm.dbc` (`EFufAAmm.dbc`); it follows no
 * name rule on purpose and stays unclassified.
 *
 * @module
 */
import { covers, dataset, folder, monthlyUf } from './define.js';
import type { Dataset } from './types.js';
import type { Uf } from './ufs.js';

interface CnesGroup {
  readonly group: string;
  readonly description: string;
  readonly namePt: string;
  readonly from: string;
  readonly to: string;
  readonly missing?: readonly Uf[];
  readonly ended?: boolean;
}

const GROUPS: readonly CnesGroup[] = [
  { group: 'LT', description: 'Beds', namePt: 'Leitos', from: '2005-10', to: '2026-07' },
  { group: 'ST', description: 'Establishments', namePt: 'Estabelecimentos', from: '2005-08', to: '2026-07' },
  { group: 'DC', description: 'Complementary data', namePt: 'Dados Complementares', from: '2005-08', to: '2026-07' },
  { group: 'EQ', description: 'Equipment', namePt: 'Equipamentos', from: '2005-08', to: '2026-07' },
  { group: 'SR', description: 'Specialised services', namePt: 'Serviço Especializado', from: '2005-08', to: '2026-07' },
  { group: 'HB', description: 'Accreditations', namePt: 'Habilitação', from: '2007-03', to: '2026-07' },
  { group: 'PF', description: 'Health professionals', namePt: 'Profissional', from: '2005-08', to: '2026-07' },
  { group: 'EP', description: 'Health teams', namePt: 'Equipes', from: '2007-04', to: '2026-07' },
  { group: 'RC', description: 'Contract rules', namePt: 'Regra Contratual', from: '2007-03', to: '2026-07' },
  { group: 'IN', description: 'Incentives', namePt: 'Incentivos', from: '2007-10', to: '2026-07' },
  { group: 'EE', description: 'Teaching establishments', namePt: 'Estabelecimento de Ensino', from: '2007-03', to: '2021-07', missing: ['AC', 'AP', 'RO', 'TO'], ended: true },
  { group: 'EF', description: 'Philanthropic establishments', namePt: 'Estabelecimento Filantrópico', from: '2007-03', to: '2026-07', missing: ['DF', 'RR'] },
  { group: 'GM', description: 'Management and targets', namePt: 'Gestão e Metas', from: '2007-03', to: '2026-07' },
];

/**
 * The 13 CNES datasets.
 *
 * @example
 * ```ts
 * CNES_DATASETS.map((d) => d.group); // ['LT', 'ST', 'DC', …]
 * ```
 */
export const CNES_DATASETS: readonly Dataset[] = GROUPS.map((g) =>
  dataset({
    id: `cnes-${g.group.toLowerCase()}`,
    system: 'CNES',
    group: g.group,
    description: g.description,
    namePt: g.namePt,
    granularity: 'monthly',
    coverage: covers(g.from, g.to, { ...(g.missing === undefined ? {} : { missing: g.missing }), ended: g.ended === true }),
    folders: [folder(`CNES/200508_/Dados/${g.group}`, monthlyUf(g.group), { from: g.from, to: g.ended === true ? g.to : null })],
  }),
);
