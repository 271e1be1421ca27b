/**
 * Smaller systems and reference data: PNI aggregates, cancer screening (SISCOLO, SISMAMA, SISCAN),
 * SISPRENATAL, RESP, PCE, the oncology panel, IBGE population and the territorial base.
 *
 * @module
 */
import { covers, dataset, folder, monthlyUf, names } from './define.js';
import type { Dataset, NameRule } from './types.js';

/** A dataset with one static (undated) file name. */
function staticFile(prefix: string, fileName: string, extension: string): NameRule {
  return {
    ...names(prefix, { place: [], year: [], extensions: [extension] }),
    pattern: new RegExp(`^${fileName.replaceAll('.', '\\.')}$`, 'i'),
    format: () => fileName,
  };
}

const SISCAN_CSV = [
  ['CITO_COLO', 'Cervical cytology exams', 'Exames citopatológicos do colo do útero'],
  ['HISTO_COLO', 'Cervical histopathology exams', 'Exames histopatológicos do colo do útero'],
  ['CITO_MAMA', 'Breast cytology exams', 'Exames citopatológicos de mama'],
  ['HISTO_MAMA', 'Breast histopathology exams', 'Exames histopatológicos de mama'],
  ['MAMOGRAFIA', 'Mammograms', 'Mamografias'],
] as const;

/** SISCAN CSV exports: per exam, one file of exams and one of patients (`_PACNT`). */
const SISCAN_DATASETS: readonly Dataset[] = SISCAN_CSV.flatMap(([series, description, namePt]) =>
  (['', '_PACNT'] as const).map((suffix) =>
    dataset({
      id: `siscan-${series.toLowerCase().replace('_', '-')}${suffix.toLowerCase().replace('_', '-')}`,
      system: 'SISCAN',
      group: `${series}${suffix}`,
      description: suffix === '' ? `${description} (SISCAN)` : `${description}, patients (SISCAN)`,
      namePt: suffix === '' ? namePt : `${namePt} — pacientes`,
      granularity: 'yearly',
      coverage: covers('2013', '2025', { noUf: true }),
      folders: [folder('SISCAN/SISCAN', names(`SISCAN_${series}${suffix}_`, { place: [], year: [4], extensions: ['csv'] }), { from: '2013' })],
    }),
  ),
);

const screening = (id: string, system: 'SISCOLO' | 'SISMAMA', group: string, description: string, namePt: string, from: string, to: string): Dataset =>
  dataset({
    id,
    system,
    group,
    description,
    namePt,
    granularity: 'monthly',
    coverage: covers(from, to, { ended: true }),
    folders: [folder(system === 'SISCOLO' ? 'SISCAN/SISCOLO4/Dados' : 'SISCAN/SISMAMA/Dados', monthlyUf(group), { from, to })],
    ...(system === 'SISMAMA' && group === 'CM' ? { notes: 'Not the SIH CM group: key by folder.' } : {}),
  });

const CENSUS_YEARS = [1991, 2000, 2010];

const ibge = (id: string, group: string, dir: string, description: string, namePt: string, from: string, to: string, prefix = group): Dataset =>
  dataset({
    id,
    system: 'IBGE',
    group,
    description,
    namePt,
    granularity: 'yearly',
    coverage: covers(from, to, { noUf: true, national: true, ...(dir === 'IBGE/censo' ? { years: CENSUS_YEARS, ended: true } : {}) }),
    folders: [folder(dir, names(prefix, { place: ['br'], year: [2], extensions: ['zip'] }), { from })],
  });

/**
 * The remaining datasets.
 *
 * @example
 * ```ts
 * OTHER_DATASETS.some((d) => d.id === 'pni-cpni'); // true
 * ```
 */
