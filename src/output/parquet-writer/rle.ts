/**
 * Parquet's RLE / bit-packing hybrid encoding, for definition levels and dictionary indices.
 *
 * The stream is a sequence of runs: an RLE run (`count << 1`, then the value in ⌈width/8⌉
 * bytes) for eight or more repeats, else bit-packed groups of eight values (`groups << 1 | 1`,
 * then `width` bytes per group, least significant bit first). Only the last bit-packed run may
 * be padded: readers stop at the page's value count.
 *
 * @module
 */
import type { ByteSink } from '../byte-sink.js';

/** Runs shorter than this are bit-packed (the break-even point of both forms). */
const MIN_RLE_RUN = 8;

/**
 * Bits needed for values up to `max` (at least 1: some readers reject width 0).
 *
 * @example
 * ```ts
 * bitWidth(0); // 1
 * bitWidth(255); // 8
 * bitWidth(256); // 9
 * ```
 */
export function bitWidth(max: number): number {
  return max <= 1 ? 1 : 32 - Math.clz32(max);
}

/**
 * Appends `values[0 … count)` (each below `2^width`, width ≤ 24) RLE/bit-packing-hybrid encoded.
 *
 * @example
 * ```ts
 * const sink = new ByteSink();
 * writeRleHybrid(sink, new Int32Array([1, 1, 1, 1, 1, 1, 1, 1, 1]), 9, 1);
 * sink.bytes(); // Uint8Array(2) [18, 1]: nine 1s
 * ```
 */
export function writeRleHybrid(sink: ByteSink, values: ArrayLike<number>, count: number, width: number): void {
  const valueBytes = (width + 7) >>> 3;
  let i = 0;
  while (i < count) {
    const run = runEnd(values, i, count) - i;
    if (run >= MIN_RLE_RUN) {
      sink.varint(run * 2);
      let value = values[i]!;
      sink.reserve(valueBytes);
      for (let b = 0; b < valueBytes; b++, value >>>= 8) sink.buffer[sink.length++] = value & 0xff;
      i += run;
      continue;
    }
    // Bit-packed groups of eight until a long run starts at a group boundary (or the end).
    const start = i;
    do i += 8;
    while (i < count && runEnd(values, i, count) - i < MIN_RLE_RUN);
    const groups = (Math.min(i, count) - start + 7) >>> 3;
    sink.varint(groups * 2 + 1);
    packBits(sink, values, start, Math.min(i, count), groups * 8, width);
    i = Math.min(i, count);
  }
}

/**
 * Where the run of `values[at]` that starts at `at` ends. It returns the end, not the length: the
 * loop is entered through on-stack replacement, and V8 (Node 20) kept re-entering an OSR version
 * compiled without feedback for the subtraction after the loop, deoptimising at every call
 * (800 times per file).
 */
function runEnd(values: ArrayLike<number>, at: number, count: number): number {
  const value = values[at]!;
  let end = at + 1;
  while (end < count && values[end] === value) end++;
  return end;
}

/** Packs `values[from … to)` padded with zeros to `slots` values, `width` bits each. */
function packBits(sink: ByteSink, values: ArrayLike<number>, from: number, to: number, slots: number, width: number): void {
  sink.reserve((slots * width) >>> 3);
  const out = sink.buffer;
  let n = sink.length;
  let acc = 0;
  let bits = 0;
  for (let k = from; k < to; k++) {
    acc |= values[k]! << bits;
    bits += width;
    while (bits >= 8) {
      out[n++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  }
  // Zero padding to whole groups: `slots * width` is a multiple of 8 bits.
  const end = sink.length + ((slots * width) >>> 3);
  if (bits > 0) out[n++] = acc & 0xff;
  while (n < end) out[n++] = 0;
  sink.length = end;
}
