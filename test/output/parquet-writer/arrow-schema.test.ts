import { execFileSync } from 'node:child_process';
import { Binary, Bool, DateDay, DateMillisecond, Decimal, Field, Float32, Float64, Int16, Int32, Int64, Int8, MessageReader, Schema, Struct, Uint16, Uint8, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { schemaMessage } from '../../../src/output/parquet-writer/arrow-schema.js';
import { packSchema } from '../../../src/arrow/transfer.js';
import { requirePython } from '../../helpers/python.js';

const meta = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

/** Every flat type the encoder takes, nullable or not, with field and schema metadata (as the DBF decoder writes them). */
const schema = new Schema(
  [
    new Field('N_AIH', new Utf8(), true, meta({ 'dbf.type': 'C', 'dbf.length': '13' })),
    new Field('DT_INTER', new DateDay(), true, meta({ 'dbf.type': 'D' })),
    new Field('VAL_TOT', new Float64(), true, meta({ 'dbf.type': 'N', 'dbf.length': '12', 'dbf.decimals': '2' })),
    new Field('IDADE', new Int32(), false),
    new Field('QT', new Int64(), true),
    new Field('MORTE', new Bool(), true),
    new Field('RAW', new Binary(), true),
    new Field('TINY', new Int8(), true),
    new Field('SMALL', new Int16(), false),
    new Field('U8', new Uint8(), true),
    new Field('U16', new Uint16(), true),
    new Field('F32', new Float32(), true),
    new Field('MS', new DateMillisecond(), true),
    new Field('município — ção', new Utf8(), true, meta({ 'chave ü': 'valor ✓', empty: '' })),
  ],
  meta({ 'dbf.version': '3', 'dbf.recordCount': '54793', 'dbf.lastUpdate': '2016-04-01' }),
);

/** What a reader sees of a schema. */
const described = (s: Schema): unknown => ({
  fields: s.fields.map((f) => ({ name: f.name, type: String(f.type), typeId: f.type.typeId, nullable: f.nullable, metadata: [...f.metadata] })),
  metadata: [...s.metadata],
});

describe('schemaMessage', () => {
  it('is an IPC schema message that apache-arrow reads back as the same schema', () => {
    const message = schemaMessage(schema)!;
    expect(message.length % 8).toBe(0);
    expect(new DataView(message.buffer).getUint32(0, true)).toBe(0xffffffff);
    expect(new DataView(message.buffer).getInt32(4, true)).toBe(message.length - 8);
    const read = new MessageReader(message).readSchema()!;
    expect(described(read)).toEqual(described(schema));
    // The same as apache-arrow's own message reads back.
    expect(described(read)).toEqual(described(new MessageReader(packSchema(schema)).readSchema()!));
  });

  it('handles a schema without fields or metadata', () => {
    const empty = new Schema([]);
    expect(described(new MessageReader(schemaMessage(empty)!).readSchema()!)).toEqual(described(empty));
  });

  it('declines types it does not write', () => {
    expect(schemaMessage(new Schema([new Field('D', new Decimal(2, 10, 128))]))).toBeUndefined();
    expect(schemaMessage(new Schema([new Field('S', new Struct([new Field('x', new Int32())]))]))).toBeUndefined();
  });

  it('is read by Arrow C++ (pyarrow) as the same schema', (context) => {
    if (!requirePython(context, 'pyarrow')) return;
    const script = `
import sys, json, pyarrow as pa
s = pa.ipc.read_schema(pa.py_buffer(sys.stdin.buffer.read()))
print(json.dumps({"fields": [[f.name, str(f.type), f.nullable, {k.decode(): v.decode() for k, v in (f.metadata or {}).items()}] for f in s], "metadata": {k.decode(): v.decode() for k, v in (s.metadata or {}).items()}}))`;
    const out = JSON.parse(execFileSync('python3', ['-c', script], { input: schemaMessage(schema)! }).toString()) as { fields: unknown[]; metadata: unknown };
    const pyTypes = ['string', 'date32[day]', 'double', 'int32', 'int64', 'bool', 'binary', 'int8', 'int16', 'uint8', 'uint16', 'float', 'date64[ms]', 'string'];
    expect(out.fields).toEqual(schema.fields.map((f, i) => [f.name, pyTypes[i], f.nullable, Object.fromEntries(f.metadata)]));
    expect(out.metadata).toEqual(Object.fromEntries(schema.metadata));
  });
});
