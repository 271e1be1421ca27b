import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeDbf, type DbfFieldSpec } from '../../src/dbf/index.js';
import { compressDbcSync } from '../../src/dbc/index.js';
// The pool runs the compiled worker (`npm test` builds first).
import { decodeFiles, decodeWorkerUrl, workerScriptIn } from '../../dist/read/decode-files.js';
import { WorkerPool } from '../../dist/workers/pool.js';
import { readParquet } from '../../src/cache/read-parquet.js';
import { readTable } from '../../src/read/read-table.js';

const fields: DbfFieldSpec[] = [
  { name: 'CODE', type: 'C', length: 6 },
  { name: 'N', type: 'N', length: 6 },
  { name: 'V', type: 'N', length: 10, decimals: 2 },
];

describe('the bundled worker', () => {
  it('writes a Parquet file through the WebAssembly encoder (decimal columns), whose writer it subclasses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-decode-files-'));
    const rows = Array.from({ length: 2000 }, (_, i) => [`c${i % 31}`, i, i / 4]);
    const input = join(dir, 'D.dbc');
    writeFileSync(input, compressDbcSync(encodeDbf(fields, rows)));
    const output = join(dir, 'D.parquet');
    await using pool = new WorkerPool(decodeWorkerUrl(), { size: 1 });
    const task = pool.run<{ rows: number }>({ kind: 'materialize', input, output, options: { decimals: 'decimal128', metadata: { source: 'D.dbc' } } });
    for await (const _ of task) void _;
    expect((await task.summary).rows).toBe(2000);
    const written: unknown[] = [];
    for await (const batch of readParquet(output)) written.push(...batch.toArray().map((row) => String(row.toJSON().V)));
    const expected: unknown[] = [];
    for await (const batch of readTable(input, { decimals: 'decimal128' })) expected.push(...batch.toArray().map((row) => String(row.toJSON().V)));
    expect(written).toEqual(expected);
    expect(String(expected[5])).not.toBe('');
  });
});

describe('decodeFiles', () => {
  it('gives every file its rows in order, owned by the receiving thread, even when transient batches are asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-decode-files-'));
    const paths = [0, 1, 2].map((k) => {
      const rows = Array.from({ length: 3000 + k * 700 }, (_, i) => [i % 9 === 0 ? null : `c${k}${i % 997}`, i, i / 4]);
      const path = join(dir, `F${k}.dbc`);
      writeFileSync(path, compressDbcSync(encodeDbf(fields, rows)));
      return path;
    });
    await using pool = new WorkerPool(decodeWorkerUrl(), { size: 2 });
    const seen = new Map<number, unknown[]>();
    for await (const { index, batch } of decodeFiles(paths, { pool, batchRows: 500, transientBatches: true })) {
      seen.set(index, [...(seen.get(index) ?? []), ...batch.toArray().map((row) => row.toJSON())]);
    }
    for (const [index, path] of paths.entries()) {
      const expected: unknown[] = [];
      for await (const batch of readTable(path)) expected.push(...batch.toArray().map((row) => row.toJSON()));
      expect(seen.get(index)).toEqual(expected);
    }
  });
});

describe('decodeWorkerUrl', () => {
  it('runs the single-file bundle the build makes, unless the compiled entry is newer', () => {
    // The build's own choice: the bundle (written after tsc).
    expect(decodeWorkerUrl().pathname).toMatch(/\/dist\/workers\/decode-worker\.bundle\.js$/);
    const folder = mkdtempSync(join(tmpdir(), 'arrow-sus-worker-url-'));
    const url = pathToFileURL(`${folder}/`);
    const name = (): string => workerScriptIn(url).pathname.split('/').pop()!;
    writeFileSync(join(folder, 'decode-worker.js'), '');
    expect(name()).toBe('decode-worker.js');
    writeFileSync(join(folder, 'decode-worker.bundle.js'), '');
    utimesSync(join(folder, 'decode-worker.bundle.js'), new Date(), new Date(Date.now() + 60_000));
    expect(name()).toBe('decode-worker.bundle.js');
    // tsc alone rebuilt the entry after the bundle: the bundle is stale.
    utimesSync(join(folder, 'decode-worker.bundle.js'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(name()).toBe('decode-worker.js');
  });
});
