/**
 * One column's pages within the row group being written: values are gathered a page at a time
 * (dictionary indices, or PLAIN once the dictionary outgrows its limit, as arrow-rs does), each
 * full page is compressed at once, and the chunk — dictionary page first — is handed over when
 * the row group ends. Memory: one page of indices plus the chunk's compressed pages.
 *
 * @module
 */
import type { Data } from 'apache-arrow';
import { ArrowSusError } from '../../errors.js';
import { ByteSink } from '../byte-sink.js';
import type { PageCodec } from './codec.js';
import { ByteDictionary, WordDictionary } from './dictionary.js';
import {
  gatherBooleans,
  gatherBytesDictionary,
  gatherBytesPlain,
  gatherPairsDictionary,
  gatherWordsDictionary,
  gatherWordsPlain,
  type PendingPage,
  type Validity,
} from './gather.js';
import type { ChunkMeta } from './footer.js';
import { Encoding, dataPage, dictionaryPage, type EncodedPage } from './page.js';
import { bitWidth, writeRleHybrid } from './rle.js';
import type { ColumnSpec } from './schema.js';
import { ValueRange } from './statistics.js';

/** Page and dictionary limits (arrow-rs's defaults). */
export interface ColumnLimits {
  /** Rows per data page (default 20,000). */
  readonly pageRows: number;
  /** PLAIN bytes per data page (default 1 MiB). */
  readonly pageBytes: number;
  /** Dictionary page bytes before falling back to PLAIN (default 1 MiB). */
  readonly dictionaryBytes: number;
}

/**
 * Default {@link ColumnLimits}.
 *
 * @example
 * ```ts
 * new ColumnWriter(spec, codec, { ...DEFAULT_LIMITS, pageRows: 1000 });
 * ```
 */
export const DEFAULT_LIMITS: ColumnLimits = { pageRows: 20_000, pageBytes: 1 << 20, dictionaryBytes: 1 << 20 };

/** Rows gathered between limit checks. */
const SEGMENT_ROWS = 4096;

/** A finished column chunk: its bytes and what the footer says of it (but where it lands). */
export interface EncodedChunk {
  readonly pieces: readonly Uint8Array[];
  readonly meta: Omit<ChunkMeta, 'offset'>;
}

/**
 * Encodes one column, row group after row group.
 *
 * @example
 * ```ts
 * const column = new ColumnWriter(spec, codec);
 * column.write(batch.data.children[0]!, 0, batch.numRows);
 * const chunk = column.finish(); // then write chunk.pieces at some offset
 * ```
 */
export class ColumnWriter {
  #spec: ColumnSpec;
  #codec: PageCodec;
  readonly #limits: ColumnLimits;
  readonly #bytes: ByteDictionary | undefined;
  readonly #words: WordDictionary | undefined;
  #plainMode = false;
  readonly #page: PendingPage;
  readonly #plain = new ByteSink();
  readonly #body = new ByteSink();
  #pages: EncodedPage[] = [];
  #dictionaryPages = 0;
  #plainPages = 0;
  #rows = 0;
  #nulls = 0;
  readonly #range: ValueRange;

  constructor(spec: ColumnSpec, codec: PageCodec, limits: ColumnLimits = DEFAULT_LIMITS) {
    this.#spec = spec;
    this.#codec = codec;
    this.#limits = limits;
    this.#range = new ValueRange(spec.kind);
    this.#page = { def: new Uint8Array(limits.pageRows), idx: new Int32Array(limits.pageRows), rows: 0, values: 0, nulls: 0 };
    if (spec.kind === 'bytes') this.#bytes = new ByteDictionary();
    else if (spec.kind === 'int64' || spec.kind === 'double') this.#words = new WordDictionary(2);
    else if (spec.kind !== 'bool') this.#words = new WordDictionary(1);
    // Booleans are always PLAIN (one bit each: a dictionary cannot beat that).
    this.#plainMode = spec.kind === 'bool';
  }

  /** The limits this writer was made with. */
  get limits(): ColumnLimits {
    return this.#limits;
  }

  /** The value kind this writer encodes. */
  get kind(): ColumnSpec['kind'] {
    return this.#spec.kind;
  }

