/**
 * arrow-sus: Brazil's public health microdata (DataSUS) as Apache Arrow.
 *
 * Re-exports only; each capability lives in its own folder.
 *
 * @module
 */
export { ArrowSusError, ERROR_CODES, throwIfAborted } from './errors.js';
export type { ErrorCode, ErrorCodeInfo, ArrowSusErrorOptions } from './errors.js';
export { CATALOG, DATASETS, diffListings, expectedFiles, fileNameFor, foldersFor, getDataset, parsePath, resolveRequest } from './catalog/index.js';
export type { CatalogRequest, Dataset, ListingEntry, ParsedPath, Resolution, ResolvedFile } from './catalog/index.js';
export {
  validateCpf, validateCnpj, validateCns, validateCnes, validateIbgeMunicipality, validateCid10, validateColumn, mask, unmask,
  findUf, getUf, loadTerritory, Territory, timeZoneForMunicipality, timeZoneForUf, parseDateColumn, decodeSimAge, decodeSihAge,
  decodeSinanAge, decodeLabels, labelDecoder, parseCnv, loadCid10, loadCbo,
} from './brazil/index.js';
export type { ValidationResult, ValidationReason, Municipality, UnknownCode, LabelSystem } from './brazil/index.js';
