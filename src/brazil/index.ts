/**
 * Brazilian health domain tools: document and code validators (scalar and over Arrow columns),
 * geography (UFs, regions, municipalities with health regions from the DataSUS territorial base),
 * time zones and DataSUS dates and ages, code → label decoding, and CID-10/CBO reference tables.
 *
 * Re-exports only; see the `validate/`, `geo/`, `time/`, `labels/` and `reference/` folders.
 *
 * @example
 * ```ts
 * import { validateCnpj, decodeLabels, loadTerritory } from 'arrow-sus/brazil';
 * validateCnpj('12.ABC.345/01DE-35'); // { valid: true }
 * ```
 *
 * @module
 */
export * from './validate/index.js';
export * from './geo/index.js';
export * from './time/index.js';
export * from './labels/index.js';
export * from './reference/index.js';
