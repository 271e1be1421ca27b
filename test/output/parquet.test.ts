import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchesToParquet } from '../../src/output/parquet.js';
import { SAMPLE_FIELDS, sampleBatch } from '../helpers/arrow.js';
import { pythonHas } from '../helpers/python.js';
import { collectBuffer } from '../helpers/streams.js';

const schema = new Schema(SAMPLE_FIELDS);
const batch = (rows: unknown[][]) => sampleBatch(rows, schema);

const hasPyarrow = pythonHas('pyarrow');

const READ = `import pyarrow.parquet as pq, json, sys
f = pq.ParquetFile(sys.argv[1])
t = f.read()
print(json.dumps({"rows": t.num_rows, "groups": f.metadata.num_row_groups,
  "codec": f.metadata.row_group(0).column(0).compression if f.metadata.num_row_groups else None,
  "types": [str(x.type) for x in t.schema], "meta": {k.decode(): v.decode() for k, v in (f.metadata.metadata or {}).items() if not k.startswith(b"ARROW")},
  "stats": [[str(c.statistics.min), str(c.statistics.max), c.statistics.null_count, c.has_column_index] for c in (f.metadata.row_group(0).column(i) for i in range(f.metadata.num_columns))] if f.metadata.num_row_groups else [],
  "rows_json": [{k: (str(v) if v is not None else None) for k, v in r.items()} for r in t.slice(0, 3).to_pylist()]}))`;

if (!hasPyarrow) console.warn('[arrow-sus tests] skipping the Parquet read-back tests: pyarrow is not importable (pip install pyarrow)');

describe.runIf(hasPyarrow)('Parquet writer, read back by pyarrow', () => {
  it('writes zstd row groups of the requested size with every decoder type', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [
      i % 10 === 0 ? null : `C${String(i).padStart(4, '0')}`,
      i,
      BigInt(i) * 10_000_000_000n,
      i / 4,
      new Date(Date.UTC(2020, 0, 1 + (i % 365))),
      i % 2 === 0,
    ]);
    const batches = [batch(rows.slice(0, 1000)), batch(rows.slice(1000))];
    const path = join(mkdtempSync(join(tmpdir(), 'arrow-sus-pq-')), 'out.parquet');
    writeFileSync(path, await collectBuffer(batchesToParquet(batches, schema, { rowGroupRows: 1000, metadata: { 'arrow-sus.source': 'test' } })));
    const result = JSON.parse(execFileSync('python3', ['-c', READ, path], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(result['rows']).toBe(2500);
    expect(result['groups']).toBe(3);
    expect(result['codec']).toBe('ZSTD');
    expect(result['types']).toEqual(['string', 'int32', 'int64', 'double', 'date32[day]', 'bool']);
    expect(result['meta']).toEqual({ 'arrow-sus.source': 'test' });
    // Row-group statistics (what readers prune with), no page index.
    expect(result['stats']).toEqual([
      ['C0001', 'C0999', 100, false],
      ['0', '999', 0, false],
      ['0', '9990000000000', 0, false],
      ['-0.0', '249.75', 0, false], // the format's rule: a zero minimum is written as -0.0
      ['2020-01-01', '2020-12-30', 0, false],
      ['False', 'True', 0, false],
    ]);
    expect(result['rows_json']).toEqual([
      { CODE: null, N: '0', BIG: '0', VAL: '0.0', DT: '2020-01-01', OK: 'True' },
      { CODE: 'C0001', N: '1', BIG: '10000000000', VAL: '0.25', DT: '2020-01-02', OK: 'False' },
      { CODE: 'C0002', N: '2', BIG: '20000000000', VAL: '0.5', DT: '2020-01-03', OK: 'True' },
    ]);
  });

  it('writes a valid file with the schema and zero rows when there are no batches', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'arrow-sus-pq-')), 'empty.parquet');
    writeFileSync(path, await collectBuffer(batchesToParquet([], schema)));
    const result = JSON.parse(execFileSync('python3', ['-c', READ, path], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(result['rows']).toBe(0);
    expect(result['types']).toEqual(['string', 'int32', 'int64', 'double', 'date32[day]', 'bool']);
  });

  it('passes a failure of the batch source through to the consumer', async () => {
    async function* failing(): AsyncGenerator<RecordBatch> {
      yield batch([['A', 1, 1n, 1, new Date(0), true]]);
      throw new Error('source failed');
    }
    await expect(collectBuffer(batchesToParquet(failing(), schema))).rejects.toThrow();
  });
});
