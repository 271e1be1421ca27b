/**
 * Seeded fuzzing of the DBC reader: real and generated DBC files mutated by bit flips, byte
 * changes, truncations, insertions and deletions (110,000 inputs in all, about 3 s on an idle core). Every input must decode
 * or fail with an `ArrowSusError` — no crash, no hang, no untyped error. A longer, time-budgeted
 * run is `node bench/fuzz-dbc.js <seconds>`.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compressDbcSync, decompressDbc, decompressDbcSync, explodeSync } from '../../src/dbc/index.js';
import { fixturePath, readManifest, SHARED_DIR } from '../helpers/shared.js';
import { codeOf, codeOfAsync, collect, concatBytes, makeDbf, splitBytes } from './generate.js';

/** Small seeds keep each run cheap: a few hundred bytes to a few KB of DBC. */
function seedFiles(): Uint8Array[] {
  const generated = [
    compressDbcSync(makeDbf(12, 1)),
    compressDbcSync(makeDbf(30, 2), { literals: 'coded', dictionarySize: 1024 }),
    compressDbcSync(makeDbf(25, 3), { literals: 'coded', dictionarySize: 4096 }),
    compressDbcSync(makeDbf(40, 4), { literals: 'uncoded', dictionarySize: 2048 }),
    compressDbcSync(makeDbf(0, 5)),
  ];
  if (SHARED_DIR === undefined) return generated;
  const smallest = readManifest()
    .filter((row) => row.kind === 'DBC' && row.bytes < 3000)
    .sort((a, b) => a.bytes - b.bytes)
    .slice(0, 6)
    .map((row) => new Uint8Array(readFileSync(fixturePath(row.path))));
  return [...generated, ...smallest];
}

const seeds = seedFiles();

type Mutation =
  | { kind: 'flip'; at: number[]; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
);

function mutate(base: Uint8Array, m: Mutation, headerBias: boolean): Uint8Array {
  // Half the positions land in the first 64 bytes, where the header fields and stream start live.
  const position = (n: number): number => (headerBias ? n % Math.min(64, base.length) : n % base.length);
  switch (m.kind) {
    case 'flip': {
      const out = base.slice();
      for (const at of m.at) out[position(at)]! ^= 1 << m.bit;
      return out;
    }
    case 'set': {
      const out = base.slice();
      out[position(m.at)] = m.value;
      return out;
    }
    case 'truncate':
      return base.subarray(0, m.at % (base.length + 1));
    case 'insert': {
      const at = position(m.at);
      return concatBytes([base.subarray(0, at), m.bytes, base.subarray(at)]);
    }
    case 'delete': {
      const at = position(m.at);
      return concatBytes([base.subarray(0, at), base.subarray(at + m.count)]);
    }
  }
}

const input = fc.tuple(fc.nat(), mutation, fc.boolean()).map(([i, m, bias]) => mutate(seeds[i % seeds.length]!, m, bias));
const typed = (code: string): boolean => !code.startsWith('UNTYPED');

describe('DBC fuzzing (seeded)', () => {
  it('60,000 mutated files through decompressDbcSync: decoded or ArrowSusError', () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(input, (bytes) => {
        const code = codeOf(() => decompressDbcSync(bytes));
        codes.set(code, (codes.get(code) ?? 0) + 1);
        return typed(code);
      }),
      { seed: 20261121, numRuns: 60_000 },
    );
    // The mutations reach every failure class, not just the header checks.
    for (const code of ['none', 'DBC_CRC_MISMATCH', 'DBC_TRUNCATED', 'DCL_INVALID_HEADER']) expect(codes.get(code) ?? 0).toBeGreaterThan(0);
  });

  it('40,000 mutated DCL streams through explodeSync: decoded or ArrowSusError', () => {
    const streams = seeds.map((file) => file.subarray((file[8]! | (file[9]! << 8)) + 4));
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.tuple(fc.nat(), mutation, fc.boolean()), ([i, m, bias]) => {
        const code = codeOf(() => explodeSync(mutate(streams[i % streams.length]!, m, bias)));
        codes.add(code);
        return typed(code);
      }),
      { seed: 7, numRuns: 40_000 },
    );
    expect(codes.has('DCL_DISTANCE_TOO_FAR')).toBe(true);
  });

  it('10,000 mutated files streamed through decompressDbc in small chunks: same outcome as the sync reader', async () => {
    await fc.assert(
      fc.asyncProperty(input, fc.integer({ min: 1, max: 64 }), async (bytes, size) => {
        const streamed = await codeOfAsync(() => collect(decompressDbc(splitBytes(bytes, size), { chunkSize: 1024 })));
        return typed(streamed) && streamed === codeOf(() => decompressDbcSync(bytes));
      }),
      { seed: 99, numRuns: 10_000 },
    );
  });
});
