/**
 * Label dictionaries: versioned data mapping each coded column of a DataSUS system to labels.
 *
 * Codes are matched after {@link normalizeCode}: surrounding spaces removed and, for all-digit codes,
 * leading zeros removed — real SIH/CNES files store `"03"` where layouts print `3`, and a dictionary keyed
 * on one form silently fails on the other (a known mistake of one R package, not repeated here).
 * "Ignored" codes get their official label ("Ignorado"), not a silent missing value; codes the
 * dictionary does not know become null and are **reported**, never guessed.
 *
 * @module
 */

/**
 * Labels of one coded column. Several codes may share a label (SIH `SEXO` 2 and 3 → Feminino).
 *
 * @example
 * ```ts
 * const sexo: ColumnDictionary = { labels: { '1': 'Masculino', '2': 'Feminino', '9': 'Ignorado' } };
 * ```
 */
export interface ColumnDictionary {
  /** Code (as printed in the layout; normalised at lookup) → label. */
  readonly labels: Readonly<Record<string, string>>;
  /** Why a code list looks the way it does (layout era, known quirks). */
  readonly note?: string;
}

/**
 * Systems with an embedded dictionary.
 *
 * @example
 * ```ts
 * const system: LabelSystem = 'SINAN-TUBE';
 * ```
 */
export type LabelSystem =
  | 'SIM'
  | 'SINASC'
  | 'SIH'
  | 'SIA-PA'
  | 'CNES-ST'
  | 'CNES-PF'
  | 'SINAN-DENG'
  | 'SINAN-CHIK'
  | 'SINAN-ZIKA'
  | 'SINAN-TUBE';

/**
 * All the labels of one system, versioned.
 *
 * @example
 * ```ts
 * const dictionary: SystemDictionary = { system: 'SIM', version: 'cnv-2026-04', sources: ['OBITOS_CID10_TAB.zip'], columns: {} };
 * ```
 */
export interface SystemDictionary {
  readonly system: LabelSystem;
  /** Bumped whenever a label or code changes: `YYYY.MM.N`. */
  readonly version: string;
  /** Where the code lists come from. */
  readonly sources: readonly string[];
  readonly columns: Readonly<Record<string, ColumnDictionary>>;
}

/**
 * The lookup form of a code: trimmed; all-digit codes without leading zeros (`"03"` → `"3"`, `"00"` → `"0"`).
 *
 * @example
 * ```ts
 * normalizeCode(' 03 '); // '3'
 * normalizeCode('1M');   // '1M'
 * ```
 */
export function normalizeCode(code: string): string {
  const text = code.trim();
  if (/^\d+$/.test(text)) return text.replace(/^0+(?=\d)/, '');
  return text;
}
