/**
 * The must-show figures: the parser over every path of the real FTP listings in ../shared, compared with
 * the listings' own classification columns, and the republication diff between two crawls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { DATASETS, diffListings, parsePath } from '../../src/catalog/index.js';
import type { ListingEntry, ParsedPath } from '../../src/catalog/index.js';
import { SHARED_DIR, describeShared } from '../helpers/shared.js';

const read = (name: string): string[] =>
  gunzipSync(readFileSync(join(SHARED_DIR ?? '', 'listings', name))).toString('utf8').split('\n').filter((l) => l.length > 0);

/** Splits one CSV line of the 2026-08 tree (quoted strings, no embedded quotes or commas in paths). */
const csvCells = (line: string): string[] => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, ''));

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(4)}%`;

/**
 * Files of the 2026-08-19 tree that are no dataset's data, each with the reason. The crawl labels them
 * `data`; they are programs, templates or shortcuts.
 */
const NOT_DATA: readonly [RegExp, string][] = [
  [/\/CNES\/200508_\/Dados\/[A-Z]{2}\/[A-Z]{2}ufAAmm\.dbc$/, 'CNES name template ("GGufAAmm"), not data'],
  [/\/CIH\/200801_201012\/Dados\/Dados\.url$/, 'Windows Internet shortcut left in the data folder'],
  [/\/SIASUS\/200801_\/Dados\/IMPBORL\.DLL$/, 'Windows library (DLL) left in the data folder'],
  [/\/SIHSUS\/base_aih1\.duck$/, 'undocumented DuckDB database at the SIHSUS root'],
  [/\/(TABDOS|TABNET\/PROGRAMA|TABWIN\/Programa)\/[^/]+$/, 'tabulation program (TabDOS/TabNet/TabWin), filed as TABWIN auxiliary'],
];

describeShared('catalog over the real FTP listings', () => {
  it('classifies ≥ 99.9% of the 2026-04-30 data files and agrees with the listing columns', () => {
    const lines = read('ftp-files-2026-04-30.tsv.gz');
    const header = (lines.shift() ?? '').split('\t');
    const col = (name: string): number => header.indexOf(name);
    const [iPath, iKind, iDataset, iUf, iYear, iMonth, iSub, iPrelim] = ['full_path', 'kind', 'dataset', 'uf', 'year', 'month', 'subpartition', 'preliminary'].map(col);
    let data = 0;
    let classified = 0;
    const unclassified: string[] = [];
    const disagreements: string[] = [];
    let kindChecked = 0;
    for (const line of lines) {
      const c = line.split('\t');
      const get = (i: number | undefined): string => c[i ?? -1] ?? '';
      const parsed = parsePath(get(iPath));
      if (get(iKind) !== 'data') {
        kindChecked += 1;
        if (parsed.kind !== get(iKind)) disagreements.push(`kind ${get(iPath)}: listing ${get(iKind)}, parser ${parsed.kind}`);
        continue;
      }
      data += 1;
      if (parsed.dataset === null) {
        unclassified.push(get(iPath));
        continue;
      }
      classified += 1;
      // Listing conventions: lower-case UF ('br' for national), empty cells where a name has no such part,
      // subpartition a–d for SIA-PA, preliminary True/False. Compare only where the listing has a value.
      const check = (field: string, listing: unknown, mine: unknown): void => {
        if (listing !== mine) disagreements.push(`${field} ${get(iPath)}: listing ${String(listing)}, parser ${String(mine)}`);
      };
      check('dataset', get(iDataset), parsed.dataset);
      if (get(iUf) !== '') check('uf', get(iUf).toUpperCase(), parsed.uf);
      if (get(iYear) !== '') check('year', Number(get(iYear)), parsed.year);
      if (get(iMonth) !== '') check('month', Number(get(iMonth)), parsed.month);
      if (get(iSub) !== '') check('part', get(iSub), parsed.part);
      if (get(iPrelim) !== '') check('preliminary', get(iPrelim) === 'True', parsed.preliminary);
    }
    console.log(
      `[catalog] ftp-files-2026-04-30: ${lines.length} entries, ${data} data files, ${classified} classified (${pct(classified, data)}), ` +
        `${unclassified.length} unclassified, ${disagreements.length} disagreements with the listing columns; ` +
        `${kindChecked} auxiliary/documentation entries checked`,
    );
    if (unclassified.length > 0) console.log(`[catalog] unclassified:\n  ${unclassified.join('\n  ')}`);
    expect(classified / data).toBeGreaterThanOrEqual(0.999);
    // The listing's own columns agree with the parser on every file (no listing error found in this crawl).
    expect(disagreements).toEqual([]);
  });

  it('classifies ≥ 99.9% of the 2026-08-19 tree and explains every difference', () => {
    const lines = read('ftp-tree-2026-08-19.csv.gz');
    const header = csvCells(lines.shift() ?? '');
    const idx = (name: string): number => header.indexOf(name);
    // The tree's `system` is the top folder; several folders hold one system, SISCAN three.
    const SYSTEM: Record<string, readonly string[]> = {
      SIHSUS: ['SIH'], SIASUS: ['SIA'], PAINEL_ONCOLOGIA: ['PO'], SISCAN: ['SISCOLO', 'SISMAMA', 'SISCAN'], DADOS_ABERTOS: ['SINAN', 'SIA', 'PNI'],
    };
    let data = 0;
    let classified = 0;
    const unexplained: string[] = [];
    const explained = new Map<string, number>();
    const disagreements: string[] = [];
    for (const line of lines) {
      const c = csvCells(line);
      const [path, system, , uf, year, yyyymm, , role] = ['path', 'system', 'series', 'uf', 'year', 'yyyymm', 'size', 'role'].map((n) => c[idx(n)] ?? '');
      if (role !== 'data') continue;
      data += 1;
      const parsed: ParsedPath = parsePath(path ?? '');
      if (parsed.dataset === null) {
        const reason = NOT_DATA.find(([pattern]) => pattern.test(path ?? ''))?.[1];
        if (reason === undefined) unexplained.push(path ?? '');
        else explained.set(reason, (explained.get(reason) ?? 0) + 1);
        continue;
      }
      classified += 1;
      const systems = SYSTEM[system ?? ''] ?? [system];
      if (!systems.includes(parsed.system ?? '')) disagreements.push(`system|${path}|${system}|${parsed.system}`);
      if (uf !== '') {
        if (uf !== parsed.uf) disagreements.push(`uf|${path}|${uf}|${parsed.uf}`);
      }
      if (year !== '' && Number(year) !== parsed.year) disagreements.push(`year|${path}|${year}|${parsed.year}`);
      if (yyyymm !== '') {
        const month = Number(yyyymm) % 100;
        if ((month === 0 ? null : month) !== parsed.month) disagreements.push(`month|${path}|${yyyymm}|${parsed.month}`);
      }
    }
    // Where the tree is wrong, and why:
    // - SIHSUS/200801_/Dados/CMBRyymm.dbc: the tree files them under SISCAN, keying by the prefix CM (a SISMAMA
    //   group). They are SIH's national CM files: same folder as RD/SP, BR instead of a UF, 2019 on.
    // - Dados_Abertos/APAC_SIA/apac_am.duck.zip: the tree reads "AM" as the UF Amazonas; it is the APAC group AM
    //   (medicines), like apac_ad, apac_aq … beside it, which the tree leaves without UF.
    const listingErrors = (d: string): boolean =>
      (d.startsWith('system|') && /\/SIHSUS\/200801_\/Dados\/CMBR\d{4}\.dbc\|SISCAN\|SIH$/.test(d)) ||
      d === 'uf|/dissemin/publicos/Dados_Abertos/APAC_SIA/apac_am.duck.zip|AM|null';
    const known = disagreements.filter(listingErrors);
    console.log(
      `[catalog] ftp-tree-2026-08-19: ${lines.length} entries, ${data} data files, ${classified} classified (${pct(classified, data)}), ` +
        `${data - classified} unclassified; ${disagreements.length} disagreements with the tree columns, ${known.length} of them tree errors`,
    );
    console.log(`[catalog] unclassified, by reason:\n  ${[...explained].map(([r, n]) => `${n} × ${r}`).join('\n  ')}`);
    expect(classified / data).toBeGreaterThanOrEqual(0.999);
    expect(unexplained).toEqual([]);
    expect(disagreements.filter((d) => !listingErrors(d))).toEqual([]);
  });

  it('measures republication between the 2025-02-13 and 2026-04-30 crawls', () => {
    const load = (name: string): ListingEntry[] =>
      read(name)
        .slice(1)
        .map((line) => {
          const [path = '', size = '0', datetime = ''] = line.split('\t');
          return { path, size: Number(size), modifiedAt: new Date(`${datetime}Z`) };
        });
    const older = load('ftp-files-2025-02-13.tsv.gz');
    const newer = load('ftp-files-2026-04-30.tsv.gz');
    const diff = diffListings(older, newer);
    const sizeChanged = diff.changed.filter((c) => c.sizeChanged).length;
    const dataChanged = diff.changed.filter((c) => parsePath(c.path).dataset !== null);
    const byDataset = new Map<string, number>();
    for (const c of dataChanged) {
      const id = parsePath(c.path).dataset ?? '';
      byDataset.set(id, (byDataset.get(id) ?? 0) + 1);
    }
    const top = [...byDataset].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(
      `[catalog] republication 2025-02-13 → 2026-04-30: ${older.length} → ${newer.length} entries; added ${diff.added.length}, ` +
        `removed ${diff.removed.length}, changed ${diff.changed.length} (${sizeChanged} size, ${diff.changed.length - sizeChanged} time only), ` +
        `unchanged ${diff.unchanged}; changed by dataset: ${top}`,
    );
    expect(diff.added.length - diff.removed.length).toBe(newer.length - older.length);
    expect(diff.added.length + diff.changed.length + diff.unchanged).toBe(newer.length);
    expect(diff.changed.length).toBeGreaterThan(0);
  });

  it('states coverage (first and last period, UFs, national files) exactly as the three crawls show it', () => {
    const paths = [
      ...read('ftp-files-2025-02-13.tsv.gz').slice(1).map((l) => l.slice(0, l.indexOf('\t'))),
      ...read('ftp-files-2026-04-30.tsv.gz').slice(1).map((l) => l.slice(0, l.indexOf('\t'))),
      ...read('ftp-tree-2026-08-19.csv.gz').slice(1).map((l) => csvCells(l)[0] ?? ''),
    ];
    const seen = new Map<string, { ufs: Set<string>; national: boolean; first: number; last: number }>();
    for (const path of paths) {
      const p = parsePath(path);
      if (p.dataset === null || p.role !== 'primary') continue;
      const s = seen.get(p.dataset) ?? { ufs: new Set<string>(), national: false, first: Infinity, last: 0 };
      seen.set(p.dataset, s);
      if (p.uf === 'BR') s.national = true;
      else if (p.uf !== null && p.uf !== 'IG') s.ufs.add(p.uf);
      if (p.year !== null) {
        const key = p.year * 100 + (p.month ?? 0);
        s.first = Math.min(s.first, key);
        s.last = Math.max(s.last, key);
      }
    }
    const period = (key: number, monthly: boolean): string =>
      monthly && key % 100 !== 0 ? `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}` : String(Math.floor(key / 100));
    const differences: string[] = [];
    for (const d of DATASETS) {
      const s = seen.get(d.id);
      if (s === undefined) {
        differences.push(`${d.id}: no file in any crawl`);
        continue;
      }
      if ([...s.ufs].sort().join() !== [...d.coverage.ufs].sort().join()) differences.push(`${d.id}: UFs`);
      if (s.national !== d.coverage.national) differences.push(`${d.id}: national`);
      if (s.last > 0) {
        const monthly = d.granularity === 'monthly';
        if (period(s.first, monthly) !== d.coverage.from) differences.push(`${d.id}: from ${d.coverage.from} vs ${period(s.first, monthly)}`);
        if (period(s.last, monthly) !== d.coverage.to) differences.push(`${d.id}: to ${d.coverage.to} vs ${period(s.last, monthly)}`);
      }
    }
    console.log(`[catalog] coverage of ${DATASETS.length} datasets checked against ${paths.length} crawled paths: ${differences.length} differences`);
    expect(differences).toEqual([]);
  });
});
