/**
 * SINASC (Declaração de Nascido Vivo) labels.
 *
 * @module
 */
import type { SystemDictionary } from '../dictionary.js';
import { DELIVERY_TYPE, GESTATION_WEEKS, MARITAL_STATUS, PREGNANCY_TYPE, RACE_IBGE, SCHOOLING_2010, SCHOOLING_YEARS, YES_NO_IGNORED } from './common.js';

/**
 * SINASC dictionary. `SEXO` carries both the numeric (1/2/0) and the older letter (M/F/I) codes.
 * `DIFDATA` is a day count, not a code or a date, and gets no labels.
 *
 * @example
 * ```ts
 * SINASC_LABELS.columns['CONSULTAS']?.labels['4']; // '7 ou mais vezes'
 * ```
 */
export const SINASC_LABELS: SystemDictionary = {
  system: 'SINASC',
  version: '2026.11.1',
  sources: ['Estrutura do SINASC para CD (SINASC/NOV/DOCS)', 'DataSUS TabWin conversion files (SINASC Auxiliar)'],
  columns: {
    LOCNASC: { labels: { '1': 'Hospital', '2': 'Outros estabelecimentos de saúde', '3': 'Domicílio', '4': 'Outros', '9': 'Ignorado' } },
    ESTCIVMAE: { labels: MARITAL_STATUS },
    ESCMAE: { labels: SCHOOLING_YEARS },
    ESCMAE2010: { labels: SCHOOLING_2010 },
    GESTACAO: { labels: GESTATION_WEEKS },
    GRAVIDEZ: { labels: PREGNANCY_TYPE },
    PARTO: { labels: DELIVERY_TYPE },
    CONSULTAS: { labels: { '1': 'Nenhuma', '2': 'De 1 a 3', '3': 'De 4 a 6', '4': '7 ou mais vezes', '9': 'Ignorado' } },
    SEXO: { labels: { '1': 'Masculino', M: 'Masculino', '2': 'Feminino', F: 'Feminino', '0': 'Ignorado', '9': 'Ignorado', I: 'Ignorado' } },
    RACACOR: { labels: RACE_IBGE, note: 'IBGE order: 3 Amarela, 4 Parda.' },
    RACACORMAE: { labels: RACE_IBGE },
    IDANOMAL: { labels: YES_NO_IGNORED },
  },
};
