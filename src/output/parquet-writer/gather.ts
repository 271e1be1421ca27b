/**
 * The per-value loops of the encoder: one batch segment's values into the page being gathered —
 * definition levels, and dictionary indices or PLAIN bytes. One function per value kind and mode,
 * so each loop sees one array shape and stays fast.
 *
 * @module
 */
import type { ByteSink } from '../byte-sink.js';
import type { ByteDictionary, WordDictionary } from './dictionary.js';
import type { ValueRange } from './statistics.js';

/** The rows of the page being gathered. */
export interface PendingPage {
  /** Definition level per row (1 = value, 0 = null); unused for required columns. */
  readonly def: Uint8Array;
  /** Dictionary index (or 0/1 for booleans) per non-null value. */
  readonly idx: Int32Array;
  rows: number;
  values: number;
  nulls: number;
}

/** Validity of a segment: the Arrow bitmap and the bit of row 0, or undefined when all are valid. */
export interface Validity {
  readonly bitmap: Uint8Array | undefined;
  readonly bitOffset: number;
}

/** Records that the page now holds `rows` rows, `values` of them non-null. */
function advance(page: PendingPage, rows: number, values: number): void {
  page.nulls += rows - page.rows - (values - page.values);
  page.rows = rows;
  page.values = values;
}

function isValid(bitmap: Uint8Array, bit: number): boolean {
  return ((bitmap[bit >>> 3]! >>> (bit & 7)) & 1) === 1;
}

/**
 * Byte strings into dictionary indices.
 *
 * @example
 * ```ts
 * gatherBytesDictionary(dictionary, data.values, data.valueOffsets, validity, 0, data.length, page);
 * ```
 */
export function gatherBytesDictionary(dict: ByteDictionary, values: Uint8Array, offsets: Int32Array, validity: Validity, from: number, to: number, page: PendingPage): void {
  const { def, idx } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  // DataSUS columns repeat a value over consecutive rows more often than not (the same UF,
  // competence, hospital, procedure group …): a value equal to the previous one takes the previous
  // index without hashing.
  let lastStart = 0;
  let lastLength = -1;
  let lastId = 0;
  for (let i = from; i < to; i++) {
    if (bitmap !== undefined && !isValid(bitmap, bitOffset + i)) {
      def[rows++] = 0;
      continue;
    }
    def[rows++] = 1;
    const start = offsets[i]!;
    const length = offsets[i + 1]! - start;
    if (length === lastLength) {
      let k = 0;
      while (k < length && values[start + k] === values[lastStart + k]) k++;
      if (k === length) {
        idx[n++] = lastId;
        lastStart = start;
        continue;
      }
    }
    lastId = dict.intern(values, start, start + length);
    idx[n++] = lastId;
    lastStart = start;
    lastLength = length;
  }
  advance(page, rows, n);
}

/**
 * Byte strings as PLAIN (4-byte length, bytes), tracking their range.
 *
 * @example
 * ```ts
 * gatherBytesPlain(sink, range, data.values, data.valueOffsets, validity, 0, data.length, page);
 * ```
 */
export function gatherBytesPlain(sink: ByteSink, range: ValueRange, values: Uint8Array, offsets: Int32Array, validity: Validity, from: number, to: number, page: PendingPage): void {
  const { def } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  for (let i = from; i < to; i++) {
    if (bitmap !== undefined && !isValid(bitmap, bitOffset + i)) {
      def[rows++] = 0;
      continue;
    }
    def[rows++] = 1;
    n++;
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    sink.u32(end - start);
    sink.appendRange(values, start, end);
    range.offerBytes(values, start, end);
  }
  advance(page, rows, n);
}

/**
 * 32-bit words into dictionary indices.
 *
 * @example
 * ```ts
 * gatherWordsDictionary(dictionary, new Int32Array(data.values.buffer, data.values.byteOffset, data.length), validity, 0, data.length, page);
 * ```
 */
export function gatherWordsDictionary(dict: WordDictionary, words: Int32Array, validity: Validity, from: number, to: number, page: PendingPage): void {
  const { def, idx } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  if (bitmap === undefined) {
    def.fill(1, rows, rows + to - from);
    rows += to - from;
    for (let i = from; i < to; i++) idx[n++] = dict.intern1(words[i]!);
  } else {
    for (let i = from; i < to; i++) {
      if (isValid(bitmap, bitOffset + i)) {
        def[rows++] = 1;
        idx[n++] = dict.intern1(words[i]!);
      } else def[rows++] = 0;
    }
  }
  advance(page, rows, n);
}

/**
 * Pairs of 32-bit words (64-bit values, low word first) into dictionary indices.
 *
 * @example
 * ```ts
 * gatherPairsDictionary(dictionary, words, validity, 0, data.length, page);
 * ```
 */
export function gatherPairsDictionary(dict: WordDictionary, words: Int32Array, validity: Validity, from: number, to: number, page: PendingPage): void {
  const { def, idx } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  for (let i = from; i < to; i++) {
    if (bitmap !== undefined && !isValid(bitmap, bitOffset + i)) {
      def[rows++] = 0;
      continue;
    }
    def[rows++] = 1;
    idx[n++] = dict.intern2(words[i * 2]!, words[i * 2 + 1]!);
  }
  advance(page, rows, n);
}

/**
 * Fixed-width values as PLAIN little-endian words (`width` words each), tracking their range:
 * `numbers` is the same memory read as the values' own type (for the range), except 64-bit
 * integers, whose range is taken from the word pairs.
 *
 * @example
 * ```ts
 * gatherWordsPlain(sink, range, words, new Float64Array(words.buffer), 2, validity, 0, n, page);
 * ```
 */
export function gatherWordsPlain(
  sink: ByteSink,
  range: ValueRange,
  words: Int32Array,
  numbers: ArrayLike<number> | undefined,
  width: 1 | 2,
  validity: Validity,
  from: number,
  to: number,
  page: PendingPage,
): void {
  const { def } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  for (let i = from; i < to; i++) {
    if (bitmap !== undefined && !isValid(bitmap, bitOffset + i)) {
      def[rows++] = 0;
      continue;
    }
    def[rows++] = 1;
    n++;
    if (width === 1) {
      sink.u32(words[i]!);
      range.offerNumber(numbers![i]!);
    } else {
      sink.u32(words[i * 2]!);
      sink.u32(words[i * 2 + 1]!);
      if (numbers === undefined) range.offerInt64(words[i * 2]!, words[i * 2 + 1]!);
      else range.offerNumber(numbers[i]!);
    }
  }
  advance(page, rows, n);
}

/**
 * Booleans (an Arrow bitmap from bit `valueOffset`) as 0/1 in `page.idx`, tracking their range.
 *
 * @example
 * ```ts
 * gatherBooleans(range, data.values, data.offset, validity, 0, data.length, page);
 * ```
 */
export function gatherBooleans(range: ValueRange, bits: Uint8Array, valueOffset: number, validity: Validity, from: number, to: number, page: PendingPage): void {
  const { def, idx } = page;
  let rows = page.rows;
  let n = page.values;
  const { bitmap, bitOffset } = validity;
  for (let i = from; i < to; i++) {
    if (bitmap !== undefined && !isValid(bitmap, bitOffset + i)) {
      def[rows++] = 0;
      continue;
    }
    def[rows++] = 1;
    const value = isValid(bits, valueOffset + i) ? 1 : 0;
    idx[n++] = value;
    range.offerNumber(value);
  }
  advance(page, rows, n);
}
