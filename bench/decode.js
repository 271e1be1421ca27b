// DBC → Arrow, end to end (read, explode, CRC, decode every column), against the PySUS-style
// Python path on the same files in the same run; worker-pool scaling; projection + row filter;
// peak RSS on a ≥ 1 GB DBC. Run `npm run build` first.
//
//   node bench/decode.js            full run (generates bench/.out/big-*.dbc once, ~1.3 GB)
//   node bench/decode.js --quick    skips the PySUS-style path and the 1 GB file
//
// The PySUS-style path is what PySUS 2.11 does in `DBF._load_dbfread` after pyreaddbc's
// `dbc2dbf`: dbfread (raw, cp1252) into a pandas DataFrame, then a per-cell decode/strip map.
// PySUS itself pins pandas < 3 and is not installed here; this reproduces its code path.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compressDbc, decompressDbcSync } from '../dist/dbc/index.js';
import { writeFileAtomic } from '../dist/io/write-file.js';
import { readTable } from '../dist/read/read-table.js';
import { ROOT, canPin, fixture, fmt, median, printTable, pythonHas, runNode, runPython } from './lib.js';

const quick = process.argv.includes('--quick');
const TRIO = ['PAAC2401.dbc', 'RDRJ1602.dbc', 'DOINF21.dbc'].map(fixture);

console.log('== DBC → Arrow, all columns, one core (median of 5, in-memory input)');
const single = runNode('decode-child.js', ['single', ...TRIO]);
const oursRows = single.perFile.reduce((sum, f) => sum + f.rows, 0);
const oursSeconds = single.perFile.reduce((sum, f) => sum + f.seconds, 0);

let theirs;
if (!quick && pythonHas('pyreaddbc') && pythonHas('dbfread') && pythonHas('pandas')) {
  theirs = runPython(
    `
import sys, os, time, json, tempfile, resource, statistics
import pandas as pd, pyreaddbc
from dbfread import DBF
def decode(v):
    if isinstance(v, bytes): return v.decode('cp1252', errors='replace').replace('\\x00', '').strip()
    if isinstance(v, str): return v.replace('\\x00', '').strip()
    return v
out = []
for path in sys.argv[1:]:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        with tempfile.TemporaryDirectory() as d:
            dbf = os.path.join(d, 'x.dbf')
            pyreaddbc.dbc2dbf(path, dbf)
            df = pd.DataFrame(iter(DBF(dbf, encoding='cp1252', raw=True))).map(decode)
        times.append(time.perf_counter() - t)
    out.append({"rows": len(df), "seconds": statistics.median(times)})
print(json.dumps({"perFile": out, "rssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`,
    TRIO,
  );
}
printTable(
  ['file', 'rows', 'ours s', 'ours rows/s', 'PySUS-style s', 'PySUS-style rows/s', 'ratio'],
  single.perFile.map((f, i) => {
    const t = theirs?.perFile[i];
    return [f.path.split('/').pop(), f.rows, fmt(f.seconds, 3), fmt(f.rows / f.seconds, 0), t ? fmt(t.seconds, 2) : '-', t ? fmt(t.rows / t.seconds, 0) : '-', t ? `${fmt(t.seconds / f.seconds, 1)}×` : '-'];
  }),
);
const theirRate = theirs ? theirs.perFile.reduce((s, f) => s + f.rows, 0) / theirs.perFile.reduce((s, f) => s + f.seconds, 0) : NaN;
console.log(`total: ${oursRows} rows, ours ${fmt(oursRows / oursSeconds, 0)} rows/s (target ≥ 300,000); PySUS-style ${fmt(theirRate, 0)} rows/s; ratio ${fmt(oursRows / oursSeconds / theirRate, 1)}×`);
console.log(`peak RSS: ours ${fmt(single.rssMiB, 0)} MiB, PySUS-style ${theirs ? fmt(theirs.rssMiB, 0) : '-'} MiB`);

console.log('\n== worker pool: the trio ×4 (12 files) from disk, on 2 cores vs 1 (median of 3 rounds, 3 runs each)');
// "On one core": the process and all its threads pinned to one CPU (taskset), a pool of one worker;
// "on 2 cores": pinned to two, a pool of two (sized to the cores, as by default). One worker
// unpinned is shown too: V8's helper threads and the main thread then use the second core.
const many = [...TRIO, ...TRIO, ...TRIO, ...TRIO];
const poolRuns = { one: [], two: [], unpinned: [] };
for (let round = 0; round < 3; round++) {
  poolRuns.one.push(runNode('decode-child.js', ['pool', '1', ...many], canPin ? { cpus: '0' } : {}));
  poolRuns.two.push(runNode('decode-child.js', ['pool', '2', ...many], canPin ? { cpus: '0,1' } : {}));
  poolRuns.unpinned.push(runNode('decode-child.js', ['pool', '1', ...many]));
}
const poolSeconds = (key) => median(poolRuns[key].map((r) => r.seconds));
const poolRate = (key) => (oursRows * 4) / poolSeconds(key);
if (!canPin) console.log('(taskset is missing: the core counts are not enforced)');
printTable(
  ['configuration', 'seconds', 'rows/s', 'peak RSS MiB'],
  [
    ['1 core, 1 worker', fmt(poolSeconds('one'), 2), fmt(poolRate('one'), 0), fmt(Math.max(...poolRuns.one.map((r) => r.rssMiB)), 0)],
    ['2 cores, 2 workers', fmt(poolSeconds('two'), 2), fmt(poolRate('two'), 0), fmt(Math.max(...poolRuns.two.map((r) => r.rssMiB)), 0)],
    ['1 worker, unpinned', fmt(poolSeconds('unpinned'), 2), fmt(poolRate('unpinned'), 0), fmt(Math.max(...poolRuns.unpinned.map((r) => r.rssMiB)), 0)],
  ],
);
console.log(`2 cores vs 1 core: ${fmt(poolSeconds('one') / poolSeconds('two'), 2)}× (target ≥ 1.8×); 2 cores vs the 300,000 rows/s one-core minimum: ${fmt(poolRate('two') / 300_000, 2)}×; vs 1 worker unpinned: ${fmt(poolSeconds('unpinned') / poolSeconds('two'), 2)}×`);

