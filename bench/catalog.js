#!/usr/bin/env node
// Catalog throughput: parsePath over every path of the real FTP listings, and `arrow-sus catalog parse
// --json` streaming 200,000 paths through the built binary. Build first: `npm run build`.
//
//   node bench/catalog.js [--rounds 5]
//
// No reference tool classifies whole DataSUS listings (PySUS and datasus-fetcher match names per system
// and were not installed here), so this prints absolute rates and peak RSS only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parsePath } from '../dist/catalog/index.js';
import { ROOT, fmt, median, peakRssMiB, printTable, requireShared } from './lib.js';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(args[at + 1]) : 5;

const shared = requireShared();
const lines = (name) => gunzipSync(readFileSync(join(shared, 'listings', name))).toString('utf8').split('\n').filter(Boolean).slice(1);
const paths = [
  ...lines('ftp-files-2026-04-30.tsv.gz').map((l) => l.slice(0, l.indexOf('\t'))),
  ...lines('ftp-tree-2026-08-19.csv.gz').map((l) => l.slice(1, l.indexOf('"', 1))),
];

const times = [];
let classified = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const started = performance.now();
  let n = 0;
  for (const path of paths) if (parsePath(path).dataset !== null) n += 1;
  times.push(performance.now() - started);
  classified = n;
}
const parseMs = median(times);

const input = `${paths.slice(0, 200_000).join('\n')}\n`;
const cliTimes = [];
let cliRss = 0;
for (let round = 0; round < Math.min(ROUNDS, 3); round += 1) {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'bin/arrow-sus.js'), 'catalog', 'parse', '--json'], {
    input,
    maxBuffer: 1 << 28,
  });
  cliTimes.push(performance.now() - started);
  if (run.status !== 0) throw new Error(`catalog parse failed: ${run.stderr.toString()}`);
  const out = run.stdout.toString().split('\n').filter(Boolean).length;
  if (out !== 200_000) throw new Error(`catalog parse printed ${out} lines`);
  cliRss = Math.max(cliRss, Number(run.stderr.toString().trim().split('\n').pop()) / 1024);
}

printTable(
  ['case', 'paths', 'median ms', 'paths/s', 'peak RSS MiB'],
  [
    ['parsePath (in process)', paths.length, fmt(parseMs), fmt(paths.length / (parseMs / 1000), 0), fmt(peakRssMiB())],
    ['arrow-sus catalog parse --json', 200_000, fmt(median(cliTimes)), fmt(200_000 / (median(cliTimes) / 1000), 0), fmt(cliRss)],
  ],
);
console.log(`classified ${classified} of ${paths.length} paths (data, auxiliary and documentation entries together)`);
