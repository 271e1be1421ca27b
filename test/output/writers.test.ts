import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Data, DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, Utf8, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { batchesToCsv, csvField } from '../../src/output/csv.js';
import { batchesToIpc } from '../../src/output/ipc.js';
import { batchesToNdjson } from '../../src/output/ndjson.js';
import { requirePython } from '../helpers/python.js';
import { collectBuffer } from '../helpers/streams.js';

const fields = [new Field('CODE', new Utf8(), true), new Field('N', new Int32(), true), new Field('BIG', new Int64(), true), new Field('VAL', new Float64(), true), new Field('DT', new DateDay(), true)];
const schema = new Schema(fields);
function batch(rows: [string | null, number | null, bigint | null, number | null, Date | null][]): RecordBatch {
  const columns = fields.map((field, index) => vectorFromArray(rows.map((row) => row[index] ?? null), field.type).data[0]!);
  return new RecordBatch(schema, new Data(new Struct(fields), 0, rows.length, 0, undefined, columns));
}
const batches = [
  batch([['0012', 1, 9007199254740993n, 1.25, new Date(Date.UTC(2023, 0, 31))], ['a,"b"\nc', null, null, null, null]]),
  batch([['São Paulo', -5, 3n, 0.1, new Date(Date.UTC(1999, 11, 1))]]),
];

describe('text writers', () => {
  it('writes RFC 4180 CSV with a header, quoting only where needed', async () => {
    const text = (await collectBuffer(batchesToCsv(batches))).toString('utf8');
    expect(text).toBe(
      'CODE,N,BIG,VAL,DT\n0012,1,9007199254740993,1.25,2023-01-31\n"a,""b""\nc",,,,\nSão Paulo,-5,3,0.1,1999-12-01\n',
    );
    expect(csvField('plain')).toBe('plain');
  });

  it('writes NDJSON with exact 64-bit integers as strings beyond 2^53', async () => {
    const lines = (await collectBuffer(batchesToNdjson(batches))).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { CODE: '0012', N: 1, BIG: '9007199254740993', VAL: 1.25, DT: '2023-01-31' },
      { CODE: 'a,"b"\nc', N: null, BIG: null, VAL: null, DT: null },
      { CODE: 'São Paulo', N: -5, BIG: 3, VAL: 0.1, DT: '1999-12-01' },
    ]);
  });
});

describe('Arrow IPC writer', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`writes the ${format} format, read back by apache-arrow`, async () => {
      const bytes = await collectBuffer(batchesToIpc(batches, schema, format));
      const table = tableFromIPC(bytes);
      expect(table.numRows).toBe(3);
      expect(table.getChild('CODE')!.toArray()).toEqual(['0012', 'a,"b"\nc', 'São Paulo']);
      expect(table.getChild('BIG')!.get(0)).toBe(9007199254740993n);
    });
  }

  it('writes an empty table with its schema when there are no batches', async () => {
    const table = tableFromIPC(await collectBuffer(batchesToIpc([], schema, 'file')));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['CODE', 'N', 'BIG', 'VAL', 'DT']);
  });

  it('is read by pyarrow (an independent reader) when it is installed', async (context) => {
    if (!requirePython(context, 'pyarrow')) return;
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-ipc-'));
    const path = join(dir, 'out.arrow');
    writeFileSync(path, await collectBuffer(batchesToIpc(batches, schema, 'file')));
    const script = `import pyarrow as pa, json, sys
t = pa.ipc.open_file(sys.argv[1]).read_all()
print(json.dumps({"rows": t.num_rows, "types": [str(f.type) for f in t.schema], "code": t.column("CODE").to_pylist(), "dt": [str(x) for x in t.column("DT").to_pylist()]}))`;
    const result = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as unknown;
    expect(result).toEqual({
      rows: 3,
      types: ['string', 'int32', 'int64', 'double', 'date32[day]'],
      code: ['0012', 'a,"b"\nc', 'São Paulo'],
      dt: ['2023-01-31', 'None', '1999-12-01'],
    });
    expect(readFileSync(path).subarray(0, 6).toString('latin1')).toBe('ARROW1');
  });
});
