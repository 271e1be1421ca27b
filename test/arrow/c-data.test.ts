import { Dictionary, Field, Int32, Schema, TimestampMillisecond, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { canImportPacked, importPackedBatch } from '../../src/arrow/c-data.js';
import { unpackBatch } from '../../src/arrow/transfer.js';
import { SAMPLE_FIELDS } from '../helpers/arrow.js';

/**
 * Lays out, in a fresh memory, an exported record batch as a 32-bit WebAssembly module would:
 * a struct `ArrowArray` whose children are a Utf8 column (with a null) and an Int32 column.
 */
function exportedBatch(options: { utf8Offset?: number; children?: number; uniform?: boolean; offsetsShift?: number } = {}): { memory: ArrayBuffer; address: number } {
  const memory = new ArrayBuffer(4096);
  const view = new DataView(memory);
  const bytes = new Uint8Array(memory);
  let next = 8;
  const alloc = (size: number): number => {
    const at = next;
    next += Math.ceil(size / 8) * 8;
    return at;
  };
  const int64 = (at: number, value: number): void => view.setBigInt64(at, BigInt(value), true);
  const array = (length: number, nullCount: number, offset: number, buffers: number[], children: number[]): number => {
    const at = alloc(64);
    const bufferList = alloc(4 * buffers.length);
    buffers.forEach((pointer, index) => view.setUint32(bufferList + 4 * index, pointer, true));
    const childList = alloc(4 * Math.max(1, children.length));
    children.forEach((pointer, index) => view.setUint32(childList + 4 * index, pointer, true));
    int64(at, length);
    int64(at + 8, nullCount);
    int64(at + 16, offset);
    int64(at + 24, buffers.length);
    int64(at + 32, children.length);
    view.setUint32(at + 40, bufferList, true);
    view.setUint32(at + 44, childList, true);
    return at;
  };
  // CODE: ['AB', null, 'XYZ'], or with `uniform` ['AB', 'CD', 'EF'] (no nulls, one width);
  // `offsetsShift` moves the offsets off 4-byte alignment.
  const validity = alloc(1);
  bytes[validity] = 0b101;
  const offsets = alloc(16 + 8) + (options.offsetsShift ?? 0);
  (options.uniform ? [0, 2, 4, 6] : [0, 2, 2, 5]).forEach((value, index) => view.setInt32(offsets + 4 * index, value, true));
  const data = alloc(6);
  bytes.set(new TextEncoder().encode(options.uniform ? 'ABCDEF' : 'ABXYZ'), data);
  const code = options.uniform ? array(3, 0, 0, [0, offsets, data], []) : array(3, 1, options.utf8Offset ?? 0, [validity, offsets, data], []);
  // N: [7, -1, 42], no nulls (no bitmap)
  const values = alloc(12);
  [7, -1, 42].forEach((value, index) => view.setInt32(values + 4 * index, value, true));
  const n = array(3, 0, 0, [0, values], []);
  const columns = [code, n].slice(0, options.children ?? 2);
  return { memory, address: array(3, 0, 0, [0], columns) };
}

const schema = new Schema([new Field('CODE', new Utf8(), true), new Field('N', new Int32(), true)]);

describe('importPackedBatch', () => {
  it('copies an exported batch into transferable buffers that unpack to the same rows', () => {
    const { memory, address } = exportedBatch();
    const imported = importPackedBatch(memory, address, schema);
    expect(imported).toBeDefined();
    const batch = unpackBatch(schema, imported!.packed);
    expect(batch.toArray().map((row) => row.toJSON())).toEqual([
      { CODE: 'AB', N: 7 },
      { CODE: null, N: -1 },
      { CODE: 'XYZ', N: 42 },
    ]);
    // Every buffer is its own copy: none is the module's memory.
    expect(imported!.transfer.length).toBe(4);
    for (const buffer of imported!.transfer) expect(buffer).not.toBe(memory);
    new Uint8Array(memory).fill(0);
    expect(batch.getChild('CODE')!.get(2)).toBe('XYZ');
  });

  it('leaves the offsets of a text column of one width behind, aligned or not', () => {
    for (const offsetsShift of [0, 2]) {
      const { memory, address } = exportedBatch({ uniform: true, offsetsShift });
      const imported = importPackedBatch(memory, address, schema)!;
      const code = imported.packed.columns[0]!;
      expect(code.uniformWidth).toBe(2);
      expect(code.buffers[0]).toBeNull();
      // CODE's characters and N's values: the offsets are not copied.
      expect(imported.transfer.length).toBe(2);
      new Uint8Array(memory).fill(0);
      expect(unpackBatch(schema, imported.packed).getChild('CODE')!.toArray()).toEqual(['AB', 'CD', 'EF']);
    }
    // Not aligned and not of one width: copied as before.
    const { memory, address } = exportedBatch({ offsetsShift: 2 });
    expect(unpackBatch(schema, importPackedBatch(memory, address, schema)!.packed).getChild('CODE')!.toArray()).toEqual(['AB', null, 'XYZ']);
  });

  it('declines sliced columns and column counts that do not match the schema', () => {
    const sliced = exportedBatch({ utf8Offset: 1 });
    expect(importPackedBatch(sliced.memory, sliced.address, schema)).toBeUndefined();
    const short = exportedBatch({ children: 1 });
    expect(importPackedBatch(short.memory, short.address, schema)).toBeUndefined();
  });
});

describe('canImportPacked', () => {
  it("accepts the DBF decoder's types and declines the others", () => {
    expect(canImportPacked(new Schema(SAMPLE_FIELDS))).toBe(true);
    expect(canImportPacked(new Schema([new Field('T', new TimestampMillisecond())]))).toBe(false);
    expect(canImportPacked(new Schema([new Field('D', new Dictionary(new Utf8(), new Int32()))]))).toBe(false);
  });
});
