/**
 * CPF (Cadastro de Pessoas Físicas): 11 digits, two mod-11 check digits.
 *
 * Rule (Receita Federal): DV1 over the first 9 digits with weights 10…2, DV2 over the first 10 with
 * weights 11…2; r = Σ mod 11; DV = 0 when r < 2, else 11 − r. The eleven all-same-digit numbers pass the
 * arithmetic but are reserved, so they are rejected.
 *
 * @module
 */
import { VALID, invalid, type ValidationResult } from './result.js';

const MASKED = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;
const DIGITS = /^\d+$/;

/**
 * Computes the two check digits of a 9-digit CPF base.
 *
 * @example
 * ```ts
 * computeCpfCheckDigits('529982247'); // '25'
 * ```
 */
export function computeCpfCheckDigits(base: string): string {
  if (base.length !== 9 || !DIGITS.test(base)) throw new RangeError('CPF base must be 9 digits');
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 9; i++) {
    const d = base.charCodeAt(i) - 48;
    s1 += d * (10 - i);
    s2 += d * (11 - i);
  }
  const r1 = s1 % 11;
  const dv1 = r1 < 2 ? 0 : 11 - r1;
  const r2 = (s2 + dv1 * 2) % 11;
  const dv2 = r2 < 2 ? 0 : 11 - r2;
  return `${dv1}${dv2}`;
}

/**
 * Validates a CPF given as 11 digits or in the canonical mask `000.000.000-00`, with a reason.
 *
 * @example
 * ```ts
 * validateCpf('529.982.247-25'); // { valid: true }
 * validateCpf('52998224724');    // { valid: false, reason: 'check_digit' }
 * ```
 */
export function validateCpf(value: string): ValidationResult {
  const text = value.trim();
  if (text === '') return invalid('empty');
  let digits = text;
  if (text.length === 14 && MASKED.test(text)) digits = text.replace(/\D/g, '');
  else if (!DIGITS.test(text)) return invalid('format');
  if (digits.length !== 11) return invalid('length');
  if (/^(\d)\1{10}$/.test(digits)) return invalid('repeated_digits');
  return computeCpfCheckDigits(digits.slice(0, 9)) === digits.slice(9) ? VALID : invalid('check_digit');
}

/**
 * Whether a CPF (11 digits or `000.000.000-00`) is valid.
 *
 * @example
 * ```ts
 * isValidCpf('52998224725'); // true
 * ```
 */
export function isValidCpf(value: string): boolean {
  return validateCpf(value).valid;
}
