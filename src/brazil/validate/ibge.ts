/**
 * IBGE municipality codes: 7 digits (2-digit UF + 4-digit municipality + check digit), or the 6-digit
 * form without the check digit that DataSUS microdata use.
 *
 * Check digit: Luhn-like over the 6 digits with weights 1,2,1,2,1,2 (products ≥ 10 contribute the sum of
 * their digits), DV = (10 − Σ mod 10) mod 10. Nine official codes violate it (SEFAZ NT 2008.004); running
 * the rule over all 5,571 current codes fails exactly those nine, so they are accepted by name.
 *
 * @module
 */
import { VALID, invalid, type ValidationResult } from './result.js';

/**
 * The nine official 7-digit codes whose last digit does not follow the check-digit rule.
 *
 * @example
 * ```ts
 * IBGE_CHECK_DIGIT_EXCEPTIONS.get('2201919'); // 'Bom Princípio do Piauí'
 * ```
 */
export const IBGE_CHECK_DIGIT_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['2201919', 'Bom Princípio do Piauí'],
  ['2201988', 'Brejo do Piauí'],
  ['2202251', 'Canavieira'],
  ['2611533', 'Quixaba'],
  ['3117836', 'Cônego Marinho'],
  ['3152131', 'Ponto Chique'],
  ['4305871', 'Coronel Barros'],
  ['5203939', 'Buriti de Goiás'],
  ['5203962', 'Buritinópolis'],
]);

const EXCEPTION_BY_BODY: ReadonlyMap<string, string> = new Map(
  [...IBGE_CHECK_DIGIT_EXCEPTIONS.keys()].map((code) => [code.slice(0, 6), code]),
);

/** UF codes in use (IBGE): the first two digits of every municipality code. */
const UF_CODES = new Set([11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 35, 41, 42, 43, 50, 51, 52, 53]);

/**
 * The check digit the rule gives for a 6-digit body (ignores the nine exceptions).
 *
 * @example
 * ```ts
 * computeIbgeCheckDigit('355030'); // 8 (São Paulo, 3550308)
 * ```
 */
export function computeIbgeCheckDigit(body: string): number {
  if (!/^\d{6}$/.test(body)) throw new RangeError('IBGE municipality body must be 6 digits');
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    const p = (body.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    sum += p >= 10 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Converts a 6-digit municipality code to its 7-digit form (rule plus the nine exceptions).
 * Special DataSUS codes (`000000`, `UF0000`) have no 7-digit form: returns `undefined`.
 *
 * @example
 * ```ts
 * toIbge7('310620'); // '3106200'
 * toIbge7('220191'); // '2201919' (an exception)
 * ```
 */
export function toIbge7(code6: string): string | undefined {
  if (!/^\d{6}$/.test(code6) || !UF_CODES.has(Number(code6.slice(0, 2))) || code6.endsWith('0000')) return undefined;
  return EXCEPTION_BY_BODY.get(code6) ?? `${code6}${computeIbgeCheckDigit(code6)}`;
}

/**
 * Validates a municipality code. 7 digits: UF prefix and check digit (or one of the nine exceptions).
 * 6 digits: UF prefix only (there is no check digit to test). Existence needs the territory table
 * (`Territory.municipality`), not arithmetic.
 *
 * @example
 * ```ts
 * validateIbgeMunicipality('3550308'); // { valid: true }
 * validateIbgeMunicipality('3550307'); // { valid: false, reason: 'check_digit' }
 * validateIbgeMunicipality('5203939'); // { valid: true } (official exception)
 * ```
 */
export function validateIbgeMunicipality(value: string): ValidationResult {
  const text = value.trim();
  if (text === '') return invalid('empty');
  if (!/^\d+$/.test(text)) return invalid('format');
  if (text.length !== 6 && text.length !== 7) return invalid('length');
  if (!UF_CODES.has(Number(text.slice(0, 2))) || text.slice(2, 6) === '0000') return invalid('format');
  if (text.length === 6) return VALID;
  if (IBGE_CHECK_DIGIT_EXCEPTIONS.has(text)) return VALID;
  if (EXCEPTION_BY_BODY.has(text.slice(0, 6))) return invalid('check_digit');
  return computeIbgeCheckDigit(text.slice(0, 6)) === text.charCodeAt(6) - 48 ? VALID : invalid('check_digit');
}

/**
 * Whether a 6- or 7-digit municipality code is well formed (see {@link validateIbgeMunicipality}).
 *
 * @example
 * ```ts
 * isValidIbgeMunicipality('3304557'); // true (Rio de Janeiro)
 * ```
 */
export function isValidIbgeMunicipality(value: string): boolean {
  return validateIbgeMunicipality(value).valid;
}
