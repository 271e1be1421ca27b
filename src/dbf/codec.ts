/**
 * Text codecs for DBF character fields: single-byte code pages transcoded straight into UTF-8
 * bytes (no JS strings on the hot path), and the reverse direction for predicate literals and
 * the writer.
 *
 * DataSUS text is Latin-1 in most files, but some free-text fields are DOS code page 850
 * (`RECÉM` stored as `REC\x90M`), so the codec is selectable per read.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/** Text encodings understood by the DBF reader and writer. */
export type DbfEncoding = 'latin1' | 'cp850' | 'cp1252' | 'utf8';

/**
 * The supported encodings, in documentation order.
 *
 * @example
 * ```ts
 * DBF_ENCODINGS.includes('cp850'); // true
 * ```
 */
export const DBF_ENCODINGS: readonly DbfEncoding[] = ['latin1', 'cp850', 'cp1252', 'utf8'];

/**
 * A compiled codec. For single-byte code pages `seq`/`seqLength` hold the UTF-8 bytes of each of
 * the 256 byte values (4 slots per byte), so transcoding is one table lookup per non-ASCII byte.
 */
export interface DbfCodec {
  readonly encoding: DbfEncoding;
  /** Most UTF-8 bytes one input byte can become (sizes output buffers). */
  readonly maxExpansion: number;
  /** UTF-8 sequence of byte `b` at `seq[4*b .. 4*b + seqLength[b])`; empty for `utf8`. */
  readonly seq: Uint8Array;
  readonly seqLength: Uint8Array;
  /** Unicode code point → byte, for encoding literals; undefined for `utf8`. */
  readonly reverse: ReadonlyMap<number, number> | undefined;
}

// High halves (0x80..0xFF) as code points. Latin-1 is the identity.
// CP850 table: IBM code page 850 (the same table Python's `cp850` codec uses).
const CP850_HIGH = [
  0xc7, 0xfc, 0xe9, 0xe2, 0xe4, 0xe0, 0xe5, 0xe7, 0xea, 0xeb, 0xe8, 0xef, 0xee, 0xec, 0xc4, 0xc5,
  0xc9, 0xe6, 0xc6, 0xf4, 0xf6, 0xf2, 0xfb, 0xf9, 0xff, 0xd6, 0xdc, 0xf8, 0xa3, 0xd8, 0xd7, 0x192,
  0xe1, 0xed, 0xf3, 0xfa, 0xf1, 0xd1, 0xaa, 0xba, 0xbf, 0xae, 0xac, 0xbd, 0xbc, 0xa1, 0xab, 0xbb,
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0xc1, 0xc2, 0xc0, 0xa9, 0x2563, 0x2551, 0x2557, 0x255d, 0xa2, 0xa5, 0x2510,
  0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0xe3, 0xc3, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0xa4,
  0xf0, 0xd0, 0xca, 0xcb, 0xc8, 0x131, 0xcd, 0xce, 0xcf, 0x2518, 0x250c, 0x2588, 0x2584, 0xa6, 0xcc, 0x2580,
  0xd3, 0xdf, 0xd4, 0xd2, 0xf5, 0xd5, 0xb5, 0xfe, 0xde, 0xda, 0xdb, 0xd9, 0xfd, 0xdd, 0xaf, 0xb4,
  0xad, 0xb1, 0x2017, 0xbe, 0xb6, 0xa7, 0xf7, 0xb8, 0xb0, 0xa8, 0xb7, 0xb9, 0xb3, 0xb2, 0x25a0, 0xa0,
];

// Windows-1252 differs from Latin-1 only in 0x80..0x9F. The five bytes it leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as the WHATWG
// Encoding Standard does: decoding never fails and never loses a byte.
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function codePointsOf(encoding: Exclude<DbfEncoding, 'utf8'>): number[] {
  const points: number[] = [];
  for (let b = 0; b < 256; b++) {
    if (b < 0x80 || encoding === 'latin1') points.push(b);
    else if (encoding === 'cp850') points.push(CP850_HIGH[b - 0x80] ?? 0xfffd);
    else points.push(b < 0xa0 ? (CP1252_C1[b - 0x80] ?? 0xfffd) : b);
  }
  return points;
}

