/**
 * Damaged input never crashes, hangs or allocates without bound: every outcome is either a read or
 * an ArrowSusError with a DBF code. Seeded, small, fast; longer fuzzing belongs in bench/.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { encodeDbf, parsePredicate } from '../../src/dbf/index.js';
import { readAll } from './helpers.js';

const base = encodeDbf(
  [
    { name: 'UF', type: 'C', length: 2 },
    { name: 'N', type: 'N', length: 5, decimals: 1 },
    { name: 'BIG', type: 'N', length: 12 },
    { name: 'D', type: 'D' },
    { name: 'L', type: 'L' },
  ],
  [
    ['SP', 1.5, 123456789012n, '20200101', true],
    ['RJ', -2, 7, '20201231', false],
    ['MG', null, null, null, null],
  ],
);

const EXPECTED = new Set(['DBF_INVALID_HEADER', 'DBF_INVALID_FIELD', 'DBF_TRUNCATED', 'DBF_UNKNOWN_COLUMN', 'PREDICATE_INVALID']);

describe('damaged DBF bytes', () => {
  it('either decode or fail with a DBF error code (mutations, truncations, chunkings)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat(base.length),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(undefined, 'auto' as const),
        async (mutations, cut, chunk, encoding) => {
          const bytes = base.slice();
          for (const [at, value] of mutations) bytes[at] = value;
          const input = bytes.subarray(0, Math.max(cut, 1));
          const chunks = Array.from({ length: Math.ceil(input.length / chunk) }, (_, i) => input.subarray(i * chunk, (i + 1) * chunk));
          try {
            const { stats } = await readAll(chunks, encoding === undefined ? {} : { encoding });
            expect(stats.rowsRead).toBeLessThanOrEqual(3);
          } catch (error) {
            if (!ArrowSusError.is(error) || !EXPECTED.has(error.code)) throw error;
          }
        },
      ),
      { seed: 1212, numRuns: 1500 },
    );
  });

  it('predicate text never throws anything but PREDICATE_INVALID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_ '"()=<>!,.%-]{0,30}$/), (text) => {
        try {
          parsePredicate(text);
        } catch (error) {
          if (!ArrowSusError.is(error, 'PREDICATE_INVALID')) throw error;
        }
      }),
      { seed: 77, numRuns: 3000 },
    );
  });
});
