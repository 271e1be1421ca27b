import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explodeSync, implode, implodeSync, Imploder, type ImplodeOptions } from '../../src/dbc/index.js';
import { codeOf, collect, concatBytes, makeDbf, seededRandom, sha256, splitBytes } from './generate.js';

const VARIANTS: ImplodeOptions[] = (['uncoded', 'coded'] as const).flatMap((literals) =>
  ([1024, 2048, 4096] as const).map((dictionarySize) => ({ literals, dictionarySize })),
);
const name = (v: ImplodeOptions): string => `${v.literals} literals, ${v.dictionarySize} B dictionary`;

/** Bytes with long repeats at distances up to 5000 (past every dictionary size) and long runs. */
function repetitive(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const out = new Uint8Array(length);
  let i = 0;
  while (i < length) {
    const r = random();
    if (r < 0.3 && i > 0) {
      const dist = 1 + Math.floor(random() * Math.min(i, 5000));
      const len = Math.min(length - i, 2 + Math.floor(random() * 700));
      for (let k = 0; k < len; k++, i++) out[i] = out[i - dist]!;
    } else if (r < 0.4) {
      const len = Math.min(length - i, Math.floor(random() * 2000));
      out.fill(0x20, i, i + len);
      i += len;
    } else {
      out[i++] = Math.floor(random() * 256);
    }
  }
  return out;
}

describe.each(VARIANTS)('implode → explode round trip ($literals literals, $dictionarySize B)', (variant) => {
  it('is the identity on seeded random byte arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => sha256(explodeSync(implodeSync(data, variant))) === sha256(data)),
      { seed: 1234, numRuns: 150 },
    );
  });

  it('is the identity on small alphabets (many short matches, 2-byte matches)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0x41, 0x42, 0x20), { maxLength: 4000 }), (values) => {
        const data = Uint8Array.from(values);
        return sha256(explodeSync(implodeSync(data, variant))) === sha256(data);
      }),
      { seed: 99, numRuns: 100 },
    );
  });

  it('is the identity on empty, 1-byte, runs, long matches and far repeats', () => {
    const cases = [
      new Uint8Array(0),
      Uint8Array.of(0x7f),
      Uint8Array.of(0, 0),
      new Uint8Array(100_000).fill(0x20),
      repetitive(300_000, 17),
      makeDbf(2000, 11),
    ];
    for (const data of cases) expect(sha256(explodeSync(implodeSync(data, variant)))).toBe(sha256(data));
  });

  it('compresses repetitive data well (runs of 518-byte matches)', () => {
    const packed = implodeSync(new Uint8Array(1_000_000).fill(0x20), variant);
    expect(packed.length).toBeLessThan(8_000);
  });

  it(`streams: any input chunking decodes to the same bytes (${name(variant)})`, async () => {
    const data = repetitive(200_000, 5);
    for (const size of [1000, 65_536, 333_333]) {
      const packed = await collect(implode(splitBytes(data, size), { ...variant, chunkSize: 4096 }));
      expect(sha256(explodeSync(packed))).toBe(sha256(data));
    }
  });
});

describe('Imploder', () => {
  it('emits bounded chunks and a stream header with the chosen variant', () => {
    const imploder = new Imploder({ literals: 'coded', dictionarySize: 2048, chunkSize: 1000 });
    const parts = [...imploder.write(repetitive(100_000, 3)), ...imploder.finish()];
    expect(parts[0]?.[0]).toBe(1);
    expect(parts[0]?.[1]).toBe(5);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(1000 + 16);
    expect(sha256(explodeSync(concatBytes(parts)))).toBe(sha256(repetitive(100_000, 3)));
    expect(imploder.finish()).toEqual([]);
    expect(codeOf(() => imploder.write(Uint8Array.of(1)))).toBe('INVALID_ARGUMENT');
  });

  it('rejects invalid options with INVALID_ARGUMENT', () => {
    expect(codeOf(() => new Imploder({ dictionarySize: 8192 as 4096 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new Imploder({ literals: 'huffman' as 'coded' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new Imploder({ chunkSize: 1 }))).toBe('INVALID_ARGUMENT');
  });

  it('uses DataSUS defaults (raw literals, 4 KB dictionary)', () => {
    const packed = implodeSync(Uint8Array.of(1, 2, 3));
    expect([packed[0], packed[1]]).toEqual([0, 6]);
  });
});
