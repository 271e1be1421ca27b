import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readThriftStruct, TType, writeThriftStruct, type ThriftStruct, type ThriftValue } from '../../src/output/thrift-compact.js';

const struct = (fields: [number, number, ThriftValue][]): ThriftStruct => ({
  kind: 'struct',
  fields: new Map(fields.map(([id, type, value]) => [id, { type, value }])),
});

describe('thrift compact protocol', () => {
  it('round-trips integers at every varint boundary, field-id jumps, lists, maps and binary', () => {
    const edges64 = [0n, 1n, -1n, 63n, -64n, 64n, 2n ** 31n, -(2n ** 31n), 2n ** 52n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n)];
    const edges32 = [0, 1, -1, 63, -64, 64, 8191, 8192, 2 ** 31 - 1, -(2 ** 31)];
    const value = struct([
      [1, TType.I64, edges64[0] as bigint],
      [2, TType.LIST, { kind: 'list', setType: false, elementType: TType.I64, items: edges64 }],
      [3, TType.LIST, { kind: 'list', setType: false, elementType: TType.I32, items: edges32 }],
      [40, TType.BINARY, new Uint8Array(300).map((_, i) => i & 0xff)],
      [41, TType.TRUE, true],
      [42, TType.FALSE, false],
      [1000, TType.MAP, { kind: 'map', keyType: TType.I32, valueType: TType.DOUBLE, entries: [[7, 1.5], [-8, -0.25]] }],
      [1001, TType.STRUCT, struct([[1, TType.I16, -300], [2, TType.BYTE, -5]])],
    ]);
    expect(readThriftStruct(writeThriftStruct(value))).toEqual(value);
  });

  it('writes already-encoded structs (in a list and as a field) exactly as the structs themselves', () => {
    const items = Array.from({ length: 20 }, (_, i) =>
      struct([
        [1, TType.I64, BigInt(i) * 1_000_000_007n],
        [3, TType.LIST, { kind: 'list', setType: false, elementType: TType.STRUCT, items: [struct([[2, TType.I32, -i - 1]])] }],
        [20, TType.BINARY, new Uint8Array(i).fill(i)],
      ]),
    );
    const whole = struct([
      [1, TType.I32, 2],
      [4, TType.LIST, { kind: 'list', setType: false, elementType: TType.STRUCT, items }],
      [5, TType.STRUCT, items[3]!],
    ]);
    const encoded = struct([
      [1, TType.I32, 2],
      [4, TType.LIST, { kind: 'list', setType: false, elementType: TType.STRUCT, items: items.map((item) => ({ kind: 'encoded', bytes: writeThriftStruct(item) })) }],
      [5, TType.STRUCT, { kind: 'encoded', bytes: writeThriftStruct(items[3]!) }],
    ]);
    expect(Buffer.from(writeThriftStruct(encoded))).toEqual(Buffer.from(writeThriftStruct(whole)));
    expect(readThriftStruct(writeThriftStruct(encoded))).toEqual(whole);
  });

  it('round-trips random i64 and i32 values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (i64, i32) => {
        const value = struct([
          [1, TType.I64, i64],
          [2, TType.I32, i32],
        ]);
        expect(readThriftStruct(writeThriftStruct(value))).toEqual(value);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('builds only the chosen top-level fields, walking over (and checking) the others', () => {
    const value = struct([
      [1, TType.LIST, { kind: 'list', setType: false, elementType: TType.STRUCT, items: [struct([[1, TType.BINARY, new Uint8Array(3)], [2, TType.MAP, { kind: 'map', keyType: TType.I32, valueType: TType.I64, entries: [[1, 2n ** 60n]] }]])] }],
      [2, TType.I64, 42n],
      [3, TType.DOUBLE, 2.5],
      [5, TType.LIST, { kind: 'list', setType: false, elementType: TType.TRUE, items: [true, false] }],
    ]);
    const bytes = writeThriftStruct(value);
    expect(readThriftStruct(bytes, new Set([2, 5]))).toEqual(struct([[2, TType.I64, 42n], [5, TType.LIST, { kind: 'list', setType: false, elementType: TType.TRUE, items: [true, false] }]]));
    expect(readThriftStruct(bytes, new Set())).toEqual(struct([]));
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => readThriftStruct(bytes.subarray(0, cut), new Set([2]))).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    }
  });

  it('rejects truncated input with CACHE_CORRUPT', () => {
    const bytes = writeThriftStruct(struct([[1, TType.I64, 2n ** 60n]]));
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => readThriftStruct(bytes.subarray(0, cut))).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    }
  });
});
