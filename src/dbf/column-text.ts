/**
 * Text columns: DBF `C` bytes → Arrow Utf8, transcoded byte by byte without creating JS strings
 * (ASCII copied, high bytes through the codec's table of UTF-8 sequences).
 *
 * @module
 */
import { Utf8 } from 'apache-arrow';
import { flatData } from '../arrow/data.js';
import type { DbfCodec } from './codec.js';
import { ColumnScratch, Nulls, type ColumnDecoder } from './column-block.js';

/**
 * A single-byte code page text column (Latin-1, CP850, CP1252): trailing blanks/NULs trimmed,
 * all-blank → null.
 *
 * @example
 * ```ts
 * const column = textColumn(rows, header.recordLength, field.offset, field.length, dbfCodec('cp850'));
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data } = column.finish(rows);
 * ```
 */
export function textColumn(rows: number, stride: number, offset: number, length: number, codec: DbfCodec, scratch = new ColumnScratch()): ColumnDecoder {
  const offsets = scratch.int32(0, rows + 1);
  offsets[0] = 0;
  const nulls = new Nulls(rows, scratch);
  // ASCII output never exceeds the input, so the only capacity check is where a high byte expands
  // (extra bytes so far + the worst case of one more byte): no per-cell check on the hot path.
  const base = rows * length;
  let out = scratch.textBytes(base + 64);
  let capacity = out.length;
  let pos = 0;
  let extra = 0;
  const { seq, seqLength } = codec;
  return {
    decode(bytes, at, from, to) {
      let o = out;
      let p = pos;
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        // Trailing blanks (and the NUL padding some writers use) are not part of the value. This is
        // `trimmedEnd` written out: calling it here, the hottest loop, measured a few per cent slower.
        let end = start + length;
        while (end > start) {
          const b = bytes[end - 1] as number;
          if (b !== 0x20 && b !== 0x00) break;
          end--;
        }
        if (end === start) nulls.set(r);
        for (let i = start; i < end; i++) {
          const b = bytes[i] as number;
          if (b < 0x80) {
            o[p++] = b;
          } else {
            const n = seqLength[b] as number;
            extra += n - 1;
            if (base + extra + 4 > capacity) {
              o = scratch.textBytes(Math.max(capacity * 2, base + extra + 64), p);
              capacity = o.length;
            }
            const q = b << 2;
            o[p++] = seq[q] as number;
            if (n > 1) o[p++] = seq[q + 1] as number;
            if (n > 2) o[p++] = seq[q + 2] as number;
          }
        }
        offsets[r + 1] = p;
      }
      out = o;
      pos = p;
    },
    finish(used) {
      // An exact copy unless the batch is transient: the text buffer is the next batch's.
      const data = flatData(new Utf8(), used, nulls.count, nulls.take(used), scratch.takeText(out, pos), scratch.take(offsets, used + 1));
      return { data, unparsable: 0 };
    },
  };
}

/**
 * UTF-8 text: copied when valid; each byte of an invalid sequence becomes U+FFFD (EF BF BD).
 *
 * @example
 * ```ts
 * const column = utf8TextColumn(rows, header.recordLength, field.offset, field.length);
 * column.decode(bytes, header.headerLength, 0, rows);
 * const { data } = column.finish(rows);
 * ```
 */
export function utf8TextColumn(rows: number, stride: number, offset: number, length: number, scratch = new ColumnScratch()): ColumnDecoder {
  const offsets = scratch.int32(0, rows + 1);
  offsets[0] = 0;
  const nulls = new Nulls(rows, scratch);
  let out = scratch.textBytes(Math.max(16, rows * length));
  let capacity = out.length;
  let pos = 0;
  return {
    decode(bytes, at, from, to) {
      let start = at + offset;
      for (let r = from; r < to; r++, start += stride) {
        let end = start + length;
        while (end > start) {
          const b = bytes[end - 1] as number;
          if (b !== 0x20 && b !== 0x00) break;
          end--;
        }
        if (end === start) {
          nulls.set(r);
          offsets[r + 1] = pos;
          continue;
        }
        if (pos + (end - start) * 3 > capacity) {
          out = scratch.textBytes(Math.max(capacity * 2, pos + (end - start) * 3), pos);
          capacity = out.length;
        }
        let i = start;
        while (i < end) {
          const b = bytes[i] as number;
          if (b < 0x80) {
            out[pos++] = b;
            i++;
            continue;
          }
          const n = utf8SequenceLength(bytes, i, end);
          if (n === 0) {
            out[pos++] = 0xef;
            out[pos++] = 0xbf;
            out[pos++] = 0xbd;
            i++;
          } else {
            for (let k = 0; k < n; k++) out[pos++] = bytes[i + k] as number;
            i += n;
          }
        }
        offsets[r + 1] = pos;
      }
    },
    finish(used) {
      // An exact copy unless the batch is transient: the text buffer is the next batch's.
      const data = flatData(new Utf8(), used, nulls.count, nulls.take(used), scratch.takeText(out, pos), scratch.take(offsets, used + 1));
      return { data, unparsable: 0 };
    },
  };
}

/** Length of a well-formed UTF-8 sequence at `i` (no overlongs, surrogates or > U+10FFFF), else 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return i + k < end && c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
