// One measurement of bench/pipeline.js in a fresh process (its own peak RSS). Prints one JSON line.
//   cold SOURCE CACHE THREADS OUT UFS [MONTH]   fetch SIH RD 2023-MONTH (default 1) for UFS into OUT (Parquet), empty cache
//   warm SOURCE CACHE UFS                 collect() twice from the cache (disk, then memory)
//   again SOURCE CACHE OUT UFS1 UFS2      two cold fetches back to back in one process (the default
//                                        pool); times the second
//   download SOURCE DIR PATH              download one remote file (nothing else): the floor of a
//                                        request for it
import { Scan } from '../dist/scan/scan.js';
import { WorkerPool } from '../dist/workers/pool.js';
import { decodeWorkerUrl } from '../dist/read/decode-files.js';
import { downloadFiles } from '../dist/download/download-files.js';
import { openSource } from '../dist/sources/open-source.js';
import { trackPeakRss } from './lib.js';

const peakRss = trackPeakRss();
const [mode, source, cacheDir, ...rest] = process.argv.slice(2);
const request = (ufs, month = 1) => ({ system: 'SIH', group: 'RD', uf: ufs.split(','), year: 2023, month });
let result;
if (mode === 'cold') {
  const [threads, out, ufs, month] = rest;
  const pool = new WorkerPool(decodeWorkerUrl(), { size: Number(threads) });
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const scan = new Scan(request(ufs, Number(month ?? 1)), { source, cacheDir, pool, memoryCache: false });
  const written = await scan.toParquet(out);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // CPU of every thread of the process (main, workers, V8's helpers): more than `seconds` when
  // the work spreads over several cores.
  const cpu = process.cpuUsage(cpu0);
  const report = await scan.report();
  await scan.close();
  await pool.close();
  result = { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: written.rows, files: report.files.length, downloaded: report.bytes_downloaded };
} else if (mode === 'download') {
  const [path] = rest;
  const remote = openSource(source);
  const start = process.hrtime.bigint();
  const { size } = await remote.stat(path);
  const report = await downloadFiles(remote, [{ path, size }], cacheDir, { durable: false });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await remote.close();
  if (report.fetched.length !== 1) throw new Error(`bench: could not download ${path}`);
  result = { seconds, bytes: size };
} else if (mode === 'again') {
  // A loop over requests in one process (years, UFs, a server's requests): the second request
  // finds the pool's threads up and their code optimised, unless something ended them.
  const [out, first, second] = rest;
  const fetchOnce = async (ufs) => {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    const scan = new Scan(request(ufs), { source, cacheDir, memoryCache: false });
    const written = await scan.toParquet(out);
    await scan.close();
    const cpu = process.cpuUsage(cpu0);
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: written.rows };
  };
  await fetchOnce(first);
  result = await fetchOnce(second);
} else {
  // 1: fresh process (workers spawned, wasm compiled on the way); 2–3: the same process, disk cache
  // only (the faster of two); 4–5: the in-memory batch cache on (the second read hits it where it
  // fits); 6–10: disk cache again, once the process has settled (median of five).
  const [ufs] = rest;
  let rows = 0;
  const collect = async (memoryCache) => {
    const start = process.hrtime.bigint();
    const scan = new Scan(request(ufs), { source, cacheDir, ...(memoryCache ? {} : { memoryCache: false }) });
    rows = (await scan.collect()).numRows;
    await scan.close();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const fresh = await collect(false);
  const warmDisk = [await collect(false), await collect(false)].sort((a, b) => a - b)[0];
  await collect(true);
  const memory = await collect(true);
  const settled = [];
  for (let i = 0; i < 5; i++) settled.push(await collect(false));
  settled.sort((a, b) => a - b);
  result = { fresh, disk: warmDisk, memory, steady: settled[2], rows };
}
console.log(JSON.stringify({ ...result, rssMiB: peakRss() }));
