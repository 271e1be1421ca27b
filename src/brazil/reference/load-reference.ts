/**
 * Loaders for CID-10 and CBO through a source, with the download cached (`fetchCached`).
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import type { Source } from '../../sources/index.js';
import { findZipEntry, readZipEntries, extractZipEntry } from '../geo/zip.js';
import { readDbfRows } from '../geo/rows.js';
import { cboFromCnv, cboFromDbfRows, type CboTable } from './cbo.js';
import { parseCid10File, type Cid10Table } from './cid10.js';
import { fetchCached } from './fetch-cached.js';

/**
 * Where DataSUS publishes the CID-10 CSV files (host `http://www2.datasus.gov.br`).
 *
 * @example
 * ```ts
 * await loadCid10({ source: openSource('http://www2.datasus.gov.br'), cacheDir, path: CID10_CSV_PATH });
 * ```
 */
export const CID10_CSV_PATH = '/cid10/V2008/downloads/CID10CSV.zip';
/**
 * SIM's TabWin archive holding `CBO2002.CNV` (host `ftp://ftp.datasus.gov.br`).
 *
 * @example
 * ```ts
 * await loadCbo({ source: openSource('ftp://ftp.datasus.gov.br'), cacheDir, path: SIM_TAB_PATH });
 * ```
 */
export const SIM_TAB_PATH = '/dissemin/publicos/SIM/CID10/TAB/OBITOS_CID10_TAB.zip';

/**
 * Options of {@link loadCid10} and {@link loadCbo}.
 *
 * @example
 * ```ts
 * const options: LoadReferenceOptions = { source, cacheDir: '.cache/arrow-sus', path: '/dissemin/publicos/SIM/CID10/TABELAS/CID10.DBF' };
 * ```
 */
export interface LoadReferenceOptions {
  readonly source: Pick<Source, 'download' | 'url'>;
  readonly cacheDir: string;
  /** Path of the file on the source (a `.zip` or `.dbf`; for CBO also a `.cnv`). */
  readonly path?: string;
  readonly signal?: AbortSignal;
}

/**
 * Loads CID-10 descriptions (default: `CID10CSV.zip` from `http://www2.datasus.gov.br`).
 *
 * @example
 * ```ts
 * await using source = openSource('http://www2.datasus.gov.br');
 * const cid = await loadCid10({ source, cacheDir: '.cache/arrow-sus' });
 * cid.describe('J189')?.description;
 * ```
 */
export async function loadCid10(options: LoadReferenceOptions): Promise<Cid10Table> {
  const path = options.path ?? CID10_CSV_PATH;
  const bytes = await fetchCached({ ...options, path });
  return parseCid10File(bytes, `${options.source.url.replace(/\/$/, '')}${path}`);
}

/**
 * Loads CBO descriptions (default: `CBO2002.CNV` inside SIM's `OBITOS_CID10_TAB.zip`).
 *
 * @example
 * ```ts
 * await using source = openSource('ftp://ftp.datasus.gov.br');
 * const cbo = await loadCbo({ source, cacheDir: '.cache/arrow-sus' });
 * cbo.get('225125');
 * ```
 */
export async function loadCbo(options: LoadReferenceOptions): Promise<CboTable> {
  const path = options.path ?? SIM_TAB_PATH;
  const name = `${options.source.url.replace(/\/$/, '')}${path}`;
  const bytes = await fetchCached({ ...options, path });
  if (/\.dbf$/i.test(path)) return cboFromDbfRows(await readDbfRows(bytes), name);
  if (/\.cnv$/i.test(path)) return cboFromCnv(bytes, name);
  if (/\.zip$/i.test(path)) {
    const entries = readZipEntries(bytes, name);
    const cnv = findZipEntry(entries, 'CBO2002.CNV');
    if (cnv !== undefined) return cboFromCnv(extractZipEntry(bytes, cnv), `${name}#${cnv.name}`);
    const dbf = findZipEntry(entries, 'CBO_02.dbf') ?? findZipEntry(entries, 'CBO.dbf');
    if (dbf !== undefined) return cboFromDbfRows(await readDbfRows(extractZipEntry(bytes, dbf)), `${name}#${dbf.name}`);
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${name} holds no CBO2002.CNV or CBO_02.dbf`);
  }
  throw new ArrowSusError('UNSUPPORTED', `brazil: ${path}: CBO tables are read from a .zip, .cnv or .dbf file`);
}
