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
export { scan, Scan, PROVENANCE_FIELDS } from './scan/scan.js';
export type { ScanOptions, ScanProgress } from './scan/scan.js';
export type { ScanRequest, MonthlyRequest, YearlyRequest, UfSelection } from './scan/request.js';
export type { ScanReport, ReportFile } from './scan/report.js';
export type { ScanPlan } from './scan/plan.js';
export { readTable, withSchema } from './read/read-table.js';
export type { ReadTableOptions, TableStream, TableSummary, TableInput } from './read/read-table.js';
export { inspectTable, readTableHeader, readTableSchema } from './read/inspect.js';
export type { InspectResult, InspectColumn } from './read/inspect.js';
export { decodeFiles, decodeWorkerUrl, defaultDecodePool } from './read/decode-files.js';
export { convertFiles } from './read/convert-files.js';
export type { ConvertOptions, ConvertReport } from './read/convert-files.js';
export { chainSources, downloadFiles, FtpSource, HttpSource, listFolder, LocalSource, openSource, renderReport } from './sources/index.js';
export type { DownloadOptions, DownloadReport, RemoteFile, Source } from './sources/index.js';
export { DiskCache } from './cache/disk-cache.js';
export type { CacheEntry } from './cache/disk-cache.js';
export { resolveCacheDir } from './cache/location.js';
export { readParquet } from './cache/read-parquet.js';
export { writeBatches, encodeBatches, resolveOutputFormat } from './output/write-output.js';
export type { OutputFormat, OutputTarget } from './output/write-output.js';
export { unifySchemas, conformBatch } from './arrow/unify.js';
export { filterBatch } from './arrow/filter.js';
export { WorkerPool } from './workers/pool.js';
export type { WorkerPoolOptions } from './workers/pool.js';
export { sus } from './engine/sus.js';
export { avg, compileSql, count, countDistinct, createSus, max, min, sum } from './query/index.js';
export type { DatasetQuery, QueryPlan, QueryRunner, Sus } from './query/index.js';
export type { EngineOptions, QueryEngine, QueryOptions, QueryResult } from './engine/types.js';
