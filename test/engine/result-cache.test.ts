import { Schema, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ResultCache, resultKey } from '../../src/engine/result-cache.js';

describe('ResultCache', () => {
  const table = tableFromArrays({ x: Int32Array.from([1, 2, 3]) });
  it('keys on the query and the file versions, whatever their order', () => {
    expect(resultKey('duckdb', 'q', ['a', 'b'])).toBe(resultKey('duckdb', 'q', ['b', 'a']));
    expect(resultKey('duckdb', 'q', ['a', 'b'])).not.toBe(resultKey('duckdb', 'q', ['a', 'c']));
    expect(resultKey('duckdb', 'q', ['a'])).not.toBe(resultKey('polars', 'q', ['a']));
  });

  it('expires entries after the TTL', () => {
    let now = 0;
    const cache = new ResultCache({ ttlMs: 1000, now: () => now });
    cache.set('k', table.schema, table.batches);
    now = 999;
    expect(cache.get('k')?.batches).toHaveLength(1);
    now = 1000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops the least recently used entries beyond the memory bound, and never keeps a result larger than it', () => {
    const bytes = table.batches[0]!.data.byteLength;
    const cache = new ResultCache({ maxBytes: bytes * 2 });
    cache.set('a', table.schema, table.batches);
    cache.set('b', table.schema, table.batches);
    cache.get('a');
    cache.set('c', table.schema, table.batches);
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined]).toEqual([true, false, true]);
    const small = new ResultCache({ maxBytes: bytes - 1 });
    small.set('a', new Schema(table.schema.fields), table.batches);
    expect(small.size).toBe(0);
  });
});
