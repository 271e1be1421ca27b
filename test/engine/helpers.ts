/**
 * Test trees for the SQL engines: chosen real fixtures placed at their FTP paths (when `../shared`
 * is present), or generated DBC files at real DataSUS paths, served by a real FTP server.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDbc } from '../helpers/ftp-server.js';
import { SHARED_DIR, fixturePath, readManifest, type ManifestRow } from '../helpers/shared.js';

/** A file placed in a tree, with its record count. */
export interface PlacedFile {
  readonly path: string;
  readonly size: number;
  /** Records in the DBF header (deleted ones included). */
  readonly nrec: number;
}

/**
 * Copies the named fixtures (file names such as `RDRJ1602.dbc`) to their `ftp_path` under `root`.
 * Throws when one is missing from the manifest (a test should say what it needs).
 */
export function placeFixtures(root: string, names: readonly string[]): PlacedFile[] {
  const rows = readManifest();
  return names.map((name) => {
    const row: ManifestRow | undefined = rows.find((r) => r.path.split('/').pop() === name && r.ftpPath !== undefined);
    if (row === undefined || row.ftpPath === undefined) throw new Error(`fixture ${name} has no ftp_path in the manifest`);
    const target = join(root, ...row.ftpPath.split('/').filter(Boolean));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(fixturePath(row.path), target);
    return { path: row.ftpPath, size: row.bytes, nrec: row.nrec ?? 0 };
  });
}

/**
 * Writes generated DBC files (columns MUNIC_RES, IDADE, DT_INTER, DIAG_PRINC; seeded) at the given
 * FTP paths under `root`.
 */
export function placeGenerated(root: string, files: readonly { path: string; seed: number; rows: number }[]): PlacedFile[] {
  return files.map(({ path, seed, rows }) => {
    const bytes = generateDbc(seed, rows);
    const target = join(root, ...path.split('/').filter(Boolean));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return { path, size: bytes.byteLength, nrec: rows };
  });
}

/** Whether the real fixtures are available. */
export const hasShared = SHARED_DIR !== undefined;
