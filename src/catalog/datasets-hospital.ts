/**
 * Hospital and outpatient production: SIH/SUS, SIA/SUS, CIHA and its predecessor CIH.
 *
 * Coverage comes from the FTP listings of 2025-02-13, 2026-04-30 and 2026-08-19. SIH and SIA moved to new
 * folders in 2008-01 (`199201_200712` / `199407_200712` vs `200801_`); the old folders may hold older code
 * lists (e.g. CID-9-era procedure codes), so the folder of each file stays visible in parse results.
 *
 * @module
 */
import { covers, dataset, folder, monthlyUf, names } from './define.js';
import type { Dataset, FolderRule, NameRule } from './types.js';

const SIH_OLD = 'SIHSUS/199201_200712/Dados';
const SIH_NEW = 'SIHSUS/200801_/Dados';
const SIA_OLD = 'SIASUS/199407_200712/Dados';
const SIA_NEW = 'SIASUS/200801_/Dados';

/** A DuckDB export of one APAC group in `Dados_Abertos/APAC_SIA` (`apac_am.duck.zip`), undated. */
function apacDuck(group: string): FolderRule {
  const lower = group.toLowerCase();
  const rule: NameRule = {
    ...names(group.toUpperCase(), { place: [], year: [], extensions: ['duck.zip'] }),
    pattern: new RegExp(`^apac_${lower}\\.duck\\.zip$`, 'i'),
    format: () => `apac_${lower}.duck.zip`,
  };
  return folder('Dados_Abertos/APAC_SIA', rule, { role: 'alternate-format' });
}

const sih = (group: string, spec: Omit<Parameters<typeof dataset>[0], 'system' | 'group' | 'id' | 'granularity'>): Dataset =>
  dataset({ id: `sih-${group.toLowerCase()}`, system: 'SIH', group, granularity: 'monthly', ...spec });

const sia = (group: string, spec: Omit<Parameters<typeof dataset>[0], 'system' | 'group' | 'id' | 'granularity'>): Dataset =>
  dataset({ id: `sia-${group.toLowerCase()}`, system: 'SIA', group, granularity: 'monthly', ...spec });

/** An APAC/RAAS group of SIA published only in the `200801_` folder, plus its DuckDB export when one exists. */
const siaApac = (group: string, description: string, namePt: string, coverage: ReturnType<typeof covers>, duck = true): Dataset =>
  sia(group, {
    description,
    namePt,
    coverage,
    folders: [
      folder(SIA_NEW, monthlyUf(group), { from: coverage.from, to: coverage.ended ? coverage.to : null }),
      ...(duck ? [apacDuck(group)] : []),
    ],
  });

/**
 * SIH/SUS, SIA/SUS, CIHA and CIH datasets.
 *
 * @example
 * ```ts
 * HOSPITAL_DATASETS.find((d) => d.id === 'sih-rd')?.folders.length; // 8
 * ```
 */
