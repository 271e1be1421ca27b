/**
 * Page headers and the compression of page bodies.
 *
 * @module
 */
import type { PageCodec } from './codec.js';
import { CompactWriter } from './compact-writer.js';

/**
 * Parquet page types used here (`PageType` in parquet.thrift).
 *
 * @example
 * ```ts
 * header.type === PageType.DICTIONARY;
 * ```
 */
export const PageType = { DATA: 0, DICTIONARY: 2 } as const;

/**
 * Parquet encodings used here (`Encoding` in parquet.thrift).
 *
 * @example
 * ```ts
 * dataPage(codec, body, rows, Encoding.RLE_DICTIONARY);
 * ```
 */
export const Encoding = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;

/** A compressed page: its header and body, and their sizes. */
export interface EncodedPage {
  readonly header: Uint8Array;
  readonly body: Uint8Array;
  /** Header plus uncompressed body. */
  readonly uncompressedBytes: number;
}

const header = new CompactWriter(64);

/**
 * Compresses `body` and writes the page header: type, sizes, then the type's own header struct
 * (`writeTypeHeader`).
 */
function encodePage(codec: PageCodec, body: Uint8Array, type: number, writeTypeHeader: (out: CompactWriter) => void): EncodedPage {
  const compressed = codec.compress(body);
  header.reset();
  header.i32(1, type);
  header.i32(2, body.length);
  header.i32(3, compressed.length);
  writeTypeHeader(header);
  header.end();
  const bytes = header.copy();
  return { header: bytes, body: compressed, uncompressedBytes: bytes.length + body.length };
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
  return encodePage(codec, body, PageType.DATA, (out) => {
    out.beginStruct(5);
    out.i32(1, values);
    out.i32(2, encoding);
    out.i32(3, Encoding.RLE);
    out.i32(4, Encoding.RLE);
    out.endStruct();
  });
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
  return encodePage(codec, body, PageType.DICTIONARY, (out) => {
    out.beginStruct(7);
    out.i32(1, entries);
    out.i32(2, Encoding.PLAIN);
    out.bool(3, false);
    out.endStruct();
  });
}
