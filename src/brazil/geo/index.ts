/**
 * Geography: UFs and regions (embedded), municipalities with health regions and macro-regions (loaded
 * at run time from the DataSUS territorial base or CADMUN), and the ZIP/CSV/DBF readers behind them.
 *
 * @module
 */
export { REGIONS, UFS, findUf, getUf, ufOfMunicipality } from './ufs.js';
export type { Region, Uf, UfAbbreviation } from './ufs.js';
export { Territory } from './territory.js';
export type { HealthArea, Municipality, MunicipalityRow, TerritoryInput } from './territory.js';
export { TERRITORIAL_TABLES, parseTerritorialArchive } from './territorial-base.js';
export { parseTabUf, territoryFromCadmun } from './cadmun.js';
export type { TabUfRow } from './cadmun.js';
export { TERRITORY_ARCHIVE, TERRITORY_FOLDER, loadTerritory, pickNewestArchive } from './load-territory.js';
export type { LoadTerritoryOptions } from './load-territory.js';
export { cell, readDbfRows } from './rows.js';
export type { TableRow } from './rows.js';
export { parseCsv } from './csv.js';
export type { ParseCsvOptions } from './csv.js';
export { extractZipEntry, findZipEntry, readZipEntries } from './zip.js';
export type { ZipEntry } from './zip.js';
