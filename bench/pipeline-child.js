// One measurement of bench/pipeline.js in a fresh process (its own peak RSS). Prints one JSON line.
//   cold SOURCE CACHE THREADS OUT UFS     fetch SIH RD 2023-01 for UFS into OUT (Parquet), empty cache
//   warm SOURCE CACHE UFS                 collect() twice from the cache (disk, then memory)
import { Scan } from '../dist/scan/scan.js';
import { WorkerPool } from '../dist/workers/pool.js';
import { decodeWorkerUrl } from '../dist/read/decode-files.js';
import { trackPeakRss } from './lib.js';

const peakRss = trackPeakRss();
const [mode, source, cacheDir, ...rest] = process.argv.slice(2);
const request = (ufs) => ({ system: 'SIH', group: 'RD', uf: ufs.split(','), year: 2023, month: 1 });
let result;
if (mode === 'cold') {
  const [threads, out, ufs] = rest;
  const pool = new WorkerPool(decodeWorkerUrl(), { size: Number(threads) });
  const start = process.hrtime.bigint();
  const scan = new Scan(request(ufs), { source, cacheDir, pool, memoryCache: false });
  const written = await scan.toParquet(out);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const report = await scan.report();
  await scan.close();
  await pool.close();
  result = { seconds, rows: written.rows, files: report.files.length, downloaded: report.bytes_downloaded };
} else {
  const [ufs] = rest;
  const times = [];
  let rows = 0;
  for (let i = 0; i < 2; i++) {
    const start = process.hrtime.bigint();
    const scan = new Scan(request(ufs), { source, cacheDir });
    rows = (await scan.collect()).numRows;
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    await scan.close();
  }
  result = { disk: times[0], memory: times[1], rows };
}
console.log(JSON.stringify({ ...result, rssMiB: peakRss() }));
