/**
 * DBF tables → Apache Arrow: header parsing, schema, a push decoder, a streaming reader with
 * projection and raw-byte row filters, and a writer for generating DBF files.
 *
 * Re-exports only.
 *
 * @example
 * ```ts
 * import { readDbf, parsePredicate } from 'arrow-sus/dbf';
 * for await (const batch of readDbf(bytes, { columns: ['UF_ZI'], where: parsePredicate("UF_ZI LIKE '35%'") })) {
 *   console.log(batch.numRows);
 * }
 * ```
 *
 * @module
 */
export { DBF_ENCODINGS, dbfCodec, decodeText, encodeText } from './codec.js';
export type { DbfCodec, DbfEncoding } from './codec.js';
export { dbfHeaderLength, parseDbfHeader } from './header.js';
export { detectDbfEncoding } from './detect-encoding.js';
export type { DbfField, DbfHeader } from './header.js';
export { DELETED_COLUMN, dbfSchema, planColumns, resolveField } from './schema.js';
export type { DbfColumnKind, DbfColumnPlan, DbfSchemaOptions } from './schema.js';
export { DbfDecoder } from './decoder.js';
export type { DbfDecoderOptions, DbfReadStats } from './decoder.js';
export { DbfReader, readDbf } from './read.js';
export type { DbfInput, ReadDbfOptions } from './read.js';
export { and, between, eq, formatPredicate, ge, gt, isIn, isNull, le, lt, ne, not, or, predicateColumns, startsWith } from './predicate.js';
export type { ComparisonOperator, Predicate, PredicateLiteral } from './predicate.js';
export { parsePredicate } from './predicate-parse.js';
export { compilePredicate } from './predicate-compile.js';
export type { RecordFilter } from './predicate-compile.js';
export { evaluatePredicate } from './predicate-eval.js';
export type { EvaluatePredicateOptions } from './predicate-eval.js';
export { encodeDbf, encodeDbfHeader } from './write.js';
export type { DbfFieldSpec, DbfRow, DbfValue, EncodeDbfOptions } from './write.js';
