/**
 * Test trees for the SQL engines: chosen real fixtures placed at their FTP paths (when `../shared`
 * is present), or generated DBC files at real DataSUS paths, served by a real FTP server.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compressDbcSync, crc32, decompressDbcSync } from '../../src/dbc/index.js';
import { encodeDbf } from '../../src/dbf/index.js';
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

/** Whether the real fixtures are used (`ARROW_SUS_TEST_GENERATED=1` forces the generated tree, as without `../shared`). */
export const hasShared = SHARED_DIR !== undefined && process.env['ARROW_SUS_TEST_GENERATED'] !== '1';

/**
 * A ZIP archive with one stored (uncompressed) entry — the container of the IBGE population
 * tables (`POPTBR13.zip` holds `POPTBR13.DBF`).
 */
export function zipStored(name: string, bytes: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const crc = crc32(bytes);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, bytes.length, true);
  lv.setUint32(22, bytes.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, bytes.length, true);
  cv.setUint32(24, bytes.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + bytes.length, true);
  const out = new Uint8Array(local.length + bytes.length + central.length + end.length);
  out.set(local, 0);
  out.set(bytes, local.length);
  out.set(central, local.length + bytes.length);
  out.set(end, local.length + bytes.length + central.length);
  return out;
}

/** Records of a DBC's DBF that are not flagged deleted (`*`): what a reader returns. */
export function liveRecords(dbc: Uint8Array): number {
  const { dbf } = decompressDbcSync(dbc);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  let live = 0;
  for (let r = 0; r < records; r++) if (dbf[headerLength + r * recordLength] !== 0x2a) live++;
  return live;
}

/**
 * A SINAN-shaped national file with its own `UF` column (the notifying UF's code), as DENG, CHIK
 * and PNI files have — a name that clashes with the `uf` partition column. Seeded rows.
 */
export function placeSinanWithUf(root: string, path: string, rows: number, seed: number): PlacedFile {
  const codes = ['11', '12', '33', '35', '53'];
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const dbf = encodeDbf(
    [{ name: 'UF', type: 'C', length: 2 }, { name: 'ID_MUNICIP', type: 'C', length: 6 }, { name: 'DT_NOTIFIC', type: 'D' }],
    Array.from({ length: rows }, () => {
      const uf = codes[next() % codes.length]!;
      return [uf, `${uf}${String(next() % 10_000).padStart(4, '0')}`, new Date(Date.UTC(2016, next() % 12, 1 + (next() % 28)))];
    }),
  );
  const bytes = compressDbcSync(dbf);
  const target = join(root, ...path.split('/').filter(Boolean));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return { path, size: bytes.byteLength, nrec: rows };
}
