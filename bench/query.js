#!/usr/bin/env node
// SQL engine: a warm aggregate over ≥ 1M cached rows, the same query from the result cache, and
// DuckDB result → Arrow conversion throughput on mixed string/number columns. Build first:
// `npm run build`.
//
//   node bench/query.js [--runs 15] [--copies 20]
//
// Data: the real RDRJ1602.dbc (SIH RD RJ 2016-02, 54,793 rows × 113 columns) placed in a local
// DataSUS-shaped tree under `--copies` month names (RDRJ1601 … RDRJ1708: the same real rows under
// other periods — enough files to pass 1M rows), read through `file://` and the real pipeline
// (download → DBC decode → zstd Parquet cache). The tree and cache stay in the system temp folder
// between runs, so only the first run decodes.
//
// Reference points measured in the same process: DuckDB on the same Parquet files without the engine
// (no planning, no views: the floor of the aggregate), the Polars engine, and @duckdb/node-api's own
// row-object reading (`getRowObjects`, the client's documented way to read results) for conversion.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbEngine } from '../dist/engine/duckdb/index.js';
import { resultToArrow } from '../dist/engine/duckdb/chunk-to-arrow.js';
import { loadDuckDb } from '../dist/engine/duckdb/load.js';
import { hiveLinks } from '../dist/engine/duckdb/hive-links.js';
import { viewQuery } from '../dist/engine/views.js';
import { fixture, fmt, median, peakRssMiB, printTable, requireShared } from './lib.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = option('--runs', 15);
const COPIES = option('--copies', 20);

requireShared();
const base = join(tmpdir(), 'arrow-sus-bench-query');
const tree = join(base, 'tree');
const cacheDir = join(base, 'cache');
const folder = join(tree, 'dissemin', 'publicos', 'SIHSUS', '200801_', 'Dados');
mkdirSync(folder, { recursive: true });
const periods = [];
for (let i = 0; i < COPIES; i++) {
  const year = 2016 + Math.floor(i / 12);
  const month = (i % 12) + 1;
  periods.push({ year, month });
  const target = join(folder, `RDRJ${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.dbc`);
  if (!existsSync(target)) copyFileSync(fixture('RDRJ1602.dbc'), target);
}
const years = [...new Set(periods.map((p) => p.year))];
const source = `file://${tree}`;

async function timeMs(fn, runs = RUNS) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const engine = await createDuckDbEngine({ source, cacheDir, allowLarge: true });
const where = `uf = 'RJ' AND year IN (${years.join(', ')})`;
const AGGREGATE = `SELECT year, month, count(*) AS admissions, sum(VAL_TOT) AS paid, avg(DIAS_PERM) AS mean_stay
  FROM sih_rd WHERE ${where} GROUP BY year, month ORDER BY year, month`;

const warmStarted = performance.now();
const first = await engine.query(AGGREGATE);
const firstRows = (await first.toTable()).numRows;
const warmSeconds = (performance.now() - warmStarted) / 1000;
const parts = first.files.get('sih_rd') ?? [];
const totalRows = parts.reduce((sum, part) => sum + (part.rows ?? 0), 0);
console.log(`${parts.length} cached files, ${totalRows.toLocaleString('en')} rows (${first.filesDownloaded} converted in this run, ${fmt(warmSeconds, 1)} s); ${firstRows} result rows`);
if (totalRows < 1_000_000) console.warn(`bench: only ${totalRows} rows; raise --copies`);

const rows = [];
const engineAggregate = await timeMs(async () => (await engine.query(AGGREGATE, { cache: false })).toTable());
rows.push(['warm aggregate, engine (plan + views + DuckDB + Arrow)', fmt(engineAggregate.median, 1), fmt(engineAggregate.min, 1), '< 50']);

