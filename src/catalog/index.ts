/**
 * The typed DataSUS catalog: every dataset on `ftp.datasus.gov.br`, the rules its file names follow,
 * a parser and generator for those names, listing-driven request resolution and listing diffs.
 * Pure code: no file system, no network.
 *
 * @example
 * ```ts
 * import { parsePath, resolveRequest } from 'arrow-sus/catalog';
 * parsePath('/dissemin/publicos/SIHSUS/200801_/Dados/RDSP2401.dbc').dataset; // 'sih-rd'
 * ```
 *
 * @module
 */
export { CATALOG, DATASETS, datasetsOf, findDatasets, getDataset, getSystem } from './catalog.js';
export { SYSTEMS } from './systems.js';
export { UFS, isUf } from './ufs.js';
export type { Uf } from './ufs.js';
export { CENTURY_PIVOT, expandYear } from './years.js';
export { parsePath } from './parse-path.js';
export { ruleTemplate } from './name-rule.js';
export { fileNameFor } from './file-name.js';
export type { FileNameValues } from './file-name.js';
export { expectedFiles } from './expected-files.js';
export { foldersFor, resolveRequest } from './resolve-request.js';
export { diffListings } from './diff-listings.js';
export type {
  CatalogRequest,
  Coverage,
  Dataset,
  ExpectedFile,
  FileKind,
  FolderRole,
  FolderRule,
  Granularity,
  ListingChange,
  ListingDiff,
  ListingEntry,
  MissingFile,
  MissingReason,
  MonthSelection,
  NameRule,
  ParsedPath,
  PlaceKind,
  Resolution,
  ResolvedFile,
  SupersededFile,
  SystemCode,
  SystemInfo,
  YearSelection,
} from './types.js';
