/**
 * Code lists shared by several systems. Facts from the DataSUS layouts (SIM, SINASC, SIH, SIA, CNES,
 * SINAN dictionaries) as summarised in the project's domain notes; written here as data.
 *
 * @module
 */

/**
 * 1 Sim, 2 Não, 9 Ignorado: the usual yes/no item of DataSUS forms.
 *
 * @example
 * ```ts
 * YES_NO_IGNORED['9']; // 'Ignorado'
 * ```
 */
export const YES_NO_IGNORED = { '1': 'Sim', '2': 'Não', '9': 'Ignorado' } as const;

/**
 * 1 Sim, 2 Não (SINAN signs and symptoms).
 *
 * @example
 * ```ts
 * YES_NO['2']; // 'Não'
 * ```
 */
export const YES_NO = { '1': 'Sim', '2': 'Não' } as const;

/**
 * IBGE order of race/colour (SIM, SINASC, SINAN): 3 = Amarela, 4 = Parda.
 *
 * @example
 * ```ts
 * RACE_IBGE['4']; // 'Parda'
 * ```
 */
export const RACE_IBGE = { '1': 'Branca', '2': 'Preta', '3': 'Amarela', '4': 'Parda', '5': 'Indígena', '9': 'Ignorado' } as const;

/**
 * SIH/SIA order of race/colour: 3 = Parda, 4 = Amarela (the opposite of SIM/SINASC).
 *
 * @example
 * ```ts
 * RACE_SIH_SIA['04']; // 'Amarela'
 * ```
 */
export const RACE_SIH_SIA = { '01': 'Branca', '02': 'Preta', '03': 'Parda', '04': 'Amarela', '05': 'Indígena', '99': 'Sem informação' } as const;

/**
 * UF codes → names, with 0/99 = Ignorado (SINAN `SG_UF*`).
 *
 * @example
 * ```ts
 * UF_NAMES_IGNORED['35']; // 'São Paulo'
 * ```
 */
export const UF_NAMES_IGNORED = {
  '0': 'Ignorado', '99': 'Ignorado',
  '11': 'Rondônia', '12': 'Acre', '13': 'Amazonas', '14': 'Roraima', '15': 'Pará', '16': 'Amapá', '17': 'Tocantins',
  '21': 'Maranhão', '22': 'Piauí', '23': 'Ceará', '24': 'Rio Grande do Norte', '25': 'Paraíba', '26': 'Pernambuco',
  '27': 'Alagoas', '28': 'Sergipe', '29': 'Bahia', '31': 'Minas Gerais', '32': 'Espírito Santo', '33': 'Rio de Janeiro',
  '35': 'São Paulo', '41': 'Paraná', '42': 'Santa Catarina', '43': 'Rio Grande do Sul', '50': 'Mato Grosso do Sul',
  '51': 'Mato Grosso', '52': 'Goiás', '53': 'Distrito Federal',
} as const;

/**
 * SIM/SINASC schooling in years (`ESC`, `ESCMAE`).
 *
 * @example
 * ```ts
 * SCHOOLING_YEARS['5']; // '12 anos e mais'
 * ```
 */
export const SCHOOLING_YEARS = { '1': 'Nenhuma', '2': '1 a 3 anos', '3': '4 a 7 anos', '4': '8 a 11 anos', '5': '12 anos e mais', '9': 'Ignorado' } as const;

/**
 * SIM/SINASC schooling by level, 2010 layout (`ESC2010`, `ESCMAE2010`).
 *
 * @example
 * ```ts
 * SCHOOLING_2010['0']; // 'Sem escolaridade'
 * ```
 */
export const SCHOOLING_2010 = {
  '0': 'Sem escolaridade',
  '1': 'Fundamental I (1ª a 4ª série)',
  '2': 'Fundamental II (5ª a 8ª série)',
  '3': 'Médio (antigo 2º grau)',
  '4': 'Superior incompleto',
  '5': 'Superior completo',
  '9': 'Ignorado',
} as const;

/**
 * Gestational age bands (SIM, SINASC `GESTACAO`).
 *
 * @example
 * ```ts
 * GESTATION_WEEKS['5']; // '37 a 41 semanas'
 * ```
 */
export const GESTATION_WEEKS = {
  '1': 'Menos de 22 semanas', '2': '22 a 27 semanas', '3': '28 a 31 semanas', '4': '32 a 36 semanas',
  '5': '37 a 41 semanas', '6': '42 semanas e mais', '9': 'Ignorado',
} as const;

/**
 * Pregnancy type (SIM, SINASC `GRAVIDEZ`).
 *
 * @example
 * ```ts
 * PREGNANCY_TYPE['2']; // 'Dupla'
 * ```
 */
export const PREGNANCY_TYPE = { '1': 'Única', '2': 'Dupla', '3': 'Tripla e mais', '9': 'Ignorado' } as const;

/**
 * Delivery type (SIM, SINASC `PARTO`).
 *
 * @example
 * ```ts
 * DELIVERY_TYPE['2']; // 'Cesáreo'
 * ```
 */
export const DELIVERY_TYPE = { '1': 'Vaginal', '2': 'Cesáreo', '9': 'Ignorado' } as const;

/**
 * Marital status (SIM `ESTCIV`, SINASC `ESTCIVMAE`).
 *
 * @example
 * ```ts
 * MARITAL_STATUS['5']; // 'União estável'
 * ```
 */
export const MARITAL_STATUS = {
  '1': 'Solteiro', '2': 'Casado', '3': 'Viúvo', '4': 'Separado judicialmente/divorciado', '5': 'União estável', '9': 'Ignorado',
} as const;
