/**
 * The catalog as one typed value, and look-ups by id, system and group.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { CNES_DATASETS } from './datasets-cnes.js';
import { HOSPITAL_DATASETS } from './datasets-hospital.js';
import { OTHER_DATASETS } from './datasets-other.js';
import { ESUS_DATASETS, SINAN_DATASETS } from './datasets-sinan.js';
import { VITAL_DATASETS } from './datasets-vital.js';
import { SYSTEMS } from './systems.js';
import type { Dataset, SystemCode, SystemInfo } from './types.js';

/**
 * Every dataset of the catalog.
 *
 * @example
 * ```ts
 * import { DATASETS } from 'arrow-sus/catalog';
 * DATASETS.filter((d) => d.system === 'CNES').length; // 13
 * ```
 */
export const DATASETS: readonly Dataset[] = [
  ...HOSPITAL_DATASETS,
  ...VITAL_DATASETS,
  ...CNES_DATASETS,
  ...SINAN_DATASETS,
  ...ESUS_DATASETS,
  ...OTHER_DATASETS,
];

/**
 * The whole catalog: systems and datasets.
 *
 * @example
 * ```ts
 * import { CATALOG } from 'arrow-sus/catalog';
 * CATALOG.systems.map((s) => s.code); // ['SIH', 'SIA', 'SIM', …]
 * ```
 */
export const CATALOG: { readonly systems: readonly SystemInfo[]; readonly datasets: readonly Dataset[] } = {
  systems: SYSTEMS,
  datasets: DATASETS,
};

const BY_ID = new Map(DATASETS.map((d) => [d.id, d]));

/**
 * The dataset with this id (case-insensitive), or throws `CATALOG_UNKNOWN_DATASET`.
 *
 * @example
 * ```ts
 * getDataset('sih-rd').table; // 'sih_rd'
 * ```
 */
export function getDataset(id: string): Dataset {
  const found = BY_ID.get(id.toLowerCase());
  if (found === undefined) {
    throw new ArrowSusError('CATALOG_UNKNOWN_DATASET', `catalog: no dataset "${id}" (run \`arrow-sus systems\` to list them)`, {
      details: { dataset: id },
    });
  }
  return found;
}

/**
 * The system with this code (case-insensitive), or throws `CATALOG_UNKNOWN_SYSTEM`.
 *
 * @example
 * ```ts
 * getSystem('sim').code; // 'SIM'
 * ```
 */
export function getSystem(code: string): SystemInfo {
  const upper = code.toUpperCase();
  const found = SYSTEMS.find((s) => s.code === upper);
  if (found === undefined) {
    throw new ArrowSusError(
      'CATALOG_UNKNOWN_SYSTEM',
      `catalog: no system "${code}" (known: ${SYSTEMS.map((s) => s.code).join(', ')})`,
      { details: { system: code } },
    );
  }
  return found;
}

/**
 * Datasets of a system, in catalog order.
 *
 * @example
 * ```ts
 * datasetsOf('SIH').map((d) => d.group); // ['RD', 'SP', 'RJ', 'ER', 'CH', 'CM', 'MT']
 * ```
 */
export function datasetsOf(system: SystemCode): readonly Dataset[] {
  return DATASETS.filter((d) => d.system === system);
}

/**
 * Datasets of a system that a group code, alias or dataset id names (case-insensitive). One group may
 * name several datasets when DataSUS split a series by era (SIM `DO` = CID-9 1979–1995 and CID-10 1996 on).
 *
 * @example
 * ```ts
 * findDatasets('SIM', 'DO').map((d) => d.id); // ['sim-do-cid10', 'sim-do-cid09']
 * findDatasets('SIM', 'DOR').map((d) => d.id); // ['sim-do-cid09']
 * ```
 */
export function findDatasets(system: SystemCode, group: string): readonly Dataset[] {
  const upper = group.toUpperCase();
  const lower = group.toLowerCase();
  const candidates = datasetsOf(system);
  const byId = candidates.filter((d) => d.id === lower);
  if (byId.length > 0) return byId;
  const byGroup = candidates.filter((d) => d.group === upper);
  if (byGroup.length > 0) return byGroup;
  return candidates.filter((d) => d.aliases.includes(upper));
}
