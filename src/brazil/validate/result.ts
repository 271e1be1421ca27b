/**
 * The shape every scalar validator returns, and the stable reason codes it may carry.
 *
 * @module
 */

/**
 * Why a value failed validation. Stable: the CLI prints these and scripts branch on them.
 *
 * - `empty`: nothing but whitespace.
 * - `format`: characters or mask positions that the document does not allow.
 * - `length`: right characters, wrong count.
 * - `repeated_digits`: a reserved all-same-digit number (CPF, numeric CNPJ).
 * - `prefix`: a CNS that starts with a digit no CNS series uses (0, 3, 4, 5, 6).
 * - `check_digit`: the check digit(s) do not match.
 * - `unknown_code`: well-formed but absent from the loaded reference table (CID-10, municipalities).
 *
 * @example
 * ```ts
 * const reason: ValidationReason = 'check_digit';
 * ```
 */
export type ValidationReason =
  | 'empty'
  | 'format'
  | 'length'
  | 'repeated_digits'
  | 'prefix'
  | 'check_digit'
  | 'unknown_code';

/**
 * The outcome of a scalar validation: valid, or invalid with one reason.
 *
 * @example
 * ```ts
 * const result: ValidationResult = validateCpf('52998224725'); // { valid: true }
 * ```
 */
export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly reason: ValidationReason };

/**
 * The one valid result (shared: results are immutable).
 *
 * @example
 * ```ts
 * VALID; // { valid: true }, frozen and shared by the scalar validators
 * ```
 */
export const VALID: ValidationResult = Object.freeze({ valid: true });

/**
 * Builds an invalid result.
 *
 * @example
 * ```ts
 * invalid('check_digit'); // { valid: false, reason: 'check_digit' }
 * ```
 */
export function invalid(reason: ValidationReason): ValidationResult {
  return { valid: false, reason };
}
