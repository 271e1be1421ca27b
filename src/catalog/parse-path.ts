/**
 * From a path (or a bare file name) to what it holds: dataset, UF, period, split part, status.
 *
 * The folder decides which rules apply — DataSUS reuses prefixes across systems (`CM` is a SIH group and
 * a SISMAMA group; `CC` is SISCOLO, not CNES) — and the name fills in the rest. Names without a folder
 * are matched against every rule; when several datasets fit, the one whose folder covers the period wins,
 * and a tie leaves the dataset unknown rather than guessing.
 *
 * @module
 */
import { allEntries, lookupFolder, type FolderEntry } from './folder-index.js';
import { extensionOf, matchName, type NameMatch } from './name-rule.js';
import type { FolderRule, ParsedPath } from './types.js';
import { periodKey } from './years.js';

/** Splits a path into directory and file name; accepts `ftp://host/…` URLs and Windows separators. */
function splitPath(path: string): { directory: string; name: string } {
  let clean = path.trim().replaceAll('\\', '/');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(clean);
  if (scheme !== null) clean = clean.slice(scheme[0].length);
  const slash = clean.lastIndexOf('/');
  return slash < 0 ? { directory: '', name: clean } : { directory: clean.slice(0, slash), name: clean.slice(slash + 1) };
}

/**
 * Whether a folder's expected period range holds a parsed period (open ends always hold).
 *
 * @example
 * ```ts
 * folderHolds(getDataset('sih-rd').folders[0], 2008, 1); // false: the old folder ends in 2007-12
 * ```
 */
export function folderHolds(folder: FolderRule, year: number | null, month: number | null): boolean {
  if (year === null) return true;
  const key = year * 100 + (month ?? 1);
  const last = year * 100 + (month ?? 12);
  if (folder.from !== null && last < periodKey(folder.from, 'start')) return false;
  if (folder.to !== null && key > periodKey(folder.to, 'end')) return false;
  return true;
}

function result(path: string, entry: FolderEntry, match: NameMatch, withFolder: boolean): ParsedPath {
  return {
    path,
    dataset: entry.dataset.id,
    system: entry.dataset.system,
    group: entry.dataset.group,
    uf: match.uf,
    year: match.year,
    month: match.month,
    part: match.part,
    kind: 'data',
    preliminary: entry.folder.preliminary,
    extension: match.extension,
    folder: withFolder ? entry.folder.path : null,
    role: withFolder ? entry.folder.role : null,
  };
}

function unknown(path: string, name: string, extra: Partial<ParsedPath> = {}): ParsedPath {
  return {
    path,
    dataset: null,
    system: null,
    group: null,
    uf: null,
    year: null,
    month: null,
    part: null,
    kind: 'data',
    preliminary: false,
    extension: extensionOf(name),
    folder: null,
    role: null,
    ...extra,
  };
}

const byInitial = new Map<string, FolderEntry[]>();
const anyInitial: FolderEntry[] = [];
for (const entry of allEntries()) {
  const rule = entry.folder.name;
  if (rule.pattern !== undefined) anyInitial.push(entry);
  for (const prefix of rule.pattern === undefined ? [rule.prefix, ...(rule.aliases ?? [])] : []) {
    const initial = prefix.charAt(0);
    const list = byInitial.get(initial) ?? [];
    if (!list.includes(entry)) list.push(entry);
    byInitial.set(initial, list);
  }
}

const rank = (entry: FolderEntry): number =>
  (entry.folder.role === 'primary' ? 0 : entry.folder.role === 'alternate-format' ? 2 : 1) + (entry.folder.preliminary ? 1 : 0);

/** Matches a bare name against every rule; see the module comment for how ties are broken. */
function parseName(path: string, name: string): ParsedPath {
  const candidates = [...(byInitial.get(name.charAt(0).toUpperCase()) ?? []), ...anyInitial];
  const hits: { entry: FolderEntry; match: NameMatch }[] = [];
  for (const entry of candidates) {
    const match = matchName(entry.folder.name, name);
    if (match !== null) hits.push({ entry, match });
  }
  if (hits.length === 0) return unknown(path, name);
  const inRange = hits.filter((h) => folderHolds(h.entry.folder, h.match.year, h.match.month));
  // Folders with a dated range that holds the period beat undated ones (PRELIM folders take any year).
  const dated = inRange.filter((h) => h.entry.folder.from !== null);
  const pool = dated.length > 0 ? dated : inRange.length > 0 ? inRange : hits;
  const datasets = new Set(pool.map((h) => h.entry.dataset.id));
  if (datasets.size > 1) return unknown(path, name);
  const best = [...pool].sort((a, b) => rank(a.entry) - rank(b.entry))[0];
  return best === undefined ? unknown(path, name) : result(path, best.entry, best.match, false);
}

/**
 * Classifies one path. Never throws: anything unrecognised comes back with `dataset: null`.
 *
 * Upper-case UF codes; `BR` marks national files and `IG` files whose UF is unknown; `year` is the full
 * year (2-digit years: `70`–`99` → 19YY, `00`–`69` → 20YY); `part` is the split suffix (`a`–`d` or
 * `1`, `2` …); `extension` is lower-case. A bare name carries no folder, so `preliminary` is false and
 * `folder`/`role` are null for it.
 *
 * @example
 * ```ts
 * parsePath('/dissemin/publicos/SIM/CID9/DORES/DORAC79.DBC');
 * // { dataset: 'sim-do-cid09', system: 'SIM', group: 'DO', uf: 'AC', year: 1979, month: null, … }
 * parsePath('PASP1112a.dbc').part; // 'a'
 * ```
 */
export function parsePath(path: string): ParsedPath {
  const { directory, name } = splitPath(path);
  if (name.length === 0) return unknown(path, name);
  if (directory.length === 0) return parseName(path, name);
  const found = lookupFolder(directory);
  if (found === null) return parseName(path, name);
  const last = directory.slice(directory.lastIndexOf('/') + 1);
  const folderYear = /^\d{4}$/.test(last) ? Number(last) : null;
  for (const entry of found.entries) {
    const match = matchName(entry.folder.name, name, folderYear);
    if (match !== null) return result(path, entry, match, true);
  }
  if (found.nonData !== null) return unknown(path, name, { system: found.nonData.system, kind: found.nonData.kind });
  const systems = new Set(found.entries.map((e) => e.dataset.system));
  const system = systems.size === 1 ? (found.entries[0]?.dataset.system ?? null) : null;
  return unknown(path, name, { system });
}
