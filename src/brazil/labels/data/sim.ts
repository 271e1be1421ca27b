/**
 * SIM (Declaração de Óbito) labels.
 *
 * @module
 */
import type { SystemDictionary } from '../dictionary.js';
import {
  DELIVERY_TYPE, GESTATION_WEEKS, MARITAL_STATUS, PREGNANCY_TYPE, RACE_IBGE, SCHOOLING_2010, SCHOOLING_YEARS, YES_NO_IGNORED,
} from './common.js';

/**
 * SIM dictionary.
 *
 * @example
 * ```ts
 * SIM_LABELS.columns['RACACOR']?.labels['4']; // 'Parda' (IBGE order; SIH uses 4 = Amarela)
 * ```
 */
export const SIM_LABELS: SystemDictionary = {
  system: 'SIM',
  version: '2026.11.1',
  sources: ['Estrutura do SIM (SIM/CID10/DOCS)', 'DataSUS TabWin conversion files (SIM/CID10/TAB)'],
  columns: {
    TIPOBITO: { labels: { '1': 'Fetal', '2': 'Não fetal' } },
    SEXO: { labels: { '1': 'Masculino', '2': 'Feminino', '0': 'Ignorado', '9': 'Ignorado' } },
    RACACOR: { labels: RACE_IBGE, note: 'IBGE order: 3 Amarela, 4 Parda.' },
    ESTCIV: { labels: MARITAL_STATUS },
    ESC: { labels: SCHOOLING_YEARS },
    ESC2010: { labels: SCHOOLING_2010, note: 'Level labels of the 2010 layout; not in the domain notes, verify with the SIM CNV files.' },
    ESCMAE: { labels: SCHOOLING_YEARS },
    ESCMAE2010: { labels: SCHOOLING_2010, note: 'Level labels of the 2010 layout; not in the domain notes, verify with the SIM CNV files.' },
    LOCOCOR: { labels: { '1': 'Hospital', '2': 'Outros estabelecimentos de saúde', '3': 'Domicílio', '4': 'Via pública', '5': 'Outros', '9': 'Ignorado' } },
    GRAVIDEZ: { labels: PREGNANCY_TYPE },
    GESTACAO: {
      labels: GESTATION_WEEKS,
      note: 'Current layout. Older files also hold 7, 8 and A from earlier layout eras; they are reported as unknown rather than guessed.',
    },
    PARTO: { labels: DELIVERY_TYPE },
    OBITOPARTO: { labels: { '1': 'Antes', '2': 'Durante', '3': 'Depois', '9': 'Ignorado' } },
    OBITOGRAV: { labels: YES_NO_IGNORED },
    OBITOPUERP: { labels: { '1': 'De 0 a 42 dias', '2': 'De 43 dias a 1 ano', '3': 'Não', '9': 'Ignorado' } },
    ASSISTMED: { labels: YES_NO_IGNORED },
    EXAME: { labels: YES_NO_IGNORED },
    CIRURGIA: { labels: YES_NO_IGNORED },
    NECROPSIA: { labels: YES_NO_IGNORED },
    CIRCOBITO: { labels: { '1': 'Acidente', '2': 'Suicídio', '3': 'Homicídio', '4': 'Outros', '9': 'Ignorado' } },
    ACIDTRAB: { labels: YES_NO_IGNORED },
    FONTE: { labels: { '1': 'Ocorrência policial', '2': 'Hospital', '3': 'Família', '4': 'Outra', '9': 'Ignorado' } },
    TPPOS: { labels: { S: 'Investigado', N: 'Não investigado' } },
    ATESTANTE: {
      labels: { '1': 'Assistente', '2': 'Substituto', '3': 'IML', '4': 'SVO', '5': 'Outro' },
      note: 'Condition of the certifying physician; 1 is the attending physician ("assistente"), not "Sim".',
    },
    FONTEINV: {
      labels: {
        '1': 'Comitê de morte materna e/ou infantil', '2': 'Visita domiciliar / entrevista família', '3': 'Estabelecimento de saúde / prontuário',
        '4': 'Relacionamento com outros bancos de dados', '5': 'SVO', '6': 'IML', '7': 'Outra fonte', '8': 'Múltiplas fontes', '9': 'Ignorado',
      },
    },
  },
};
