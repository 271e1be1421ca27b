import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32Portable } from '../../src/dbc/crc32.js';
import { crc32 } from '../../src/dbc/index.js';
import { concatBytes } from './generate.js';

/** Bit-by-bit reference CRC-32 (IEEE), written from the definition. */
function referenceCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('equals a bit-by-bit reference on every length 0…64 and on random data', () => {
    const bytes = createHash('sha512').update('seed').digest();
    for (let n = 0; n <= 64; n++) expect(crc32(bytes.subarray(0, n))).toBe(referenceCrc32(bytes.subarray(0, n)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => crc32(data) === referenceCrc32(data)),
      { seed: 20260101, numRuns: 300 },
    );
  });

  it('is incremental: crc32(b, crc32(a)) = crc32(a + b)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => crc32(b, crc32(a)) === crc32(concatBytes([a, b]))),
      { seed: 42, numRuns: 300 },
    );
  });

  it('the portable code agrees with the native one (where the runtime has it) on every length up to 300', () => {
    const bytes = createHash('sha512').update('x').digest();
    const long = new Uint8Array(300).map((_, i) => bytes[i % bytes.length]! ^ i);
    for (let n = 0; n <= 300; n++) {
      expect(crc32Portable(long.subarray(0, n))).toBe(crc32(long.subarray(0, n)));
      expect(crc32Portable(long.subarray(n), 0x12345678)).toBe(crc32(long.subarray(n), 0x12345678));
    }
    expect(crc32Portable(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads subarrays at their own offset', () => {
    const bytes = new TextEncoder().encode('xx123456789yy');
    expect(crc32(bytes.subarray(2, 11))).toBe(0xcbf43926);
  });
});
