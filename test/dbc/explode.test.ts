import { describe, expect, it } from 'vitest';
import { DISTANCE_CODES, DISTANCE_TABLE, LENGTH_BASE, LENGTH_CODES, LENGTH_EXTRA, LENGTH_TABLE, LITERAL_TABLE } from '../../src/dbc/dcl-codes.js';
import { explode, explodeSync, Exploder, implodeSync } from '../../src/dbc/index.js';
import { codeOf, codeOfAsync, collect, concatBytes, makeDbf, sha256, splitBytes } from './generate.js';

/** Writes DCL symbols by hand, to build streams the compressor would never produce. */
class BitWriter {
  readonly bytes: number[] = [];
  #acc = 0;
  #n = 0;
  put(bits: number, n: number): this {
    this.#acc |= bits << this.#n;
    this.#n += n;
    while (this.#n >= 8) {
      this.bytes.push(this.#acc & 0xff);
      this.#acc >>>= 8;
      this.#n -= 8;
    }
    return this;
  }
  literal(byte: number): this {
    return this.put(byte << 1, 9);
  }
  match(len: number, dist: number, dictBits = 6): this {
    let sym = 15;
    while (LENGTH_BASE[sym]! > len) sym--;
    if (len === 2) sym = 1;
    this.put((LENGTH_CODES.bits[sym]! << 1) | 1, LENGTH_CODES.lengths[sym]! + 1);
    if (LENGTH_EXTRA[sym]! > 0) this.put(len - LENGTH_BASE[sym]!, LENGTH_EXTRA[sym]!);
    if (len === 519) return this;
    const low = len === 2 ? 2 : dictBits;
    const d = dist - 1;
    this.put(DISTANCE_CODES.bits[d >>> low]!, DISTANCE_CODES.lengths[d >>> low]!);
    return this.put(d & ((1 << low) - 1), low);
  }
  end(): Uint8Array {
    this.match(519, 0);
    if (this.#n > 0) this.bytes.push(this.#acc & 0xff);
    return Uint8Array.from(this.bytes);
  }
}

const text = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

describe('DCL code tables', () => {
  it('are complete prefix codes: every lookup index decodes to a symbol', () => {
    for (const table of [LITERAL_TABLE, LENGTH_TABLE, DISTANCE_TABLE]) expect(table.every((entry) => (entry & 15) > 0)).toBe(true);
  });
});

describe('explodeSync', () => {
  it('decodes the reference example from the format description', () => {
    // The worked example of zlib contrib/blast: raw literals, 1 KB dictionary.
    expect(text(explodeSync(Uint8Array.of(0x00, 0x04, 0x82, 0x24, 0x25, 0x8f, 0x80, 0x7f)))).toBe('AIAIAIAIAIAIA');
  });

  it('decodes hand-built streams: literals, overlapping matches, 2-byte matches, every dictionary size', () => {
    for (const dictBits of [4, 5, 6]) {
      const w = new BitWriter().put(0, 8).put(dictBits, 8);
      w.literal(0x61).literal(0x62).match(2, 2, dictBits).match(10, 1, dictBits).match(518, 3, dictBits);
      const out = explodeSync(w.end());
      expect(out.length).toBe(2 + 2 + 10 + 518);
      expect(text(out.subarray(0, 5))).toBe('ababb');
      expect(out.subarray(4, 14).every((b) => b === 0x62)).toBe(true);
    }
  });

  it('rejects a bad header with DCL_INVALID_HEADER', () => {
    expect(codeOf(() => explodeSync(Uint8Array.of(2, 6, 0, 0)))).toBe('DCL_INVALID_HEADER');
    expect(codeOf(() => explodeSync(Uint8Array.of(0, 3, 0, 0)))).toBe('DCL_INVALID_HEADER');
    expect(codeOf(() => explodeSync(Uint8Array.of(0, 7, 0, 0)))).toBe('DCL_INVALID_HEADER');
  });

  it('rejects a back-reference before the start with DCL_DISTANCE_TOO_FAR', () => {
    expect(codeOf(() => explodeSync(new BitWriter().put(0, 8).put(6, 8).match(3, 1).end()))).toBe('DCL_DISTANCE_TOO_FAR');
    const w = new BitWriter().put(0, 8).put(6, 8).literal(1).literal(2).match(5, 3);
    expect(codeOf(() => explodeSync(w.end()))).toBe('DCL_DISTANCE_TOO_FAR');
  });

  it('reports DBC_TRUNCATED for every strict prefix of a stream, and never hangs', () => {
    const packed = implodeSync(makeDbf(40, 7));
    expect(sha256(explodeSync(packed))).toBe(sha256(makeDbf(40, 7)));
    for (let n = 0; n < packed.length; n++) expect(codeOf(() => explodeSync(packed.subarray(0, n)))).toBe('DBC_TRUNCATED');
  });

  it('ignores bytes after the end code', () => {
    const packed = implodeSync(new TextEncoder().encode('hello'));
    expect(text(explodeSync(concatBytes([packed, Uint8Array.of(10, 10, 10)])))).toBe('hello');
  });
});

describe('Exploder', () => {
  const dbf = makeDbf(3000, 3);
  const packed = implodeSync(dbf, { literals: 'coded', dictionarySize: 2048 });

  it('gives the same bytes whatever the input chunking (1, 2, 3, 7, 4096 bytes)', () => {
    for (const size of [1, 2, 3, 7, 4096]) {
      const exploder = new Exploder({ chunkSize: 1024 });
      const parts: Uint8Array[] = [];
      for (const chunk of splitBytes(packed, size)) {
        exploder.push(chunk);
        for (let out = exploder.read(); out !== null; out = exploder.read()) parts.push(out);
      }
      exploder.finish();
      for (let out = exploder.read(); out !== null; out = exploder.read()) parts.push(out);
      expect(sha256(concatBytes(parts))).toBe(sha256(dbf));
      expect(exploder.ended).toBe(true);
      expect(exploder.bytesOut).toBe(dbf.length);
      // Bounded memory: every chunk is at most chunkSize + one longest match.
      expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(1024 + 4096 + 518);
    }
  });

  it('with reuseBuffers, decodes into two buffers in turn and gives the same bytes', () => {
    for (const size of [1, 7, 4096]) {
      const exploder = new Exploder({ chunkSize: 1024, reuseBuffers: true });
      const copies: Uint8Array[] = [];
      const buffers = new Set<ArrayBufferLike>();
      const drain = (): void => {
        for (let out = exploder.read(); out !== null; out = exploder.read()) {
          copies.push(out.slice()); // valid only until the next read()
          buffers.add(out.buffer);
        }
      };
      for (const chunk of splitBytes(packed, size)) {
        exploder.push(chunk);
        drain();
      }
      exploder.finish();
      drain();
      expect(sha256(concatBytes(copies))).toBe(sha256(dbf));
      expect(copies.length).toBeGreaterThan(10);
      expect(buffers.size).toBe(2);
    }
  });

  it('counts trailing bytes after the end code', () => {
    const exploder = new Exploder();
    exploder.push(concatBytes([packed, Uint8Array.of(0x0a)]));
    exploder.push(Uint8Array.of(1, 2));
    while (exploder.read() !== null);
    expect(exploder.trailingBytes).toBe(3);
  });

  it('throws DBC_TRUNCATED on finish() without an end code, and rejects bad chunk sizes', () => {
    const exploder = new Exploder();
    exploder.push(packed.subarray(0, packed.length - 1));
    while (exploder.read() !== null);
    exploder.finish();
    expect(codeOf(() => exploder.read())).toBe('DBC_TRUNCATED');
    expect(codeOf(() => new Exploder({ chunkSize: 10 }))).toBe('INVALID_ARGUMENT');
  });
});

describe('explode (async)', () => {
  const dbf = makeDbf(500, 5);
  const packed = implodeSync(dbf);

  it('accepts a buffer, an iterable and an async iterable', async () => {
    expect(sha256(await collect(explode(packed)))).toBe(sha256(dbf));
    expect(sha256(await collect(explode(splitBytes(packed, 100))))).toBe(sha256(dbf));
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (const chunk of splitBytes(packed, 33)) yield chunk;
    }
    expect(sha256(await collect(explode(chunks(), { chunkSize: 2048 })))).toBe(sha256(dbf));
  });

  it('stops with ABORTED when the signal fires, and DBC_TRUNCATED on a cut stream', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOfAsync(() => collect(explode(packed, { signal: controller.signal })))).toBe('ABORTED');
    expect(await codeOfAsync(() => collect(explode(packed.subarray(0, 100))))).toBe('DBC_TRUNCATED');
  });
});
