/**
 * Which catalog folder a directory is.
 *
 * The DataSUS FTP runs on a case-insensitive server: the same folder shows up as `PCE/DADOS` in one crawl
 * and `PCE/Dados` in another, `PAINEL_ONCOLOGIA` and `painel_oncologia`. Folders are therefore compared
 * upper-cased. A directory matches a catalog folder when its trailing segments equal the folder's
 * segments below `/dissemin/publicos` (so local mirrors such as `/data/datasus/SIHSUS/200801_/Dados`
 * match too); the longest match wins (`SISCAN/SISMAMA/Dados` over `SISCAN`).
 *
 * @module
 */
import { DATASETS } from './catalog.js';
import { SYSTEMS } from './systems.js';
import type { Dataset, FileKind, FolderRule, SystemCode } from './types.js';

/**
 * A dataset rule attached to a folder.
 *
 * @example
 * ```ts
 * lookupFolder('/dissemin/publicos/CNES/200508_/Dados/ST')?.entries[0]?.dataset.id; // 'cnes-st'
 * ```
 */
export interface FolderEntry {
  readonly dataset: Dataset;
  readonly folder: FolderRule;
}

/**
 * What the catalog knows about one directory.
 *
 * @example
 * ```ts
 * lookupFolder('/dissemin/publicos/SIM/CID10/DOCS')?.nonData; // { system: 'SIM', kind: 'documentation' }
 * ```
 */
export interface FolderMatch {
  /** Number of path segments the match used (longer = more specific). */
  readonly depth: number;
  readonly entries: readonly FolderEntry[];
  /** Set for folders of auxiliary tables or documents. */
  readonly nonData: { readonly system: SystemCode; readonly kind: Exclude<FileKind, 'data'> } | null;
}

/**
 * Upper-case path segments below `/dissemin/publicos` (or the whole path for `/territorio`).
 *
 * @example
 * ```ts
 * folderSegments('/dissemin/publicos/PCE/Dados'); // ['PCE', 'DADOS']
 * ```
 */
export function folderSegments(path: string): string[] {
  const segments = path.split('/').filter((s) => s.length > 0).map((s) => s.toUpperCase());
  if (segments[0] === 'DISSEMIN' && segments[1] === 'PUBLICOS') return segments.slice(2);
  return segments;
}

interface Slot {
  entries: FolderEntry[];
  nonData: FolderMatch['nonData'];
}

const exact = new Map<string, Slot>();
const wildcards = new Map<string, { regex: RegExp; depth: number; slot: Slot }>();

function slotFor(path: string): Slot {
  const segments = folderSegments(path);
  const key = segments.join('/');
  if (segments.includes('*')) {
    let wildcard = wildcards.get(key);
    if (wildcard === undefined) {
      const regex = new RegExp(`(?:^|/)${key.replaceAll('*', '[^/]+')}$`);
      wildcard = { regex, depth: segments.length, slot: { entries: [], nonData: null } };
      wildcards.set(key, wildcard);
    }
    return wildcard.slot;
  }
  let slot = exact.get(key);
  if (slot === undefined) {
    slot = { entries: [], nonData: null };
    exact.set(key, slot);
  }
  return slot;
}

for (const dataset of DATASETS) {
  for (const folder of dataset.folders) slotFor(folder.path).entries.push({ dataset, folder });
}
for (const system of SYSTEMS) {
  for (const path of system.auxiliary) slotFor(path).nonData = { system: system.code, kind: 'auxiliary' };
  for (const path of system.documentation) slotFor(path).nonData = { system: system.code, kind: 'documentation' };
}

const MAX_DEPTH = Math.max(...[...exact.keys()].map((k) => k.split('/').length));
const cache = new Map<string, FolderMatch | null>();

/**
 * The catalog folder a directory path is, or null.
 *
 * @example
 * ```ts
 * lookupFolder('/dissemin/publicos/SIHSUS/200801_/Dados')?.entries.length; // 7 (RD, SP, RJ, ER, CH, CM, RD zip)
 * ```
 */
export function lookupFolder(directory: string): FolderMatch | null {
  const cached = cache.get(directory);
  if (cached !== undefined) return cached;
  const segments = directory.split('/').filter((s) => s.length > 0).map((s) => s.toUpperCase());
  let best: FolderMatch | null = null;
  for (let depth = Math.min(MAX_DEPTH, segments.length); depth >= 1 && best === null; depth -= 1) {
    const slot = exact.get(segments.slice(segments.length - depth).join('/'));
    if (slot !== undefined) best = { depth, entries: slot.entries, nonData: slot.nonData };
  }
  const joined = segments.join('/');
  for (const w of wildcards.values()) {
    if ((best === null || w.depth > best.depth) && w.regex.test(joined)) {
      best = { depth: w.depth, entries: w.slot.entries, nonData: w.slot.nonData };
    }
  }
  // Directories come from listings with a few hundred folders; the bound only guards odd inputs.
  if (cache.size > 10_000) cache.clear();
  cache.set(directory, best);
  return best;
}

/**
 * Every (dataset, folder) pair, for matching bare file names without a directory.
 *
 * @example
 * ```ts
 * allEntries().length > 200; // true
 * ```
 */
export function allEntries(): readonly FolderEntry[] {
  return DATASETS.flatMap((dataset) => dataset.folders.map((folder) => ({ dataset, folder })));
}
