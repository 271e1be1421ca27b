/**
 * The hot loop of the DCL decompressor, shared by the streaming {@link Exploder} and the
 * one-shot `explodeSync`. Internal: callers use `explode.ts`.
 *
 * Design (measured on the DataSUS benchmark set):
 * - the bit buffer lives in a local 32-bit integer refilled two bytes at a time up to ≥ 16 bits,
 *   enough for a literal, a length code plus its extra bits, or a distance code plus its low bits;
 * - each code is one table read (see `dcl-codes.ts`), never a bit-by-bit walk;
 * - while ≥ 8 input bytes remain, a fast loop decodes without availability checks (any symbol
 *   fits); for the last few bytes of a chunk a careful loop decodes each symbol
 *   "transactionally": it remembers where the symbol began and, if the input runs out in the
 *   middle, rewinds there and asks for more input, so nothing is written for a half-read symbol;
 * - output goes to a plain `Uint8Array` with {@link OUTPUT_SLACK} bytes of slack past the limit,
 *   so a match copy never needs a bounds check and may copy whole 4- or 8-byte steps.
 *
 * @internal
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { DISTANCE_TABLE, END_LENGTH, LENGTH_DECODE, LITERAL_TABLE, MAX_MATCH } from './dcl-codes.js';

/**
 * The loop stopped because it needs more input (the unread tail starts at `state.inPos`).
 *
 * @example
 * ```ts
 * if (explodeRun(state, input, input.length, limit) === NEED_INPUT) return null;
 * ```
 */
export const NEED_INPUT = 0;
/**
 * The loop stopped because the output reached `limit`.
 *
 * @example
 * ```ts
 * if (status === OUTPUT_FULL) emitChunk();
 * ```
 */
export const OUTPUT_FULL = 1;
/**
 * The end code was decoded.
 *
 * @example
 * ```ts
 * if (status === STREAM_END) ended = true;
 * ```
 */
export const STREAM_END = 2;

/**
 * Bytes the output buffer needs past `limit`: the longest match plus a word-copy overrun.
 *
 * @example
 * ```ts
 * const out = new Uint8Array(limit + OUTPUT_SLACK);
 * ```
 */
export const OUTPUT_SLACK = MAX_MATCH + 8;

/**
 * Mutable decoder state; everything the hot loop needs between calls.
 *
 * @example
 * ```ts
 * const status = explodeRun(state, input, input.length, state.out.length - OUTPUT_SLACK);
 * ```
 */
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
  /** DataView over the whole of `out` (which must start at offset 0 of its buffer), for word copies. */
  view: DataView;
  outPos: number;
  outStart: number;
  /** Input read position after the last call. */
  inPos: number;
}

function distanceTooFar(dist: number, offset: number): ArrowSusError {
  return new ArrowSusError(
    'DCL_DISTANCE_TOO_FAR',
    `dcl: back-reference ${dist} bytes back at output byte ${offset} reaches before the start of the data (damaged stream)`,
    { details: { distance: dist, outputOffset: offset } },
  );
}

/** Copies a `len`-byte match from `dist` bytes back to `o`; returns the new output position. */
function copyMatch(out: Uint8Array, view: DataView, o: number, dist: number, len: number, outStart: number): number {
  let from = o - dist;
  if (from < outStart) throw distanceTooFar(dist, o - outStart);
  const stop = o + len;
  if (dist >= 8) {
    if (len > 64 && dist >= len) {
      out.copyWithin(o, from, from + len);
      return stop;
    }
    // Eight bytes a step, even when source and target overlap: with dist ≥ 8 every word read
    // was written before. May write up to 7 bytes past the match (inside the slack), which the
    // next symbols overwrite. Measured ~2× faster than a byte loop or copyWithin here.
    do {
      view.setUint32(o, view.getUint32(from, true), true);
      view.setUint32(o + 4, view.getUint32(from + 4, true), true);
      o += 8;
      from += 8;
    } while (o < stop);
  } else if (dist >= 4) {
    do {
      view.setUint32(o, view.getUint32(from, true), true);
      o += 4;
      from += 4;
    } while (o < stop);
  } else {
    while (o < stop) out[o++] = out[from++]!;
  }
  return stop;
}

/**
 * The fast path: runs while at least 8 input bytes remain, which covers any symbol (≤ 30 bits
 * plus ≤ 15 bits already buffered), so it needs no availability checks and no rewind points.
 * Returns {@link STREAM_END} or {@link OUTPUT_FULL}-or-short-input (the caller continues carefully).
 */
