#!/usr/bin/env node
// DCL explode speed on the 8 largest DataSUS fixtures, against pyreaddbc's C decoder (zlib's
// blast.c) in the same run; then implode speed and compressed size against the DataSUS originals.
//
//   npm run build && node bench/explode.js [runs=7]
//
// Ours: in-memory input, one core, decompressed-output MB/s (MB = 10^6 bytes), median of `runs`
// after one warm-up round, for four paths: the streaming `Exploder` (64 KB output chunks, 4 KB
// window: the bounded-memory path `decompressDbc` uses; the headline ratio), `explodeSync` (one
// buffer for the whole output), and the DBC readers with their CRC-32 check, `decompressDbc`
// (async generator, DBF MB/s) and `decompressDbcSync`.
// Theirs: pyreaddbc exposes only `dbc2dbf(in_path, out_path)`, so a long-lived Python child times
// `dbc2dbf` from /dev/shm to /dev/shm (tmpfs: no disk), one call per request; the time includes
// reading 4 KB blocks and writing the DBF to tmpfs (memory copies at several GB/s, a few ms of a
// 50–200 ms call). Ours and theirs alternate file by file, round by round, so background load on
// this shared machine hits both alike.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { decompressDbc, decompressDbcSync, Exploder, explodeSync, implodeSync, readDbcHeader } from '../dist/dbc/index.js';
import { fixture, fmt, median, peakRssMiB, printTable, pythonHas } from './lib.js';

const runs = Number(process.argv[2] ?? 7);
const FILES = ['ZIKABR16.DBC', 'RDRJ1602.dbc', 'DOINF21.dbc', 'CIHARS1307.dbc', 'DNRBA1994.dbc', 'PAAC2401.dbc', 'RDSC0907.dbc', 'CRSP0807.dbc'];

// Bounded memory: a fresh process streams the largest file from disk through decompressDbc,
// sampling its RSS after every chunk (getrusage's maxRSS would include the parent's at fork time).
const streamCode = `
import { createReadStream } from 'node:fs';
import { decompressDbc } from '${new URL('../dist/dbc/index.js', import.meta.url).href}';
const base = process.memoryUsage.rss() / 2 ** 20;
let bytes = 0;
let peak = base;
for await (const chunk of decompressDbc(createReadStream(process.argv[1]), { fileName: 'ZIKABR16.DBC' })) {
  bytes += chunk.length;
  peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20);
}
console.log(JSON.stringify({ bytes, base, peak }));
`;
const streamed = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', streamCode, fixture(FILES[0])], { encoding: 'utf8' }).stdout);
const streamedLine = `streaming decompressDbc of ${FILES[0]} from disk (${fmt(streamed.bytes / 1e6)} MB of DBF, CRC checked): peak RSS ${fmt(streamed.peak, 0)} MiB (${fmt(streamed.base, 0)} MiB before the first chunk)`;

const files = FILES.map((name) => {
  const path = fixture(name);
  const bytes = new Uint8Array(readFileSync(path));
  const header = readDbcHeader(bytes);
  const dbf = decompressDbcSync(bytes).dbf;
  return { name, path, bytes, stream: bytes.subarray(header.streamOffset), dbf, headerLength: header.headerLength };
});

function streamExplode(stream) {
  const exploder = new Exploder();
  let total = 0;
  exploder.push(stream);
  for (let out = exploder.read(); out !== null; out = exploder.read()) total += out.length;
  exploder.finish();
  for (let out = exploder.read(); out !== null; out = exploder.read()) total += out.length;
  return total;
}

// Ours and theirs alternate file by file, round by round, so background load (this machine is
// shared) hits both sides alike. The Python side is a long-lived child timing one dbc2dbf call
// per request.
const PY_SERVER = `
import os, resource, sys, time
import pyreaddbc
for line in sys.stdin:
    path = line.strip()
    if path == "rss":
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
        continue
    start = time.perf_counter()
    pyreaddbc.dbc2dbf(path, path + ".dbf")
    seconds = time.perf_counter() - start
    print(seconds, os.path.getsize(path + ".dbf"), flush=True)
`;

