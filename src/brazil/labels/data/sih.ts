/**
 * SIH/SUS (AIH reduzida, RD) labels.
 *
 * @module
 */
import type { SystemDictionary } from '../dictionary.js';
import { RACE_SIH_SIA } from './common.js';

/**
 * SIH dictionary. Real files zero-pad most codes (`RACA_COR` `"03"`, `ESPEC` `"02"`); lookups normalise
 * padding, so `"03"` and `"3"` both decode.
 *
 * @example
 * ```ts
 * SIH_LABELS.columns['RACA_COR']?.labels['04']; // 'Amarela' (SIH order; SIM uses 4 = Parda)
 * ```
 */
export const SIH_LABELS: SystemDictionary = {
  system: 'SIH',
  version: '2026.11.1',
  sources: ['IT SIHSUS 1603 (SIHSUS/200801_/Doc)', 'DataSUS TabWin conversion files (SIHSUS/200801_/Auxiliar/TAB_SIH.zip)'],
  columns: {
    SEXO: { labels: { '1': 'Masculino', '2': 'Feminino', '3': 'Feminino', '0': 'Ignorado', '9': 'Ignorado' }, note: '3 is an older code for female.' },
    RACA_COR: { labels: RACE_SIH_SIA, note: 'SIH order: 3 Parda, 4 Amarela.' },
    IDENT: { labels: { '1': 'Principal', '3': 'Continuação', '5': 'Longa permanência' } },
    ESPEC: {
      labels: {
        '1': 'Cirúrgico', '2': 'Obstétricos', '3': 'Clínicos', '4': 'Crônicos', '5': 'Psiquiatria', '6': 'Pneumologia sanitária (tisiologia)',
        '7': 'Pediátricos', '8': 'Reabilitação', '9': 'Leito dia / cirúrgicos', '10': 'Leito dia / AIDS', '11': 'Leito dia / fibrose cística',
        '12': 'Leito dia / intercorrência pós-transplante', '13': 'Leito dia / geriatria', '14': 'Leito dia / saúde mental',
        '51': 'UTI II adulto COVID-19', '52': 'UTI II pediátrica COVID-19', '64': 'Unidade intermediária', '65': 'Unidade intermediária neonatal',
        '74': 'UTI I', '75': 'UTI adulto II', '76': 'UTI adulto III', '77': 'UTI infantil I', '78': 'UTI infantil II', '79': 'UTI infantil III',
        '80': 'UTI neonatal I', '81': 'UTI neonatal II', '82': 'UTI neonatal III', '83': 'UTI queimados', '84': 'Acolhimento noturno',
        '85': 'UTI coronariana UCO tipo II', '86': 'UTI coronariana UCO tipo III', '87': 'Saúde mental (clínico)', '88': 'Queimado adulto (clínico)',
        '89': 'Queimado pediátrico (clínico)', '90': 'Queimado adulto (cirúrgico)', '91': 'Queimado pediátrico (cirúrgico)',
        '92': 'UCI neonatal convencional', '93': 'UCI neonatal canguru', '94': 'UCI pediátrico', '95': 'UCI adulto', '96': 'Suporte ventilatório pulmonar COVID-19',
      },
    },
    CAR_INT: {
      labels: {
        '1': 'Eletivo', '2': 'Urgência', '3': 'Acidente no local de trabalho ou a serviço da empresa', '4': 'Acidente no trajeto para o trabalho',
        '5': 'Outros tipos de acidente de trânsito', '6': 'Outros tipos de lesões e envenenamentos por agentes químicos ou físicos',
      },
    },
    COMPLEX: { labels: { '1': 'Atenção básica', '2': 'Média complexidade', '3': 'Alta complexidade' } },
    FINANC: {
      labels: {
        '1': 'Atenção básica (PAB)', '2': 'Assistência farmacêutica', '4': 'Fundo de Ações Estratégicas e Compensação (FAEC)',
        '5': 'Incentivo MAC', '6': 'Média e alta complexidade (MAC)', '7': 'Vigilância em saúde',
      },
    },
    MORTE: { labels: { '0': 'Não', '1': 'Sim' } },
    COD_IDADE: { labels: { '2': 'Dias', '3': 'Meses', '4': 'Anos', '5': 'Centena de anos (100 + idade)' } },
    INSTRU: { labels: { '1': 'Analfabeto', '2': '1º grau', '3': '2º grau', '4': '3º grau', '0': 'Ignorado', '9': 'Ignorado' } },
    MARCA_UCI: {
      labels: {
        '0': 'Não utilizou UCI', '1': 'UCI neonatal convencional', '2': 'UCI neonatal canguru', '3': 'Unidade intermediária neonatal',
        '88': 'Utilizou dois tipos de leitos UCI',
      },
    },
    COBRANCA: {
      labels: {
        '11': 'Alta curado', '12': 'Alta melhorado', '13': 'Alta da mãe/puérpera e permanência do recém-nascido', '14': 'Alta a pedido',
        '15': 'Alta com previsão de retorno para acompanhamento', '16': 'Alta por evasão', '17': 'Alta da mãe/puérpera e do recém-nascido',
        '18': 'Alta por outros motivos', '19': 'Alta de paciente agudo em psiquiatria',
        '21': 'Permanência por características próprias da doença', '22': 'Permanência por intercorrência',
        '23': 'Permanência por impossibilidade sócio-familiar', '24': 'Permanência por processo de doação (doador vivo)',
        '25': 'Permanência por processo de doação (doador morto)', '26': 'Permanência por mudança de procedimento',
        '27': 'Permanência por reoperação', '28': 'Permanência por outros motivos',
        '31': 'Transferência para outro estabelecimento', '32': 'Transferência para internação domiciliar',
        '41': 'Óbito com DO fornecida pelo médico assistente', '42': 'Óbito com DO fornecida pelo IML', '43': 'Óbito com DO fornecida pelo SVO',
        '51': 'Encerramento administrativo',
        '61': 'Alta da mãe/puérpera e do recém-nascido', '62': 'Alta da mãe/puérpera e permanência do recém-nascido',
        '63': 'Alta da mãe/puérpera e óbito do recém-nascido', '64': 'Alta da mãe/puérpera com óbito fetal', '65': 'Óbito da gestante e do concepto',
        '66': 'Óbito da mãe/puérpera e alta do recém-nascido', '67': 'Óbito da mãe/puérpera e permanência do recém-nascido',
      },
      note: 'The SIGTAP discharge/stay reason table (motivo de saída/permanência), shared with SIA PA_MOTSAI.',
    },
  },
};
