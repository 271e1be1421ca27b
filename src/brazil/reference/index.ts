/**
 * Reference tables read at run time from the official files: CID-10 and CBO, plus the cached
 * download and text decoding they share with the territorial base.
 *
 * @module
 */
export { Cid10Table, cid10FromCsvArchive, cid10FromDbfRows, parseCid10File } from './cid10.js';
export type { Cid10Entry } from './cid10.js';
export { CboTable, cboFromCnv, cboFromDbfRows, cboFromSigtap } from './cbo.js';
export { CID10_CSV_PATH, SIM_TAB_PATH, loadCbo, loadCid10 } from './load-reference.js';
export type { LoadReferenceOptions } from './load-reference.js';
export { cachePathFor, fetchCached } from './fetch-cached.js';
export type { FetchCachedOptions } from './fetch-cached.js';
export { decodeText, sniffEncoding } from './text.js';
export type { TextEncoding } from './text.js';