console.log('\n== projection to 3 columns with a row filter keeping ~5%, DBC end to end (median of 5)');
console.log('(the DCL decompression cannot be skipped and bounds this ratio; bench/dbf.js measures the DBF stage alone)');
const FILTERS = { 'PAAC2401.dbc': 'PA_PROC_ID', 'RDRJ1602.dbc': 'MUNIC_RES', 'DOINF21.dbc': 'CODMUNRES' };
const projections = [];
for (const path of TRIO) {
  const name = path.split('/').pop();
  const column = FILTERS[name];
  const share = await pickFivePercent(path, column);
  const schema = await firstColumns(path, column);
  const run = runNode('decode-child.js', ['project', path, schema.join(','), `${column} = '${share.value}'`]);
  projections.push([name, `${column} = '${share.value}'`, `${fmt((100 * run.rows) / share.total, 1)}%`, fmt(run.all * 1000, 1), fmt(run.projected * 1000, 1), `${fmt(run.all / run.projected, 2)}×`]);
}
printTable(['file', 'filter', 'kept', 'all columns ms', 'projected ms', 'speed-up'], projections);

if (!quick) {
  console.log('\n== peak RSS streaming ever larger DBC files (RDRJ1602 rows repeated), all columns');
  const rows = [];
  for (const megabytes of [256, 512, 1100]) {
    const path = await bigDbc(fixture('RDRJ1602.dbc'), megabytes);
    const run = runNode('decode-child.js', ['big', path]);
    rows.push([`${megabytes} MB DBF`, fmt(statSync(path).size / 1e6, 0), run.rows, fmt(run.seconds, 1), fmt(run.rows / run.seconds, 0), fmt(run.rssMiB, 0)]);
  }
  printTable(['decompressed', 'DBC MB', 'rows', 's', 'rows/s', 'peak RSS MiB'], rows);
  console.log('target: peak RSS ≤ 256 MiB and flat as the file grows');
}

/** The filter column and the first two other columns of a file. */
async function firstColumns(path, column) {
  const table = readTable(path, { columns: [] });
  for await (const _ of table) void _;
  const names = (await table.summary).fields.map((field) => field.name).filter((name) => name !== column);
  return [column, ...names.slice(0, 2)];
}

/** The value of `column` whose share of rows is closest to 5%. */
function pickFivePercent(path, column) {
  const counts = new Map();
  let total = 0;
  return (async () => {
    for await (const batch of readTable(path, { columns: [column] })) {
      const vector = batch.getChild(column);
      for (let i = 0; i < batch.numRows; i++) counts.set(vector.get(i), (counts.get(vector.get(i)) ?? 0) + 1);
      total += batch.numRows;
    }
    let best;
    for (const [value, count] of counts) if (best === undefined || Math.abs(count / total - 0.05) < Math.abs(best[1] / total - 0.05)) best = [value, count];
    return { value: best[0], total };
  })();
}

/** A DBC whose DBF is about `megabytes` MB: the header of `source` then its records, repeated. */
async function bigDbc(source, megabytes) {
  const dir = join(ROOT, 'bench', '.out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `big-${megabytes}.dbc`);
  if (existsSync(path)) return path;
  const dbf = decompressDbcSync(new Uint8Array(readFileSync(source))).dbf;
  const headerLength = dbf[8] | (dbf[9] << 8);
  const recordLength = dbf[10] | (dbf[11] << 8);
  const count = dbf[4] | (dbf[5] << 8) | (dbf[6] << 16) | (dbf[7] * 2 ** 24);
  const records = dbf.subarray(headerLength, headerLength + count * recordLength);
  const copies = Math.ceil((megabytes * 1e6) / records.length);
  const header = Uint8Array.from(dbf.subarray(0, headerLength));
  new DataView(header.buffer).setUint32(4, count * copies, true);
  const stream = function* () {
    yield header;
    for (let i = 0; i < copies; i++) yield records;
    yield Uint8Array.of(0x1a);
  };
  const started = Date.now();
  await writeFileAtomic(path, compressDbc(() => stream()));
  console.log(`(generated ${path}: ${copies} copies of ${count} rows in ${fmt((Date.now() - started) / 1000, 1)} s)`);
  return path;
}
