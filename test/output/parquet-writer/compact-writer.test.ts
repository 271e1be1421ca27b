import { describe, expect, it } from 'vitest';
import { CType, CompactWriter } from '../../../src/output/parquet-writer/compact-writer.js';
import { ByteDictionary, WordDictionary } from '../../../src/output/parquet-writer/dictionary.js';
import { ByteSink } from '../../../src/output/byte-sink.js';
import { TType, readThriftStruct, writeThriftStruct, type ThriftList, type ThriftStruct } from '../../../src/output/thrift-compact.js';

const field = (struct: ThriftStruct, id: number): unknown => struct.fields.get(id)?.value;

describe('CompactWriter', () => {
  it('writes what the generic compact-protocol reader reads back, byte for byte the same as its writer', () => {
    const out = new CompactWriter(4);
    out.i32(1, -7);
    out.i64(3, 2 ** 40);
    out.beginStruct(5); // delta 2
    out.binary(1, Buffer.from('RD'));
    out.bool(2, true);
    out.byte(3, 16);
    out.i16(20, -3); // delta > 15: long field header
    out.endStruct();
    out.beginList(6, CType.STRUCT, 16); // 15+ items: long list header
    for (let i = 0; i < 16; i++) {
      out.beginItemStruct();
      out.i32(1, i);
      out.endStruct();
    }
    out.beginList(7, CType.I32, 2);
    out.itemI32(0);
    out.itemI32(8);
    out.end();
    const bytes = out.copy();
    const decoded = readThriftStruct(bytes);
    expect(field(decoded, 1)).toBe(-7);
    expect(field(decoded, 3)).toBe(2n ** 40n);
    const inner = field(decoded, 5) as ThriftStruct;
    expect(Buffer.from(field(inner, 1) as Uint8Array).toString()).toBe('RD');
    expect([field(inner, 2), field(inner, 3), field(inner, 20)]).toEqual([true, 16, -3]);
    expect(inner.fields.get(20)?.type).toBe(TType.I16);
    expect((field(decoded, 6) as ThriftList).items.map((item) => field(item as ThriftStruct, 1))).toEqual([...Array(16).keys()]);
    expect((field(decoded, 7) as ThriftList).items).toEqual([0, 8]);
    expect(Buffer.from(writeThriftStruct(decoded)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('dictionaries', () => {
  it('give each distinct byte string one index, in order of first appearance, across growth', () => {
    const dictionary = new ByteDictionary();
    const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => `V${i % 1500}|`).join(''));
    const ids: number[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== 0x7c) continue;
      ids.push(dictionary.intern(text, start, i));
      start = i + 1;
    }
    expect(dictionary.size).toBe(1500);
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, i) => i % 1500));
    // The page is the PLAIN form: 4-byte length, bytes.
    expect([...dictionary.page.bytes().subarray(0, 6)]).toEqual([2, 0, 0, 0, 0x56, 0x30]);
    // Every entry's range in the page, in index order.
    const entries: string[] = [];
    dictionary.forEachEntry((page, from, to) => entries.push(Buffer.from(page.subarray(from, to)).toString()));
    expect(entries[1234]).toBe('V1234');
    expect(entries).toEqual(Array.from({ length: 1500 }, (_, i) => `V${i}`));
  });

  it('tell apart long strings that share their first and last 16 bytes (the hashed part)', () => {
    const dictionary = new ByteDictionary();
    const a = Buffer.from(`${'x'.repeat(16)}middle-one${'y'.repeat(16)}`);
    const b = Buffer.from(`${'x'.repeat(16)}middle-two${'y'.repeat(16)}`);
    expect([dictionary.intern(a, 0, a.length), dictionary.intern(b, 0, b.length), dictionary.intern(a, 0, a.length)]).toEqual([0, 1, 0]);
  });

  it('index 32- and 64-bit values by their bit patterns', () => {
    const words = new WordDictionary(1);
    expect([0, -1, 0, 2 ** 31 - 1, -1].map((w) => words.intern1(w))).toEqual([0, 1, 0, 2, 1]);
    const pairs = new WordDictionary(2);
    const ids = Array.from({ length: 3000 }, (_, i) => pairs.intern2(i % 1000, -(i % 1000)));
    expect(pairs.size).toBe(1000);
    expect(ids.slice(1000, 1003)).toEqual([0, 1, 2]);
    expect(pairs.byteLength).toBe(8000);
  });
});

describe('ByteSink', () => {
  it('appends byte ranges across its growth, as append does with views', () => {
    const ranged = new ByteSink(4);
    const viewed = new ByteSink(4);
    const source = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);
    for (let start = 0; start < 290; start += 7) {
      ranged.u32(start);
      ranged.appendRange(source, start, start + (start % 11));
      viewed.u32(start);
      viewed.append(source.subarray(start, start + (start % 11)));
    }
    ranged.appendRange(source, 5, 5);
    expect(ranged.length).toBe(viewed.length);
    expect(ranged.bytes()).toEqual(viewed.bytes());
  });
});
