/**
 * The DCL compressor engine: an LZ77 matcher over hash chains with one-step lazy evaluation, and
 * a bit writer emitting the fixed DCL codes. Internal: callers use `implode.ts`.
 *
 * Memory is fixed: a 128 KB input buffer (4 KB history + lookahead), its chain links, a 32K-entry
 * hash head table and one output chunk.
 *
 * @internal
 * @module
 */
import {
  DISTANCE_CODES,
  END_LENGTH,
  LENGTH_BASE,
  LENGTH_CODES,
  LENGTH_EXTRA,
  LITERAL_CODES,
  MAX_MATCH,
} from './dcl-codes.js';

const BUFFER_SIZE = 1 << 17;
const HISTORY = 4096;
const HASH_BITS = 15;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** Chain steps per search (zlib's level-6 style limits, tuned on the 8 largest DataSUS files). */
const MAX_CHAIN = 32;
/** Stop searching once a match this long is found. */
const NICE_LENGTH = 128;
/** With a match this long in hand, the lazy look-ahead searches a quarter of the chain. */
const GOOD_LENGTH = 16;
/** A match at least this long is taken without trying the next position (lazy evaluation). */
const GOOD_ENOUGH = 32;

/** Length symbol of each match length 0…518 (entries 0 and 1 unused). */
const LENGTH_SYMBOL: Uint8Array = (() => {
  const table = new Uint8Array(MAX_MATCH + 2);
  for (let sym = 0; sym < 16; sym++) {
    const base = LENGTH_BASE[sym]!;
    for (let extra = 0; extra < 1 << LENGTH_EXTRA[sym]!; extra++) {
      if (base + extra <= END_LENGTH) table[base + extra] = sym;
    }
  }
  return table;
})();

/**
 * Compression settings fixed in the stream header.
 *
 * @example
 * ```ts
 * new ImplodeEngine({ coded: false, dictBits: 6 }, 65536);
 * ```
 */
export interface ImplodeSettings {
  readonly coded: boolean;
  readonly dictBits: 4 | 5 | 6;
}

/**
 * Streaming implode engine: `write` input, collect output through `take`.
 *
 * @example
 * ```ts
 * const engine = new ImplodeEngine({ coded: false, dictBits: 6 }, 65536);
 * engine.write(bytes);
 * engine.finish();
 * const chunks = engine.take();
 * ```
 */
export class ImplodeEngine {
  readonly #coded: boolean;
  readonly #dictBits: number;
  readonly #maxDistance: number;
  readonly #buf = new Uint8Array(BUFFER_SIZE);
  readonly #view = new DataView(this.#buf.buffer);
  readonly #prev = new Int32Array(BUFFER_SIZE);
  readonly #head = new Int32Array(1 << HASH_BITS).fill(-1);
  /** Latest position of each 2-byte pair, for the format's short two-byte matches (distance ≤ 256). */
  readonly #head2 = new Int32Array(1 << 16).fill(-1);
  #fill = 0;
  #pos = 0;
  #inserted = 0;
  #pending = -1;
  // Output
  readonly #chunkSize: number;
  #out: Uint8Array;
  #op = 0;
  #acc = 0;
  #nacc = 0;
  readonly #ready: Uint8Array[] = [];

  constructor(settings: ImplodeSettings, chunkSize: number) {
    this.#coded = settings.coded;
    this.#dictBits = settings.dictBits;
    this.#maxDistance = 64 << settings.dictBits;
    this.#chunkSize = chunkSize;
    this.#out = new Uint8Array(chunkSize + 16);
    this.#out[0] = settings.coded ? 1 : 0;
    this.#out[1] = settings.dictBits;
    this.#op = 2;
  }

  /** Compresses `input`, keeping the last 518 bytes as lookahead until more input or {@link finish}. */
  write(input: Uint8Array): void {
    let offset = 0;
    while (offset < input.length) {
      if (this.#fill === BUFFER_SIZE) this.#slide();
      const n = Math.min(BUFFER_SIZE - this.#fill, input.length - offset);
      this.#buf.set(input.subarray(offset, offset + n), this.#fill);
      this.#fill += n;
      offset += n;
      this.#compress(this.#fill - MAX_MATCH - 1);
    }
  }

  /** Compresses the rest and writes the end code. */
  finish(): void {
    this.#compress(this.#fill);
    this.#putMatchLength(END_LENGTH);
    if (this.#nacc > 0) {
      this.#out[this.#op++] = this.#acc & 0xff;
      this.#acc = 0;
      this.#nacc = 0;
    }
    if (this.#op > 0) this.#ready.push(this.#out.slice(0, this.#op));
    this.#op = 0;
  }

  /** Output chunks completed since the last call. */
  take(): Uint8Array[] {
    return this.#ready.splice(0, this.#ready.length);
  }

  /** Drops all but the last {@link HISTORY} bytes before `pos`, rebasing the chain positions. */
  #slide(): void {
    const shift = this.#pos - HISTORY;
    if (shift <= 0) return;
    this.#buf.copyWithin(0, shift, this.#fill);
    this.#prev.copyWithin(0, shift, this.#fill);
    // Positions that fall off the front become -1 (clamped, so repeated slides over terabytes of
    // input can never wrap an Int32 back to a plausible position).
    const prev = this.#prev;
    for (let i = 0, n = this.#fill - shift; i < n; i++) prev[i] = Math.max(prev[i]! - shift, -1);
    const head = this.#head;
    for (let i = 0; i < head.length; i++) head[i] = Math.max(head[i]! - shift, -1);
    const head2 = this.#head2;
    for (let i = 0; i < head2.length; i++) head2[i] = Math.max(head2[i]! - shift, -1);
    this.#fill -= shift;
    this.#pos -= shift;
    this.#inserted -= shift;
  }

  #hash(i: number): number {
    const b = this.#buf;
    return ((b[i]! << 10) ^ (b[i + 1]! << 5) ^ b[i + 2]!) & HASH_MASK;
  }

  /** Adds positions up to (excluding) `target` to the hash chains. */
  #insertUpTo(target: number): void {
    const last = Math.min(target, this.#fill - 2);
    const head = this.#head;
    const prev = this.#prev;
    const buf = this.#buf;
    const head2 = this.#head2;
    for (let i = this.#inserted; i < last; i++) {
      const h = this.#hash(i);
      prev[i] = head[h]!;
      head[h] = i;
      head2[(buf[i]! << 8) | buf[i + 1]!] = i;
    }
    if (target > this.#inserted) this.#inserted = target;
  }

  /** Longest match for `pos` (length << 13 | distance), or 0; `pos` must not be inserted yet. */
  #findMatch(pos: number, maxChain: number): number {
    const buf = this.#buf;
    const view = this.#view;
    const maxLen = Math.min(MAX_MATCH, this.#fill - pos);
    if (maxLen < 2) return 0;
    const minPos = pos - this.#maxDistance;
    let cand = maxLen < 3 ? -1 : this.#head[this.#hash(pos)]!;
    // Positions at or after `pos` may already be chained by the lazy look-ahead: skip them.
    while (cand >= pos) cand = this.#prev[cand]!;
    let best = 2;
    let bestDist = 0;
    let chain = maxChain;
    const nice = Math.min(NICE_LENGTH, maxLen);
    while (cand >= minPos && cand >= 0 && chain-- > 0) {
      if (buf[cand + best] === buf[pos + best] && buf[cand] === buf[pos] && buf[cand + 1] === buf[pos + 1]) {
        // Extend four bytes at a time while the words agree, then byte by byte.
        let len = 2;
        while (len + 4 <= maxLen && view.getUint32(cand + len) === view.getUint32(pos + len)) len += 4;
        while (len < maxLen && buf[cand + len] === buf[pos + len]) len++;
        if (len > best) {
          best = len;
          bestDist = pos - cand;
          if (len >= nice) break;
        }
      }
      const next = this.#prev[cand]!;
      if (next >= cand) break;
      cand = next;
    }
    if (bestDist === 0 && maxLen >= 2) {
      // No 3-byte match: a 2-byte one costs 8–14 bits against 18 for two raw literals.
      const cand2 = this.#head2[(buf[pos]! << 8) | buf[pos + 1]!]!;
      if (cand2 >= 0 && cand2 < pos && pos - cand2 <= 256) return (2 << 13) | (pos - cand2);
    }
    return bestDist === 0 ? 0 : (best << 13) | bestDist;
  }

  /** Encodes positions up to `stop` (a match may run past it, up to the buffered input). */
  #compress(stop: number): void {
    const buf = this.#buf;
    let pos = this.#pos;
    while (pos < stop) {
      // A match the lazy look-ahead already found for this position, if any.
      let match = this.#pending;
      this.#pending = -1;
      if (match < 0) {
        this.#insertUpTo(pos);
        match = this.#findMatch(pos, MAX_CHAIN);
        this.#insertUpTo(pos + 1);
      }
      const len = match >>> 13;
      if (len >= 2 && len < GOOD_ENOUGH && pos + 1 < stop) {
        // Lazy evaluation: a longer match one byte later beats this one plus a literal.
        // A decent match already in hand: search the next position less thoroughly.
        const next = this.#findMatch(pos + 1, len >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN);
        this.#insertUpTo(pos + 2);
        if (next >>> 13 > len) {
          this.#putLiteral(buf[pos]!);
          pos++;
          this.#pending = next;
          continue;
        }
      }
      if (len >= 2) {
        this.#putMatchLength(len);
        this.#putDistance(match & 0x1fff, len);
        pos += len;
        this.#insertUpTo(pos);
      } else {
        this.#putLiteral(buf[pos]!);
        pos++;
      }
    }
    this.#pos = pos;
  }

  #put(bits: number, n: number): void {
    let acc = this.#acc | (bits << this.#nacc);
    let nacc = this.#nacc + n;
    const out = this.#out;
    while (nacc >= 8) {
      out[this.#op++] = acc & 0xff;
      acc >>>= 8;
      nacc -= 8;
    }
    this.#acc = acc;
    this.#nacc = nacc;
    if (this.#op >= this.#chunkSize) {
      this.#ready.push(out.slice(0, this.#op));
      this.#op = 0;
    }
  }

  #putLiteral(byte: number): void {
    if (this.#coded) this.#put(LITERAL_CODES.bits[byte]! << 1, LITERAL_CODES.lengths[byte]! + 1);
    else this.#put(byte << 1, 9);
  }

  #putMatchLength(len: number): void {
    const sym = LENGTH_SYMBOL[len]!;
    this.#put((LENGTH_CODES.bits[sym]! << 1) | 1, LENGTH_CODES.lengths[sym]! + 1);
    const extra = LENGTH_EXTRA[sym]!;
    if (extra > 0) this.#put(len - LENGTH_BASE[sym]!, extra);
  }

  #putDistance(distance: number, len: number): void {
    const d = distance - 1;
    const lowBits = len === 2 ? 2 : this.#dictBits;
    const sym = d >>> lowBits;
    this.#put(DISTANCE_CODES.bits[sym]!, DISTANCE_CODES.lengths[sym]!);
    this.#put(d & ((1 << lowBits) - 1), lowBits);
  }
}
