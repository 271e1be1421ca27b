/**
 * The hot loop of the DCL decompressor, shared by the streaming {@link Exploder} and the
 * one-shot `explodeSync`. Internal: callers use `explode.ts`.
 *
 * Design (measured on the DataSUS benchmark set):
 * - the bit buffer lives in a local 32-bit integer refilled a byte at a time up to ≥ 25 bits,
 *   enough for any literal or length code plus its extra bits in one go;
 * - each code is one table read (see `dcl-codes.ts`), never a bit-by-bit walk;
 * - a symbol is decoded "transactionally": the loop remembers where the symbol began and, if the
 *   input runs out in the middle, rewinds to that point and asks for more input, so chunk
 *   boundaries need no special slow path and nothing is written for a half-read symbol;
 * - output goes to a plain `Uint8Array` with at least {@link MAX_MATCH} bytes of slack past the
 *   limit, so a match copy never needs a bounds check.
 *
 * @internal
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { DISTANCE_TABLE, END_LENGTH, LENGTH_BASE, LENGTH_EXTRA, LENGTH_TABLE, LITERAL_TABLE } from './dcl-codes.js';

/** The loop stopped because it needs more input (the unread tail starts at `state.inPos`). */
export const NEED_INPUT = 0;
/** The loop stopped because the output reached `limit`. */
export const OUTPUT_FULL = 1;
/** The end code was decoded. */
export const STREAM_END = 2;

/** Mutable decoder state; everything the hot loop needs between calls. */
export interface ExplodeState {
  /** Literals are Huffman coded (header byte 0 = 1). */
  coded: boolean;
  /** The header's second byte: 4, 5 or 6 (1 KB, 2 KB or 4 KB dictionary). */
  dictBits: number;
  /** Bit buffer (LSB = next bit) and how many valid bits it holds. */
  bitBuffer: number;
  bitCount: number;
  /** Output buffer, write position, and the first position a back-reference may reach. */
  out: Uint8Array;
  outPos: number;
  outStart: number;
  /** Input read position after the last call. */
  inPos: number;
}

/**
 * Decodes symbols from `input[state.inPos, end)` into `state.out` until the input runs out, the
 * output passes `limit` (which must be ≤ `out.length - MAX_MATCH`), or the end code appears.
 *
 * @returns {@link NEED_INPUT}, {@link OUTPUT_FULL} or {@link STREAM_END}
 * @throws ArrowSusError `DCL_DISTANCE_TOO_FAR` for a back-reference before `outStart`
 */
export function explodeRun(state: ExplodeState, input: Uint8Array, end: number, limit: number): number {
  const out = state.out;
  const outStart = state.outStart;
  const coded = state.coded;
  const dictBits = state.dictBits;
  const dictMask = (1 << dictBits) - 1;
  let bb = state.bitBuffer;
  let bc = state.bitCount;
  let p = state.inPos;
  let o = state.outPos;
  let status = OUTPUT_FULL;

  while (o < limit) {
    const symbolPos = p;
    const symbolBits = bb;
    const symbolCount = bc;
    while (bc <= 24 && p < end) {
      bb |= input[p++]! << bc;
      bc += 8;
    }
    if ((bb & 1) === 0) {
      // Literal: 8 raw bits, or a Huffman code of up to 13 bits.
      if (!coded) {
        if (bc < 9) {
          p = symbolPos;
          bb = symbolBits;
          bc = symbolCount;
          status = NEED_INPUT;
          break;
        }
        out[o++] = (bb >>> 1) & 0xff;
        bb >>>= 9;
        bc -= 9;
      } else {
        const entry = LITERAL_TABLE[(bb >>> 1) & 0x1fff]!;
        const n = (entry & 15) + 1;
        if (bc < n) {
          p = symbolPos;
          bb = symbolBits;
          bc = symbolCount;
          status = NEED_INPUT;
          break;
        }
        out[o++] = entry >>> 4;
        bb >>>= n;
        bc -= n;
      }
      continue;
    }

    // Match: length code + extra bits (≤ 16 bits with the flag), then distance code + low bits.
    const lengthEntry = LENGTH_TABLE[(bb >>> 1) & 0x7f]!;
    const lengthSymbol = lengthEntry >>> 4;
    const lengthCodeBits = lengthEntry & 15;
    const extra = LENGTH_EXTRA[lengthSymbol]!;
    const n1 = 1 + lengthCodeBits + extra;
    if (bc < n1) {
      p = symbolPos;
      bb = symbolBits;
      bc = symbolCount;
      status = NEED_INPUT;
      break;
    }
    const len = LENGTH_BASE[lengthSymbol]! + ((bb >>> (1 + lengthCodeBits)) & ((1 << extra) - 1));
    bb >>>= n1;
    bc -= n1;
    if (len === END_LENGTH) {
      status = STREAM_END;
      break;
    }
    while (bc <= 24 && p < end) {
      bb |= input[p++]! << bc;
      bc += 8;
    }
    const distanceEntry = DISTANCE_TABLE[bb & 0xff]!;
    const distanceCodeBits = distanceEntry & 15;
    // Two-byte matches carry only 2 low distance bits (distance ≤ 256), longer ones dictBits.
    const lowBits = len === 2 ? 2 : dictBits;
    const n2 = distanceCodeBits + lowBits;
    if (bc < n2) {
      p = symbolPos;
      bb = symbolBits;
      bc = symbolCount;
      status = NEED_INPUT;
      break;
    }
    const low = (bb >>> distanceCodeBits) & (len === 2 ? 3 : dictMask);
    const dist = (((distanceEntry >>> 4) << lowBits) | low) + 1;
    bb >>>= n2;
    bc -= n2;
    let from = o - dist;
    if (from < outStart) {
      throw new ArrowSusError(
        'DCL_DISTANCE_TOO_FAR',
        `dcl: back-reference ${dist} bytes back at output byte ${o - outStart} reaches before the start of the data (damaged stream)`,
        { details: { distance: dist, outputOffset: o - outStart } },
      );
    }
    if (dist === 1) {
      out.fill(out[from]!, o, o + len);
      o += len;
    } else if (dist >= len && len > 24) {
      out.copyWithin(o, from, from + len);
      o += len;
    } else {
      // Overlapping (or short) copy: byte order matters, the source may be bytes just written.
      const stop = o + len;
      while (o < stop) out[o++] = out[from++]!;
    }
  }

  state.bitBuffer = bb;
  state.bitCount = bc;
  state.inPos = p;
  state.outPos = o;
  return status;
}
