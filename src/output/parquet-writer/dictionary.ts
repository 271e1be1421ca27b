/**
 * Dictionaries for Parquet's dictionary encoding: each distinct value gets an index, in order of
 * first appearance. Open addressing with linear probing over an `Int32Array`; values are kept in
 * the form the dictionary page stores them (PLAIN), so the page is the storage itself.
 *
 * @module
 */
import { ByteSink } from '../byte-sink.js';

const EMPTY = -1;

/** A copy of `array` in twice the room. */
function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Hash of a byte string: its length and up to 16 bytes from each end (equal values, equal hashes). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = Math.imul(0x9e3779b1, end - start + 1);
  if (end - start <= 32) {
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  } else {
    for (let k = start; k < start + 16; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    for (let k = end - 16; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  }
  return h ^ (h >>> 15);
}

/**
 * Distinct byte strings (BYTE_ARRAY values), stored PLAIN: a 4-byte length, then the bytes.
 *
 * @example
 * ```ts
 * const dictionary = new ByteDictionary();
 * const bytes = new TextEncoder().encode('SPRJSP');
 * dictionary.intern(bytes, 0, 2); // 0
 * dictionary.intern(bytes, 2, 4); // 1
 * dictionary.intern(bytes, 4, 6); // 0
 * dictionary.size; // 2
 * ```
 */
export class ByteDictionary {
  /** The dictionary page's body: each entry as a 4-byte length and its bytes. */
  readonly page = new ByteSink();
  /** Where entry i's bytes start in `page` (after its length). */
  #starts = new Int32Array(256);
  #lengths = new Int32Array(256);
  #hashes = new Int32Array(256);
  #slots = new Int32Array(512).fill(EMPTY);
  size = 0;

  /** The index of `bytes[start … end)`, added if new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const hash = hashBytes(bytes, start, end);
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const id = slots[slot]!;
      if (id === EMPTY) break;
      if (this.#hashes[id] === hash && this.#lengths[id] === length) {
        const page = this.page.buffer;
        const at = this.#starts[id]!;
        let k = 0;
        while (k < length && page[at + k] === bytes[start + k]) k++;
        if (k === length) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id === this.#starts.length) this.#growEntries();
    this.page.u32(length);
    this.#starts[id] = this.page.length;
    this.#lengths[id] = length;
    this.#hashes[id] = hash;
    this.page.appendRange(bytes, start, end);
    slots[slot] = id;
    if (this.size * 2 > slots.length) this.#rehash();
    return id;
  }

  /** Calls `visit` with the page and each entry's range in it (no view made per entry). */
  forEachEntry(visit: (page: Uint8Array, start: number, end: number) => void): void {
    const page = this.page.buffer;
    for (let id = 0; id < this.size; id++) {
      const at = this.#starts[id]!;
      visit(page, at, at + this.#lengths[id]!);
    }
  }

  /** Forgets every entry, keeping the storage. */
  clear(): void {
    this.page.reset();
    this.#slots.fill(EMPTY);
    this.size = 0;
  }

  #growEntries(): void {
    this.#starts = doubled(this.#starts);
    this.#lengths = doubled(this.#lengths);
    this.#hashes = doubled(this.#hashes);
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.#hashes[id]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.#slots = slots;
  }
}

/** Spreads a 32-bit word over all bits (Murmur3's finaliser, shortened). */
function mix(word: number): number {
  const h = Math.imul(word ^ (word >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Distinct fixed-width values of one or two 32-bit words (INT32, FLOAT, DATE; INT64, DOUBLE by
 * their bit patterns), stored PLAIN (little-endian words).
 *
 * @example
 * ```ts
 * const dictionary = new WordDictionary(1);
 * dictionary.intern1(42); // 0
 * dictionary.intern1(7); // 1
 * dictionary.intern1(42); // 0
 * ```
 */
export class WordDictionary {
  /** Entries' words, `width` per entry (little-endian on every platform Node runs on). */
  words: Int32Array<ArrayBuffer>;
  #slots = new Int32Array(512).fill(EMPTY);
  size = 0;

  constructor(readonly width: 1 | 2) {
    this.words = new Int32Array(256 * width);
  }

  /** Index of a one-word value. */
  intern1(word: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = mix(word) & mask;
    for (;;) {
      const id = slots[slot]!;
      if (id === EMPTY) break;
      if (this.words[id] === word) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id === this.words.length) this.#growWords();
    this.words[id] = word;
    slots[slot] = id;
    if (this.size * 2 > slots.length) this.#rehash();
    return id;
  }

  /** Index of a two-word value (low word first). */
  intern2(low: number, high: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = mix(low ^ Math.imul(high, 0x85ebca6b)) & mask;
    const words = this.words;
    for (;;) {
      const id = slots[slot]!;
      if (id === EMPTY) break;
      if (words[id * 2] === low && words[id * 2 + 1] === high) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id * 2 === this.words.length) this.#growWords();
    this.words[id * 2] = low;
    this.words[id * 2 + 1] = high;
    slots[slot] = id;
    if (this.size * 2 > slots.length) this.#rehash();
    return id;
  }

  /** Bytes of the dictionary page's body. */
  get byteLength(): number {
    return this.size * this.width * 4;
  }

  /** The dictionary page's body (a view). */
  page(): Uint8Array {
    return new Uint8Array(this.words.buffer, 0, this.byteLength);
  }

  clear(): void {
    this.#slots.fill(EMPTY);
    this.size = 0;
  }

  #growWords(): void {
    this.words = doubled(this.words);
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      const word = this.width === 1 ? this.words[id]! : this.words[id * 2]! ^ Math.imul(this.words[id * 2 + 1]!, 0x85ebca6b);
      let slot = mix(word) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.#slots = slots;
  }
}
