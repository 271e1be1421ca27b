/**
 * Mask and unmask helpers for CPF, CNPJ (numeric and alphanumeric), CNS and CEP.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';

/**
 * Documents that have a canonical mask.
 *
 * @example
 * ```ts
 * mask('cep' satisfies MaskKind, '70040010'); // '70040-010'
 * ```
 */
export type MaskKind = 'cpf' | 'cnpj' | 'cns' | 'cep';

const LAYOUT: Record<MaskKind, { length: number; groups: readonly number[]; separators: readonly string[]; chars: RegExp }> = {
  cpf: { length: 11, groups: [3, 3, 3, 2], separators: ['.', '.', '-'], chars: /^\d+$/ },
  cnpj: { length: 14, groups: [2, 3, 3, 4, 2], separators: ['.', '.', '/', '-'], chars: /^[0-9A-Z]+$/ },
  cns: { length: 15, groups: [3, 4, 4, 4], separators: [' ', ' ', ' '], chars: /^\d+$/ },
  cep: { length: 8, groups: [5, 3], separators: ['-'], chars: /^\d+$/ },
};

/**
 * Removes mask characters (`.`, `-`, `/`, spaces) and upper-cases letters (alphanumeric CNPJ).
 *
 * @example
 * ```ts
 * unmask('529.982.247-25');     // '52998224725'
 * unmask('12.abc.345/01de-35'); // '12ABC34501DE35'
 * ```
 */
export function unmask(value: string): string {
  return value.replace(/[\s./-]/g, '').toUpperCase();
}

/**
 * Formats a document with its canonical mask. Throws `INVALID_ARGUMENT` when the unmasked value has the
 * wrong length or characters (masking does not validate check digits).
 *
 * @example
 * ```ts
 * mask('cpf', '52998224725');      // '529.982.247-25'
 * mask('cnpj', '12ABC34501DE35');  // '12.ABC.345/01DE-35'
 * mask('cns', '700000000000005');  // '700 0000 0000 0005'
 * ```
 */
export function mask(kind: MaskKind, value: string): string {
  const layout = LAYOUT[kind];
  const plain = unmask(value);
  if (plain.length !== layout.length || !layout.chars.test(plain)) {
    throw new ArrowSusError('INVALID_ARGUMENT', `brazil: cannot mask "${value}" as ${kind} (expected ${layout.length} characters)`, {
      details: { kind, value },
    });
  }
  let out = '';
  let at = 0;
  layout.groups.forEach((size, i) => {
    out += plain.slice(at, at + size) + (layout.separators[i] ?? '');
    at += size;
  });
  return out;
}
