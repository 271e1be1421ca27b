#!/usr/bin/env node
// Arrow → Parquet encoding speed on one core: arrow-sus's TypeScript encoder against arrow-rs
// (parquet-wasm, the encoder it replaced for the cache) in the same process, and pyarrow (Arrow C++)
// in a Python child, on the same decoded tables. Build first: `npm run build`.
//
//   node bench/parquet-write.js [--runs 7]
//
// Each table is one real DBC decoded once (4 MiB batches, text encoding detected, as the cache
// converts it). Every encoder writes zstd (level 1 for ours and arrow-rs; pyarrow's default level),
// row groups of 65,536 rows and per-chunk min/max statistics. Prints medians, MB/s of decoded Arrow
// data, file sizes and ratios (theirs / ours: above 1 means ours is faster).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableToIPC } from 'apache-arrow';
import { ROOT, fixture, fmt, median, printTable, pythonHas, runPython, timeRuns } from './lib.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 7) || 7;
const { readTable } = await import(join(ROOT, 'dist/read/read-table.js'));
const { encodeParquet } = await import(join(ROOT, 'dist/output/parquet-writer/file-writer.js'));
const { hasNativeZstd } = await import(join(ROOT, 'dist/output/parquet-writer/codec.js'));
const wasm = createRequire(join(ROOT, 'package.json'))('parquet-wasm');

const FILES = ['RDRJ1602.dbc', 'PAAC2401.dbc', 'DOINF21.dbc', 'ZIKABR16.DBC'];
const work = mkdtempSync(join(tmpdir(), 'arrow-sus-bench-pqw-'));
const hasPyarrow = pythonHas('pyarrow');
if (!hasPyarrow) console.log('(pyarrow is not importable: its column is left out; pip install pyarrow)');

const PYARROW = `
import sys, time, json, os, pyarrow as pa, pyarrow.parquet as pq, statistics
table = pa.ipc.open_file(sys.argv[1]).read_all()
runs = int(sys.argv[2]); out = sys.argv[3]
def once():
    pq.write_table(table, out, compression='zstd', row_group_size=65536, write_statistics=True)
once()
times = []
for _ in range(runs):
    t = time.perf_counter(); once(); times.append(time.perf_counter() - t)
print(json.dumps({"seconds": statistics.median(times), "bytes": os.path.getsize(out)}))`;

async function decode(name) {
  const batches = [];
  for await (const batch of readTable(fixture(name), { encoding: 'auto', batchBytes: 4 << 20 })) batches.push(batch);
  return batches;
}

async function ours(batches) {
  let bytes = 0;
  for await (const chunk of encodeParquet(batches, batches[0].schema, { rowGroupRows: 65_536 })) bytes += chunk.length;
  return bytes;
}

function arrowRs(ipc) {
  const properties = new wasm.WriterPropertiesBuilder()
    .setCompression(wasm.Compression.ZSTD)
    .setMaxRowGroupSize(65_536)
    .setStatisticsEnabled(wasm.EnabledStatistics.Chunk)
    .build();
  return wasm.writeParquet(wasm.Table.fromIPCStream(ipc), properties).length;
}

const rows = [];
for (const name of FILES) {
  const batches = await decode(name);
  const table = new Table(batches);
  const arrowBytes = batches.reduce((sum, batch) => sum + batch.data.children.reduce((s, d) => s + d.byteLength, 0), 0);
  const stream = tableToIPC(table, 'stream');
  let ourBytes = 0;
  let theirBytes = 0;
  // Alternate the two in-process encoders run by run, so drift in the machine's speed hits both.
  const mine = [];
  const rs = [];
  await ours(batches);
  arrowRs(stream);
  for (let i = 0; i < runs; i++) {
    mine.push(...(await timeRuns(async () => { ourBytes = await ours(batches); }, { runs: 1, warmup: 0 })));
    rs.push(...(await timeRuns(() => { theirBytes = arrowRs(stream); }, { runs: 1, warmup: 0 })));
  }
  let py;
  if (hasPyarrow) {
    const ipcFile = join(work, `${name}.arrow`);
    writeFileSync(ipcFile, tableToIPC(table, 'file'));
    py = runPython(PYARROW, [ipcFile, String(runs), join(work, `${name}.pyarrow.parquet`)]);
  }
  const t = median(mine);
  const r = median(rs);
  rows.push([
    name, String(table.numRows), String(table.numCols), fmt(arrowBytes / 1e6),
    `${fmt(t * 1000, 0)} ms (${fmt(arrowBytes / 1e6 / t, 0)} MB/s)`, fmt(ourBytes / 1e6, 2),
    `${fmt(r * 1000, 0)} ms`, fmt(theirBytes / 1e6, 2), `${fmt(r / t, 2)}×`,
    py ? `${fmt(py.seconds * 1000, 0)} ms` : '—', py ? fmt(py.bytes / 1e6, 2) : '—', py ? `${fmt(py.seconds / t, 2)}×` : '—',
  ]);
}
console.log(`== Arrow → zstd Parquet, one thread, median of ${runs} (Node ${process.versions.node}; zstd ${hasNativeZstd() ? 'from zlib' : 'in WebAssembly'})`);
printTable(
  ['file', 'rows', 'cols', 'Arrow MB', 'ours', 'ours MB', 'arrow-rs (wasm)', 'its MB', 'arrow-rs / ours', 'pyarrow', 'its MB', 'pyarrow / ours'],
  rows,
);
