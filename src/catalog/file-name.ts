/**
 * Canonical file names for a dataset and a period: the inverse of {@link parsePath}.
 *
 * Use it to show users what a file is called or to build fixtures; to find files on the server, list
 * the folder ({@link foldersFor}) and resolve against the listing — DataSUS coverage is ragged and some
 * months exist only as split parts.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { getDataset } from './catalog.js';
import { formatName } from './name-rule.js';
import { folderHolds } from './parse-path.js';
import type { Dataset, FolderRule } from './types.js';
import { isUf } from './ufs.js';

/**
 * Values to name a file after; fields a dataset's names do not carry must be absent or null.
 *
 * @example
 * ```ts
 * fileNameFor('sia-pa', { uf: 'SP', year: 2024, month: 1, part: 'a' } satisfies FileNameValues);
 * ```
 */
export interface FileNameValues {
  readonly uf?: string | null;
  readonly year?: number | null;
  readonly month?: number | null;
  readonly part?: string | null;
}

const invalid = (dataset: Dataset, message: string): ArrowSusError =>
  new ArrowSusError('CATALOG_INVALID_REQUEST', `catalog: ${dataset.id}: ${message}`, { details: { dataset: dataset.id } });

/**
 * Whether a folder's rule can name these values (place, year, month and part shape).
 *
 * @example
 * ```ts
 * ruleAccepts(getDataset('sinan-deng').folders[0], 'SP', 2020, null, null); // false: national only
 * ```
 */
export function ruleAccepts(folder: FolderRule, uf: string | null, year: number | null, month: number | null, part: string | null): boolean {
  const rule = folder.name;
  if (rule.place.length === 0) {
    if (uf !== null) return false;
  } else {
    if (uf === null) return false;
    const ok = (rule.place.includes('uf') && isUf(uf)) || (rule.place.includes('br') && uf === 'BR') || (rule.place.includes('ig') && uf === 'IG');
    if (!ok) return false;
  }
  if ((rule.year.length > 0 || (rule.pattern !== undefined && folder.path.endsWith('*'))) !== (year !== null)) return false;
  if (rule.month !== (month !== null)) return false;
  if (part !== null) {
    if (rule.split === 'letter' && !/^[a-d]$/i.test(part)) return false;
    if (rule.split === 'underscore' && !/^\d{1,2}$/.test(part)) return false;
    if (rule.split === null) return false;
  }
  return true;
}

/**
 * The canonical name(s) of a dataset's file for a place and period, one per distinct name across the
 * dataset's primary folders that cover the period (usually exactly one). Stems are upper case, the split
 * letter and the extension lower case: `RDAC0801.dbc`, `PASP1112a.dbc`, `DORAC79.dbc`.
 *
 * Throws `CATALOG_UNKNOWN_DATASET` for an unknown id and `CATALOG_INVALID_REQUEST` when the values do not
 * fit the dataset (missing month, a UF for a national-only dataset, a period no folder covers) or when the
 * dataset's names are irregular and can only be listed (territorial base).
 *
 * @example
 * ```ts
 * fileNameFor('sih-rd', { uf: 'AC', year: 2008, month: 1 }); // ['RDAC0801.dbc']
 * fileNameFor('sim-do-cid09', { uf: 'AC', year: 1979 }); // ['DORAC79.dbc']
 * fileNameFor('sinan-deng', { uf: 'BR', year: 2024 }); // ['DENGBR24.dbc']
 * ```
 */
export function fileNameFor(dataset: string | Dataset, values: FileNameValues): string[] {
  const found = typeof dataset === 'string' ? getDataset(dataset) : dataset;
  const uf = values.uf === undefined || values.uf === null ? null : values.uf.toUpperCase();
  const year = values.year ?? null;
  const month = values.month ?? null;
  const part = values.part ?? null;
  if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2100)) throw invalid(found, `year ${year} is out of range`);
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) throw invalid(found, `month ${month} is out of range`);
  const primary = found.folders.filter((f) => f.role === 'primary');
  const fitting = primary.filter((f) => ruleAccepts(f, uf, year, month, part));
  if (fitting.length === 0) {
    throw invalid(found, `no file name takes ${JSON.stringify({ uf, year, month, part })} (see \`arrow-sus describe ${found.system}\`)`);
  }
  // Final folders first: PRELIM folders have no period range and would otherwise claim any year.
  const held = fitting.filter((f) => folderHolds(f, year, month));
  const finals = held.filter((f) => !f.preliminary);
  const holding = finals.length > 0 ? finals : held;
  if (holding.length === 0) throw invalid(found, `no folder covers ${year ?? ''}${month === null ? '' : `-${month}`}`);
  const out: string[] = [];
  for (const f of holding) {
    const name = formatName(f.name, { group: found.group, uf, year, month, part });
    if (name === null) throw invalid(found, 'file names are irregular; list the folder instead');
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
