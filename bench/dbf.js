#!/usr/bin/env node
// DBF → Arrow decoding throughput on one core, against dbfread + pandas (the reference Python path)
// in the same run. Build first: `npm run build`.
//
//   node bench/dbf.js [--runs 5] [--reference-runs 1] [--no-reference] [--no-stream]
//
// Input: the DBFs inside the benchmark DBCs PAAC2401, RDRJ1602 and DOINF21 (192,485 rows), decompressed
// once to a temporary folder with this project's DBC reader (or pyreaddbc when dist/dbc is absent).
// Scenarios, each in a fresh process so its peak RSS is its own:
//   all      every column of every file, each file one in-memory buffer
//   chunked  the same, fed in 64 KiB chunks (the streaming path)
//   filter   3 projected columns and a ~5%-selective equality predicate per file (rows/s = rows scanned)
//   stream   ~1 GiB of PAAC2401 records generated on the fly, 1 MiB chunks: memory stays bounded
// Prints medians, rows/s, ratios (ours vs reference; filter vs all) and peak RSS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture, fmt, median, peakRssMiB, printTable, pythonHas, runNode, runPython } from './lib.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

// Per file: the 3 projected columns and a predicate keeping ~5% of rows.
const FILES = [
  { dbc: 'PAAC2401.dbc', columns: ['PA_UFMUN', 'PA_PROC_ID', 'PA_VALAPR'], where: "PA_CBOCOD = '322205'" }, // 4.9%
  { dbc: 'RDRJ1602.dbc', columns: ['MUNIC_RES', 'DIAG_PRINC', 'VAL_TOT'], where: "ESPEC = '05'" }, // 5.0%
  { dbc: 'DOINF21.dbc', columns: ['DTOBITO', 'CAUSABAS', 'IDADE'], where: "CODMUNRES = '355030'" }, // 4.5% (São Paulo)
];
const WORK = join(tmpdir(), 'arrow-sus-bench-dbf');
const dbfPath = (file) => join(WORK, file.dbc.replace(/\.dbc$/i, '.dbf'));

// 64 KiB chunks, as a file stream or the DBC decompressor delivers them: records straddle chunks
// and every record is copied into the batch buffer (a whole buffer is decoded in place instead).
function* chunks(bytes, size) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

// ~1 GiB DBF made on the fly from PAAC2401's records (its header with a larger record count), fed
// in 1 MiB chunks: peak RSS must stay near the small-file figure (memory bounded by one batch).
async function streamChild() {
  const { DbfReader, parseDbfHeader } = await import(join(ROOT, 'dist/dbf/index.js'));
  const bytes = new Uint8Array(readFileSync(dbfPath(FILES[0])));
  const header = parseDbfHeader(bytes);
  const records = bytes.subarray(header.headerLength, header.headerLength + header.recordCount * header.recordLength);
  const copies = Math.ceil(2 ** 30 / records.length);
  const head = bytes.slice(0, header.headerLength);
  new DataView(head.buffer).setUint32(4, header.recordCount * copies, true);
  function* source() {
    yield head;
    for (let c = 0; c < copies; c++) for (let at = 0; at < records.length; at += 1 << 20) yield records.subarray(at, at + (1 << 20));
  }
  const reader = new DbfReader();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let emitted = 0;
  for await (const batch of reader.batches(source())) emitted += batch.numRows;
  const used = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ rows: reader.stats.rowsRead, emitted, bytes: head.length + copies * records.length, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMiB: peakRssMiB() }));
}

async function child(mode, runs) {
  if (mode === 'stream') return streamChild();
  const { DbfReader } = await import(join(ROOT, 'dist/dbf/index.js'));
  const inputs = FILES.map((file) => ({ file, bytes: new Uint8Array(readFileSync(dbfPath(file))) }));
  let rows = 0;
  let emitted = 0;
  const decode = async () => {
    rows = 0;
    emitted = 0;
    for (const { file, bytes } of inputs) {
      const reader = new DbfReader(mode === 'filter' ? { columns: file.columns, where: file.where } : {});
      const input = mode === 'chunked' ? chunks(bytes, 65_536) : bytes;
      for await (const batch of reader.batches(input)) emitted += batch.numRows;
      rows += reader.stats.rowsRead;
    }
  };
  // Wall time and CPU time of each run: on a shared machine the CPU time is the fair "one core" figure.
  await decode();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    await decode();
    wall.push(Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e6);
  }
  console.log(JSON.stringify({ rows, emitted, seconds: median(wall), cpuSeconds: median(cpu), peakRssMiB: peakRssMiB() }));
}

