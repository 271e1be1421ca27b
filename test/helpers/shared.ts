/**
 * Locates `../shared` (real DataSUS fixtures and listings) and reads its MANIFEST.
 * Tests that need it call {@link describeShared}, which prints why it skips when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the shared folder, or undefined when it is not beside the project. */
export const SHARED_DIR: string | undefined = (() => {
  const candidates = [process.env['ARROW_SUS_SHARED'], resolve(here, '../../../shared')];
  for (const candidate of candidates) {
    if (candidate !== undefined && existsSync(join(candidate, 'fixtures', 'MANIFEST.tsv'))) return candidate;
  }
  return undefined;
})();

/** One row of `fixtures/MANIFEST.tsv`. */
export interface ManifestRow {
  readonly path: string;
  readonly kind: string;
  readonly system: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly dbfBytes: number | undefined;
  readonly dbfSha256: string | undefined;
  readonly crcOk: boolean | undefined;
  readonly nrec: number | undefined;
  readonly hdrlen: number | undefined;
  readonly reclen: number | undefined;
  readonly ftpPath: string | undefined;
}

const optionalNumber = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);
const optionalString = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/** Reads the manifest; empty when the shared folder is absent. */
export function readManifest(): ManifestRow[] {
  if (SHARED_DIR === undefined) return [];
  const lines = readFileSync(join(SHARED_DIR, 'fixtures', 'MANIFEST.tsv'), 'utf8').split('\n').filter(Boolean);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const get = (name: string): string | undefined => cells[header.indexOf(name)];
    return {
      path: get('path') ?? '',
      kind: get('kind') ?? '',
      system: get('system') ?? '',
      bytes: Number(get('bytes')),
      sha256: get('sha256') ?? '',
      dbfBytes: optionalNumber(get('dbf_bytes')),
      dbfSha256: optionalString(get('dbf_sha256')),
      crcOk: get('crc_ok') === '' || get('crc_ok') === undefined ? undefined : get('crc_ok') === '1',
      nrec: optionalNumber(get('nrec')),
      hdrlen: optionalNumber(get('hdrlen')),
      reclen: optionalNumber(get('reclen')),
      ftpPath: optionalString(get('ftp_path')),
    };
  });
}

/** Absolute path of a fixture given its manifest `path` (e.g. `dbc/DOAC2022.dbc`). */
export function fixturePath(relative: string): string {
  if (SHARED_DIR === undefined) throw new Error('shared folder is absent');
  return join(SHARED_DIR, 'fixtures', relative);
}

/**
 * `describe` when the shared folder is present; otherwise a skipped block whose name says why,
 * so the skip is visible in the test output.
 */
export function describeShared(name: string, body: () => void): void {
  if (SHARED_DIR === undefined) {
    describe.skip(`${name} [skipped: ../shared is absent]`, body);
    console.warn(`[arrow-sus tests] skipping "${name}": ../shared is absent`);
  } else {
    describe(name, body);
  }
}