export const HOSPITAL_DATASETS: readonly Dataset[] = [
  sih('RD', {
    description: 'Hospital admissions, reduced AIH records (one row per paid admission)',
    namePt: 'AIH Reduzida',
    coverage: covers('1992-01', '2026-06'),
    folders: [
      folder(SIH_OLD, monthlyUf('RD'), { from: '1992-01', to: '2007-12' }),
      folder(SIH_NEW, monthlyUf('RD'), { from: '2008-01' }),
      // Yearly zips seen once (RDAC2017.zip, RDSP2017.zip): a 4-digit year, no month.
      folder(SIH_NEW, names('RD', { year: [4], extensions: ['zip'] }), { role: 'alternate-format' }),
      folder('SIHSUS/DBF', monthlyUf('RD', { extensions: ['dbf'] }), { role: 'alternate-format', from: '2008-01', to: '2014-05' }),
      folder('SIHSUS/XML', monthlyUf('RD', { extensions: ['xml'] }), { role: 'alternate-format', from: '2008-01', to: '2014-05' }),
      folder('SIHSUS/*/XML', monthlyUf('RD', { extensions: ['xml'] }), { role: 'alternate-format', from: '2008-01', to: '2014-05' }),
      folder('SIHSUS/*/CSV', monthlyUf('RD', { extensions: ['csv'] }), { role: 'alternate-format', from: '2008-01', to: '2009-12' }),
      // A re-publication of 2014–2016 admissions beside the main tree; same names, other bytes.
      folder('SIHSUS/MHJ_14_16', monthlyUf('RD'), { role: 'mirror', from: '2014-01', to: '2016-12' }),
    ],
    notes: 'Year and month are the processing competência, not the admission date; the UF is where the AIH was processed.',
  }),
  sih('SP', {
    description: 'Hospital admissions, professional services billed per AIH',
    namePt: 'Serviços Profissionais',
    coverage: covers('1997-06', '2026-06'),
    folders: [
      folder(SIH_OLD, monthlyUf('SP'), { from: '1997-06', to: '2007-12' }),
      folder(SIH_NEW, monthlyUf('SP'), { from: '2008-01' }),
    ],
  }),
  sih('RJ', {
    description: 'Hospital admissions, rejected AIH records',
    namePt: 'AIH Rejeitada',
    coverage: covers('2006-04', '2026-06'),
    folders: [
      folder(SIH_OLD, monthlyUf('RJ'), { from: '2006-04', to: '2007-12' }),
      folder(SIH_NEW, monthlyUf('RJ'), { from: '2008-01' }),
    ],
  }),
  sih('ER', {
    description: 'Hospital admissions, AIH records rejected with error codes',
    namePt: 'AIH Rejeitada com erro',
    coverage: covers('2011-01', '2026-06'),
    folders: [folder(SIH_NEW, monthlyUf('ER'), { from: '2011-01' })],
  }),
  sih('CH', {
    description: 'Hospital register, national monthly file',
    namePt: 'Cadastro Hospitalar',
    coverage: covers('2019-01', '2026-03', { noUf: true, national: true }),
    folders: [folder(SIH_NEW, monthlyUf('CH', { place: ['br'] }), { from: '2019-01' })],
  }),
  sih('CM', {
    description: 'SIH national monthly CM file (contents undocumented by DataSUS)',
    namePt: 'CM (SIH)',
    coverage: covers('2019-01', '2026-03', { noUf: true, national: true }),
    folders: [folder(SIH_NEW, monthlyUf('CM', { place: ['br'] }), { from: '2019-01' })],
    notes: 'Not the SISMAMA CM group: the SIH CM files are national (CMBRyymm) and live in SIHSUS/200801_/Dados.',
  }),
  sih('MT', {
    description: 'SIH national monthly MT files of 1995–1997 (contents undocumented)',
    namePt: 'Arquivos MTBR',
    coverage: covers('1995-01', '1997-05', { noUf: true, national: true, ended: true }),
    folders: [folder('SIHSUS/Arquivos_MTBR', monthlyUf('MT', { place: ['br'] }), { from: '1995-01', to: '1997-05' })],
  }),
  sia('PA', {
    description: 'Outpatient production (BPA consolidated and individual, APAC procedures)',
    namePt: 'Produção Ambulatorial',
    coverage: covers('1994-07', '2026-06'),
    folders: [
      folder(SIA_OLD, monthlyUf('PA'), { from: '1994-07', to: '2007-12' }),
      // Large UF-months are split into parts a–d (SP since 2011-12, MG and RJ since 2021-01, RS twice in
      // 2025); a split month has no unsplit file.
      folder(SIA_NEW, monthlyUf('PA', { split: 'letter' }), { from: '2008-01' }),
      folder('SIASUS/teste', monthlyUf('PA', { split: 'letter' }), { role: 'test' }),
    ],
  }),
  sia('BI', {
    description: 'Outpatient production, individualised BPA (one row per patient procedure)',
    namePt: 'Boletim de Produção Ambulatorial individualizado',
    coverage: covers('2008-01', '2026-06'),
    // Split into _1, _2, _3 parts for large UF-months (e.g. BIMG2412_1/_2); such months have no unsplit file.
    folders: [folder(SIA_NEW, monthlyUf('BI', { split: 'underscore' }), { from: '2008-01' })],
  }),
  siaApac('AB', 'APAC, bariatric surgery', 'APAC de Cirurgia Bariátrica',
    covers('2008-01', '2025-07', { missing: ['AL', 'AP', 'GO', 'MS', 'MT', 'PI', 'RJ', 'RO', 'RR'] })),
  siaApac('ABO', 'APAC, follow-up after bariatric surgery', 'APAC de Acompanhamento Pós Cirurgia Bariátrica',
    covers('2014-01', '2026-06', { missing: ['AL', 'AP', 'GO', 'MS', 'MT', 'PI', 'RJ', 'RO', 'RR'] })),
  siaApac('ACF', 'APAC, arteriovenous fistula making', 'APAC de Confecção de Fístula', covers('2014-08', '2026-06')),
  siaApac('AD', 'APAC, miscellaneous reports', 'APAC de Laudos Diversos', covers('2008-01', '2026-06')),
  siaApac('AM', 'APAC, medicines', 'APAC de Medicamentos', covers('2008-01', '2026-06')),
  siaApac('AMP', 'APAC, multiprofessional follow-up', 'APAC de Acompanhamento Multiprofissional',
    covers('2016-03', '2026-06', { missing: ['AC', 'AL', 'AM', 'AP', 'CE', 'ES', 'GO', 'MT', 'PB', 'PI', 'RJ', 'RN', 'RR', 'TO'] })),
  siaApac('AN', 'APAC, nephrology (replaced by ACF and ATD in 2014-08)', 'APAC de Nefrologia',
    covers('2008-01', '2014-10', { ended: true })),
  siaApac('AQ', 'APAC, chemotherapy', 'APAC de Quimioterapia', covers('2008-01', '2026-06')),
  siaApac('AR', 'APAC, radiotherapy', 'APAC de Radioterapia', covers('2008-01', '2026-06', { missing: ['RR'] })),
  siaApac('ATD', 'APAC, dialysis', 'APAC de Tratamento Dialítico', covers('2014-08', '2026-06')),
  siaApac('PS', 'RAAS, psychosocial care', 'RAAS Psicossocial', covers('2012-11', '2026-06')),
  siaApac('SAD', 'RAAS, home care', 'RAAS de Atenção Domiciliar', covers('2012-04', '2018-10', { missing: ['ES', 'RR'], ended: true }), false),
  sia('AC', {
    description: 'APAC, legacy self-extracting archives of 2001–2007',
    namePt: 'APAC (arquivos antigos)',
    coverage: covers('2001-03', '2007-12', { ended: true }),
    folders: [folder('SIASUS/APAC/*', monthlyUf('AC', { extensions: ['exe', 'dbf'] }), { from: '2001-03', to: '2007-12' })],
    notes: 'Windows self-extracting archives (.exe) holding the DBF; the group code AC is not the UF AC (acac0206.exe = APAC of Acre).',
  }),
  dataset({
    id: 'ciha',
    system: 'CIHA',
    group: 'CIHA',
    description: 'Hospital and outpatient communications outside the SUS payment system',
    namePt: 'Comunicação de Informação Hospitalar e Ambulatorial',
    granularity: 'monthly',
    coverage: covers('2011-01', '2026-06', { missing: ['RR'] }),
    folders: [folder('CIHA/201101_/Dados', monthlyUf('CIHA'), { from: '2011-01' })],
  }),
  dataset({
    id: 'cih-cr',
    system: 'CIH',
    group: 'CR',
    description: 'Hospital admission communications (predecessor of CIHA)',
    namePt: 'Comunicação de Internação Hospitalar',
    granularity: 'monthly',
    coverage: covers('2008-01', '2011-04', { missing: ['AP', 'RR', 'TO'], ended: true }),
    folders: [
      // Files run to 2011-04 despite the folder name.
      folder('CIH/200801_201012/Dados', monthlyUf('CR'), { from: '2008-01', to: '2011-04' }),
      folder('CIH/200801_201012/dados2', monthlyUf('CR'), { role: 'mirror' }),
    ],
  }),
];
