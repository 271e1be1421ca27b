/**
 * The file's metadata: each column chunk's entry, the schema elements (the same converted and
 * logical types arrow-rs writes, so files from either encoder have byte-identical schemas and can
 * be joined), and the footer (`FileMetaData`).
 *
 * @module
 */
import { CType, CompactWriter } from './compact-writer.js';
import { Encoding, PageType } from './page.js';
import type { ColumnSpec } from './schema.js';
import { writeStatistics, type ChunkStatistics } from './statistics.js';

/**
 * Footer key/value metadata, or a function giving it when the footer is written — for values known
 * only once every batch (or part) is in, such as a digest of the input.
 */
export type FooterMetadata = Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);

/**
 * The key/value pairs of {@link FooterMetadata} (calling the function form), none when absent.
 *
 * @example
 * ```ts
 * resolveFooterMetadata(() => ({ 'arrow-sus.sha256': digest })); // { 'arrow-sus.sha256': digest }
 * ```
 */
export function resolveFooterMetadata(metadata: FooterMetadata | undefined): Readonly<Record<string, string>> {
  return typeof metadata === 'function' ? metadata() : (metadata ?? {});
}

/** What the footer says of one column chunk. */
export interface ChunkMeta {
  readonly spec: ColumnSpec;
  readonly codec: number;
  /** Where the chunk starts (its dictionary page, else its first data page). */
  readonly offset: number;
  /** Bytes of the dictionary page (header included), 0 when there is none. */
  readonly dictionaryLength: number;
  readonly rows: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  readonly dictionaryPages: number;
  readonly plainPages: number;
  readonly statistics: ChunkStatistics;
}

/** One row group's chunks and totals. */
export interface RowGroupMeta {
  readonly chunks: readonly ChunkMeta[];
  readonly rows: number;
  readonly offset: number;
}

const LOGICAL_STRING = 1;
const LOGICAL_DATE = 6;
const LOGICAL_INTEGER = 10;
const ARROW_SCHEMA_ROOT = Buffer.from('arrow_schema');
const CREATED_BY = Buffer.from('arrow-sus');

function writeElement(out: CompactWriter, column: ColumnSpec): void {
  out.beginItemStruct();
  out.i32(1, column.physical);
  out.i32(3, column.optional ? 1 : 0);
  out.binary(4, column.nameBytes);
  if (column.converted !== undefined) out.i32(6, column.converted);
  const logical = column.logical;
  if (logical !== undefined) {
    out.beginStruct(10);
    if (logical.type === 'string') out.beginStruct(LOGICAL_STRING);
    else if (logical.type === 'date') out.beginStruct(LOGICAL_DATE);
    else {
      out.beginStruct(LOGICAL_INTEGER);
      out.byte(1, logical.bitWidth);
      out.bool(2, logical.signed);
    }
    out.endStruct();
    out.endStruct();
  }
  out.endStruct();
}

function writePageStats(out: CompactWriter, pageType: number, encoding: number, count: number): void {
  out.beginItemStruct();
  out.i32(1, pageType);
  out.i32(2, encoding);
  out.i32(3, count);
  out.endStruct();
}

function writeChunk(out: CompactWriter, chunk: ChunkMeta): void {
  const hasDictionary = chunk.dictionaryLength > 0;
  out.beginItemStruct();
  out.i64(2, 0);
  out.beginStruct(3);
  out.i32(1, chunk.spec.physical);
  const encodings = chunk.dictionaryPages > 0 ? [Encoding.PLAIN, Encoding.RLE, Encoding.RLE_DICTIONARY] : [Encoding.PLAIN, Encoding.RLE];
  out.beginList(2, CType.I32, encodings.length);
  for (const encoding of encodings) out.itemI32(encoding);
  out.beginList(3, CType.BINARY, 1);
  out.itemBinary(chunk.spec.nameBytes);
  out.i32(4, chunk.codec);
  out.i64(5, chunk.rows);
  out.i64(6, chunk.uncompressedBytes);
  out.i64(7, chunk.compressedBytes);
  out.i64(9, chunk.offset + chunk.dictionaryLength);
  if (hasDictionary) out.i64(11, chunk.offset);
  writeStatistics(out, 12, chunk.spec.kind, chunk.statistics);
  const stats = (chunk.dictionaryPages > 0 ? 1 : 0) + (chunk.plainPages > 0 ? 1 : 0) + (hasDictionary ? 1 : 0);
  out.beginList(13, CType.STRUCT, stats);
  if (chunk.dictionaryPages > 0) writePageStats(out, PageType.DATA, Encoding.RLE_DICTIONARY, chunk.dictionaryPages);
  if (chunk.plainPages > 0) writePageStats(out, PageType.DATA, Encoding.PLAIN, chunk.plainPages);
  if (hasDictionary) writePageStats(out, PageType.DICTIONARY, Encoding.PLAIN, 1);
  out.endStruct();
  out.endStruct();
}

/**
 * The footer (`FileMetaData`, compact protocol) of a file with these columns and row groups.
 *
 * @example
 * ```ts
 * const footer = writeFooter(columns, rowGroups, [['ARROW:schema', base64]]);
 * ```
 */
export function writeFooter(columns: readonly ColumnSpec[], rowGroups: readonly RowGroupMeta[], keyValues: readonly (readonly [string, string])[]): Uint8Array {
  const out = new CompactWriter(1 << 14);
  out.i32(1, 1);
  out.beginList(2, CType.STRUCT, columns.length + 1);
  out.beginItemStruct();
  out.binary(4, ARROW_SCHEMA_ROOT);
  out.i32(5, columns.length);
  out.endStruct();
  for (const column of columns) writeElement(out, column);
  out.i64(3, rowGroups.reduce((sum, group) => sum + group.rows, 0));
  out.beginList(4, CType.STRUCT, rowGroups.length);
  rowGroups.forEach((group, ordinal) => {
    out.beginItemStruct();
    out.beginList(1, CType.STRUCT, group.chunks.length);
    let uncompressed = 0;
    let compressed = 0;
    for (const chunk of group.chunks) {
      writeChunk(out, chunk);
      uncompressed += chunk.uncompressedBytes;
      compressed += chunk.compressedBytes;
    }
    out.i64(2, uncompressed);
    out.i64(3, group.rows);
    out.i64(5, group.offset);
    out.i64(6, compressed);
    out.i16(7, ordinal);
    out.endStruct();
  });
  out.beginList(5, CType.STRUCT, keyValues.length);
  for (const [key, value] of keyValues) {
    out.beginItemStruct();
    out.binary(1, Buffer.from(key, 'utf8'));
    out.binary(2, Buffer.from(value, 'utf8'));
    out.endStruct();
  }
  out.binary(6, CREATED_BY);
  out.beginList(7, CType.STRUCT, columns.length);
  for (let c = 0; c < columns.length; c++) {
    out.beginItemStruct();
    out.beginStruct(1);
    out.endStruct();
    out.endStruct();
  }
  out.end();
  return out.copy();
}
