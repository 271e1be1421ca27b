/**
 * `downloadFiles(source, files, destDir, options)`: fetch a set of listed files into a folder
 * with bounded concurrency, retries, resume, verification and republication detection, and
 * return a completeness report.
 *
 * @module
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { baseName, normalizePath, type Source } from '../sources/source.js';
import { fetchFile } from './fetch-file.js';
import { readDownloadManifest, writeDownloadManifest, type DownloadManifest, type ManifestEntry } from './manifest.js';
import type { DownloadOptions, DownloadReport, FailedFile, FetchedFile, PresentFile, RemoteFile } from './types.js';
import { defaultVerify, sha256File, type VerifyFile } from './verify.js';

function localNameOf(file: RemoteFile, layout: 'flat' | 'tree'): string {
  const path = normalizePath(file.path);
  return layout === 'tree' ? path.slice(1) : baseName(path);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

type Check = { kind: 'present'; entry: PresentFile; manifest: ManifestEntry } | { kind: 'fetch'; republished: boolean };

/** Decides whether a file already in `destDir` can be kept. */
async function checkExisting(file: RemoteFile, finalPath: string, recorded: ManifestEntry | undefined, verify: VerifyFile, sourceUrl: string, signal?: AbortSignal): Promise<Check> {
  const size = await fileSize(finalPath);
  const remoteTime = file.modifiedAt?.toISOString();
  if (recorded !== undefined) {
    // FTP LIST shows minutes, MDTM seconds: times within a minute are the same publication.
    const moved = remoteTime !== undefined && recorded.modifiedAt !== undefined && Math.abs(Date.parse(recorded.modifiedAt) - Date.parse(remoteTime)) >= 60_000;
    if (recorded.size !== file.size || moved) return { kind: 'fetch', republished: true };
  }
  if (size !== file.size) return { kind: 'fetch', republished: false };
  const options = signal === undefined ? {} : { signal };
  const sha256 = await sha256File(finalPath, options);
  if (recorded !== undefined) {
    // Same remote version: the recorded digest proves the local copy intact, no decode needed.
    if (recorded.sha256 !== sha256) return { kind: 'fetch', republished: false };
    return { kind: 'present', entry: { path: file.path, file: finalPath, bytes: size, sha256, crcOk: recorded.crcOk }, manifest: recorded };
  }
  let crcOk: boolean | null;
  try {
    crcOk = (await verify(file.path, finalPath, options)).crcOk;
  } catch (error) {
    if (ArrowSusError.is(error, 'ABORTED')) throw error;
    return { kind: 'fetch', republished: false }; // a damaged local copy is replaced
  }
  const manifest: ManifestEntry = {
    remotePath: file.path,
    size: file.size,
    ...(remoteTime === undefined ? {} : { modifiedAt: remoteTime }),
    sha256,
    crcOk,
    source: sourceUrl,
    fetchedAt: new Date().toISOString(),
  };
  return { kind: 'present', entry: { path: file.path, file: finalPath, bytes: size, sha256, crcOk }, manifest };
}

/**
 * Downloads `files` from `source` into `destDir`.
 *
 * - At most `concurrency` transfers run at once; each awaits its disk writes before reading
 *   more, so memory stays bounded by one chunk per transfer whatever the file sizes.
 * - Transient failures (`retryable` codes) are retried with exponential backoff and jitter,
 *   resuming from the bytes already in `<name>.<size>-<mtime>.part` (FTP `REST`, HTTP `Range`);
 *   a transfer silent for `stallTimeoutMs` is cut and resumed.
 * - Each file must have exactly the listed size (`DOWNLOAD_SIZE_MISMATCH`) and pass `verify`
 *   (`DOWNLOAD_INTEGRITY_FAILED`) before it is renamed to its final name; with a source chain the
 *   next source is tried when one keeps failing.
 * - A manifest (`.arrow-sus-downloads.json`) in `destDir` records size, mtime and SHA-256 per
 *   file: files already there and intact are reported `present`; files whose remote size or
 *   time changed are fetched again and listed in `republished`.
 * - `ENOSPC` stops the run with `DISK_FULL` for the file being written (its partial file
 *   removed) and for every file not yet started.
 *
 * Aborting through `signal` rejects with `ABORTED`; finished files stay, partial ones remain
 * only as `.part` files for a later resume.
 *
 * @example
 * ```ts
 * import { downloadFiles, renderReport } from 'arrow-sus/sources';
 * await using source = openSource('ftp://ftp.datasus.gov.br');
 * const files = (await source.list('/dissemin/publicos/SIM/CID10/DORES')).filter((e) => /^DO(AC|AL)2022/i.test(baseName(e.path)));
 * const report = await downloadFiles(source, files, 'data/sim', { concurrency: 4, onProgress: (p) => console.error(p.file, p.bytes, p.total) });
 * console.log(renderReport(report));
 * ```
 */
