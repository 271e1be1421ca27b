import { Int16, Utf8, makeVector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { constantData } from '../../src/scan/constant-column.js';

describe('constantData', () => {
  it('repeats a text value, with offsets shared between columns of that width', () => {
    const uf = constantData(new Utf8(), 'SP', 5);
    expect(makeVector(uf).toArray()).toEqual(['SP', 'SP', 'SP', 'SP', 'SP']);
    expect([...uf.valueOffsets]).toEqual([0, 2, 4, 6, 8, 10]);
    expect(constantData(new Utf8(), 'RJ', 3).valueOffsets.buffer).toBe(uf.valueOffsets.buffer);
  });

  it('gives all nulls for null, and repeats integers', () => {
    expect(makeVector(constantData(new Utf8(), null, 3)).toArray()).toEqual([null, null, null]);
    expect(Array.from(makeVector(constantData(new Int16(), 2023, 4)).toArray() as Int16Array)).toEqual([2023, 2023, 2023, 2023]);
  });

  it('refuses a column too large for Int32 offsets instead of wrapping them', () => {
    expect(() => constantData(new Utf8(), 'X'.repeat(200), 11_000_000)).toThrow(RangeError);
  });
});
