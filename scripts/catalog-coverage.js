#!/usr/bin/env node
// Classification figures of the catalog over the real FTP listings in ../shared (or $ARROW_SUS_SHARED):
// how many data files the parser classifies, how often it agrees with each listing's own columns, the
// unclassified remainder, and the republication diff between the 2025-02-13 and 2026-04-30 crawls.
// Runs over the built package: `npm run build && node scripts/catalog-coverage.js`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const { parsePath, diffListings } = await import(join(root, 'dist/catalog/index.js'));

const shared = process.env.ARROW_SUS_SHARED ?? resolve(root, '../shared');
const listings = join(shared, 'listings');
if (!existsSync(listings)) {
  console.error(`catalog-coverage: ${listings} not found (set ARROW_SUS_SHARED)`);
  process.exit(1);
}
const read = (name) => gunzipSync(readFileSync(join(listings, name))).toString('utf8').split('\n').filter((l) => l.length > 0);
const pct = (part, whole) => `${((100 * part) / whole).toFixed(4)}%`;
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const top = (map, n = 10) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v} × ${k}`);

// --- ftp-files-2026-04-30: dataset/uf/year/month/subpartition/preliminary columns ------------------------
{
  const lines = read('ftp-files-2026-04-30.tsv.gz');
  const header = lines.shift().split('\t');
  const at = (cells, name) => cells[header.indexOf(name)] ?? '';
  let data = 0;
  let classified = 0;
  const unclassified = [];
  const disagreements = new Map();
  const started = performance.now();
  for (const line of lines) {
    const c = line.split('\t');
    const p = parsePath(at(c, 'full_path'));
    if (at(c, 'kind') !== 'data') {
      if (p.kind !== at(c, 'kind')) count(disagreements, 'kind');
      continue;
    }
    data += 1;
    if (p.dataset === null) {
      unclassified.push(at(c, 'full_path'));
      continue;
    }
    classified += 1;
    if (at(c, 'dataset') !== p.dataset) count(disagreements, 'dataset');
    if (at(c, 'uf') !== '' && at(c, 'uf').toUpperCase() !== p.uf) count(disagreements, 'uf');
    if (at(c, 'year') !== '' && Number(at(c, 'year')) !== p.year) count(disagreements, 'year');
    if (at(c, 'month') !== '' && Number(at(c, 'month')) !== p.month) count(disagreements, 'month');
    if (at(c, 'subpartition') !== '' && at(c, 'subpartition') !== p.part) count(disagreements, 'part');
    if (at(c, 'preliminary') !== '' && (at(c, 'preliminary') === 'True') !== p.preliminary) count(disagreements, 'preliminary');
  }
  const ms = performance.now() - started;
  console.log(`ftp-files-2026-04-30.tsv.gz: ${lines.length} entries, ${data} data files`);
  console.log(`  classified     ${classified} (${pct(classified, data)}); parsed in ${ms.toFixed(0)} ms`);
  console.log(`  disagreements  ${[...disagreements].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'} (dataset, uf, year, month, subpartition, preliminary, kind)`);
  console.log(`  unclassified   ${unclassified.length}${unclassified.map((p) => `\n    ${p}`).join('')}`);
}

// --- ftp-tree-2026-08-19: system/uf/year/yyyymm columns --------------------------------------------------
{
  const cells = (line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, ''));
  const lines = read('ftp-tree-2026-08-19.csv.gz');
  const header = cells(lines.shift());
  const at = (c, name) => c[header.indexOf(name)] ?? '';
  const SYSTEM = { SIHSUS: ['SIH'], SIASUS: ['SIA'], PAINEL_ONCOLOGIA: ['PO'], SISCAN: ['SISCOLO', 'SISMAMA', 'SISCAN'], DADOS_ABERTOS: ['SINAN', 'SIA', 'PNI'] };
  let data = 0;
  let classified = 0;
  const unclassified = [];
  const disagreements = new Map();
  const examples = new Map();
  for (const line of lines) {
    const c = cells(line);
    if (at(c, 'role') !== 'data') continue;
    data += 1;
    const path = at(c, 'path');
    const p = parsePath(path);
    if (p.dataset === null) {
      unclassified.push(`${path}${p.kind === 'data' ? '' : `  (parser: ${p.system} ${p.kind})`}`);
      continue;
    }
    classified += 1;
    const note = (field, listing, mine) => {
      count(disagreements, field);
      if (!examples.has(field)) examples.set(field, `${path}: tree ${listing}, parser ${mine}`);
    };
    if (!(SYSTEM[at(c, 'system')] ?? [at(c, 'system')]).includes(p.system)) note('system', at(c, 'system'), p.system);
    if (at(c, 'uf') !== '' && at(c, 'uf') !== p.uf) note('uf', at(c, 'uf'), p.uf);
    if (at(c, 'year') !== '' && Number(at(c, 'year')) !== p.year) note('year', at(c, 'year'), p.year);
    const m = at(c, 'yyyymm') === '' ? undefined : Number(at(c, 'yyyymm')) % 100;
    if (m !== undefined && (m === 0 ? null : m) !== p.month) note('month', at(c, 'yyyymm'), p.month);
  }
  console.log(`ftp-tree-2026-08-19.csv.gz: ${lines.length} entries, ${data} data files (role=data)`);
  console.log(`  classified     ${classified} (${pct(classified, data)})`);
  console.log(`  disagreements  ${[...disagreements].map(([k, v]) => `${k} ${v} (e.g. ${examples.get(k)})`).join('; ') || 'none'}`);
  console.log(`  unclassified   ${unclassified.length}${unclassified.map((p) => `\n    ${p}`).join('')}`);
}

// --- republication: 2025-02-13 → 2026-04-30 -----------------------------------------------------------
{
  const load = (name) =>
    read(name)
      .slice(1)
      .map((line) => {
        const [path, size, datetime] = line.split('\t');
        return { path, size: Number(size), modifiedAt: new Date(`${datetime}Z`) };
      });
  const older = load('ftp-files-2025-02-13.tsv.gz');
  const newer = load('ftp-files-2026-04-30.tsv.gz');
  const diff = diffListings(older, newer);
  const sizes = diff.changed.filter((c) => c.sizeChanged).length;
  const byDataset = new Map();
  for (const c of diff.changed) count(byDataset, parsePath(c.path).dataset ?? '(none)');
  const addedBy = new Map();
  for (const e of diff.added) count(addedBy, parsePath(e.path).dataset ?? '(none)');
  console.log(`republication 2025-02-13 → 2026-04-30: ${older.length} → ${newer.length} entries`);
  console.log(`  added ${diff.added.length}, removed ${diff.removed.length}, changed ${diff.changed.length} (${sizes} size, ${diff.changed.length - sizes} time only), unchanged ${diff.unchanged}`);
  console.log(`  changed by dataset: ${top(byDataset).join(', ')}`);
  console.log(`  added by dataset:   ${top(addedBy).join(', ')}`);
  console.log(`  removed:            ${diff.removed.slice(0, 5).map((e) => e.path).join(', ')}${diff.removed.length > 5 ? ', …' : ''}`);
}
