/**
 * The 27 federative units (UFs) and the 5 regions: a small embedded table (IBGE codes never change).
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';

/**
 * Two-letter UF abbreviation.
 *
 * @example
 * ```ts
 * const uf: UfAbbreviation = 'SP';
 * ```
 */
export type UfAbbreviation =
  | 'RO' | 'AC' | 'AM' | 'RR' | 'PA' | 'AP' | 'TO' | 'MA' | 'PI' | 'CE' | 'RN' | 'PB' | 'PE' | 'AL'
  | 'SE' | 'BA' | 'MG' | 'ES' | 'RJ' | 'SP' | 'PR' | 'SC' | 'RS' | 'MS' | 'MT' | 'GO' | 'DF';

/**
 * One of the five regions (IBGE code = the first digit of every UF code in it).
 *
 * @example
 * ```ts
 * findUf('BA')?.region; // { code: 2, abbreviation: 'NE', name: 'Nordeste' }
 * ```
 */
export interface Region {
  readonly code: 1 | 2 | 3 | 4 | 5;
  readonly abbreviation: 'N' | 'NE' | 'SE' | 'S' | 'CO';
  readonly name: string;
}

/**
 * One federative unit.
 *
 * @example
 * ```ts
 * const uf: Uf = getUf('AM'); // { code: 13, abbreviation: 'AM', name: 'Amazonas', region, timeZone: 'America/Manaus' }
 * ```
 */
export interface Uf {
  /** IBGE code, 11…53. */
  readonly code: number;
  readonly abbreviation: UfAbbreviation;
  readonly name: string;
  readonly region: Region;
  /** Default IANA time zone (the capital's); see `timeZoneForMunicipality` for municipalities that differ. */
  readonly timeZone: string;
}

/**
 * The five regions.
 *
 * @example
 * ```ts
 * REGIONS.map((r) => r.name); // ['Norte', 'Nordeste', 'Sudeste', 'Sul', 'Centro-Oeste']
 * ```
 */
export const REGIONS: readonly Region[] = Object.freeze([
  { code: 1, abbreviation: 'N', name: 'Norte' },
  { code: 2, abbreviation: 'NE', name: 'Nordeste' },
  { code: 3, abbreviation: 'SE', name: 'Sudeste' },
  { code: 4, abbreviation: 'S', name: 'Sul' },
  { code: 5, abbreviation: 'CO', name: 'Centro-Oeste' },
] as const);

const region = (code: number): Region => REGIONS[code - 1] as Region;

/** [code, abbreviation, name, capital's zone] — codes verified against the 5,571 IBGE municipality codes. */
const ROWS: readonly (readonly [number, UfAbbreviation, string, string])[] = [
  [11, 'RO', 'Rondônia', 'America/Porto_Velho'],
  [12, 'AC', 'Acre', 'America/Rio_Branco'],
  [13, 'AM', 'Amazonas', 'America/Manaus'],
  [14, 'RR', 'Roraima', 'America/Boa_Vista'],
  [15, 'PA', 'Pará', 'America/Belem'],
  [16, 'AP', 'Amapá', 'America/Belem'],
  [17, 'TO', 'Tocantins', 'America/Araguaina'],
  [21, 'MA', 'Maranhão', 'America/Fortaleza'],
  [22, 'PI', 'Piauí', 'America/Fortaleza'],
  [23, 'CE', 'Ceará', 'America/Fortaleza'],
  [24, 'RN', 'Rio Grande do Norte', 'America/Fortaleza'],
  [25, 'PB', 'Paraíba', 'America/Fortaleza'],
  [26, 'PE', 'Pernambuco', 'America/Recife'],
  [27, 'AL', 'Alagoas', 'America/Maceio'],
  [28, 'SE', 'Sergipe', 'America/Maceio'],
  [29, 'BA', 'Bahia', 'America/Bahia'],
  [31, 'MG', 'Minas Gerais', 'America/Sao_Paulo'],
  [32, 'ES', 'Espírito Santo', 'America/Sao_Paulo'],
  [33, 'RJ', 'Rio de Janeiro', 'America/Sao_Paulo'],
  [35, 'SP', 'São Paulo', 'America/Sao_Paulo'],
  [41, 'PR', 'Paraná', 'America/Sao_Paulo'],
  [42, 'SC', 'Santa Catarina', 'America/Sao_Paulo'],
  [43, 'RS', 'Rio Grande do Sul', 'America/Sao_Paulo'],
  [50, 'MS', 'Mato Grosso do Sul', 'America/Campo_Grande'],
  [51, 'MT', 'Mato Grosso', 'America/Cuiaba'],
  [52, 'GO', 'Goiás', 'America/Sao_Paulo'],
  [53, 'DF', 'Distrito Federal', 'America/Sao_Paulo'],
];

/**
 * The 27 UFs in IBGE code order.
 *
 * @example
 * ```ts
 * UFS.length; // 27
 * ```
 */
export const UFS: readonly Uf[] = Object.freeze(
  ROWS.map(([code, abbreviation, name, timeZone]) => Object.freeze({ code, abbreviation, name, region: region(Math.floor(code / 10)), timeZone })),
);

const BY_CODE = new Map(UFS.map((uf) => [uf.code, uf]));
const BY_ABBREVIATION = new Map(UFS.map((uf) => [uf.abbreviation as string, uf]));
const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().trim();
const BY_NAME = new Map(UFS.map((uf) => [fold(uf.name), uf]));

/**
 * Finds a UF by IBGE code (`35`, `'35'`), abbreviation (`'SP'`, any case) or name (accents and case
 * ignored); `undefined` when nothing matches.
 *
 * @example
 * ```ts
 * findUf('35')?.abbreviation;      // 'SP'
 * findUf('sp')?.name;              // 'São Paulo'
 * findUf('SAO PAULO')?.code;       // 35
 * ```
 */
export function findUf(key: string | number): Uf | undefined {
  if (typeof key === 'number') return BY_CODE.get(key);
  const text = key.trim();
  if (/^\d{2}$/.test(text)) return BY_CODE.get(Number(text));
  return BY_ABBREVIATION.get(text.toUpperCase()) ?? BY_NAME.get(fold(text));
}

/**
 * Like {@link findUf} but throws `DOMAIN_INVALID_CODE` when nothing matches.
 *
 * @example
 * ```ts
 * getUf('RJ').code; // 33
 * ```
 */
export function getUf(key: string | number): Uf {
  const uf = findUf(key);
  if (uf === undefined) {
    throw new ArrowSusError('DOMAIN_INVALID_CODE', `brazil: "${String(key)}" is not a UF code, abbreviation or name (e.g. 35, SP, São Paulo)`, {
      details: { key },
    });
  }
  return uf;
}

/**
 * The UF of a 6- or 7-digit municipality code (its first two digits), or `undefined`.
 *
 * @example
 * ```ts
 * ufOfMunicipality('3550308')?.abbreviation; // 'SP'
 * ```
 */
export function ufOfMunicipality(code: string): Uf | undefined {
  return /^\d{6,7}$/.test(code) ? BY_CODE.get(Number(code.slice(0, 2))) : undefined;
}