function writeUtf8(point: number, out: Uint8Array, at: number): number {
  if (point < 0x80) {
    out[at] = point;
    return 1;
  }
  if (point < 0x800) {
    out[at] = 0xc0 | (point >> 6);
    out[at + 1] = 0x80 | (point & 0x3f);
    return 2;
  }
  out[at] = 0xe0 | (point >> 12);
  out[at + 1] = 0x80 | ((point >> 6) & 0x3f);
  out[at + 2] = 0x80 | (point & 0x3f);
  return 3;
}

const cache = new Map<DbfEncoding, DbfCodec>();

/**
 * Returns the compiled codec for an encoding; throws `DBF_UNSUPPORTED_ENCODING` for any other name.
 *
 * @example
 * ```ts
 * const codec = dbfCodec('cp850');
 * codec.seqLength[0x90]; // 2 (É)
 * ```
 */
export function dbfCodec(encoding: string): DbfCodec {
  const known = cache.get(encoding as DbfEncoding);
  if (known !== undefined) return known;
  if (!(DBF_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new ArrowSusError('DBF_UNSUPPORTED_ENCODING', `dbf: unsupported text encoding "${encoding}" (use one of ${DBF_ENCODINGS.join(', ')})`, {
      details: { encoding },
    });
  }
  const name = encoding as DbfEncoding;
  let codec: DbfCodec;
  if (name === 'utf8') {
    codec = { encoding: name, maxExpansion: 3, seq: new Uint8Array(0), seqLength: new Uint8Array(0), reverse: undefined };
  } else {
    const seq = new Uint8Array(1024);
    const seqLength = new Uint8Array(256);
    const reverse = new Map<number, number>();
    let maxExpansion = 1;
    codePointsOf(name).forEach((point, b) => {
      const n = writeUtf8(point, seq, 4 * b);
      seqLength[b] = n;
      if (n > maxExpansion) maxExpansion = n;
      if (!reverse.has(point)) reverse.set(point, b);
    });
    codec = { encoding: name, maxExpansion, seq, seqLength, reverse };
  }
  cache.set(name, codec);
  return codec;
}

/**
 * Encodes text into a field's byte form, or returns undefined when a character has no byte in
 * the code page (so a predicate literal that cannot occur in the file is detected up front).
 *
 * @example
 * ```ts
 * encodeText('SÃO PAULO', dbfCodec('latin1')); // Uint8Array [0x53, 0xc3, 0x4f, …]
 * ```
 */
export function encodeText(text: string, codec: DbfCodec): Uint8Array | undefined {
  if (codec.reverse === undefined) return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const char of text) {
    const byte = codec.reverse.get(char.codePointAt(0) ?? 0xfffd);
    if (byte === undefined) return undefined;
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

/**
 * Decodes field bytes to a JS string (for headers, errors and tests; the column decoder writes
 * UTF-8 bytes directly and never calls this).
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0x52, 0x45, 0x43, 0x90, 0x4d]), dbfCodec('cp850')); // 'RECÉM'
 * ```
 */
export function decodeText(bytes: Uint8Array, codec: DbfCodec): string {
  if (codec.encoding === 'utf8') return new TextDecoder('utf-8').decode(bytes);
  const out = new Uint8Array(bytes.length * codec.maxExpansion);
  let n = 0;
  for (const b of bytes) {
    const len = codec.seqLength[b] ?? 0;
    for (let k = 0; k < len; k++) out[n++] = codec.seq[4 * b + k] ?? 0;
  }
  return new TextDecoder('utf-8').decode(out.subarray(0, n));
}
