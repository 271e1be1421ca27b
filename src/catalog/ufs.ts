/**
 * The 27 federative units (26 states and the Federal District) as DataSUS writes them in file names.
 *
 * @module
 */

/**
 * UF codes in IBGE code order (RO 11 … DF 53).
 *
 * @example
 * ```ts
 * import { UFS } from 'arrow-sus/catalog';
 * UFS.length; // 27
 * ```
 */
export const UFS = [
  'RO', 'AC', 'AM', 'RR', 'PA', 'AP', 'TO',
  'MA', 'PI', 'CE', 'RN', 'PB', 'PE', 'AL', 'SE', 'BA',
  'MG', 'ES', 'RJ', 'SP',
  'PR', 'SC', 'RS',
  'MS', 'MT', 'GO', 'DF',
] as const;

/**
 * A UF code.
 *
 * @example
 * ```ts
 * const uf: Uf = 'SP';
 * ```
 */
export type Uf = (typeof UFS)[number];

const UF_SET: ReadonlySet<string> = new Set(UFS);

/**
 * Whether a string is one of the 27 UF codes (upper case).
 *
 * @example
 * ```ts
 * isUf('SP'); // true
 * isUf('BR'); // false: national files use BR, which is not a UF
 * ```
 */
export function isUf(value: string): value is Uf {
  return UF_SET.has(value);
}

/**
 * All UFs except the given ones, in catalog order: coverage tables list the few UFs a dataset lacks.
 *
 * @example
 * ```ts
 * ufsExcept(['RR']).length; // 26
 * ```
 */
export function ufsExcept(missing: readonly Uf[]): readonly Uf[] {
  return UFS.filter((uf) => !missing.includes(uf));
}