function startPython() {
  const child = spawn('python3', ['-c', PY_SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async ask(line) {
      child.stdin.write(`${line}\n`);
      const { value } = await iterator.next();
      return value.split(' ').map(Number);
    },
    close() {
      child.stdin.end();
    },
  };
}

async function timeOnceAsync(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function streamDbc(bytes) {
  let total = 0;
  for await (const chunk of decompressDbc(bytes)) total += chunk.length;
  return total;
}

function timeOnce(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const havePython = pythonHas('pyreaddbc');
if (!havePython) console.log('pyreaddbc is not importable (pip install pyreaddbc): printing our figures only');
const dir = mkdtempSync('/dev/shm/arrow-sus-bench-');
const python = havePython ? startPython() : undefined;
const times = files.map(() => ({ sync: [], streaming: [], dbc: [], dbcStream: [], theirs: [] }));
let theirs;
try {
  const copies = files.map((file) => {
    const target = join(dir, basename(file.path));
    copyFileSync(file.path, target);
    return target;
  });
  for (let round = -1; round < runs; round++) {
    for (const [i, file] of files.entries()) {
      const t = times[i];
      const sync = timeOnce(() => explodeSync(file.stream));
      const streaming = timeOnce(() => streamExplode(file.stream));
      const dbc = timeOnce(() => decompressDbcSync(file.bytes));
      const dbcStream = await timeOnceAsync(() => streamDbc(file.bytes));
      const [seconds, size] = python === undefined ? [NaN, NaN] : await python.ask(copies[i]);
      if (python !== undefined && size !== file.dbf.length) throw new Error(`pyreaddbc wrote ${size} bytes for ${file.name}`);
      if (round < 0) continue; // warm-up round
      t.sync.push(sync);
      t.streaming.push(streaming);
      t.dbc.push(dbc);
      t.dbcStream.push(dbcStream);
      t.theirs.push(seconds);
    }
  }
  theirs = python === undefined ? undefined : { rss: (await python.ask('rss'))[0] };
} finally {
  python?.close();
  rmSync(dir, { recursive: true, force: true });
}
const ours = files.map((file, i) => {
  const outMB = (file.dbf.length - file.headerLength) / 1e6;
  return {
    sync: outMB / median(times[i].sync),
    streaming: outMB / median(times[i].streaming),
    dbc: file.dbf.length / 1e6 / median(times[i].dbc),
    dbcStream: file.dbf.length / 1e6 / median(times[i].dbcStream),
    theirs: file.dbf.length / 1e6 / median(times[i].theirs),
  };
});
const oursRss = peakRssMiB();

console.log(`\nDCL explode, decompressed MB/s (10^6 B/s), median of ${runs} runs, one core, in-memory input\n`);
const ratios = [];
const syncRatios = [];
const dbcRatios = [];
printTable(
  ['file', 'DBF MB', 'Exploder 64K', 'explodeSync', 'decompressDbc', 'decompressDbcSync', 'pyreaddbc (C)', 'ratio'],
  files.map((file, i) => {
    const ratio = ours[i].streaming / ours[i].theirs;
    ratios.push(ratio);
    syncRatios.push(ours[i].sync / ours[i].theirs);
    dbcRatios.push(ours[i].dbcStream / ours[i].theirs);
    return [file.name, fmt(file.dbf.length / 1e6), fmt(ours[i].streaming, 0), fmt(ours[i].sync, 0), fmt(ours[i].dbcStream, 0), fmt(ours[i].dbc, 0), fmt(ours[i].theirs, 0), `${fmt(ratio, 2)}×`];
  }),
);
console.log(`\nmedian ratio, streaming Exploder / pyreaddbc: ${fmt(median(ratios), 2)}×   (explodeSync: ${fmt(median(syncRatios), 2)}×, decompressDbc with CRC: ${fmt(median(dbcRatios), 2)}×)`);
console.log(streamedLine);
console.log(`peak RSS: ours ${fmt(oursRss, 0)} MiB (all 8 files and their DBFs held in memory), pyreaddbc process ${fmt(theirs?.rss ?? NaN, 0)} MiB`);
console.log(`\nDCL implode (raw literals, 4 KB dictionary, the DataSUS variant): input MB/s, median of 3 runs; size vs the DataSUS original\n`);
const sizeRatios = [];
printTable(
  ['file', 'records MB', 'MB/s', 'ours bytes', 'DataSUS bytes', 'ours/DataSUS'],
  files.map((file) => {
    const records = file.dbf.subarray(file.headerLength);
    const seconds = median(timeRunsSync(() => implodeSync(records), 3));
    const packed = implodeSync(records);
    if (explodeSync(packed).length !== records.length) throw new Error('implode round trip failed');
    sizeRatios.push(packed.length / file.stream.length);
    return [file.name, fmt(records.length / 1e6), fmt(records.length / 1e6 / seconds, 0), packed.length, file.stream.length, fmt(packed.length / file.stream.length, 3)];
  }),
);
console.log(`\nmedian size ratio ours/DataSUS: ${fmt(median(sizeRatios), 3)}`);

function timeRunsSync(fn, n) {
  fn();
  const seconds = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    fn();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return seconds;
}
