import { Field, Schema, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { packBatch, unpackBatch } from '../../src/arrow/transfer.js';
import { uniformOffsets, uniformWidth } from '../../src/arrow/uniform-offsets.js';
import { SAMPLE_FIELDS, sampleBatch } from '../helpers/arrow.js';

/** Offsets of values of the given byte lengths. */
const offsetsOf = (lengths: readonly number[]): Int32Array => {
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((length, index) => (offsets[index + 1] = offsets[index]! + length));
  return offsets;
};
const repeat = (length: number, count: number): number[] => Array.from({ length: count }, () => length);

describe('uniformWidth', () => {
  it('finds the common width of offsets 0, w, 2w, …', () => {
    expect(uniformWidth(offsetsOf(repeat(6, 100)), 100)).toBe(6);
    expect(uniformWidth(offsetsOf(repeat(1, 16)), 16)).toBe(1);
    // All empty (or all null): width 0.
    expect(uniformWidth(offsetsOf(repeat(0, 40)), 40)).toBe(0);
    // Only the first length + 1 offsets count.
    expect(uniformWidth(offsetsOf([...repeat(2, 20), 5]), 20)).toBe(2);
  });

  it('rejects uneven gaps, a non-zero start and short offsets', () => {
    expect(uniformWidth(offsetsOf([...repeat(6, 30), 4]), 31)).toBeUndefined();
    // The same total as uniform offsets, uneven inside.
    expect(uniformWidth(offsetsOf([3, 1, ...repeat(2, 30)]), 32)).toBeUndefined();
    // A null among codes is a zero-length slot.
    expect(uniformWidth(offsetsOf([...repeat(2, 10), 0, ...repeat(2, 10)]), 21)).toBeUndefined();
    const shifted = offsetsOf(repeat(2, 20)).map((offset) => offset + 4);
    expect(uniformWidth(shifted, 20)).toBeUndefined();
    expect(uniformWidth(offsetsOf(repeat(2, 20)), 21)).toBeUndefined();
  });

  it('leaves empty columns and columns longer than a shared array may be alone', () => {
    expect(uniformWidth(new Int32Array([0]), 0)).toBeUndefined();
    expect(uniformWidth(offsetsOf(repeat(1, 200_000)), 200_000)).toBeUndefined();
  });

  it('reads offsets that are a view inside a larger buffer', () => {
    const whole = new Int32Array([99, ...offsetsOf(repeat(5, 20)), 99]);
    expect(uniformWidth(whole.subarray(1, 22), 20)).toBe(5);
    expect(uniformWidth(whole.subarray(1, 23), 21)).toBeUndefined();
  });
});

describe('uniformOffsets', () => {
  it('gives 0, w, …, n·w as a view on one array per width, never the whole buffer', () => {
    expect([...uniformOffsets(13, 3)]).toEqual([0, 13, 26, 39]);
    const b = uniformOffsets(13, 40_000);
    expect(b.length).toBe(40_001);
    expect(b[40_000]).toBe(520_000);
    expect(b.byteLength).toBeLessThan(b.buffer.byteLength);
    // Views of one width share a buffer once it has grown.
    expect(uniformOffsets(13, 7).buffer).toBe(uniformOffsets(13, 40_000).buffer);
    expect(uniformOffsets(6, 7).buffer).not.toBe(b.buffer);
  });

  it('keeps at most 32 shared widths, then gives arrays of their own (and widths are not offered)', () => {
    for (let width = 100; width < 140; width++) {
      const offsets = uniformOffsets(width, 50);
      expect(offsets[50]).toBe(50 * width);
    }
    // Widths 100 onwards filled the table (13 and 6 from the test above are in it too).
    const own = uniformOffsets(139, 50);
    expect(own.byteLength).toBe(own.buffer.byteLength);
    expect(uniformWidth(offsetsOf(repeat(139, 50)), 50)).toBeUndefined();
    // A width already shared still is.
    expect(uniformWidth(offsetsOf(repeat(13, 50)), 50)).toBe(13);
    // Longer than a shared array may be: its own array.
    const long = uniformOffsets(13, 200_000);
    expect(long[200_000]).toBe(2_600_000);
    expect(long.byteLength).toBe(long.buffer.byteLength);
  });

  it('refuses widths and lengths that overflow Int32 offsets', () => {
    expect(() => uniformOffsets(254, 2 ** 24)).toThrow(RangeError);
    expect(() => uniformOffsets(-1, 3)).toThrow(RangeError);
    expect(() => uniformOffsets(2, 1.5)).toThrow(RangeError);
  });
});

describe('packBatch with text columns of one width', () => {
  const schema = new Schema([new Field('UF', new Utf8(), true), ...SAMPLE_FIELDS]);
  const rows = Array.from({ length: 100 }, (_, i) => [['SP', 'RJ', 'AC'][i % 3], `C${i % 10}${i === 50 ? 'x' : ''}`, i, BigInt(i), i / 4, new Date(Date.UTC(2020, 0, 1 + i)), i % 2 === 0]);
  // What another thread receives: the packed batch, its buffers moved (detached here).
  const sent = (): ReturnType<typeof packBatch>['packed'] => {
    const { packed, transfer } = packBatch(sampleBatch(rows, schema));
    return structuredClone(packed, { transfer });
  };

  it('sends only the width for those columns and rebuilds the same rows', () => {
    const batch = sampleBatch(rows, schema);
    const expected = batch.toArray().map((row) => row.toJSON());
    const { packed, transfer } = packBatch(batch);
    const [uf, code] = packed.columns;
    expect(uf!.uniformWidth).toBe(2);
    expect(uf!.buffers[0]).toBeNull();
    // CODE has one longer value: its offsets travel.
    expect(code!.uniformWidth).toBeUndefined();
    expect(code!.buffers[0]).toBeInstanceOf(Int32Array);
    const ufOffsets = batch.getChild('UF')!.data[0]!.valueOffsets;
    expect(transfer).not.toContain(ufOffsets.buffer);
    const back = unpackBatch(schema, structuredClone(packed, { transfer }));
    expect(back.toArray().map((row) => row.toJSON())).toEqual(expected);
    expect([...back.getChild('UF')!.data[0]!.valueOffsets.subarray(0, 4)]).toEqual([0, 2, 4, 6]);
  });

  it('keeps shared offsets usable when an unpacked batch is packed and transferred again', () => {
    const first = unpackBatch(schema, sent());
    const second = unpackBatch(schema, sent());
    expect(first.getChild('UF')!.data[0]!.valueOffsets.buffer).toBe(second.getChild('UF')!.data[0]!.valueOffsets.buffer);
    // Moving `first` on (to another thread) must not detach what `second` views.
    const again = packBatch(first);
    structuredClone(again.packed, { transfer: again.transfer });
    expect(second.getChild('UF')!.toArray()).toEqual(rows.map((row) => row[0]));
  });
});
