/**
 * The embedded dictionaries by system.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { CNES_PF_LABELS, CNES_ST_LABELS } from './data/cnes.js';
import { SIA_PA_LABELS } from './data/sia.js';
import { SIH_LABELS } from './data/sih.js';
import { SIM_LABELS } from './data/sim.js';
import { SINAN_CHIK_LABELS, SINAN_DENG_LABELS, SINAN_TUBE_LABELS, SINAN_ZIKA_LABELS } from './data/sinan.js';
import { SINASC_LABELS } from './data/sinasc.js';
import type { LabelSystem, SystemDictionary } from './dictionary.js';

/**
 * Every embedded dictionary, by system.
 *
 * @example
 * ```ts
 * Object.keys(LABEL_DICTIONARIES); // ['SIM', 'SINASC', 'SIH', …]
 * ```
 */
export const LABEL_DICTIONARIES: Readonly<Record<LabelSystem, SystemDictionary>> = {
  SIM: SIM_LABELS,
  SINASC: SINASC_LABELS,
  SIH: SIH_LABELS,
  'SIA-PA': SIA_PA_LABELS,
  'CNES-ST': CNES_ST_LABELS,
  'CNES-PF': CNES_PF_LABELS,
  'SINAN-DENG': SINAN_DENG_LABELS,
  'SINAN-CHIK': SINAN_CHIK_LABELS,
  'SINAN-ZIKA': SINAN_ZIKA_LABELS,
  'SINAN-TUBE': SINAN_TUBE_LABELS,
};

/**
 * The dictionary of a system; throws `CATALOG_UNKNOWN_SYSTEM` for a system without one.
 *
 * @example
 * ```ts
 * getLabelDictionary('SIH').columns['RACA_COR']?.labels['03']; // 'Parda'
 * ```
 */
export function getLabelDictionary(system: string): SystemDictionary {
  const dictionary = (LABEL_DICTIONARIES as Record<string, SystemDictionary>)[system.toUpperCase()];
  if (dictionary === undefined) {
    throw new ArrowSusError(
      'CATALOG_UNKNOWN_SYSTEM',
      `brazil: no label dictionary for "${system}" (available: ${Object.keys(LABEL_DICTIONARIES).join(', ')})`,
      { details: { system } },
    );
  }
  return dictionary;
}
