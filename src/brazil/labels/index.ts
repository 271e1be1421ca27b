/**
 * Code → label decoding for DataSUS systems: versioned dictionaries, Arrow dictionary columns,
 * unknown-code reports, and the TabWin `.CNV` parser to refresh labels from the official files.
 *
 * @module
 */
export { normalizeCode } from './dictionary.js';
export type { ColumnDictionary, LabelSystem, SystemDictionary } from './dictionary.js';
export { LABEL_DICTIONARIES, getLabelDictionary } from './systems.js';
export { decodeLabels, labelDecoder } from './decode-labels.js';
export type { DecodeLabelsOptions, DecodeLabelsResult, LabelDecoder, UnknownCode } from './decode-labels.js';
export { labelChunk, prepareColumnLabeler } from './decode-column.js';
export type { ColumnLabeler, UnknownTally } from './decode-column.js';
export { cnvToColumnDictionary, lookupCnv, parseCnv } from './cnv.js';
export type { CnvCategory, CnvTable, ParseCnvOptions } from './cnv.js';
