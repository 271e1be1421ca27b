import { Binary, Bool, DateDay, Decimal, Float64, Int32, Int64, Struct, Utf8, Field, makeData, makeVector } from 'apache-arrow';
import type { Data, DataType } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { flatData, structData } from '../../src/arrow/data.js';

/** The parts of a Data node that readers use. */
const parts = (data: Data): Record<string, unknown> => ({
  type: String(data.type),
  offset: data.offset,
  length: data.length,
  nullCount: data.nullCount,
  stride: data.stride,
  values: data.values,
  valueOffsets: data.valueOffsets,
  nullBitmap: data.nullBitmap,
  children: data.children.length,
});

describe('flatData', () => {
  const bitmap = Uint8Array.of(0b101);
  const cases: [string, DataType, number, Uint8Array | undefined, ArrayBufferView, Int32Array?][] = [
    ['Int32 with nulls', new Int32(), 3, bitmap, Int32Array.of(7, 0, -9)],
    ['Int64', new Int64(), 2, undefined, BigInt64Array.of(2n ** 40n, -1n)],
    ['Float64', new Float64(), 2, undefined, Float64Array.of(1.5, Number.NaN)],
    ['Decimal', new Decimal(2, 10, 128), 1, undefined, Uint32Array.of(12345, 0, 0, 0)],
    ['DateDay', new DateDay(), 3, bitmap, Int32Array.of(19000, 0, 19723)],
    ['Bool', new Bool(), 3, bitmap, Uint8Array.of(0b100)],
    ['Utf8 with nulls', new Utf8(), 3, bitmap, new TextEncoder().encode('SPRJ'), Int32Array.of(0, 2, 2, 4)],
    ['Binary', new Binary(), 2, undefined, Uint8Array.of(1, 2, 3), Int32Array.of(0, 1, 3)],
  ];
  for (const [name, type, length, nullBitmap, values, valueOffsets] of cases) {
    it(`builds what makeData builds: ${name}`, () => {
      const nullCount = nullBitmap === undefined ? 0 : 1;
      const ours = flatData(type, length, nullCount, nullBitmap, values, valueOffsets);
      const theirs = makeData({ type, length, nullCount, nullBitmap, data: values, valueOffsets } as unknown as Parameters<typeof makeData>[0]) as Data;
      expect(parts(ours)).toEqual(parts(theirs));
      expect(makeVector(ours).toArray()).toEqual(makeVector(theirs).toArray());
    });
  }

  it('builds a batch struct as makeData does', () => {
    const child = flatData(new Int32(), 2, 0, undefined, Int32Array.of(1, 2));
    const type = new Struct([new Field('N', new Int32(), true)]);
    expect(parts(structData(type, 2, [child]))).toEqual(parts(makeData({ type, length: 2, nullCount: 0, children: [child] }) as Data));
  });
});