  /**
   * Takes another column of the same value kind, for a writer whose last chunk was finished:
   * its page buffers and dictionaries are reused instead of allocated again.
   */
  reuse(spec: ColumnSpec, codec: PageCodec): void {
    if (spec.kind !== this.#spec.kind || this.#rows !== 0 || this.#page.rows !== 0) {
      throw new ArrowSusError('INTERNAL', 'parquet: a column writer was reused mid-chunk or for another kind');
    }
    this.#spec = spec;
    this.#codec = codec;
  }

  /** Adds rows `[from, to)` of `data` (a column of this writer's type). */
  write(data: Data, from: number, to: number): void {
    const nullBitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    if (nullBitmap !== undefined && !this.#spec.optional) {
      throw new ArrowSusError('INVALID_ARGUMENT', `parquet: column "${this.#spec.name}" is declared non-nullable but holds nulls`);
    }
    const validity: Validity = { bitmap: nullBitmap, bitOffset: data.offset };
    const page = this.#page;
    let at = from;
    while (at < to) {
      const end = Math.min(to, at + SEGMENT_ROWS, at + this.#limits.pageRows - page.rows);
      this.#gather(data, validity, at, end);
      at = end;
      if (page.rows === this.#limits.pageRows || (this.#plainMode && this.#plain.length >= this.#limits.pageBytes)) this.#flushPage();
      if (!this.#plainMode && this.#dictionaryBytes() > this.#limits.dictionaryBytes) {
        // Fallback: pages so far index the dictionary; the rest of the chunk is PLAIN.
        if (page.rows > 0) this.#flushPage();
        this.#plainMode = true;
      }
    }
    this.#rows += to - from;
  }

  #dictionaryBytes(): number {
    return this.#bytes !== undefined ? this.#bytes.page.length : this.#words!.byteLength;
  }

  #gather(data: Data, validity: Validity, from: number, to: number): void {
    const page = this.#page;
    const values = data.values as ArrayBufferView & ArrayLike<number>;
    switch (this.#spec.kind) {
      case 'bytes':
        if (this.#plainMode) gatherBytesPlain(this.#plain, this.#range, data.values as Uint8Array, data.valueOffsets, validity, from, to, page);
        else gatherBytesDictionary(this.#bytes!, data.values as Uint8Array, data.valueOffsets, validity, from, to, page);
        return;
      case 'bool':
        gatherBooleans(this.#range, data.values as Uint8Array, data.offset, validity, from, to, page);
        return;
      case 'small': {
        // 8- and 16-bit integers are stored as 32-bit: widen the segment first.
        const words = new Int32Array(to - from);
        for (let k = 0; k < words.length; k++) words[k] = values[from + k]!;
        const shifted: Validity = { bitmap: validity.bitmap, bitOffset: validity.bitOffset + from };
        if (this.#plainMode) gatherWordsPlain(this.#plain, this.#range, words, words, 1, shifted, 0, to - from, page);
        else gatherWordsDictionary(this.#words!, words, shifted, 0, to - from, page);
        return;
      }
      default: {
        const width = this.#spec.kind === 'int64' || this.#spec.kind === 'double' ? 2 : 1;
        const words = new Int32Array(values.buffer, values.byteOffset, (values.byteLength >>> 2));
        if (!this.#plainMode) {
          if (width === 1) gatherWordsDictionary(this.#words!, words, validity, from, to, page);
          else gatherPairsDictionary(this.#words!, words, validity, from, to, page);
          return;
        }
        const numbers = this.#spec.kind === 'int64' ? undefined : this.#spec.kind === 'int32' ? words : (values as unknown as ArrayLike<number>);
        gatherWordsPlain(this.#plain, this.#range, words, numbers, width, validity, from, to, page);
      }
    }
  }

  #flushPage(): void {
    const page = this.#page;
    const body = this.#body;
    body.reset();
    if (this.#spec.optional) {
      // Definition levels (v1 pages): a 4-byte length, then the hybrid-encoded levels.
      body.reserve(4);
      const lengthAt = body.length;
      body.length += 4;
      if (page.nulls === 0) {
        // No nulls: one RLE run of 1s, without scanning the levels.
        body.varint(page.rows * 2);
        body.u8(1);
      } else writeRleHybrid(body, page.def, page.rows, 1);
      const length = body.length - lengthAt - 4;
      body.buffer[lengthAt] = length & 0xff;
      body.buffer[lengthAt + 1] = (length >>> 8) & 0xff;
      body.buffer[lengthAt + 2] = (length >>> 16) & 0xff;
      body.buffer[lengthAt + 3] = (length >>> 24) & 0xff;
    }
    let encoding: number;
    if (this.#spec.kind === 'bool') {
      encoding = Encoding.PLAIN;
      packBooleans(body, page.idx, page.values);
    } else if (this.#plainMode) {
      encoding = Encoding.PLAIN;
      body.append(this.#plain.bytes());
      this.#plain.reset();
    } else {
      encoding = Encoding.RLE_DICTIONARY;
      const size = this.#bytes !== undefined ? this.#bytes.size : this.#words!.size;
      const width = bitWidth(size - 1);
      body.u8(width);
      writeRleHybrid(body, page.idx, page.values, width);
    }
    this.#pages.push(dataPage(this.#codec, body.bytes(), page.rows, encoding));
    if (encoding === Encoding.PLAIN) this.#plainPages++;
    else this.#dictionaryPages++;
    this.#nulls += page.nulls;
    page.rows = page.values = page.nulls = 0;
  }

  /** Ends the current row group's chunk and starts the next. */
  finish(): EncodedChunk {
    if (this.#page.rows > 0 || this.#pages.length === 0) this.#flushPage();
    const spec = this.#spec;
    // The dictionary's entries are exactly the values its pages index: their range is the
    // chunk's (with the PLAIN pages' values, tracked as they were written).
    let dictionary: EncodedPage | undefined;
    if (this.#bytes !== undefined) {
      offerByteEntries(this.#bytes, this.#range);
      dictionary = dictionaryPage(this.#codec, this.#bytes.page.bytes(), this.#bytes.size);
    } else if (this.#words !== undefined) {
      offerWordEntries(this.#words, spec.kind, this.#range);
      dictionary = dictionaryPage(this.#codec, this.#words.page(), this.#words.size);
    }
    const pieces: Uint8Array[] = [];
    let compressedBytes = 0;
    let uncompressedBytes = 0;
    for (const page of dictionary === undefined ? this.#pages : [dictionary, ...this.#pages]) {
      pieces.push(page.header, page.body);
      compressedBytes += page.header.length + page.body.length;
      uncompressedBytes += page.uncompressedBytes;
    }
    const chunk: EncodedChunk = {
      pieces,
      meta: {
        spec,
        codec: this.#codec.id,
        dictionaryLength: dictionary === undefined ? 0 : dictionary.header.length + dictionary.body.length,
        rows: this.#rows,
        compressedBytes,
        uncompressedBytes,
        dictionaryPages: this.#dictionaryPages,
        plainPages: this.#plainPages,
        statistics: { nulls: this.#nulls, range: this.#range.encode() },
      },
    };

    // Reset for the next row group.
    this.#bytes?.clear();
    this.#words?.clear();
    this.#plainMode = spec.kind === 'bool';
    this.#pages = [];
    this.#dictionaryPages = this.#plainPages = 0;
    this.#rows = this.#nulls = 0;
    this.#range.reset();
    return chunk;
  }
}

// The helpers below are separate functions so that each stays small and sees one kind of value:
// one large `finish` handling every kind was re-optimised over and over (tens of ms each time).

function offerByteEntries(dictionary: ByteDictionary, range: ValueRange): void {
  dictionary.forEachEntry((page, start, end) => range.offerBytes(page, start, end));
}

function offerWordEntries(dictionary: WordDictionary, kind: ColumnSpec['kind'], range: ValueRange): void {
  const words = dictionary.words;
  const entries = dictionary.size;
  if (kind === 'int64') {
    for (let id = 0; id < entries; id++) range.offerInt64(words[id * 2]!, words[id * 2 + 1]!);
    return;
  }
  const numbers = kind === 'double' ? new Float64Array(words.buffer, 0, entries) : kind === 'float' ? new Float32Array(words.buffer, 0, entries) : words;
  offerNumbers(numbers, entries, range);
}

function offerNumbers(numbers: ArrayLike<number>, count: number, range: ValueRange): void {
  for (let id = 0; id < count; id++) range.offerNumber(numbers[id]!);
}

/** PLAIN booleans: one bit each, least significant first. */
function packBooleans(sink: ByteSink, values: Int32Array, count: number): void {
  const bytes = (count + 7) >>> 3;
  sink.reserve(bytes);
  const out = sink.buffer;
  const base = sink.length;
  out.fill(0, base, base + bytes);
  for (let i = 0; i < count; i++) if (values[i] !== 0) out[base + (i >>> 3)]! |= 1 << (i & 7);
  sink.length += bytes;
}
