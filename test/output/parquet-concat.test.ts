import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Data, Field, Float64, Int32, RecordBatch, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readParquet } from '../../src/cache/read-parquet.js';
import { ArrowSusError } from '../../src/errors.js';
import { canConcatParquet, concatParquetFiles, joinParquetStream, readParquetPart, type ParquetParts } from '../../src/output/parquet-concat.js';
import { batchesToParquet } from '../../src/output/parquet.js';
import { readThriftStruct, writeThriftStruct } from '../../src/output/thrift-compact.js';
import { requirePython } from '../helpers/python.js';

const fields = [new Field('CODE', new Utf8(), true), new Field('N', new Int32(), true), new Field('V', new Float64(), true)];
const schema = new Schema(fields);
const batch = (from: number, rows: number, s: Schema = schema): RecordBatch => {
  const values = Array.from({ length: rows }, (_, i) => from + i);
  const columns = [
    vectorFromArray(values.map((v) => (v % 7 === 0 ? null : `C${v % 13}`)), new Utf8()).data[0]!,
    vectorFromArray(values, new Int32()).data[0]!,
    vectorFromArray(values.map((v) => v / 4), new Float64()).data[0]!,
  ].slice(0, s.fields.length);
  return new RecordBatch(s, new Data(new Struct(s.fields), 0, rows, 0, undefined, columns));
};
async function writeParquet(path: string, batches: RecordBatch[], s: Schema = schema): Promise<void> {
  const parts: Uint8Array[] = [];
  for await (const chunk of batchesToParquet(batches, s, { rowGroupRows: 100, metadata: { 'arrow-sus.source': path } })) parts.push(chunk);
  writeFileSync(path, Buffer.concat(parts));
}
async function rowsOf(path: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const b of readParquet(path)) rows.push(...b.toArray().map((r) => r.toJSON()));
  return rows;
}

describe('thrift compact codec', () => {
  it('round-trips a real Parquet footer byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-thrift-'));
    await writeParquet(join(dir, 'a.parquet'), [batch(0, 250)]);
    const bytes = readFileSync(join(dir, 'a.parquet'));
    const length = bytes.readUInt32LE(bytes.length - 8);
    const footer = bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
    expect(Buffer.from(writeThriftStruct(readThriftStruct(footer))).equals(footer)).toBe(true);
  });

  it('turns any malformed input into CACHE_CORRUPT (seeded fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          writeThriftStruct(readThriftStruct(bytes));
        } catch (error) {
          expect(ArrowSusError.is(error, 'CACHE_CORRUPT')).toBe(true);
        }
      }),
      { seed: 42, numRuns: 5000 },
    );
  });
});

describe('concatParquetFiles', () => {
  it('joins files of one schema without re-encoding, rows in order, readable by our reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-concat-'));
    const a = join(dir, 'a.parquet');
    const b = join(dir, 'b.parquet');
    const c = join(dir, 'c.parquet');
    await writeParquet(a, [batch(0, 250)]);
    await writeParquet(b, [batch(250, 30)]);
    await writeParquet(c, [batch(280, 120)]);
    expect(await canConcatParquet([a, b, c])).toBe(true);
    const out = join(dir, 'all.parquet');
    const result = await concatParquetFiles([a, b, c], out, { dropKeysWithPrefix: 'arrow-sus.', metadata: { 'arrow-sus.sources': '3' } });
    expect(result.rows).toBe(400);
    expect(await rowsOf(out)).toEqual([...(await rowsOf(a)), ...(await rowsOf(b)), ...(await rowsOf(c))]);
  });

  it('is read by pyarrow with every row group and the new metadata', async (context) => {
    if (!requirePython(context, 'pyarrow')) return;
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-concat-'));
    const a = join(dir, 'a.parquet');
    const b = join(dir, 'b.parquet');
    await writeParquet(a, [batch(0, 250)]);
    await writeParquet(b, [batch(250, 150)]);
    const out = join(dir, 'ab.parquet');
    await concatParquetFiles([a, b], out, { dropKeysWithPrefix: 'arrow-sus.', metadata: { 'arrow-sus.sources': 'a,b' } });
    const script = `import pyarrow.parquet as pq, json, sys
f = pq.ParquetFile(sys.argv[1]); t = f.read()
print(json.dumps({"rows": t.num_rows, "groups": f.metadata.num_row_groups, "n": t.column("N").to_pylist()[::50], "keys": sorted(k.decode() for k in f.metadata.metadata)}))`;
    expect(JSON.parse(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' }))).toEqual({
      rows: 400,
      groups: 5,
      n: [0, 50, 100, 150, 200, 250, 300, 350],
      keys: ['ARROW:schema', 'arrow-sus.sources'],
    });
  });

  it('refuses files whose schemas differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-concat-'));
    const narrow = new Schema(fields.slice(0, 2));
    await writeParquet(join(dir, 'a.parquet'), [batch(0, 10)]);
    await writeParquet(join(dir, 'b.parquet'), [batch(0, 10, narrow)], narrow);
    const paths = [join(dir, 'a.parquet'), join(dir, 'b.parquet')];
    expect(await canConcatParquet(paths)).toBe(false);
    const error = await concatParquetFiles(paths, join(dir, 'x.parquet')).catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});

