/**
 * Page headers and the compression of page bodies.
 *
 * @module
 */
import { writeThriftStruct } from '../thrift-compact.js';
import type { PageCodec } from './codec.js';
import { TType, struct } from './thrift.js';

/** Parquet page types and encodings used here. */
export const PageType = { DATA: 0, DICTIONARY: 2 } as const;
export const Encoding = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;

/** A compressed page: its header and body, and their sizes. */
export interface EncodedPage {
  readonly header: Uint8Array;
  readonly body: Uint8Array;
  /** Header plus uncompressed body. */
  readonly uncompressedBytes: number;
}

/**
 * Compresses a data page body (definition levels and values) and writes its header.
 *
 * @example
 * ```ts
 * const page = dataPage(codec, body, 20_000, Encoding.RLE_DICTIONARY);
 * ```
 */
export function dataPage(codec: PageCodec, body: Uint8Array, values: number, encoding: number): EncodedPage {
  const compressed = codec.compress(body);
  const header = writeThriftStruct(struct([
    [1, TType.I32, PageType.DATA],
    [2, TType.I32, body.length],
    [3, TType.I32, compressed.length],
    [5, TType.STRUCT, struct([
      [1, TType.I32, values],
      [2, TType.I32, encoding],
      [3, TType.I32, Encoding.RLE],
      [4, TType.I32, Encoding.RLE],
    ])],
  ]));
  return { header, body: compressed, uncompressedBytes: header.length + body.length };
}

/**
 * Compresses a dictionary page body (PLAIN entries) and writes its header.
 *
 * @example
 * ```ts
 * const page = dictionaryPage(codec, dictionary.page.bytes(), dictionary.size);
 * ```
 */
export function dictionaryPage(codec: PageCodec, body: Uint8Array, entries: number): EncodedPage {
  const compressed = codec.compress(body);
  const header = writeThriftStruct(struct([
    [1, TType.I32, PageType.DICTIONARY],
    [2, TType.I32, body.length],
    [3, TType.I32, compressed.length],
    [7, TType.STRUCT, struct([
      [1, TType.I32, entries],
      [2, TType.I32, Encoding.PLAIN],
      [3, TType.FALSE, false],
    ])],
  ]));
  return { header, body: compressed, uncompressedBytes: header.length + body.length };
}
