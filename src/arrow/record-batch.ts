/**
 * Record batches without apache-arrow's per-batch schema rebuild.
 *
 * `new RecordBatch(schema, data)` re-derives its schema on every call (`Schema.assign`: each
 * field cloned, its metadata copied, every name looked up among the others — quadratic in the
 * column count), so a 113-column SIH batch gets a fresh copy of a schema it already had, and a
 * later `batch.schema === schema` test fails. That rebuild only changes anything when a column
 * is shorter than the batch (it pads it with nulls); {@link recordBatch} skips it otherwise.
 *
 * @module
 */
import { RecordBatch } from 'apache-arrow';
import type { Data, Schema, Struct } from 'apache-arrow';

/**
 * A record batch of `schema` over `data` (a struct of one child per field) that keeps `schema`
 * itself. Same result as `new RecordBatch(schema, data)`; when a child's length differs from the
 * batch's, or the child count from the field count, it is exactly that call.
 *
 * @example
 * ```ts
 * const batch = recordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, children }));
 * batch.schema === schema; // true
 * ```
 */
export function recordBatch(schema: Schema, data: Data<Struct>): RecordBatch {
  const { children, length } = data;
  if (children.length !== schema.fields.length || children.some((child) => child.length !== length)) return new RecordBatch(schema, data);
  // What the constructor sets when every column has the batch's length (its other state lives on
  // the prototype).
  const batch = Object.create(RecordBatch.prototype) as { schema: Schema; data: Data<Struct>; _metadata: Map<string, string> };
  batch.schema = schema;
  batch.data = data;
  batch._metadata = new Map();
  return batch as unknown as RecordBatch;
}