async function prepare() {
  mkdirSync(WORK, { recursive: true });
  const missing = FILES.filter((file) => !existsSync(dbfPath(file)));
  if (missing.length === 0) return 'cached';
  if (existsSync(join(ROOT, 'dist/dbc/index.js'))) {
    const { decompressDbcSync } = await import(join(ROOT, 'dist/dbc/index.js'));
    for (const file of missing) writeFileSync(dbfPath(file), decompressDbcSync(new Uint8Array(readFileSync(fixture(file.dbc))), { fileName: file.dbc }).dbf);
    return 'arrow-sus/dbc';
  }
  runPython('import sys, json, pyreaddbc\nfor a, b in zip(sys.argv[1::2], sys.argv[2::2]): pyreaddbc.dbc2dbf(a, b)\nprint("{}")', missing.flatMap((f) => [fixture(f.dbc), dbfPath(f)]));
  return 'pyreaddbc';
}

// dbfread + pandas: the usual Python path (what pysus does after pyreaddbc), on the same DBFs.
const REFERENCE = `
import sys, json, time, resource, dbfread, pandas
runs = int(sys.argv[1]); paths = sys.argv[2:]
wall = []; cpu = []
for _ in range(runs):
    t = time.perf_counter(); c = time.process_time(); rows = 0
    for p in paths:
        rows += len(pandas.DataFrame(iter(dbfread.DBF(p, encoding='latin1'))))
    wall.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
wall.sort(); cpu.sort()
print(json.dumps({"rows": rows, "seconds": wall[len(wall) // 2], "cpuSeconds": cpu[len(cpu) // 2], "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

async function main() {
  const runs = option('runs', 5);
  const source = await prepare();
  const all = runNode('dbf.js', ['--child', 'all', '--runs', String(runs)]);
  const chunked = runNode('dbf.js', ['--child', 'chunked', '--runs', String(runs)]);
  const filter = runNode('dbf.js', ['--child', 'filter', '--runs', String(runs)]);
  const row = (name, r, base) => [name, r.rows, fmt(r.seconds, 3), fmt(r.cpuSeconds, 3), Math.round(r.rows / r.cpuSeconds), base === undefined ? '-' : fmt(base.cpuSeconds / r.cpuSeconds, 3), fmt(r.peakRssMiB, 0)];
  const table = [row('arrow-sus, all columns', all, all), row('arrow-sus, all columns, 64 KiB chunks', chunked, all), row(`arrow-sus, 3 columns + ~5% filter (${filter.emitted} rows kept)`, filter, all)];
  let reference;
  if (!args.includes('--no-reference') && pythonHas('dbfread') && pythonHas('pandas')) {
    reference = runPython(REFERENCE, [String(option('reference-runs', 1)), ...FILES.map(dbfPath)]);
    table.push(row('dbfread + pandas, all columns', reference, all));
  }
  if (!args.includes('--no-stream')) {
    const stream = runNode('dbf.js', ['--child', 'stream']);
    table.push(row(`arrow-sus, all columns, ${fmt(stream.bytes / 2 ** 30, 2)} GiB streamed in 1 MiB chunks (1 run)`, stream, undefined));
  }
  console.log(`DBF decode, ${FILES.map((f) => f.dbc).join(' + ')} (DBFs from ${source}), median of ${runs} runs, node ${process.version}`);
  printTable(['scenario', 'rows', 'wall s', 'CPU s', 'rows/s (CPU)', 'speed vs all', 'peak RSS MiB'], table);
  if (reference !== undefined) console.log(`arrow-sus all columns is ${fmt(reference.cpuSeconds / all.cpuSeconds, 1)}x dbfread + pandas (CPU time)`);
  const rate = all.rows / all.cpuSeconds;
  console.log(`targets: all columns >= 300,000 rows/s: ${rate >= 300_000 ? 'met' : 'MISSED'}; filter >= 3x all: ${all.cpuSeconds / filter.cpuSeconds >= 3 ? 'met' : 'MISSED'}`);
}

if (args[0] === '--child') await child(args[1], option('runs', 5));
else await main();
