/**
 * Sources of DataSUS files: FTP (the DataSUS server), HTTP(S) mirrors, local directories and
 * fallback chains, behind one {@link Source} interface; plus the pure listing parsers.
 *
 * @module
 */
export type { ListingEntry, Source, SourceDownloadOptions, SourceListOptions } from './source.js';
export { baseName, joinPath, normalizePath, parentPath } from './source.js';
export { FtpSource } from './ftp-source.js';
export type { FtpSourceOptions } from './ftp-source.js';
export { HttpSource } from './http-source.js';
export type { HttpSourceOptions } from './http-source.js';
export { LocalSource } from './local-source.js';
export type { LocalSourceOptions } from './local-source.js';
export { ChainSource, chainSources, sourceCandidates, FALLBACK_CODES } from './chain-source.js';
export { openSource, DEFAULT_SOURCE_URL, SOURCE_ENV_VAR } from './open-source.js';
export type { OpenSourceOptions } from './open-source.js';
export { listFolder } from './list-folder.js';
export type { ListFolderOptions } from './list-folder.js';
export { parseListLine, parseDosListLine, parseUnixListLine, parseMlsdLine } from './list-line.js';
export type { ListLine, ParseListOptions } from './list-line.js';
export { parseListing } from './listing.js';
export { parseAutoindexHtml, parseJsonIndex } from './http-index.js';
export type { IndexEntry, ParseIndexOptions } from './http-index.js';
export { DATASUS_TIME_ZONE, zonedTimeToDate } from './server-time.js';
export { ftpReplyToCode, toSourceError } from './source-errors.js';
// The download manager is part of the same public entry point (`arrow-sus/sources`).
export * from '../download/index.js';
