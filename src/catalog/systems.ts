/**
 * The systems of the FTP and the folders of their auxiliary tables and documents.
 *
 * @module
 */
import { DISSEMIN } from './define.js';
import type { SystemCode, SystemInfo } from './types.js';

const under = (paths: readonly string[]): readonly string[] => paths.map((p) => (p.startsWith('/') ? p : `${DISSEMIN}/${p}`));

const system = (
  code: SystemCode,
  description: string,
  namePt: string,
  auxiliary: readonly string[],
  documentation: readonly string[],
): SystemInfo => ({ code, description, namePt, auxiliary: under(auxiliary), documentation: under(documentation) });

/**
 * Every system, in the order `arrow-sus systems` prints them.
 *
 * @example
 * ```ts
 * import { SYSTEMS } from 'arrow-sus/catalog';
 * SYSTEMS.find((s) => s.code === 'SIH')?.namePt; // 'Sistema de Informações Hospitalares'
 * ```
 */
export const SYSTEMS: readonly SystemInfo[] = [
  system('SIH', 'Hospital admissions paid by SUS', 'Sistema de Informações Hospitalares',
    ['SIHSUS/199201_200712/Auxiliar', 'SIHSUS/200801_/Auxiliar'], ['SIHSUS/200801_/Doc', 'SIHSUS/CSV']),
  system('SIA', 'Outpatient production paid by SUS', 'Sistema de Informações Ambulatoriais',
    ['SIASUS/200801_/Auxiliar'], ['SIASUS/200801_/Doc']),
  system('SIM', 'Mortality', 'Sistema de Informações sobre Mortalidade',
    ['SIM/CID10/TAB', 'SIM/CID10/TABELAS', 'SIM/CID9/TAB', 'SIM/CID9/TABELAS'], ['SIM/CID10/DOCS', 'SIM/CID9/DOCS']),
  system('SINASC', 'Live births', 'Sistema de Informações sobre Nascidos Vivos',
    ['SINASC/1994_1995/Auxiliar', 'SINASC/1996_/Auxiliar', 'SINASC/1994_1995/TABELAS', 'SINASC/1996_/TABELAS',
      'SINASC/ANT/TAB', 'SINASC/ANT/TABELAS', 'SINASC/NOV/TAB', 'SINASC/NOV/TABELAS'],
    ['SINASC/1994_1995/Doc', 'SINASC/1996_/Doc', 'SINASC/ANT/DOCS', 'SINASC/NOV/DOCS']),
  system('CNES', 'Health establishments register', 'Cadastro Nacional de Estabelecimentos de Saúde',
    ['CNES/200508_/Auxiliar', 'CNES/200508_/VersoesAntigas'], ['CNES/200508_/doc']),
  system('SINAN', 'Notifiable diseases', 'Sistema de Informação de Agravos de Notificação',
    ['SINAN/AUXILIAR'], ['SINAN/DOCS', 'Dados_Abertos/SINAN/*']),
  system('PNI', 'Immunisation (aggregated, 1994–2019)', 'Programa Nacional de Imunizações', ['PNI/AUXILIARES'], ['PNI/DOCS']),
  system('CIHA', 'Hospital and outpatient care outside SUS payment', 'Comunicação de Informação Hospitalar e Ambulatorial',
    ['CIHA/201101_/Auxiliar'], ['CIHA/201101_/Doc']),
  system('CIH', 'Hospital admission communications (2008–2011)', 'Comunicação de Internação Hospitalar',
    ['CIH/200801_201012/Auxiliar'], []),
  system('SISCOLO', 'Cervical cancer screening (2006–2015)', 'Sistema de Informação do Câncer do Colo do Útero',
    ['SISCAN/SISCOLO4/Auxiliar'], []),
  system('SISMAMA', 'Breast cancer screening (2009–2015)', 'Sistema de Informação do Câncer de Mama', ['SISCAN/SISMAMA/Auxiliar'], []),
  system('SISCAN', 'Cancer screening (CSV exports since 2013)', 'Sistema de Informação do Câncer', ['SISCAN'], []),
  system('SISPRENATAL', 'Prenatal care (2012–2014)', 'Sistema de Acompanhamento do Pré-Natal', ['SISPRENATAL/201201_/Auxiliar'], []),
  system('RESP', 'Congenital Zika syndrome notifications', 'Registro de Eventos em Saúde Pública', ['RESP/AUXILIAR'], ['RESP/DOCS']),
  system('PCE', 'Schistosomiasis control', 'Programa de Controle da Esquistossomose', ['PCE/AUXILIAR'], ['PCE/DOCS']),
  system('PO', 'Oncology panel', 'Painel de Oncologia', ['PAINEL_ONCOLOGIA/AUXILIAR'], ['PAINEL_ONCOLOGIA/DOC']),
  system('ESUSNOTIFICA', 'e-SUS Notifica (chronic Chagas disease)', 'e-SUS Notifica', ['ESUSNOTIFICA/AUXILIAR'], ['ESUSNOTIFICA/DOCS']),
  system('IBGE', 'Population (DataSUS copy of IBGE data)', 'População (IBGE)', ['IBGE/Auxiliar'], ['IBGE/DOC']),
  system('TERRITORIO', 'Territorial base, conversion files and maps', 'Base territorial', [], ['/territorio/doc']),
  system('CMD', 'Minimum data set (documentation only)', 'Conjunto Mínimo de Dados',
    ['CMD/201701_/Auxiliar', 'CMD/Auxiliar'], ['CMD/201701_/Doc', 'CMD/Doc']),
  system('TABWIN', 'Tabulation programs (TabWin, TabNet, TabDOS)', 'Programas de tabulação',
    ['TABWIN/Programa', 'TABNET/PROGRAMA', 'TABDOS'], ['TABWIN/Doc', 'TABNET/DOC', 'TABDOS/DOC']),
];
