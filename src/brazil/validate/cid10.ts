/**
 * CID-10 (ICD-10, Brazilian edition) code format.
 *
 * Microdata store codes without the dot, 3 or 4 characters: a letter, two digits, and an optional
 * subcategory digit (`E148`, `B181`); SIM fills 3-character categories with `X` (`R58X`) and prefixes
 * cause lines with `*` (`*R58X`). The dotted form `E14.8` is also accepted. `U` codes (special purposes,
 * e.g. `U071` COVID-19) are valid format. Existence is checked only against a loaded table.
 *
 * @module
 */
import { VALID, invalid, type ValidationResult } from './result.js';

const CID10 = /^([A-Z]\d{2})(?:\.?([0-9X]))?$/;

/**
 * Options of {@link validateCid10}.
 *
 * @example
 * ```ts
 * validateCid10('A009', { known: cid.codes() });
 * ```
 */
export interface ValidateCid10Options {
  /** Known codes (normalised: no dot, no `X` filler, upper case). When given, absent codes are `unknown_code`. */
  readonly known?: ReadonlySet<string>;
}

/**
 * Normalises a CID-10 code to the form used as a table key: upper case, no dot, no `*` prefix,
 * no `X` filler (`*r58x` → `R58`, `E14.8` → `E148`); `undefined` when the format is wrong.
 *
 * @example
 * ```ts
 * normalizeCid10('E14.8'); // 'E148'
 * normalizeCid10('*R58X'); // 'R58'
 * ```
 */
export function normalizeCid10(value: string): string | undefined {
  const text = value.trim().toUpperCase().replace(/^\*/, '');
  const match = CID10.exec(text);
  if (match === null) return undefined;
  const sub = match[2];
  return sub === undefined || sub === 'X' ? match[1] : `${match[1]}${sub}`;
}

/**
 * Validates a CID-10 code's format and, with `known`, its existence.
 *
 * @example
 * ```ts
 * validateCid10('A09');  // { valid: true }
 * validateCid10('A0');   // { valid: false, reason: 'format' }
 * validateCid10('Z999', { known: new Set(['A00']) }); // { valid: false, reason: 'unknown_code' }
 * ```
 */
export function validateCid10(value: string, options: ValidateCid10Options = {}): ValidationResult {
  if (value.trim() === '') return invalid('empty');
  const code = normalizeCid10(value);
  if (code === undefined) return invalid('format');
  if (options.known !== undefined && !options.known.has(code)) return invalid('unknown_code');
  return VALID;
}
