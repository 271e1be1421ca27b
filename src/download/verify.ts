/**
 * File verification after a transfer: SHA-256 for the manifest, and a pluggable content check
 * whose default for `.dbc` files recomputes the CRC-32 stored in the DBC container.
 *
 * A DBC file stores, in bytes [H, H+4) (H = uint16 LE at offset 8), the CRC-32 of the whole
 * decompressed DBF. Checking it needs a full decompression (streamed: memory stays at the
 * decoder's window and one chunk), so verification costs one decode pass per downloaded file;
 * it is the only end-to-end check DataSUS offers (the FTP server publishes no checksums).
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { decompressDbc, type DbcResult } from '../dbc/index.js';
import { ArrowSusError } from '../errors.js';
import { hashFile } from '../io/hash-file.js';
import { readFileChunks } from '../io/read-file.js';

/**
 * Outcome of a content check.
 *
 * @example
 * ```ts
 * const { crcOk }: VerifyResult = await verifyDbcFile(path, tempFile, {});
 * ```
 */
export interface VerifyResult {
  /** true: the embedded CRC-32 matched; null: the file kind has no embedded checksum. */
  readonly crcOk: boolean | null;
}

/**
 * Options passed to a {@link VerifyFile} hook.
 *
 * @example
 * ```ts
 * await sha256File('data/DOAC2022.dbc', { signal: AbortSignal.timeout(60_000) });
 * ```
 */
export interface VerifyOptions {
  readonly signal?: AbortSignal;
}

/**
 * A content check run on the complete temporary file before it gets its final name. Throw an
 * `ArrowSusError` (any code) to reject the bytes: the download manager then retries the file
 * and finally reports it as `DOWNLOAD_INTEGRITY_FAILED` (the check's own code in `details.reason`).
 *
 * @example
 * ```ts
 * const sizeOnly: VerifyFile = async () => ({ crcOk: null });
 * await downloadFiles(source, files, 'data', { verify: sizeOnly });
 * ```
 */
export type VerifyFile = (remotePath: string, tempFile: string, options: VerifyOptions) => Promise<VerifyResult>;

/**
 * SHA-256 (hex) of a local file, streamed in 1 MiB chunks (`hashFile`). Errors: `FILE_NOT_FOUND`,
 * `FILE_IO`, `ABORTED`.
 *
 * @example
 * ```ts
 * const digest = await sha256File('data/DOAC2022.dbc');
 * ```
 */
export async function sha256File(path: string, options: VerifyOptions = {}): Promise<string> {
  return (await hashFile(path, options)).sha256;
}

/**
 * The default check: `.dbc` files (any letter case) are decompressed with `decompressDbc` and
 * must end cleanly with a matching CRC-32 (`DBC_CRC_MISMATCH`, `DBC_TRUNCATED`, `DCL_*` reject
 * them); other files pass with `crcOk: null` (the size check against the listing still applies).
 *
 * @example
 * ```ts
 * await verifyDbcFile('/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc', 'data/DOAC2022.dbc', {}); // { crcOk: true }
 * ```
 */
export const verifyDbcFile: VerifyFile = async (remotePath, tempFile, { signal }) => {
  if (!/\.dbc$/i.test(remotePath)) return { crcOk: null };
  let result: DbcResult | undefined;
  const fileName = remotePath.slice(remotePath.lastIndexOf('/') + 1);
  const chunks = decompressDbc(readFileChunks(tempFile, signal === undefined ? {} : { signal }), {
    fileName,
    chunkSize: 1 << 20,
    reuseChunks: true,
    onComplete: (outcome) => {
      result = outcome;
    },
    ...(signal === undefined ? {} : { signal }),
  });
  for await (const _ of chunks) {
    // Only the end-of-stream checks matter here; the bytes are dropped.
  }
  return { crcOk: result?.crcOk ?? null };
};

/**
 * Structure check for plain `.dbf` files (PNI publishes them uncompressed): the file must hold
 * at least the `H + records × record length` bytes its header announces. Longer is accepted
 * (an optional 0x1A end byte, trailing padding); shorter is `DBF_TRUNCATED`. Other files pass.
 * DBF files carry no checksum, so `crcOk` is null.
 *
 * @example
 * ```ts
 * await verifyDbfFile('/dissemin/publicos/PNI/DADOS/CPNIAC00.DBF', 'data/CPNIAC00.DBF', {}); // { crcOk: null }
 * ```
 */
export const verifyDbfFile: VerifyFile = async (remotePath, tempFile) => {
  if (!/\.dbf$/i.test(remotePath)) return { crcOk: null };
  const handle = await open(tempFile, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    const size = (await handle.stat()).size;
    const needed = bytesRead < 12 ? 12 : head.readUInt16LE(8) + head.readUInt32LE(4) * head.readUInt16LE(10);
    if (size < needed) {
      throw new ArrowSusError('DBF_TRUNCATED', `download: ${remotePath} holds ${size} bytes but its DBF header announces ${needed} (truncated; re-download)`, {
        details: { path: remotePath, size, needed },
      });
    }
  } finally {
    await handle.close();
  }
  return { crcOk: null };
};

/**
 * The check used when `downloadFiles` gets no `verify` option: {@link verifyDbcFile} for `.dbc`
 * files, {@link verifyDbfFile} for `.dbf` files, nothing for others.
 *
 * @example
 * ```ts
 * await downloadFiles(source, files, 'data', { verify: defaultVerify });
 * ```
 */
export const defaultVerify: VerifyFile = async (remotePath, tempFile, options) =>
  /\.dbf$/i.test(remotePath) ? verifyDbfFile(remotePath, tempFile, options) : verifyDbcFile(remotePath, tempFile, options);
