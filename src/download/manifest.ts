/**
 * The download manifest: a JSON sidecar in the destination folder recording, per local file,
 * the remote path, size and modification time it was fetched at, and its SHA-256. A later run
 * compares it with a fresh listing to notice files DataSUS republished (new size or mtime)
 * and to re-verify files already present without the network.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * File name of the manifest inside the destination folder.
 *
 * @example
 * ```ts
 * const path = join(destDir, MANIFEST_NAME); // destDir/.arrow-sus-downloads.json
 * ```
 */
export const MANIFEST_NAME = '.arrow-sus-downloads.json';

/**
 * What the manifest remembers about one downloaded file.
 *
 * @example
 * ```ts
 * const entry: ManifestEntry | undefined = (await readDownloadManifest('data')).files['DOAC2022.dbc'];
 * ```
 */
export interface ManifestEntry {
  /** Path on the source, e.g. `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`. */
  readonly remotePath: string;
  /** Remote size at download time. */
  readonly size: number;
  /** Remote modification time at download time (ISO 8601), when the listing had one. */
  readonly modifiedAt?: string;
  /** SHA-256 (hex) of the local file. */
  readonly sha256: string;
  /** Result of the DBC CRC-32 check: true, false, or null when not checked. */
  readonly crcOk: boolean | null;
  /** URL of the source the bytes came from. */
  readonly source: string;
  /** When the file was fetched (ISO 8601). */
  readonly fetchedAt: string;
}

/**
 * The manifest: local file name (relative to the folder, `/`-separated) → entry.
 *
 * @example
 * ```ts
 * const manifest: DownloadManifest = await readDownloadManifest('data');
 * ```
 */
export interface DownloadManifest {
  readonly version: 1;
  readonly files: Record<string, ManifestEntry>;
}

/**
 * Reads the manifest of `dir`; an absent or unreadable one is empty (files are then verified
 * from scratch, never trusted blindly).
 *
 * @example
 * ```ts
 * const manifest = await readDownloadManifest('data/sim');
 * manifest.files['DOAC2022.dbc']?.sha256;
 * ```
 */
export async function readDownloadManifest(dir: string): Promise<DownloadManifest> {
  try {
    const value = JSON.parse(await readFile(join(dir, MANIFEST_NAME), 'utf8')) as Partial<DownloadManifest>;
    if (value.version === 1 && typeof value.files === 'object' && value.files !== null) return { version: 1, files: { ...value.files } };
  } catch {
    // absent or damaged: start empty
  }
  return { version: 1, files: {} };
}

/**
 * Writes the manifest atomically (temporary file, then rename).
 *
 * @example
 * ```ts
 * await writeDownloadManifest('data/sim', manifest);
 * ```
 */
export async function writeDownloadManifest(dir: string, manifest: DownloadManifest): Promise<void> {
  const target = join(dir, MANIFEST_NAME);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(manifest, null, 1)}\n`);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
