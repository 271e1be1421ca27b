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
});