export const OTHER_DATASETS: readonly Dataset[] = [
  ...(['CPNI', 'DPNI'] as const).flatMap((group) => {
    const coverage = group === 'CPNI' ? 'Vaccination coverage' : 'Vaccine doses administered';
    const namePt = group === 'CPNI' ? 'Cobertura vacinal' : 'Doses aplicadas';
    return [
      dataset({
        id: `pni-${group.toLowerCase()}`,
        system: 'PNI',
        group,
        description: `${coverage} per municipality (aggregated PNI, plain DBF)`,
        namePt,
        granularity: 'yearly',
        coverage: covers('1994', '2019', { national: true, ended: true }),
        // UF files, BR (all municipalities) and IG (UF unknown, 2013 on); plain DBF, not DBC.
        folders: [folder('PNI/DADOS', names(group, { place: ['uf', 'br', 'ig'], extensions: ['dbf', 'dbc'] }), { from: '1994', to: '2019' })],
      }),
      dataset({
        id: `pni-${group.toLowerCase()}uf`,
        system: 'PNI',
        group: `${group}UF`,
        description: `${coverage} consolidated per UF (no municipality column)`,
        namePt: `${namePt} por UF`,
        granularity: 'yearly',
        coverage: covers('1994', '2010', { noUf: true, ended: true }),
        folders: [folder('PNI/DADOS', names(`${group}UF`, { place: [], extensions: ['dbf', 'dbc'] }), { from: '1994', to: '2010' })],
      }),
    ];
  }),
  dataset({
    id: 'pni-sipni-doses',
    system: 'PNI',
    group: 'SIPNI-DOSES',
    description: 'SI-PNI doses by municipality of residence (open data, Parquet)',
    namePt: 'Doses por residência (SI-PNI)',
    granularity: 'static',
    coverage: covers(null, null, { noUf: true }),
    folders: [folder('Dados_Abertos/SIPNIBD', staticFile('DOSES_RESIDENCIA', 'Doses_Residencia.parquet', 'parquet'))],
  }),
  dataset({
    id: 'pni-sipni-cobertura',
    system: 'PNI',
    group: 'SIPNI-COBERTURA',
    description: 'SI-PNI vaccination coverage by municipality of residence (open data, Parquet)',
    namePt: 'Cobertura por residência (SI-PNI)',
    granularity: 'static',
    coverage: covers(null, null, { noUf: true }),
    folders: [folder('Dados_Abertos/SIPNIBD', staticFile('COBERTURA_RESIDENCIA', 'Cobertura_Residencia.parquet', 'parquet'))],
  }),
  screening('siscolo-cc', 'SISCOLO', 'CC', 'Cervical cytopathology exams', 'Exames citopatológicos do colo', '2006-01', '2015-10'),
  screening('siscolo-hc', 'SISCOLO', 'HC', 'Cervical histopathology exams', 'Exames histopatológicos do colo', '2006-01', '2015-10'),
  screening('sismama-cm', 'SISMAMA', 'CM', 'Breast cytopathology exams', 'Exames citopatológicos de mama', '2009-01', '2015-07'),
  screening('sismama-hm', 'SISMAMA', 'HM', 'Breast histopathology exams', 'Exames histopatológicos de mama', '2009-01', '2015-07'),
  screening('sismama-mm', 'SISMAMA', 'MM', 'Mammograms', 'Mamografias', '2009-01', '2015-07'),
  ...SISCAN_DATASETS,
  dataset({
    id: 'sisprenatal-pn',
    system: 'SISPRENATAL',
    group: 'PN',
    description: 'Prenatal care follow-up',
    namePt: 'Acompanhamento do pré-natal',
    granularity: 'monthly',
    coverage: covers('2012-01', '2014-12', { ended: true }),
    folders: [folder('SISPRENATAL/201201_/Dados', monthlyUf('PN'), { from: '2012-01', to: '2014-12' })],
  }),
  dataset({
    id: 'resp',
    system: 'RESP',
    group: 'RESP',
    description: 'Suspected congenital Zika syndrome (microcephaly) notifications',
    namePt: 'Registro de Eventos em Saúde Pública',
    granularity: 'yearly',
    coverage: covers('2015', '2024', { national: true }),
    folders: [
      folder('RESP/DADOS', names('RESP', { place: ['uf', 'br'] }), { from: '2015' }),
      // One undated national file, RESPBR.dbc, beside the yearly ones.
      folder('RESP/DADOS', names('RESP', { place: ['br'], year: [] }), { role: 'alternate-format' }),
    ],
  }),
  dataset({
    id: 'pce',
    system: 'PCE',
    group: 'PCE',
    description: 'Schistosomiasis control programme',
    namePt: 'Programa de Controle da Esquistossomose',
    granularity: 'yearly',
    coverage: covers('1995', '2026', { national: true, missing: ['AC', 'AM', 'AP', 'MS', 'MT', 'RR', 'RS', 'TO'] }),
    folders: [folder('PCE/DADOS', names('PCE', { place: ['uf', 'br'] }), { from: '1995' })],
  }),
  dataset({
    id: 'po',
    system: 'PO',
    group: 'PO',
    description: 'Oncology panel: time from diagnosis to cancer treatment, national',
    namePt: 'Painel de Oncologia',
    granularity: 'yearly',
    coverage: covers('2013', '2026', { noUf: true, national: true }),
    folders: [folder('PAINEL_ONCOLOGIA/DADOS', names('PO', { place: ['br'], year: [4] }), { from: '2013' })],
  }),
  ibge('base-populacional-ibge-pop', 'POP', 'IBGE/POP', 'Resident population, censuses and estimates', 'População residente — censos e estimativas', '1980', '2012'),
  ibge('base-populacional-ibge-pops', 'POPS', 'IBGE/POPSVS', 'Resident population by sex and age (estimates)', 'Estimativas por sexo e idade', '2000', '2025'),
  ibge('base-populacional-ibge-popt', 'POPT', 'IBGE/POPTCU', 'Resident population, estimates sent to the Federal Court of Accounts', 'Estimativas TCU', '1992', '2025'),
  ibge('ibge-censo-alf', 'ALF', 'IBGE/censo', 'Census: literacy', 'Censo: alfabetização', '1991', '2010'),
  ibge('ibge-censo-esca', 'ESCA', 'IBGE/censo', 'Census: schooling (A)', 'Censo: escolaridade (A)', '1991', '2010'),
  ibge('ibge-censo-escb', 'ESCB', 'IBGE/censo', 'Census: schooling (B)', 'Censo: escolaridade (B)', '1991', '2010'),
  ibge('ibge-censo-idoso', 'IDOSO', 'IBGE/censo', 'Census: elderly population', 'Censo: idosos', '1991', '2010'),
  ibge('ibge-censo-renda', 'RENDA', 'IBGE/censo', 'Census: income', 'Censo: renda', '1991', '2010'),
  dataset({
    id: 'ibge-projpop',
    system: 'IBGE',
    group: 'PROJUF',
    description: 'Population projections per UF, one file per projected year',
    namePt: 'Projeções de população por UF',
    granularity: 'yearly',
    coverage: covers('2000', '2070', { noUf: true }),
    // Projections run to 2070, so the usual 2-digit pivot (70 → 1970) would be wrong here.
    folders: [folder('IBGE/projpop', names('PROJUF', { place: [], year: [2], century: 2000, extensions: ['dbf'] }), { from: '2000' })],
  }),
  dataset({
    id: 'base-territorial',
    system: 'TERRITORIO',
    group: 'TABELAS',
    description: 'Territorial base: municipalities, health regions and macro-regions, relationships (monthly releases)',
    namePt: 'Base territorial',
    granularity: 'monthly',
    coverage: covers('2023', '2026-04', { noUf: true }),
    folders: [
      // Names are irregular (`02-base_territorio_fev24.zip`, `12-base territorial_dez24.zip`,
      // `04-base_territorial_abr.zip`): the year may come only from the year folder. List, never guess.
      folder('/territorio/tabelas/*', {
        ...names('BASE_TERRITORIAL', { place: [], year: [], extensions: ['zip'] }),
        pattern: /^(?:(?<month>\d{2})-)?base[ _]territori(?:al|o)_?(?<monthName>[a-z]{3})?(?<year>\d{4}|\d{2})?\.zip$/i,
      }),
      folder('/territorio/tabelas', {
        ...names('BASE_TERRITORIAL', { place: [], year: [], extensions: ['zip'] }),
        pattern: /^(?:(?<month>\d{2})-)?base[ _]territori(?:al|o)_?(?<monthName>[a-z]{3})?(?<year>\d{4}|\d{2})?\.zip$/i,
      }),
    ],
  }),
  dataset({
    id: 'base-territorial-conversao',
    system: 'TERRITORIO',
    group: 'CONVERSOES',
    description: 'TabWin conversion files per UF and national',
    namePt: 'Arquivos de conversão',
    granularity: 'static',
    coverage: covers(null, null, { national: true }),
    folders: [
      folder('/territorio/conversoes', {
        ...names('CNV', { place: ['uf', 'br'], year: [], extensions: ['zip'] }),
        pattern: /^(?<place>[a-z]{2})_cnv\.zip$/i,
        format: (v) => `${(v.uf ?? '').toLowerCase()}_cnv.zip`,
      }),
    ],
  }),
  dataset({
    id: 'base-territorial-mapas',
    system: 'TERRITORIO',
    group: 'MAPAS',
    description: 'TabWin maps per UF and national',
    namePt: 'Mapas',
    granularity: 'yearly',
    coverage: covers('1991', '2013', { national: true, ended: true, years: [1991, 1994, 1997, 2001, 2005, 2013] }),
    folders: [
      folder('/territorio/mapas', {
        ...names('MAPAS', { place: ['uf', 'br'], year: [4], extensions: ['zip'] }),
        pattern: /^(?<place>[a-z]{2})_mapas_(?<year>\d{4})\.zip$/i,
        format: (v) => `${(v.uf ?? '').toLowerCase()}_mapas_${v.year ?? ''}.zip`,
      }),
    ],
  }),
];