function explodeFast(state: ExplodeState, input: Uint8Array, end: number, limit: number): number {
  const out = state.out;
  const view = state.view;
  const outStart = state.outStart;
  const coded = state.coded;
  const dictBits = state.dictBits;
  const dictMask = (1 << dictBits) - 1;
  const safeEnd = end - 8;
  let bb = state.bitBuffer;
  let bc = state.bitCount;
  let p = state.inPos;
  let o = state.outPos;
  let status = OUTPUT_FULL;
  while (o < limit && p < safeEnd) {
    if (bc < 16) {
      bb |= (input[p]! | (input[p + 1]! << 8)) << bc;
      p += 2;
      bc += 16;
    }
    if ((bb & 1) === 0) {
      if (!coded) {
        out[o++] = (bb >>> 1) & 0xff;
        bb >>>= 9;
        bc -= 9;
      } else {
        const entry = LITERAL_TABLE[(bb >>> 1) & 0x1fff]!;
        const n = (entry & 15) + 1;
        out[o++] = entry >>> 4;
        bb >>>= n;
        bc -= n;
      }
      continue;
    }
    const lengthEntry = LENGTH_DECODE[(bb >>> 1) & 0x7f]!;
    const lengthCodeBits = lengthEntry & 15;
    const extra = (lengthEntry >>> 4) & 15;
    const len = (lengthEntry >>> 8) + ((bb >>> (1 + lengthCodeBits)) & ((1 << extra) - 1));
    const n1 = 1 + lengthCodeBits + extra;
    bb >>>= n1;
    bc -= n1;
    if (len === END_LENGTH) {
      status = STREAM_END;
      break;
    }
    if (bc < 16) {
      bb |= (input[p]! | (input[p + 1]! << 8)) << bc;
      p += 2;
      bc += 16;
    }
    const distanceEntry = DISTANCE_TABLE[bb & 0xff]!;
    const distanceCodeBits = distanceEntry & 15;
    const lowBits = len === 2 ? 2 : dictBits;
    const low = (bb >>> distanceCodeBits) & (len === 2 ? 3 : dictMask);
    const dist = (((distanceEntry >>> 4) << lowBits) | low) + 1;
    const n2 = distanceCodeBits + lowBits;
    bb >>>= n2;
    bc -= n2;
    o = copyMatch(out, view, o, dist, len, outStart);
  }
  state.bitBuffer = bb;
  state.bitCount = bc;
  state.inPos = p;
  state.outPos = o;
  return status;
}

/**
 * Decodes symbols from `input[state.inPos, end)` into `state.out` until the input runs out, the
 * output passes `limit` (which must be ≤ `out.length - OUTPUT_SLACK`), or the end code appears.
 *
 * @returns {@link NEED_INPUT}, {@link OUTPUT_FULL} or {@link STREAM_END}
 * @throws ArrowSusError `DCL_DISTANCE_TOO_FAR` for a back-reference before `outStart`
 *
 * @example
 * ```ts
 * const status = explodeRun(state, input, input.length, limit); // NEED_INPUT, OUTPUT_FULL or STREAM_END
 * ```
 */
export function explodeRun(state: ExplodeState, input: Uint8Array, end: number, limit: number): number {
  if (explodeFast(state, input, end, limit) === STREAM_END) return STREAM_END;
  // The careful loop: the last few input bytes, with a rewind point per symbol.
  const out = state.out;
  const view = state.view;
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
    // Refill to ≥ 16 bits (at most 31): enough for a literal, or for flag + length code + extra
    // bits, or for a distance code + low bits. Two bytes per refill, one branch in the common case.
    if (bc < 16) {
      if (p + 1 < end) {
        bb |= (input[p]! | (input[p + 1]! << 8)) << bc;
        p += 2;
        bc += 16;
      } else if (p < end) {
        bb |= input[p++]! << bc;
        bc += 8;
      }
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
    const lengthEntry = LENGTH_DECODE[(bb >>> 1) & 0x7f]!;
    const lengthCodeBits = lengthEntry & 15;
    const extra = (lengthEntry >>> 4) & 15;
    const n1 = 1 + lengthCodeBits + extra;
    if (bc < n1) {
      p = symbolPos;
      bb = symbolBits;
      bc = symbolCount;
      status = NEED_INPUT;
      break;
    }
    const len = (lengthEntry >>> 8) + ((bb >>> (1 + lengthCodeBits)) & ((1 << extra) - 1));
    bb >>>= n1;
    bc -= n1;
    if (len === END_LENGTH) {
      status = STREAM_END;
      break;
    }
    if (bc < 16) {
      if (p + 1 < end) {
        bb |= (input[p]! | (input[p + 1]! << 8)) << bc;
        p += 2;
        bc += 16;
      } else if (p < end) {
        bb |= input[p++]! << bc;
        bc += 8;
      }
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
    o = copyMatch(out, view, o, dist, len, outStart);
  }

  state.bitBuffer = bb;
  state.bitCount = bc;
  state.inPos = p;
  state.outPos = o;
  return status;
}
