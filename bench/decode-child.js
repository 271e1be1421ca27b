// One measurement of bench/decode.js in a fresh process, so its peak RSS is its own.
// Prints one JSON line. Modes:
//   single FILE...                 all columns, one core, files read into memory first
//   project FILE COLUMNS WHERE     projection + row filter on one file (in memory)
//   pool SIZE FILE...              decodeFiles on a worker pool of SIZE threads (from disk)
//   big FILE                       all columns streamed from disk (memory bound check)
import { readFileSync } from 'node:fs';
import { readTable } from '../dist/read/read-table.js';
import { decodeFiles } from '../dist/read/decode-files.js';
import { WorkerPool } from '../dist/workers/pool.js';
import { decodeWorkerUrl } from '../dist/read/decode-files.js';
import { median, trackPeakRss, timeRuns } from './lib.js';

const peakRss = trackPeakRss();
const [mode, ...args] = process.argv.slice(2);

async function drain(table) {
  let rows = 0;
  for await (const batch of table) rows += batch.numRows;
  return rows;
}

let result;
if (mode === 'single') {
  const files = args.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const perFile = [];
  for (const { path, bytes } of files) {
    let rows = 0;
    const seconds = await timeRuns(async () => (rows = await drain(readTable(bytes, { fileName: path }))), { runs: 5, warmup: 1 });
    perFile.push({ path, rows, seconds: median(seconds) });
  }
  result = { perFile };
} else if (mode === 'project') {
  const [path, columns, where] = args;
  const bytes = new Uint8Array(readFileSync(path));
  let rows = 0;
  const all = median(await timeRuns(async () => void (await drain(readTable(bytes, { fileName: path }))), { runs: 5 }));
  const projected = median(
    await timeRuns(async () => (rows = await drain(readTable(bytes, { fileName: path, columns: columns.split(','), where }))), { runs: 5 }),
  );
  result = { all, projected, rows };
} else if (mode === 'pool') {
  const [size, ...files] = args;
  const pool = new WorkerPool(decodeWorkerUrl(), { size: Number(size), credits: 2 });
  const seconds = await timeRuns(
    async () => {
      let rows = 0;
      for await (const { batch } of decodeFiles(files, { pool, ordered: false })) rows += batch.numRows;
      return rows;
    },
    { runs: 3, warmup: 1 },
  );
  await pool.close();
  result = { seconds: median(seconds) };
} else if (mode === 'big') {
  const start = process.hrtime.bigint();
  const rows = await drain(readTable(args[0]));
  result = { rows, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
} else {
  throw new Error(`unknown mode ${mode}`);
}
console.log(JSON.stringify({ ...result, rssMiB: peakRss() }));