describe('joinParquetStream', () => {
  const later = <T>(value: T, ms: number): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

  it('copies parts as they arrive and writes the same file as the whole join', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-join-'));
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.parquet`));
    await writeParquet(paths[0]!, [batch(0, 250)]);
    await writeParquet(paths[1]!, [batch(250, 30)]);
    await writeParquet(paths[2]!, [batch(280, 120)]);
    const arrived: string[] = [];
    let metadataAsked = 0;
    async function* parts(): AsyncGenerator<ParquetParts> {
      for (const path of paths) {
        const part = await later(await readParquetPart(path), 5);
        arrived.push(path);
        yield part;
      }
    }
    const streamed = join(dir, 'streamed.parquet');
    const result = await joinParquetStream(parts(), streamed, {
      dropKeysWithPrefix: 'arrow-sus.',
      metadata: () => {
        metadataAsked += 1;
        // Called once, after the last part.
        expect(arrived).toEqual(paths);
        return { 'arrow-sus.sources': String(arrived.length) };
      },
    });
    expect(result).toEqual({ rows: 400, bytes: expect.any(Number) as number });
    expect(metadataAsked).toBe(1);
    const whole = join(dir, 'whole.parquet');
    await concatParquetFiles(paths, whole, { dropKeysWithPrefix: 'arrow-sus.', metadata: { 'arrow-sus.sources': '3' } });
    expect(readFileSync(streamed)).toEqual(readFileSync(whole));
  });

  it('gives undefined and leaves nothing when a later part has another schema, or none comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-join-'));
    const narrow = new Schema(fields.slice(0, 2));
    await writeParquet(join(dir, 'a.parquet'), [batch(0, 10)]);
    await writeParquet(join(dir, 'b.parquet'), [batch(0, 10, narrow)], narrow);
    const parts = await Promise.all(['a', 'b'].map((name) => readParquetPart(join(dir, `${name}.parquet`))));
    expect(await joinParquetStream(parts, join(dir, 'x.parquet'))).toBeUndefined();
    expect(await joinParquetStream([], join(dir, 'y.parquet'))).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['a.parquet', 'b.parquet']);
  });

  it('passes a failure of the parts through and leaves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-join-'));
    await writeParquet(join(dir, 'a.parquet'), [batch(0, 10)]);
    const first = await readParquetPart(join(dir, 'a.parquet'));
    async function* parts(): AsyncGenerator<ParquetParts> {
      yield first;
      throw new ArrowSusError('ABORTED', 'stopped');
    }
    const error = await joinParquetStream(parts(), join(dir, 'x.parquet')).catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'ABORTED')).toBe(true);
    expect(readdirSync(dir)).toEqual(['a.parquet']);
  });
});
