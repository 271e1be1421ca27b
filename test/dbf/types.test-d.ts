import type { RecordBatch } from 'apache-arrow';
import { describe, expectTypeOf, it } from 'vitest';
import { DbfReader, eq, readDbf, type DbfReadStats, type Predicate, type ReadDbfOptions } from '../../src/dbf/index.js';

describe('dbf types', () => {
  it('streams record batches from any byte source', () => {
    expectTypeOf(readDbf(new Uint8Array(0))).toEqualTypeOf<AsyncGenerator<RecordBatch, void, undefined>>();
    expectTypeOf<Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>>().toExtend<Parameters<typeof readDbf>[0]>();
    expectTypeOf(new DbfReader().stats).toEqualTypeOf<Readonly<DbfReadStats>>();
  });

  it('accepts only known encodings and typed filters', () => {
    expectTypeOf<{ encoding: 'cp850' }>().toExtend<ReadDbfOptions>();
    expectTypeOf<{ encoding: 'auto' }>().toExtend<ReadDbfOptions>();
    expectTypeOf<{ encoding: 'ebcdic' }>().not.toExtend<ReadDbfOptions>();
    expectTypeOf<{ where: Predicate }>().toExtend<ReadDbfOptions>();
    expectTypeOf(eq('UF_ZI', '350000')).toEqualTypeOf<Predicate>();
    // @ts-expect-error a predicate literal cannot be an object
    eq('UF_ZI', { value: 1 });
  });
});
