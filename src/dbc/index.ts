/**
 * `arrow-sus/dbc`: PKWare DCL explode/implode and the DataSUS DBC container, as pure functions
 * on bytes (no file system, no network).
 *
 * @example
 * ```ts
 * import { decompressDbc } from 'arrow-sus/dbc';
 * for await (const chunk of decompressDbc(dbcBytes, { fileName: 'DOAC2013.dbc' })) consume(chunk);
 * ```
 *
 * @module
 */
export type { ByteSource } from './byte-source.js';
export { crc32 } from './crc32.js';
export { DBC_PREFIX_BYTES, dbcHeaderNeeds, readDbcHeader, type DbcHeader } from './dbc-header.js';
export {
  decompressDbc,
  decompressDbcSync,
  type DbcResult,
  type DecompressDbcOptions,
  type DecompressDbcSyncOptions,
} from './decompress-dbc.js';
export { compressDbc, compressDbcSync, type CompressDbcOptions, type CompressDbcResult, type CompressDbcSyncOptions } from './compress-dbc.js';
export { explode, explodeSync, Exploder, type ExplodeOptions, type ExploderOptions } from './explode.js';
export { implode, implodeSync, Imploder, type ImplodeOptions, type ImplodeStreamOptions } from './implode.js';
