/**
 * CNPJ (Cadastro Nacional da Pessoa Jurídica), numeric and alphanumeric.
 *
 * From July 2026 (Instrução Normativa RFB nº 2.229/2024, Nota Técnica COCAD/SUARA/RFB nº 49/2024) the
 * 8-character root and 4-character order may hold `0-9` and `A-Z`; the two check digits stay numeric.
 * Each character's value is its ASCII code − 48 (`0`→0 … `9`→9, `A`→17 … `Z`→42), so for numeric CNPJs
 * the rule is exactly the classic one. DV1: weights 5,4,3,2,9,8,7,6,5,4,3,2 over the 12 base characters;
 * DV2: weights 6,5,4,3,2,9,8,7,6,5,4,3,2 over base + DV1; r = Σ mod 11; DV = 0 if r < 2 else 11 − r.
 * Numeric all-same-digit CNPJs are reserved and rejected; the Receita manual defines no reserved
 * values for the alphanumeric format, so none are rejected there.
 *
 * @module
 */
import { VALID, invalid, type ValidationResult } from './result.js';

/** DV weights; index 0 belongs to DV2 only (`6`), so DV1 uses `CNPJ_WEIGHTS.subarray(1)`. */
const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const BASE = /^[0-9A-Z]{12}$/;
const MASKED = /^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}$/;
const PLAIN = /^[0-9A-Z]{12}\d{2}$/;

/**
 * Computes the two check digits of a 12-character CNPJ base (numeric or alphanumeric, upper case).
 *
 * @example
 * ```ts
 * computeCnpjCheckDigits('12ABC34501DE'); // '35' (Receita Federal's example)
 * computeCnpjCheckDigits('112223330001'); // '81'
 * ```
 */
export function computeCnpjCheckDigits(base: string): string {
  if (!BASE.test(base)) throw new RangeError('CNPJ base must be 12 characters 0-9/A-Z');
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 12; i++) {
    const v = base.charCodeAt(i) - 48;
    s1 += v * (CNPJ_WEIGHTS[i + 1] ?? 0);
    s2 += v * (CNPJ_WEIGHTS[i] ?? 0);
  }
  const r1 = s1 % 11;
  const dv1 = r1 < 2 ? 0 : 11 - r1;
  const r2 = (s2 + dv1 * 2) % 11;
  const dv2 = r2 < 2 ? 0 : 11 - r2;
  return `${dv1}${dv2}`;
}

/**
 * Validates a CNPJ (14 characters, or masked `XX.XXX.XXX/XXXX-DD`), numeric or alphanumeric, with a reason.
 * Lower-case letters are accepted (upper-cased first), as the Receita examples and common libraries do.
 *
 * @example
 * ```ts
 * validateCnpj('12.ABC.345/01DE-35'); // { valid: true }
 * validateCnpj('11222333000182');     // { valid: false, reason: 'check_digit' }
 * ```
 */
export function validateCnpj(value: string): ValidationResult {
  const text = value.trim().toUpperCase();
  if (text === '') return invalid('empty');
  let plain = text;
  if (text.length === 18 && MASKED.test(text)) plain = text.replace(/[./-]/g, '');
  else if (!/^[0-9A-Z]+$/.test(text)) return invalid('format');
  if (plain.length !== 14) return invalid('length');
  if (!PLAIN.test(plain)) return invalid('format');
  if (/^(\d)\1{13}$/.test(plain)) return invalid('repeated_digits');
  return computeCnpjCheckDigits(plain.slice(0, 12)) === plain.slice(12) ? VALID : invalid('check_digit');
}

/**
 * Whether a CNPJ (numeric or alphanumeric, plain or masked) is valid.
 *
 * @example
 * ```ts
 * isValidCnpj('12ABC34501DE35'); // true
 * ```
 */
export function isValidCnpj(value: string): boolean {
  return validateCnpj(value).valid;
}
