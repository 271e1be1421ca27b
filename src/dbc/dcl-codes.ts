/**
 * The fixed Huffman codes of the PKWare DCL "implode" format, as decoding lookup tables and as
 * encoding tables. Built once at module load (a few microseconds); shared by explode and implode.
 *
 * The format stores each code most-significant bit first with every bit inverted, inside an
 * LSB-first bit stream. A lookup table indexed by the next N stream bits (N = longest code) maps
 * straight to `(symbol << 4) | codeLength`, so one array read replaces the bit-by-bit canonical
 * walk of the reference decoder (zlib `contrib/blast/blast.c`).
 *
 * @module
 */

/** Code lengths of the 256 coded literals, run-length packed: `(repeat - 1) << 4 | length`. */
const LITERAL_LENGTHS_PACKED = [
  11, 124, 8, 7, 28, 7, 188, 13, 76, 4, 10, 8, 12, 10, 12, 10, 8, 23, 8, 9, 7, 6, 7, 8, 7, 6, 55, 8, 23, 24, 12, 11,
  7, 9, 11, 12, 6, 7, 22, 5, 7, 24, 6, 11, 9, 6, 7, 22, 7, 11, 38, 7, 9, 8, 25, 11, 8, 11, 9, 12, 8, 12, 5, 38, 5, 38,
  5, 11, 7, 5, 6, 21, 6, 10, 53, 8, 7, 24, 10, 27, 44, 253, 253, 253, 252, 252, 252, 13, 12, 45, 12, 45, 12, 61, 12,
  45, 44, 173,
];
/** Code lengths of the 16 length symbols, packed as above. */
const LENGTH_LENGTHS_PACKED = [2, 35, 36, 53, 38, 23];
/** Code lengths of the 64 distance symbols (high bits of the distance), packed as above. */
const DISTANCE_LENGTHS_PACKED = [2, 20, 53, 230, 247, 151, 248];

/**
 * Base match length of each length symbol.
 *
 * @example
 * ```ts
 * LENGTH_BASE[1]; // 2: symbol 1 is the two-byte match
 * ```
 */
export const LENGTH_BASE: Uint16Array = Uint16Array.of(3, 2, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 40, 72, 136, 264);
/**
 * Extra bits after each length symbol.
 *
 * @example
 * ```ts
 * LENGTH_EXTRA[15]; // 8 extra bits after the last length symbol
 * ```
 */
export const LENGTH_EXTRA: Uint8Array = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8);
/**
 * Length value that marks the end of the stream (symbol 15 with all 8 extra bits set).
 *
 * @example
 * ```ts
 * if (len === END_LENGTH) break;
 * ```
 */
export const END_LENGTH = 519;
/**
 * Longest match the format can express.
 *
 * @example
 * ```ts
 * const longest = Math.min(MAX_MATCH, remaining);
 * ```
 */
export const MAX_MATCH = 518;

/**
 * Longest literal code (bits): the literal lookup-table index width.
 *
 * @example
 * ```ts
 * const entry = LITERAL_TABLE[bits & ((1 << LITERAL_BITS) - 1)];
 * ```
 */
export const LITERAL_BITS = 13;
/**
 * Longest length code (bits): the length lookup-table index width.
 *
 * @example
 * ```ts
 * const entry = LENGTH_TABLE[bits & ((1 << LENGTH_BITS) - 1)];
 * ```
 */
export const LENGTH_BITS = 7;
/**
 * Longest distance code (bits): the distance lookup-table index width.
 *
 * @example
 * ```ts
 * const entry = DISTANCE_TABLE[bits & ((1 << DISTANCE_BITS) - 1)];
 * ```
 */
export const DISTANCE_BITS = 8;

function unpack(packed: readonly number[]): Uint8Array {
  const lengths: number[] = [];
  for (const b of packed) for (let r = (b >> 4) + 1; r > 0; r--) lengths.push(b & 15);
  return Uint8Array.from(lengths);
}

/** A code in stream order: the bits to emit LSB-first, and how many. */
interface CodeSet {
  readonly bits: Uint16Array;
  readonly lengths: Uint8Array;
}

