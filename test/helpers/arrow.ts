/** A small Arrow schema with one column of each type the DBF decoder makes, and batches of it. */
import { Bool, Data, DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';

export const SAMPLE_FIELDS = [
  new Field('CODE', new Utf8(), true),
  new Field('N', new Int32(), true),
  new Field('BIG', new Int64(), true),
  new Field('VAL', new Float64(), true),
  new Field('DT', new DateDay(), true),
  new Field('OK', new Bool(), true),
];

/** A batch of `schema` (default: the sample fields, no metadata) from rows of values in field order. */
export function sampleBatch(rows: unknown[][], schema = new Schema(SAMPLE_FIELDS)): RecordBatch {
  const columns = schema.fields.map((field, index) => vectorFromArray(rows.map((row) => row[index] ?? null), field.type).data[0]!);
  return new RecordBatch(schema, new Data(new Struct(schema.fields), 0, rows.length, 0, undefined, columns));
}
