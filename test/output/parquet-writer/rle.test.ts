import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../../src/output/byte-sink.js';
import { bitWidth, writeRleHybrid } from '../../../src/output/parquet-writer/rle.js';

/** A decoder written from the Parquet specification's grammar, independent of the encoder. */
function decodeRleHybrid(bytes: Uint8Array, count: number, width: number): number[] {
  const out: number[] = [];
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
      shift += 7;
    }
  };
  while (out.length < count) {
    if (at >= bytes.length) throw new Error('stream ends early');
    const header = varint();
    if (header % 2 === 0) {
      let value = 0;
      for (let b = 0; b < Math.ceil(width / 8); b++) value |= bytes[at++]! << (8 * b);
      for (let k = 0; k < header / 2; k++) out.push(value);
    } else {
      const values = ((header - 1) / 2) * 8;
      let bit = at * 8;
      for (let k = 0; k < values; k++) {
        let value = 0;
        for (let b = 0; b < width; b++, bit++) value |= ((bytes[bit >>> 3]! >>> (bit & 7)) & 1) << b;
        out.push(value);
      }
      at += ((header - 1) / 2) * width;
    }
  }
  expect(at).toBe(bytes.length); // nothing left over
  return out.slice(0, count);
}

const encode = (values: number[], width: number): Uint8Array => {
  const sink = new ByteSink(4);
  writeRleHybrid(sink, Int32Array.from(values), values.length, width);
  return sink.copy();
};

describe('RLE / bit-packing hybrid', () => {
  it('writes long repeats as one RLE run and short ones bit-packed', () => {
    expect([...encode(Array(20_000).fill(1), 1)]).toEqual([0xc0, 0xb8, 0x02, 1]); // varint(40000), value
    expect([...encode([1, 0, 1, 1], 1)]).toEqual([3, 0b1101]); // one group, padded
    expect([...encode(Array(9).fill(300), 9)]).toEqual([18, 300 & 0xff, 300 >> 8]);
  });

  it('needs at least one bit per value', () => {
    expect([bitWidth(0), bitWidth(1), bitWidth(2), bitWidth(255), bitWidth(256), bitWidth(262_143)]).toEqual([1, 1, 2, 8, 9, 18]);
  });

  it('round-trips through a decoder written from the specification (seeded property test)', () => {
    const runs = fc.array(fc.record({ value: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(runs, fc.integer({ min: 1, max: 24 }), (spec, width) => {
        const values = spec.flatMap(({ value, length }) => Array<number>(length).fill(value % 2 ** width));
        expect(decodeRleHybrid(encode(values, width), values.length, width)).toEqual(values);
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });
});