const { DuckDBInstance } = await loadDuckDb();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const list = `[${parts.map((p) => `'${p.parquetPath}'`).join(', ')}]`;
// The floor: the same view and SQL on an open connection, without planning, cache checks or Arrow.
await connection.run(`CREATE VIEW sih_rd AS ${viewQuery('sih_rd', parts, await hiveLinks(cacheDir, parts))}`);
const duckFloor = await timeMs(async () => (await connection.runAndReadAll(AGGREGATE)).getRows());
rows.push(['same SQL, bare DuckDB on the same view (no planning)', fmt(duckFloor.median, 1), fmt(duckFloor.min, 1), '']);

let polarsRow;
try {
  const { createPolarsEngine } = await import('../dist/engine/polars/engine.js');
  const polars = await createPolarsEngine({ source, cacheDir, allowLarge: true });
  const polarsAggregate = await timeMs(async () => (await polars.query(AGGREGATE, { cache: false })).toTable(), Math.min(RUNS, 5));
  polarsRow = ['same aggregate, Polars engine', fmt(polarsAggregate.median, 1), fmt(polarsAggregate.min, 1), ''];
  await polars.close();
} catch (error) {
  polarsRow = ['same aggregate, Polars engine', `n/a (${String(error.message).split('\n')[0]})`, '', ''];
}
rows.push(polarsRow);

const cached = await timeMs(async () => (await engine.query(AGGREGATE)).toTable(), RUNS * 2);
rows.push(['repeated query from the result cache', fmt(cached.median, 2), fmt(cached.min, 2), '< 10']);

// Conversion: six mixed columns (4 text, 2 numeric) of every cached row.
const CONVERT = `SELECT MUNIC_RES, DIAG_PRINC, DT_INTER, CNES, VAL_TOT, IDADE FROM read_parquet(${list})`;
let convertedRows = 0;
const convert = await timeMs(async () => {
  convertedRows = 0;
  for await (const batch of resultToArrow(await connection.stream(CONVERT))) convertedRows += batch.numRows;
}, 5);
const fetchOnly = await timeMs(async () => {
  const result = await connection.stream(CONVERT);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
  }
}, 5);
const objects = await timeMs(async () => {
  const result = await connection.stream(`${CONVERT} LIMIT 200000`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    chunk.getRowObjects(['MUNIC_RES', 'DIAG_PRINC', 'DT_INTER', 'CNES', 'VAL_TOT', 'IDADE']);
  }
}, 3);
const conversionOnly = Math.max(1e-3, convert.median - fetchOnly.median);
const perSecond = (convertedRows / convert.median) * 1000;
const objectsPerSecond = (200_000 / objects.median) * 1000;
rows.push([`DuckDB → Arrow, ${convertedRows.toLocaleString('en')} rows × 6 columns, streamed (fetch + convert)`, fmt(convert.median, 0), fmt(convert.min, 0), '']);
rows.push(['  of which fetching the chunks alone', fmt(fetchOnly.median, 0), fmt(fetchOnly.min, 0), '']);
rows.push(['node-api getRowObjects, 200,000 rows (reference)', fmt(objects.median, 0), fmt(objects.min, 0), '']);

console.log(`\nmedians of ${RUNS} runs (2-core machine shared with other work, Node ${process.versions.node})\n`);
printTable(['case', 'median ms', 'min ms', 'goal ms'], rows);
console.log(`\nDuckDB → Arrow: ${Math.round(perSecond).toLocaleString('en')} rows/s end to end (goal ≥ 1,000,000); conversion alone ${Math.round((convertedRows / conversionOnly) * 1000).toLocaleString('en')} rows/s`);
console.log(`node-api row objects: ${Math.round(objectsPerSecond).toLocaleString('en')} rows/s → Arrow path ${fmt(perSecond / objectsPerSecond, 1)}× faster`);
console.log(`engine overhead over bare DuckDB: ${fmt(engineAggregate.median / duckFloor.median, 2)}×; result cache vs engine: ${fmt(engineAggregate.median / cached.median, 0)}× faster`);
console.log(`peak RSS ${fmt(peakRssMiB(), 0)} MiB`);

connection.closeSync();
instance.closeSync();
await engine.close();
