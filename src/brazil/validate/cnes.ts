/**
 * CNES establishment code: 7 digits, kept as text (leading zeros; `0000000` means "none").
 *
 * The 7th digit behaves as a check digit — mod 11 over the first 6 digits with weights 7,6,5,4,3,2,
 * r = Σ mod 11, DV = 0 if r = 0 else 11 − r — on every real code examined (107 of 107 distinct codes from
 * CNES-ST, SIH-RD and SIA-PA samples; bodies giving r = 1 never occur). No official document states the
 * rule, so a mismatch is a **warning**, not an error: `validateCnes` reports `valid: true` with
 * `warning: 'check_digit'`. Callers who want the strict reading use {@link isCnesCheckDigitValid}.
 *
 * @module
 */
import { invalid, type ValidationResult } from './result.js';

/**
 * A CNES validation: structural validity plus an optional soft check-digit warning.
 *
 * @example
 * ```ts
 * const result: CnesValidationResult = validateCnes('2321743'); // { valid: true, warning: 'check_digit' }
 * ```
 */
export type CnesValidationResult = ValidationResult & { readonly warning?: 'check_digit' };

/**
 * Computes the empirical CNES check digit of a 6-digit body, or `undefined` when r = 1 (no DV exists;
 * such bodies are apparently never issued).
 *
 * @example
 * ```ts
 * computeCnesCheckDigit('232174'); // 2 (CNES 2321742 in a real CNES-ST file)
 * ```
 */
export function computeCnesCheckDigit(body: string): number | undefined {
  if (!/^\d{6}$/.test(body)) throw new RangeError('CNES body must be 6 digits');
  let s = 0;
  for (let i = 0; i < 6; i++) s += (body.charCodeAt(i) - 48) * (7 - i);
  const r = s % 11;
  if (r === 1) return undefined;
  return r === 0 ? 0 : 11 - r;
}

/**
 * Whether the 7th digit of a 7-digit CNES code matches the empirical check digit.
 *
 * @example
 * ```ts
 * isCnesCheckDigitValid('2321742'); // true
 * ```
 */
export function isCnesCheckDigitValid(code: string): boolean {
  if (!/^\d{7}$/.test(code)) return false;
  return computeCnesCheckDigit(code.slice(0, 6)) === code.charCodeAt(6) - 48;
}

/**
 * Validates a CNES code: 7 digits is valid; a check-digit mismatch adds `warning: 'check_digit'`.
 *
 * @example
 * ```ts
 * validateCnes('2321742'); // { valid: true }
 * validateCnes('2321743'); // { valid: true, warning: 'check_digit' }
 * validateCnes('23217');   // { valid: false, reason: 'length' }
 * ```
 */
export function validateCnes(value: string): CnesValidationResult {
  const text = value.trim();
  if (text === '') return invalid('empty');
  if (!/^\d+$/.test(text)) return invalid('format');
  if (text.length !== 7) return invalid('length');
  return isCnesCheckDigitValid(text) ? { valid: true } : { valid: true, warning: 'check_digit' };
}
