/**
 * SINAN labels: the notification block shared by all diseases, plus disease-specific items for dengue,
 * chikungunya, zika and tuberculosis.
 *
 * @module
 */
import type { ColumnDictionary, SystemDictionary } from '../dictionary.js';
import { RACE_IBGE, UF_NAMES_IGNORED, YES_NO, YES_NO_IGNORED } from './common.js';

const LAB_RESULT = { '1': 'Reagente', '2': 'Não reagente', '3': 'Inconclusivo', '4': 'Não realizado' } as const;
const POS_NEG = { '1': 'Positivo', '2': 'Negativo', '3': 'Inconclusivo', '4': 'Não realizado' } as const;

/** Items of the individual notification form, the same in every SINAN disease. */
const NOTIFICATION: Record<string, ColumnDictionary> = {
  TP_NOT: { labels: { '1': 'Negativa', '2': 'Individual', '3': 'Surto', '4': 'Agregado' } },
  SG_UF_NOT: { labels: UF_NAMES_IGNORED },
  SG_UF: { labels: UF_NAMES_IGNORED },
  CS_SEXO: { labels: { M: 'Masculino', F: 'Feminino', I: 'Ignorado' } },
  CS_GESTANT: {
    labels: { '1': '1º trimestre', '2': '2º trimestre', '3': '3º trimestre', '4': 'Idade gestacional ignorada', '5': 'Não', '6': 'Não se aplica', '9': 'Ignorado' },
  },
  CS_RACA: { labels: RACE_IBGE, note: 'IBGE order: 3 Amarela, 4 Parda.' },
  CS_ESCOL_N: {
    labels: {
      '0': 'Analfabeto', '1': '1ª a 4ª série incompleta do EF', '2': '4ª série completa do EF', '3': '5ª a 8ª série incompleta do EF',
      '4': 'Ensino fundamental completo', '5': 'Ensino médio incompleto', '6': 'Ensino médio completo', '7': 'Educação superior incompleta',
      '8': 'Educação superior completa', '9': 'Ignorado', '10': 'Não se aplica',
    },
  },
  CRITERIO: { labels: { '1': 'Laboratório', '2': 'Clínico-epidemiológico', '3': 'Em investigação' } },
  HOSPITALIZ: { labels: YES_NO_IGNORED },
  TPAUTOCTO: { labels: { '1': 'Sim', '2': 'Não', '3': 'Indeterminado' } },
  COUFINF: { labels: UF_NAMES_IGNORED },
  DOENCA_TRA: { labels: YES_NO_IGNORED },
};

const SYMPTOMS = [
  'FEBRE', 'MIALGIA', 'CEFALEIA', 'EXANTEMA', 'VOMITO', 'NAUSEA', 'DOR_COSTAS', 'CONJUNTVIT', 'ARTRITE', 'ARTRALGIA', 'PETEQUIA_N',
  'LEUCOPENIA', 'LACO', 'DOR_RETRO', 'DIABETES', 'HEMATOLOG', 'HEPATOPAT', 'RENAL', 'HIPERTENSA', 'ACIDO_PEPT', 'AUTO_IMUNE',
];

/** The arbovirus investigation block (dengue and chikungunya share the form since 2015). */
const ARBOVIRUS: Record<string, ColumnDictionary> = {
  ...NOTIFICATION,
  ...Object.fromEntries(SYMPTOMS.map((name) => [name, { labels: YES_NO }])),
  RES_CHIKS1: { labels: LAB_RESULT },
  RES_CHIKS2: { labels: LAB_RESULT },
  RESUL_PRNT: { labels: LAB_RESULT },
  RESUL_SORO: { labels: LAB_RESULT },
  RESUL_NS1: { labels: POS_NEG },
  RESUL_VI_N: { labels: POS_NEG },
  RESUL_PCR_: { labels: POS_NEG },
  HISTOPA_N: { labels: POS_NEG },
  IMUNOH_N: { labels: POS_NEG },
  SOROTIPO: { labels: { '1': 'DENV 1', '2': 'DENV 2', '3': 'DENV 3', '4': 'DENV 4' } },
  CLASSI_FIN: {
    labels: {
      '1': 'Dengue clássico', '2': 'Dengue com complicações', '3': 'Febre hemorrágica do dengue', '4': 'Síndrome do choque do dengue',
      '5': 'Descartado', '8': 'Inconclusivo', '10': 'Dengue', '11': 'Dengue com sinais de alarme', '12': 'Dengue grave', '13': 'Chikungunya',
    },
    note: '1-4 are the pre-2014 classification; 10-12 the 2014 WHO classification.',
  },
  CLINC_CHIK: { labels: { '1': 'Aguda', '2': 'Crônica' } },
  EVOLUCAO: { labels: { '1': 'Cura', '2': 'Óbito pelo agravo', '3': 'Óbito por outras causas', '4': 'Óbito em investigação', '9': 'Ignorado' } },
};