export async function downloadFiles(source: Source, files: readonly RemoteFile[], destDir: string, options: DownloadOptions = {}): Promise<DownloadReport> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ArrowSusError('INVALID_ARGUMENT', `download: concurrency must be a positive integer, got ${concurrency}`);
  const layout = options.layout ?? 'flat';
  for (const file of files) {
    // Listings mix files and folders; a folder passed by mistake would only fail on the server.
    if ((file as { isDirectory?: unknown }).isDirectory === true) throw new ArrowSusError('INVALID_ARGUMENT', `download: ${file.path} is a folder (filter listings with !entry.isDirectory)`);
  }
  const byName = new Map<string, string>();
  for (const file of files) {
    if (!Number.isSafeInteger(file.size) || file.size < 0) throw new ArrowSusError('INVALID_ARGUMENT', `download: ${file.path} has an invalid size ${file.size}`);
    const name = localNameOf(file, layout);
    const other = byName.get(name);
    if (other !== undefined && other !== file.path) {
      throw new ArrowSusError('INVALID_ARGUMENT', `download: ${other} and ${file.path} would both be saved as ${name} (use layout 'tree')`);
    }
    byName.set(name, file.path);
  }
  const unique = [...new Map(files.map((file) => [normalizePath(file.path), file])).values()];
  await mkdir(destDir, { recursive: true });
  const keepManifest = options.manifest ?? true;
  const manifest: DownloadManifest = keepManifest ? await readDownloadManifest(destDir) : { version: 1, files: {} };
  const verify = options.verify ?? defaultVerify;
  const signal = options.signal;

  const report: DownloadReport = { expected: unique.length, fetched: [], present: [], missing: [], failed: [], republished: [] };
  const totalBytes = unique.reduce((sum, file) => sum + file.size, 0);
  let receivedBytes = 0;
  let filesDone = 0;
  let diskFull: ArrowSusError | undefined;

  // Manifest writes are serialised and coalesced: one pending write covers all changes so far.
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;
  const saveManifest = (): void => {
    if (dirty || !keepManifest) return;
    dirty = true;
    writing = writing.then(async () => {
      dirty = false;
      await writeDownloadManifest(destDir, manifest);
    });
  };

  const runOne = async (file: RemoteFile): Promise<void> => {
    const name = localNameOf(file, layout);
    const finalPath = join(destDir, ...name.split('/'));
    if (diskFull !== undefined) {
      report.failed.push({ path: file.path, code: 'DISK_FULL', message: `download: ${file.path} not attempted (${diskFull.message})` });
      return;
    }
    if (layout === 'tree') await mkdir(dirname(finalPath), { recursive: true });
    const started = Date.now();
    const check = await checkExisting(file, finalPath, manifest.files[name], verify, source.url, signal);
    if (check.kind === 'present') {
      report.present.push(check.entry);
      if (manifest.files[name] !== check.manifest) {
        manifest.files[name] = check.manifest;
        saveManifest();
      }
      return;
    }
    try {
      const outcome = await fetchFile(
        {
          source,
          options,
          verify,
          progress: (bytes, delta, partFile) => {
            receivedBytes += delta;
            options.onProgress?.({ file: file.path, bytes, total: file.size, partFile, receivedBytes, totalBytes, filesDone, filesTotal: unique.length });
          },
        },
        file,
        finalPath,
      );
      const fetched: FetchedFile = { path: file.path, file: finalPath, ...outcome, durationMs: Date.now() - started };
      report.fetched.push(fetched);
      if (check.republished) report.republished.push(file.path);
      const remoteTime = file.modifiedAt?.toISOString();
      manifest.files[name] = {
        remotePath: file.path,
        size: file.size,
        ...(remoteTime === undefined ? {} : { modifiedAt: remoteTime }),
        sha256: outcome.sha256,
        crcOk: outcome.crcOk,
        source: outcome.source,
        fetchedAt: new Date().toISOString(),
      };
      saveManifest();
    } catch (error) {
      if (!ArrowSusError.is(error)) throw error;
      if (error.code === 'ABORTED') throw error;
      if (error.code === 'SOURCE_NOT_FOUND') {
        report.missing.push(file.path);
        return;
      }
      if (error.code === 'DISK_FULL') diskFull ??= error;
      const failed: FailedFile = { path: file.path, code: error.code, message: error.message };
      report.failed.push(failed);
    }
  };

  let next = 0;
  let fatal = false; // an abort or an unexpected error stops the other workers too
  const worker = async (): Promise<void> => {
    while (next < unique.length && !fatal) {
      throwIfAborted(signal);
      const file = unique[next++];
      if (file === undefined) continue;
      try {
        await runOne(file);
      } catch (error) {
        fatal = true;
        throw error;
      }
      filesDone += 1;
    }
  };
  try {
    const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (rejected !== undefined) throw rejected.reason;
  } finally {
    saveManifest();
    await writing;
  }
  const order = new Map(unique.map((file, i) => [file.path, i]));
  const byOrder = (a: { path: string }, b: { path: string }): number => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0);
  report.fetched.sort(byOrder);
  report.present.sort(byOrder);
  report.failed.sort(byOrder);
  return report;
}
