// Shared helpers for the benchmarks: medians, child processes that report their own peak RSS,
// the Python reference tools, and aligned tables. Plain JavaScript over the built `dist/`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The project root. */
export const ROOT = resolve(here, '..');

/** `../shared`, or undefined when absent (benchmarks need it and say so). */
export const SHARED = (() => {
  const candidates = [process.env.ARROW_SUS_SHARED, resolve(ROOT, '../shared')];
  return candidates.find((c) => c !== undefined && existsSync(join(c, 'fixtures', 'MANIFEST.tsv')));
})();

/** Exits with a clear message when ../shared is missing. */
export function requireShared() {
  if (SHARED === undefined) {
    console.error('bench: ../shared is absent; benchmarks run on the real fixtures only');
    process.exit(2);
  }
  return SHARED;
}

/** Absolute path of a fixture by file name (case-insensitive), searched in dbc/ then dbf/. */
export function fixture(name) {
  const shared = requireShared();
  for (const folder of ['dbc', 'dbf', 'bad']) {
    const path = join(shared, 'fixtures', folder, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`bench: no fixture named ${name}`);
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the seconds of each timed run. */
export async function timeRuns(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return seconds;
}

/** Whether a Python module can be imported. */
export function pythonHas(module) {
  return spawnSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs a Python snippet that prints one JSON object on its last stdout line; returns it.
 * The snippet gets `args` as sys.argv[1:].
 */
export function runPython(code, args = [], { timeoutMs = 30 * 60_000 } = {}) {
  const out = execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: timeoutMs });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Whether `taskset` (util-linux) can pin a process to CPUs here. */
export const canPin = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Runs a Node script (a file under bench/) in a fresh process so its peak RSS is its own;
 * the script prints one JSON object on its last stdout line. `cpus` (e.g. `'0'`, `'0,1'`) pins the
 * process, every thread of it, to those CPUs with `taskset` — "on one core" means exactly that:
 * the main thread, the workers, V8's garbage-collector and compiler threads share that core.
 */
export function runNode(script, args = [], { nodeArgs = [], timeoutMs = 30 * 60_000, cpus } = {}) {
  const command = [process.execPath, ...nodeArgs, join(here, script), ...args];
  if (cpus !== undefined && !canPin) throw new Error('taskset is not available: cannot pin the benchmark to CPUs');
  const [file, ...rest] = cpus === undefined ? command : ['taskset', '-c', cpus, ...command];
  const out = execFileSync(file, rest, {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: timeoutMs,
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/**
 * Peak resident set size of this process so far, in MiB, from `getrusage`. On Linux a child can
 * start with its parent's high-water mark: prefer {@link trackPeakRss} in measured children.
 */
export function peakRssMiB() {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Samples this process's RSS every 10 ms from now on; the returned function gives the peak in MiB.
 */
export function trackPeakRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  timer.unref();
  return () => Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
}

/** Prints rows (arrays of cells) as an aligned text table with a header row. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of all.slice(1)) console.log(line(row));
}

/** Formats a number with a fixed count of decimals. */
export const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
