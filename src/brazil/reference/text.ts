/**
 * Text decoding for DataSUS auxiliary files: TabWin `.CNV`, `.DBF` tables and CSVs come in DOS code
 * page 850 (CADMUN's `Amaturá` is stored as `Amatur\xA0`), Latin-1 or UTF-8.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';

/**
 * Encodings found in DataSUS auxiliary files.
 *
 * @example
 * ```ts
 * const encoding: TextEncoding = 'cp850';
 * ```
 */
export type TextEncoding = 'cp850' | 'latin1' | 'utf8';

/** Code page 850, bytes 0x80–0xFF. */
const CP850_HIGH = "\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0";

/**
 * Decodes bytes in one of the DataSUS encodings.
 *
 * @example
 * ```ts
 * decodeText(Uint8Array.of(0x41, 0x6d, 0x61, 0x74, 0x75, 0x72, 0xa0), 'cp850'); // 'Amaturá'
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf8':
      return new TextDecoder('utf-8').decode(bytes);
    case 'latin1':
      return new TextDecoder('latin1').decode(bytes);
    case 'cp850': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] ?? 0;
        out += b < 128 ? String.fromCharCode(b) : CP850_HIGH[b - 128];
      }
      return out;
    }
    default:
      throw new ArrowSusError('DBF_UNSUPPORTED_ENCODING', `brazil: unsupported text encoding "${String(encoding)}" (cp850, latin1 or utf8)`);
  }
}

/**
 * Guesses the encoding of a small text file: valid UTF-8 with non-ASCII bytes → `utf8`; otherwise
 * `fallback` (DataSUS tables are CP850 or Latin-1 and cannot be told apart byte by byte).
 *
 * @example
 * ```ts
 * sniffEncoding(new TextEncoder().encode('São Paulo'), 'latin1'); // 'utf8'
 * ```
 */
export function sniffEncoding(bytes: Uint8Array, fallback: TextEncoding): TextEncoding {
  let ascii = true;
  for (const b of bytes) if (b >= 128) { ascii = false; break; }
  if (ascii) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return fallback;
  }
}
