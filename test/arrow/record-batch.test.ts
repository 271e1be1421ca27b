import { Data, Field, Int32, RecordBatch, Schema, Struct, Utf8, makeData, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { recordBatch } from '../../src/arrow/record-batch.js';
import { sampleBatch } from '../helpers/arrow.js';

const schema = new Schema([new Field('CODE', new Utf8(), true, new Map([['dbf.type', 'C']])), new Field('N', new Int32(), false)], new Map([['k', 'v']]));

describe('recordBatch', () => {
  it("is apache-arrow's RecordBatch over the same data, keeping the schema object itself", () => {
    const reference = sampleBatch([['a', 1], [null, 2], ['c', 3]], schema);
    const batch = recordBatch(schema, reference.data);
    expect(batch).toBeInstanceOf(RecordBatch);
    expect(batch.schema).toBe(schema);
    expect(new RecordBatch(schema, reference.data).schema).not.toBe(schema);
    expect(batch.numRows).toBe(3);
    expect(batch.numCols).toBe(2);
    expect(batch.nullCount).toBe(reference.nullCount);
    expect(batch.toArray().map((row) => row.toJSON())).toEqual(reference.toArray().map((row) => row.toJSON()));
    expect(batch.getChild('CODE')!.get(1)).toBeNull();
    expect(batch.metadata.size).toBe(0);
    expect(batch.slice(1, 2).getChild('N')!.get(0)).toBe(2);
    expect(batch.select(['N']).schema.fields.map((f) => f.name)).toEqual(['N']);
    expect(tableToIPC(new Table([batch]))).toEqual(tableToIPC(new Table([new RecordBatch(schema, reference.data)])));
  });

  it('pads a short column with nulls exactly as the constructor does', () => {
    const full = sampleBatch([['a', 1], ['b', 2]], schema);
    const short = makeData({ type: new Int32(), length: 1, nullCount: 0, data: new Int32Array([9]) });
    const data = new Data(new Struct(schema.fields), 0, 2, 0, undefined, [full.data.children[0]!, short]);
    const batch = recordBatch(schema, data);
    expect(batch.getChild('N')!.length).toBe(2);
    expect(batch.getChild('N')!.get(1)).toBeNull();
    expect(batch.schema.fields[1]!.nullable).toBe(true);
  });
});
