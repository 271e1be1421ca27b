import { DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Utf8, makeData, Data, Struct, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { conformBatch, unifySchemas } from '../../src/arrow/unify.js';
import { packBatch, packSchema, unpackBatch, unpackSchema } from '../../src/arrow/transfer.js';

function batchOf(columns: Record<string, { type: Utf8 | Int32 | Int64 | Float64 | DateDay; values: unknown[] }>): RecordBatch {
  const fields = Object.entries(columns).map(([name, c]) => new Field(name, c.type, true));
  const schema = new Schema(fields);
  const children = Object.values(columns).map((c) => vectorFromArray(c.values, c.type).data[0]!);
  const length = children[0]?.length ?? 0;
  return new RecordBatch(schema, new Data(new Struct(fields), 0, length, 0, undefined, children));
}

describe('unifySchemas / conformBatch', () => {
  const a = batchOf({ UF: { type: new Utf8(), values: ['SP', null] }, N: { type: new Int32(), values: [1, 2] }, D: { type: new DateDay(), values: [new Date(Date.UTC(2022, 0, 5)), null] } });
  const b = batchOf({ N: { type: new Float64(), values: [1.5, null] }, D: { type: new Utf8(), values: ['x', 'y'] }, EXTRA: { type: new Int64(), values: [7n, null] } });

  it('matches columns by name in first-seen order and widens types', () => {
    const schema = unifySchemas([a.schema, b.schema]);
    expect(schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual([
      ['UF', 'Utf8', true],
      ['N', 'Float64', true],
      ['D', 'Utf8', true],
      ['EXTRA', 'Int64', true],
    ]);
  });

  it('casts, reorders and fills missing columns with nulls', () => {
    const schema = unifySchemas([a.schema, b.schema]);
    const left = conformBatch(a, schema);
    const right = conformBatch(b, schema);
    expect(left.toArray().map((row) => ({ ...row.toJSON() }))).toEqual([
      { UF: 'SP', N: 1, D: '2022-01-05', EXTRA: null },
      { UF: null, N: 2, D: null, EXTRA: null },
    ]);
    expect(right.toArray().map((row) => ({ ...row.toJSON() }))).toEqual([
      { UF: null, N: 1.5, D: 'x', EXTRA: 7n },
      { UF: null, N: null, D: 'y', EXTRA: null },
    ]);
  });

  it('widens Int32 + Int64 to Int64 and keeps identical schemas untouched', () => {
    const x = batchOf({ N: { type: new Int32(), values: [1] } });
    const y = batchOf({ N: { type: new Int64(), values: [2n] } });
    const schema = unifySchemas([x.schema, y.schema]);
    expect(String(schema.fields[0]!.type)).toBe('Int64');
    expect(conformBatch(x, schema).getChild('N')!.get(0)).toBe(1n);
    expect(conformBatch(y, y.schema)).toBe(y);
  });
});

describe('packBatch / unpackBatch', () => {
  it('round-trips every column type used by the decoder, including views on shared buffers', () => {
    const shared = new Int32Array([5, 6, 7, 8]);
    const view = makeData({ type: new Int32(), length: 2, data: shared.subarray(1, 3) });
    const batch = batchOf({ S: { type: new Utf8(), values: ['á', null] }, F: { type: new Float64(), values: [0.5, null] }, D: { type: new DateDay(), values: [new Date(0), null] }, L: { type: new Int64(), values: [1n, 2n] } });
    const withView = new RecordBatch(
      new Schema([...batch.schema.fields, new Field('V', new Int32(), false)]),
      new Data(new Struct([...batch.schema.fields, new Field('V', new Int32(), false)]), 0, 2, 0, undefined, [...batch.data.children, view]),
    );
    const expected = withView.toArray().map((row) => ({ ...row.toJSON() }));
    const schema = unpackSchema(packSchema(withView.schema));
    const { packed, transfer } = packBatch(withView);
    const copy = structuredClone(packed, { transfer });
    const back = unpackBatch(schema, copy);
    expect(back.toArray().map((row) => ({ ...row.toJSON() }))).toEqual(expected);
    expect(expected[0]).toEqual({ S: 'á', F: 0.5, D: 0, L: 1n, V: 6 });
    // The shared buffer was copied, not detached.
    expect(shared.length).toBe(4);
  });
});
