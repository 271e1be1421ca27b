import { Data, Field, Int32, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { MemoryBatchCache, batchBytes } from '../../src/cache/memory-cache.js';

const schema = new Schema([new Field('n', new Int32(), false)]);
const batch = (rows: number): RecordBatch =>
  new RecordBatch(schema, new Data(new Struct(schema.fields), 0, rows, 0, undefined, [makeData({ type: new Int32(), length: rows, data: new Int32Array(rows) })]));

describe('MemoryBatchCache', () => {
  it('counts buffer bytes', () => {
    expect(batchBytes(batch(100))).toBe(400);
  });

  it('evicts least recently used entries beyond its budget and refuses entries over a quarter of it', () => {
    const memory = new MemoryBatchCache(4000);
    expect(memory.set('a', [batch(250)])).toBe(true); // 1000 bytes
    expect(memory.set('b', [batch(250)])).toBe(true);
    expect(memory.set('c', [batch(250)])).toBe(true);
    expect(memory.get('a')).toBeDefined(); // a is now the most recent
    expect(memory.set('d', [batch(250)])).toBe(true);
    expect(memory.set('e', [batch(250)])).toBe(true); // 5000 > 4000: b goes
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBeDefined();
    expect(memory.bytes).toBe(4000);
    expect(memory.set('huge', [batch(300)])).toBe(false);
    expect(memory.hits).toBe(2);
    expect(memory.misses).toBe(1);
  });

  it('keeps the part of an oversized repeated read that fit, instead of evicting its own entries', () => {
    const memory = new MemoryBatchCache(4000);
    const files = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];
    // Each read of the six 1000-byte files is one owner (a scan); four fit.
    const read = (owner: object): string[] =>
      files.filter((key) => {
        if (memory.get(key, owner) !== undefined) return true;
        memory.set(key, [batch(250)], owner);
        return false;
      });
    expect(read({})).toEqual([]);
    expect(memory.bytes).toBe(4000);
    // A plain LRU would hit nothing here (each file evicted before it comes round again).
    expect(read({})).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(read({})).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it("evicts another owner's entries, least recently used first, and refuses without evicting when only its own remain", () => {
    const memory = new MemoryBatchCache(4000);
    const a = {};
    const b = {};
    memory.set('a1', [batch(250)], a);
    memory.set('a2', [batch(250)], a);
    memory.set('b1', [batch(250)], b);
    memory.set('b2', [batch(250)], b);
    expect(memory.set('b3', [batch(250)], b)).toBe(true); // a1 goes: a's, and the oldest
    expect(memory.get('a1')).toBeUndefined();
    expect(memory.set('b4', [batch(250)], b)).toBe(true); // a2 goes
    expect(memory.get('a2')).toBeUndefined();
    expect(memory.set('b5', [batch(250)], b)).toBe(false); // only b's entries left
    expect(memory.bytes).toBe(4000);
    expect(['b1', 'b2', 'b3', 'b4'].every((key) => memory.get(key) !== undefined)).toBe(true);
    // Another owner (or none) may evict them.
    expect(memory.set('c1', [batch(250)])).toBe(true);
    expect(memory.get('b1')).toBeUndefined();
  });

  it('replaces an entry under the same key in place of its old bytes, and a refusal removes nothing', () => {
    const memory = new MemoryBatchCache(4000);
    const owner = {};
    for (const key of ['a', 'b', 'c', 'd']) memory.set(key, [batch(250)], owner);
    const fresh = [batch(250)];
    expect(memory.set('b', fresh, owner)).toBe(true); // the old b's 1000 bytes make the room
    expect(memory.get('b')).toBe(fresh);
    expect(memory.bytes).toBe(4000);
    expect(memory.set('e', [batch(250)], owner)).toBe(false);
    expect(['a', 'b', 'c', 'd'].every((key) => memory.has(key))).toBe(true);
    expect(memory.has('e')).toBe(false);
    expect(memory.bytes).toBe(4000);
  });
});
