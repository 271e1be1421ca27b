#!/usr/bin/env node
// Adds the lock-file records npm leaves out for optional platform packages of other machines
// (`@duckdb/node-bindings-darwin-arm64`, `nodejs-polars-win32-x64-msvc` …): without them,
// `npm ci` on any machine fails with "Missing: … from lock file" (npm/cli#4828, #8320).
// Records come from the registry (`npm view`); run after changing dependencies:
//   node scripts/lock-optional-platforms.js
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, record] of Object.entries(packages)) {
  if (location === '' || record.optionalDependencies === undefined) continue;
  for (const [name, version] of Object.entries(record.optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (packages[key] !== undefined) continue;
    const meta = JSON.parse(execFileSync('npm', ['view', `${name}@${version}`, '--json', 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'license', 'engines'], { encoding: 'utf8' }));
    const entry = { version: meta.version, integrity: meta['dist.integrity'] };
    if (record.dev === true) entry.dev = true;
    for (const field of ['cpu', 'libc', 'license', 'os', 'engines']) if (meta[field] !== undefined) entry[field] = meta[field];
    entry.optional = true;
    packages[key] = entry;
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform record(s) added`);
