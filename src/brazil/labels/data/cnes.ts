/**
 * CNES labels: establishments (ST) and professionals (PF).
 *
 * @module
 */
import type { SystemDictionary } from '../dictionary.js';

const TP_PREST = {
  '20': 'Privado com fins lucrativos', '22': 'Privado optante pelo Simples', '30': 'Público federal', '40': 'Público estadual',
  '50': 'Público municipal', '60': 'Privado sem fins lucrativos', '61': 'Filantrópico com CNAS válido', '80': 'Sindicato',
} as const;

/**
 * CNES-ST dictionary (real files zero-pad: `ATIVIDAD` `"04"`, `TURNO_AT` `"03"`, `CLIENTEL` `"01"`).
 *
 * @example
 * ```ts
 * CNES_ST_LABELS.columns['TPGESTAO']?.labels['M']; // 'Municipal'
 * ```
 */
export const CNES_ST_LABELS: SystemDictionary = {
  system: 'CNES-ST',
  version: '2026.11.1',
  sources: ['IT CNES 1706 (CNES/200508_/doc)', 'DataSUS TabWin conversion files (CNES/200508_/Auxiliar/TAB_CNES.zip)'],
  columns: {
    PF_PJ: { labels: { '1': 'Pessoa física', '3': 'Pessoa jurídica' } },
    NIV_DEP: { labels: { '1': 'Individual', '3': 'Mantida' } },
    VINC_SUS: { labels: { '0': 'Não', '1': 'Sim', '2': 'Não' } },
    TPGESTAO: { labels: { D: 'Dupla', E: 'Estadual', M: 'Municipal', S: 'Sem gestão', Z: 'Sem gestão' } },
    ESFERA_A: { labels: { '1': 'Federal', '2': 'Estadual', '3': 'Municipal', '4': 'Privada' } },
    ATIVIDAD: {
      labels: { '1': 'Unidade universitária', '2': 'Unidade escola superior isolada', '3': 'Unidade auxiliar de ensino', '4': 'Unidade sem atividade de ensino', '5': 'Hospital de ensino' },
    },
    CLIENTEL: {
      labels: {
        '0': 'Fluxo de clientela não exigido', '1': 'Atendimento de demanda espontânea', '2': 'Atendimento de demanda referenciada',
        '3': 'Atendimento de demanda espontânea e referenciada',
      },
    },
    TURNO_AT: {
      labels: {
        '1': 'Turnos intermitentes', '2': 'Contínuo 24h/dia (plantão: inclui sábados, domingos e feriados)', '3': 'Manhã / tarde / noite',
        '4': 'Manhã', '5': 'Tarde', '6': 'Manhã / tarde', '7': 'Noite',
      },
    },
    TP_PREST: { labels: TP_PREST },
    COD_IR: {
      labels: {
        '10': 'Estabelecimento público', '11': 'Estabelecimento filantrópico', '12': 'Estabelecimento sem fins lucrativos',
        '13': 'Estabelecimento privado lucrativo (Simples)', '14': 'Estabelecimento privado lucrativo', '15': 'Estabelecimento sindical',
        '16': 'Estabelecimento pessoa física', '19': 'Estabelecimento retenção mantenedora (código 19)',
      },
    },
    TP_UNID: {
      labels: {
        '1': 'Posto de saúde', '2': 'Centro de saúde / unidade básica', '4': 'Policlínica', '5': 'Hospital geral', '7': 'Hospital especializado',
        '9': 'Pronto socorro de hospital geral (antigo)', '12': 'Pronto socorro traumato-ortopédico (antigo)', '15': 'Unidade mista',
        '20': 'Pronto socorro geral', '21': 'Pronto socorro especializado', '22': 'Consultório isolado', '32': 'Unidade móvel fluvial',
        '36': 'Clínica / centro de especialidade', '39': 'Unidade de apoio diagnose e terapia (SADT isolado)', '40': 'Unidade móvel terrestre',
        '42': 'Unidade móvel de nível pré-hospitalar na área de urgência', '43': 'Farmácia', '45': 'Unidade de saúde da família',
        '50': 'Unidade de vigilância em saúde', '60': 'Cooperativa ou empresa de cessão de trabalhadores na saúde', '61': 'Centro de parto normal - isolado',
        '62': 'Hospital / dia - isolado', '63': 'Unidade autorizadora', '64': 'Central de regulação de serviços de saúde',
        '65': 'Unidade de vigilância epidemiológica (antigo)', '66': 'Unidade de vigilância sanitária (antigo)', '67': 'Laboratório central de saúde pública (LACEN)',
        '68': 'Central de gestão em saúde', '69': 'Centro de atenção hemoterápica e/ou hematológica', '70': 'Centro de atenção psicossocial',
        '71': 'Centro de apoio à saúde da família', '72': 'Unidade de atenção à saúde indígena', '73': 'Pronto atendimento', '74': 'Polo academia da saúde',
        '75': 'Telessaúde', '76': 'Central de regulação médica das urgências', '77': 'Serviço de atenção domiciliar isolado (home care)',
        '78': 'Unidade de atenção em regime residencial', '79': 'Oficina ortopédica', '80': 'Laboratório de saúde pública', '81': 'Central de regulação do acesso',
        '82': 'Central de notificação, captação e distribuição de órgãos estadual', '83': 'Polo de prevenção de doenças e agravos e promoção da saúde',
        '84': 'Central de abastecimento', '85': 'Centro de imunização',
      },
    },
    NATUREZA: {
      labels: {
        '0': 'Natureza inexistente', '1': 'Administração direta da saúde (MS, SES e SMS)', '2': 'Administração direta de outros órgãos',
        '3': 'Administração indireta - autarquias', '4': 'Administração indireta - fundação pública', '5': 'Administração indireta - empresa pública',
        '6': 'Administração indireta - organização social pública', '7': 'Empresa privada', '8': 'Fundação privada', '9': 'Cooperativa',
        '10': 'Serviço social autônomo', '11': 'Entidade beneficente sem fins lucrativos', '12': 'Economia mista', '13': 'Sindicato',
      },
    },
  },
};

/**
 * CNES-PF dictionary.
 *
 * @example
 * ```ts
 * CNES_PF_LABELS.columns['VINCULAC']?.labels['1']; // 'Profissional contratado'
 * ```
 */
export const CNES_PF_LABELS: SystemDictionary = {
  system: 'CNES-PF',
  version: '2026.11.1',
  sources: ['IT CNES 1706 (CNES/200508_/doc)', 'DataSUS TabWin conversion files (CNES/200508_/Auxiliar/TAB_CNES.zip)'],
  columns: {
    VINCULAC: { labels: { '1': 'Profissional contratado', '2': 'Profissional autônomo', '3': 'Profissional com vínculo não identificado' } },
    PROF_SUS: { labels: { '0': 'Não', '1': 'Sim' } },
    PROFNSUS: { labels: { '0': 'Não', '1': 'Sim' } },
    TP_PREST: { labels: TP_PREST },
  },
};
