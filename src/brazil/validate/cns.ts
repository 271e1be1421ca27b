/**
 * CNS (Cartão Nacional de Saúde): 15 digits, two series with different rules.
 *
 * Official routine of the Ministry of Health (reproduced in the e-SUS AB integration docs and the Anvisa
 * RNI docs):
 * - **1 or 2** (definitive, derived from PIS/PASEP): `pis` = the first 11 digits; `soma = Σ pis[i]·(15−i)`;
 *   `dv = 11 − soma mod 11`, `11 → 0`; if `dv == 10` then `soma += 2`, `dv = 11 − soma mod 11` and the number
 *   must be `pis + "001" + dv`; otherwise it must be `pis + "000" + dv`.
 * - **7, 8 or 9** (provisional): `Σ cns[i]·(15−i)` over all 15 digits ≡ 0 (mod 11).
 * - 0, 3, 4, 5, 6: no CNS series.
 *
 * The common shortcut "weighted sum of the 15 digits ≡ 0 mod 11" for the 1/2 series is looser than the
 * routine (it accepts e.g. `001` where the routine yields `000`); it is not used here.
 *
 * @module
 */
import { VALID, invalid, type ValidationResult } from './result.js';

/**
 * Builds the definitive CNS that the official routine derives from an 11-digit PIS/PASEP base
 * starting with 1 or 2, or `undefined` when no such CNS exists (the `001` branch would need a
 * two-digit check value).
 *
 * @example
 * ```ts
 * deriveDefinitiveCns('12345678901'); // a 15-digit string ending in 000d or 001d
 * ```
 */
export function deriveDefinitiveCns(pis: string): string | undefined {
  if (!/^[12]\d{10}$/.test(pis)) throw new RangeError('CNS definitive base must be 11 digits starting with 1 or 2');
  let soma = 0;
  for (let i = 0; i < 11; i++) soma += (pis.charCodeAt(i) - 48) * (15 - i);
  let dv = 11 - (soma % 11);
  if (dv === 11) dv = 0;
  if (dv === 10) {
    const dv2 = 11 - ((soma + 2) % 11);
    // 11 − x ∈ 1…11: the routine concatenates "11", which can never match 15 digits.
    return dv2 === 11 ? undefined : `${pis}001${dv2}`;
  }
  return `${pis}000${dv}`;
}

/**
 * Validates a CNS (15 digits; spaces allowed as printed on the card, `000 0000 0000 0000`), with a reason.
 *
 * @example
 * ```ts
 * validateCns('700000000000005'); // { valid: true } (provisional series)
 * validateCns('300000000000003'); // { valid: false, reason: 'prefix' }
 * ```
 */
export function validateCns(value: string): ValidationResult {
  const text = value.trim();
  if (text === '') return invalid('empty');
  const digits = /^\d{3} \d{4} \d{4} \d{4}$/.test(text) ? text.replace(/ /g, '') : text;
  if (!/^\d+$/.test(digits)) return invalid('format');
  if (digits.length !== 15) return invalid('length');
  const first = digits.charCodeAt(0) - 48;
  if (first === 1 || first === 2) {
    return deriveDefinitiveCns(digits.slice(0, 11)) === digits ? VALID : invalid('check_digit');
  }
  if (first >= 7) {
    let soma = 0;
    for (let i = 0; i < 15; i++) soma += (digits.charCodeAt(i) - 48) * (15 - i);
    return soma % 11 === 0 ? VALID : invalid('check_digit');
  }
  return invalid('prefix');
}

/**
 * Whether a CNS is valid under the official routine.
 *
 * @example
 * ```ts
 * isValidCns('898001160660006'); // depends on the number; see validateCns
 * ```
 */
export function isValidCns(value: string): boolean {
  return validateCns(value).valid;
}
