// A worker for the pool tests: emits `batches` batches of `rows` Int32 rows counting from 0,
// optionally failing with a typed error, throwing a plain error, or crashing the thread; with
// `limits`, the summary also carries the thread's heap limits.
import { Field, Int32, Schema, makeData, RecordBatch, Struct, Data } from 'apache-arrow';
import { resourceLimits } from 'node:worker_threads';
import { ArrowSusError } from '../../dist/errors.js';
import { serveTasks } from '../../dist/workers/serve.js';

const schema = new Schema([new Field('n', new Int32(), false)]);

serveTasks(async (task, output, signal) => {
  output.schema(schema);
  let next = 0;
  for (let b = 0; b < task.batches; b++) {
    if (task.failAt === b) throw new ArrowSusError('DBC_CRC_MISMATCH', 'range: failing as asked', { details: { at: b } });
    if (task.throwAt === b) throw new Error('plain failure');
    if (task.crashAt === b) process.exit(7);
    if (signal.aborted) return { rows: next, aborted: true };
    const values = new Int32Array(task.rows);
    for (let i = 0; i < task.rows; i++) values[i] = next++;
    const column = makeData({ type: new Int32(), length: task.rows, data: values });
    const batch = new RecordBatch(schema, new Data(new Struct(schema.fields), 0, task.rows, 0, undefined, [column]));
    await output.batch(batch);
  }
  return { rows: next, ...(task.limits ? { limits: resourceLimits } : {}) };
});
