/**
 * SIA/SUS (produção ambulatorial, PA) labels.
 *
 * @module
 */
import type { SystemDictionary } from '../dictionary.js';
import { RACE_SIH_SIA } from './common.js';

/**
 * SIA-PA dictionary. `PA_RACACOR` uses the SIH order (3 Parda, 4 Amarela) plus `00` "não exigido";
 * junk values seen in real files (`06`, `09`, `1M`, `DE` …) are reported as unknown.
 *
 * @example
 * ```ts
 * SIA_PA_LABELS.columns['PA_SEXO']?.labels['F']; // 'Feminino'
 * ```
 */
export const SIA_PA_LABELS: SystemDictionary = {
  system: 'SIA-PA',
  version: '2026.11.1',
  sources: ['Informe Técnico SIASUS 2019-07 (SIASUS/200801_/Doc)', 'DataSUS TabWin conversion files (SIASUS/200801_/Auxiliar/TAB_SIA.zip)'],
  columns: {
    PA_SEXO: { labels: { M: 'Masculino', F: 'Feminino', '0': 'Não exigido' } },
    PA_RACACOR: { labels: { ...RACE_SIH_SIA, '00': 'Raça/cor não exigida' } },
    PA_NIVCPL: { labels: { '0': 'Não se aplica', '1': 'Atenção básica', '2': 'Média complexidade', '3': 'Alta complexidade' } },
    PA_TPFIN: {
      labels: {
        '01': 'Atenção básica (PAB)', '02': 'Assistência farmacêutica', '04': 'Fundo de Ações Estratégicas e Compensação (FAEC)',
        '05': 'Incentivo MAC', '06': 'Média e alta complexidade (MAC)', '07': 'Vigilância em saúde',
      },
    },
    PA_DOCORIG: {
      labels: { C: 'BPA-C', I: 'BPA-I', P: 'APAC - procedimento principal', S: 'APAC - procedimento secundário', A: 'RAAS - atenção domiciliar', B: 'RAAS - psicossocial' },
    },
    PA_FLIDADE: {
      labels: { '0': 'Idade não exigida', '1': 'Idade compatível com o SIGTAP', '2': 'Idade fora da faixa do SIGTAP', '3': 'Idade inexistente', '4': 'Idade em branco' },
    },
    PA_INDICA: { labels: { '0': 'Não aprovado', '5': 'Aprovado totalmente', '6': 'Aprovado parcialmente' } },
    PA_UFDIF: { labels: { '0': 'Não', '1': 'Sim' } },
    PA_MNDIF: { labels: { '0': 'Não', '1': 'Sim' } },
    PA_CATEND: {
      labels: {
        '1': 'Eletivo', '2': 'Urgência', '3': 'Acidente no local de trabalho ou a serviço da empresa', '4': 'Acidente no trajeto para o trabalho',
        '5': 'Outros tipos de acidente de trânsito', '6': 'Outros tipos de lesões e envenenamentos', '0': 'Caráter de atendimento não informado',
        '99': 'Informação inexistente (BPA-C)',
      },
    },
    PA_TIPPRE: {
      labels: {
        '20': 'Privado com fins lucrativos', '22': 'Privado optante pelo Simples', '30': 'Público federal', '40': 'Público estadual',
        '50': 'Público municipal', '60': 'Privado sem fins lucrativos', '61': 'Filantrópico com CNAS válido', '80': 'Sindicato',
      },
    },
  },
};