/**
 * SINAN dengue dictionary.
 *
 * @example
 * ```ts
 * SINAN_DENG_LABELS.columns['CLASSI_FIN']?.labels['11']; // 'Dengue com sinais de alarme'
 * ```
 */
export const SINAN_DENG_LABELS: SystemDictionary = {
  system: 'SINAN-DENG',
  version: '2026.11.1',
  sources: ['SINAN dengue/chikungunya data dictionary (SINAN/DOCS)', 'TAB_SINANNET.zip / TAB_SINANONLINE.zip conversion files'],
  columns: ARBOVIRUS,
};

/**
 * SINAN chikungunya dictionary (same form as dengue).
 *
 * @example
 * ```ts
 * SINAN_CHIK_LABELS.columns['CLINC_CHIK']?.labels['2']; // 'Crônica'
 * ```
 */
export const SINAN_CHIK_LABELS: SystemDictionary = { ...SINAN_DENG_LABELS, system: 'SINAN-CHIK' };

/**
 * SINAN zika dictionary: the notification block plus classification and outcome.
 *
 * @example
 * ```ts
 * SINAN_ZIKA_LABELS.columns['CS_SEXO']?.labels['I']; // 'Ignorado'
 * ```
 */
export const SINAN_ZIKA_LABELS: SystemDictionary = {
  system: 'SINAN-ZIKA',
  version: '2026.11.1',
  sources: ['SINAN zika notification form (SINAN/DOCS)'],
  // CLASSI_FIN for zika (1 confirmed, 2 discarded, 8 inconclusive) is not in the domain notes; verify with the CNV files.
  columns: {
    ...NOTIFICATION,
    CLASSI_FIN: { labels: { '1': 'Confirmado', '2': 'Descartado', '8': 'Inconclusivo' } },
    EVOLUCAO: { labels: { '1': 'Cura', '2': 'Óbito pelo agravo', '3': 'Óbito por outras causas', '4': 'Óbito em investigação', '9': 'Ignorado' } },
  },
};

/**
 * SINAN tuberculosis dictionary.
 *
 * @example
 * ```ts
 * SINAN_TUBE_LABELS.columns['FORMA']?.labels['1']; // 'Pulmonar'
 * ```
 */
export const SINAN_TUBE_LABELS: SystemDictionary = {
  system: 'SINAN-TUBE',
  version: '2026.11.1',
  sources: ['SINAN tuberculosis data dictionary (SINAN/DOCS)', 'TAB_SINANNET.zip conversion files'],
  // The tuberculosis-specific lists below are not in the project's domain notes (which cover the dengue
  // form); check them against the CNV files of TAB_SINANNET.zip (parseCnv) before relying on them.
  columns: {
    ...NOTIFICATION,
    TRATAMENTO: {
      labels: { '1': 'Caso novo', '2': 'Recidiva', '3': 'Reingresso após abandono', '4': 'Não sabe', '5': 'Transferência', '6': 'Pós-óbito' },
    },
    FORMA: { labels: { '1': 'Pulmonar', '2': 'Extrapulmonar', '3': 'Pulmonar + extrapulmonar' } },
    RAIOX_TORA: { labels: { '1': 'Suspeito', '2': 'Normal', '3': 'Outra patologia', '4': 'Não realizado' } },
    HIV: { labels: { '1': 'Positivo', '2': 'Negativo', '3': 'Em andamento', '4': 'Não realizado' } },
    AGRAVAIDS: { labels: YES_NO_IGNORED },
    AGRAVALCOO: { labels: YES_NO_IGNORED },
    AGRAVDIABE: { labels: YES_NO_IGNORED },
    AGRAVDOENC: { labels: YES_NO_IGNORED },
    BACILOSC_E: { labels: { '1': 'Positiva', '2': 'Negativa', '3': 'Não realizada', '4': 'Não se aplica' } },
    CULTURA_ES: { labels: { '1': 'Positiva', '2': 'Negativa', '3': 'Em andamento', '4': 'Não realizada' } },
    SITUA_ENCE: {
      labels: {
        '1': 'Cura', '2': 'Abandono', '3': 'Óbito por tuberculose', '4': 'Óbito por outras causas', '5': 'Transferência',
        '6': 'Mudança de diagnóstico', '7': 'TB-DR', '8': 'Mudança de esquema', '9': 'Falência', '10': 'Abandono primário',
      },
    },
  },
};