/** Canonical codes (shorter first, then by symbol), bit-reversed and inverted into stream order. */
function assignCodes(lengths: Uint8Array): CodeSet {
  const count = new Uint16Array(16);
  for (const len of lengths) count[len]!++;
  count[0] = 0; // unused symbols take no code space
  const next = new Uint16Array(16);
  let code = 0;
  for (let len = 1; len < 16; len++) {
    code = (code + count[len - 1]!) << 1;
    next[len] = code;
  }
  const bits = new Uint16Array(lengths.length);
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym]!;
    if (len === 0) continue;
    const canonical = next[len]!++;
    let stream = 0;
    for (let i = 0; i < len; i++) stream |= (((canonical >> (len - 1 - i)) & 1) ^ 1) << i;
    bits[sym] = stream;
  }
  return { bits, lengths };
}

/** Lookup table: entry = `(symbol << 4) | codeLength`, every index filled (the codes are complete). */
function buildTable(codes: CodeSet, width: number): Uint16Array {
  const table = new Uint16Array(1 << width);
  for (let sym = 0; sym < codes.lengths.length; sym++) {
    const len = codes.lengths[sym]!;
    if (len === 0) continue;
    for (let i = codes.bits[sym]!; i < table.length; i += 1 << len) table[i] = (sym << 4) | len;
  }
  return table;
}

const literalCodes = assignCodes(unpack(LITERAL_LENGTHS_PACKED));
const lengthCodes = assignCodes(unpack(LENGTH_LENGTHS_PACKED));
const distanceCodes = assignCodes(unpack(DISTANCE_LENGTHS_PACKED));

/**
 * Coded-literal decoding table, indexed by the next 13 stream bits.
 *
 * @example
 * ```ts
 * const entry = LITERAL_TABLE[bits & 0x1fff]; // byte = entry >>> 4, code length = entry & 15
 * ```
 */
export const LITERAL_TABLE: Uint16Array = buildTable(literalCodes, LITERAL_BITS);
/**
 * Length-symbol decoding table, indexed by the next 7 stream bits.
 *
 * @example
 * ```ts
 * const symbol = LENGTH_TABLE[bits & 0x7f] >>> 4;
 * ```
 */
export const LENGTH_TABLE: Uint16Array = buildTable(lengthCodes, LENGTH_BITS);
/**
 * Distance-symbol decoding table, indexed by the next 8 stream bits.
 *
 * @example
 * ```ts
 * const highBits = DISTANCE_TABLE[bits & 0xff] >>> 4;
 * ```
 */
export const DISTANCE_TABLE: Uint16Array = buildTable(distanceCodes, DISTANCE_BITS);

/**
 * Length decoding in one read: indexed by the 7 bits after the match flag, each entry packs
 * `base << 8 | extraBits << 4 | codeLength` (saves two dependent table reads per match).
 *
 * @example
 * ```ts
 * const e = LENGTH_DECODE[bits & 0x7f]; // base = e >>> 8, extra = (e >>> 4) & 15, code length = e & 15
 * ```
 */
export const LENGTH_DECODE: Int32Array = Int32Array.from(LENGTH_TABLE, (entry) => {
  const sym = entry >>> 4;
  return (LENGTH_BASE[sym]! << 8) | (LENGTH_EXTRA[sym]! << 4) | (entry & 15);
});

/**
 * Literal encoding table: stream-order code bits and code length per byte value.
 *
 * @example
 * ```ts
 * writer.put(LITERAL_CODES.bits[byte], LITERAL_CODES.lengths[byte]);
 * ```
 */
export const LITERAL_CODES: CodeSet = literalCodes;
/**
 * Length-symbol encoding table.
 *
 * @example
 * ```ts
 * writer.put(LENGTH_CODES.bits[symbol], LENGTH_CODES.lengths[symbol]);
 * ```
 */
export const LENGTH_CODES: CodeSet = lengthCodes;
/**
 * Distance-symbol encoding table (the high bits of distance - 1).
 *
 * @example
 * ```ts
 * writer.put(DISTANCE_CODES.bits[high], DISTANCE_CODES.lengths[high]);
 * ```
 */
export const DISTANCE_CODES: CodeSet = distanceCodes;
