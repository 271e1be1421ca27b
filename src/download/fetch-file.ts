/**
 * One file, start to finish: resume from a `.part` file, stream bytes to disk with a stall
 * timeout, check the size against the listing, verify the content, rename atomically; retry
 * transient failures with backoff and fall back along a source chain.
 *
 * Invariant: the final name only ever holds a complete, verified file (rename is atomic on one
 * file system); everything in flight lives in `<name>.<size>-<mtime>.part`, whose name pins the
 * remote version so a resume never splices two versions of a republished file.
 *
 * @module
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { sourceCandidates } from '../sources/chain-source.js';
import type { Source } from '../sources/source.js';
import { backoffDelay, sleep } from './backoff.js';
import { withStallTimeout } from './stall.js';
import type { DownloadOptions, RemoteFile } from './types.js';
import { RunningSha256 } from '../io/hash-file.js';
import { writeAll } from '../io/write-file.js';
import type { VerifyFile } from './verify.js';

/**
 * What a successful fetch produced.
 *
 * @example
 * ```ts
 * const { sha256, crcOk } = await fetchFile(context, file, 'data/DOAC2022.dbc');
 * ```
 */
export interface FetchOutcome {
  readonly bytes: number;
  readonly sha256: string;
  readonly crcOk: boolean | null;
  readonly source: string;
}

/**
 * Everything {@link fetchFile} needs besides the file.
 *
 * @example
 * ```ts
 * const context: FetchContext = { source, options: {}, verify: defaultVerify, progress: () => undefined };
 * ```
 */
export interface FetchContext {
  readonly source: Source;
  readonly options: DownloadOptions;
  readonly verify: VerifyFile;
  /** Called with the bytes of this file on disk after each chunk, the delta, and the file written. */
  readonly progress: (bytes: number, delta: number, partFile: string) => void;
}

/**
 * Local name of the in-flight file for one remote version.
 *
 * @example
 * ```ts
 * partPathFor('data/DOAC2022.dbc', { path: '/x/DOAC2022.dbc', size: 10 }); // 'data/DOAC2022.dbc.10-x.part'
 * ```
 */
export function partPathFor(finalPath: string, file: RemoteFile): string {
  return `${finalPath}.${file.size}-${file.modifiedAt?.getTime() ?? 'x'}.part`;
}

/**
 * The final name of a part file named by {@link partPathFor}.
 *
 * @example
 * ```ts
 * completePathOf('data/DOAC2022.dbc.10-x.part'); // 'data/DOAC2022.dbc'
 * ```
 */
export function completePathOf(partPath: string): string {
  return partPath.replace(/\.\d+-(?:-?\d+|x)\.part$/, '');
}

const TRANSPORT_CODES = new Set(['SOURCE_CONNECTION_FAILED', 'SOURCE_TIMEOUT', 'SOURCE_BUSY']);

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function diskError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ArrowSusError('DISK_FULL', `download: disk full while writing ${path} (free space and run again; the partial file was removed)`, { cause: error });
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && !ArrowSusError.is(error)) {
    return new ArrowSusError('FILE_IO', `download: cannot write ${path} (${code})`, { cause: error });
  }
  return error;
}

/**
 * One transfer attempt from `source`, counting received bytes in `attempt` and hashing them into
 * `digest`, which covers the whole file when the attempt returns. Throws typed errors.
 */
async function transfer(
  context: FetchContext,
  source: Source,
  file: RemoteFile,
  partPath: string,
  attempt: { received: number; reached: number; highWater: number; offset: number },
  digest: RunningSha256,
): Promise<void> {
  let offset = await sizeOf(partPath);
  if (offset > file.size) {
    await rm(partPath, { force: true });
    offset = 0;
  }
  attempt.offset = offset;
  // The digest covers the bytes on disk before the transfer appends to them.
  await digest.catchUp(partPath, offset, context.options.signal === undefined ? {} : { signal: context.options.signal });
  if (offset === file.size && file.size > 0) return; // complete from an earlier attempt: verify it
  const controller = new AbortController();
  const outer = context.options.signal;
  const onAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let written = offset;
  try {
    handle = await open(partPath, 'a');
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    // The stall clock starts when the source says the transfer began, not while it waits for
    // a pooled connection (DataSUS limits connections per address).
    const stream = withStallTimeout(
      source.download(file.path, { offset, signal: controller.signal, onStart: () => markStarted() }),
      context.options.stallTimeoutMs ?? 30_000,
      () => controller.abort(),
      { started },
    );
    for await (const chunk of stream) {
      throwIfAborted(outer); // do not rely on every source noticing the signal promptly
      if (written + chunk.byteLength > file.size) {
        throw new ArrowSusError('DOWNLOAD_SIZE_MISMATCH', `download: ${file.path} is longer than the ${file.size} bytes listed (republished since the listing? list again)`, {
          details: { path: file.path, expected: file.size, atLeast: written + chunk.byteLength },
        });
      }
      await writeAll(handle, chunk);
      digest.update(chunk);
      written += chunk.byteLength;
      attempt.received += chunk.byteLength;
      attempt.reached = written;
      context.progress(written, chunk.byteLength, partPath);
    }
    if (context.options.durable !== false) await handle.datasync();
  } catch (error) {
    if (outer?.aborted === true) throw new ArrowSusError('ABORTED', `download: ${file.path} aborted by the caller`, { cause: error });
    throw diskError(error, partPath);
  } finally {
    outer?.removeEventListener('abort', onAbort);
    await handle?.close().catch(() => undefined);
  }
  if (written < file.size) {
    const received = written - offset;
    // A clean end short of the listed size is first taken for a dropped connection (resume);
    // ending again without getting further means the server's copy really is shorter.
    const progressed = received > 0 && written > attempt.highWater;
    throw new ArrowSusError(
      progressed ? 'SOURCE_CONNECTION_FAILED' : 'DOWNLOAD_SIZE_MISMATCH',
      progressed
        ? `download: ${file.path} ended early at byte ${written} of ${file.size} (resuming)`
        : `download: ${file.path} has ${written} bytes on ${source.url}, the listing says ${file.size} (truncated on the server, or republished: list again)`,
      { details: { path: file.path, expected: file.size, got: written, received } },
    );
  }
}

/**
 * Fetches one file into `finalPath`, verified. Throws the last typed error when every source
 * and retry failed; `SOURCE_NOT_FOUND` only when every source lacks the file.
 *
 * @example
 * ```ts
 * const outcome = await fetchFile(context, { path: '/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc', size: 123456 }, 'data/DOAC2022.dbc');
 * ```
 */
export async function fetchFile(context: FetchContext, file: RemoteFile, finalPath: string): Promise<FetchOutcome> {
  const { options } = context;
  const retries = options.retries ?? 5;
  const partPath = partPathFor(finalPath, file);
  const candidates = sourceCandidates(context.source);
  let lastError: ArrowSusError | undefined;
  let notFound = 0;
  for (let index = 0; index < candidates.length; index += 1) {
    const source = candidates[index];
    if (source === undefined) continue;
    // Another source may hold another version under the same name: start over, never splice.
    if (index > 0) await rm(partPath, { force: true });
    let failures = 0;
    let highWater = 0; // furthest byte reached on this source, across attempts
    // Hashed as it is written: the finished file is not read again for its SHA-256.
    const digest = new RunningSha256();
    for (;;) {
      throwIfAborted(options.signal);
      const attempt = { received: 0, reached: 0, highWater, offset: 0 };
      try {
        // On return the digest covers the whole file (caught up from disk, or fed every chunk).
        await transfer(context, source, file, partPath, attempt, digest);
        const sha256 = digest.digest();
        let crcOk: boolean | null;
        try {
          crcOk = (await context.verify(file.path, partPath, options.signal === undefined ? {} : { signal: options.signal })).crcOk;
        } catch (error) {
          if (ArrowSusError.is(error, 'ABORTED')) throw error;
          throw new ArrowSusError('DOWNLOAD_INTEGRITY_FAILED', `download: ${file.path} from ${source.url} failed verification (${error instanceof Error ? error.message : String(error)})`, {
            cause: error,
            details: { path: file.path, ...(ArrowSusError.is(error) ? { reason: error.code } : {}) },
          });
        }
        await rename(partPath, finalPath);
        return { bytes: file.size, sha256, crcOk, source: source.url };
      } catch (caught) {
        const error = ArrowSusError.is(caught) ? caught : (diskError(caught, partPath) as unknown);
        if (!ArrowSusError.is(error)) throw error;
        if (error.code === 'ABORTED') throw error;
        if (error.code === 'DISK_FULL') {
          await rm(partPath, { force: true });
          throw error;
        }
        if (error.code !== 'SOURCE_NOT_FOUND' || lastError === undefined) lastError = error;
        if (error.code === 'SOURCE_NOT_FOUND' && attempt.offset > 0) {
          // Some servers (IIS) answer a REST beyond the end of a shrunken file with 550: the
          // file exists, our partial copy does not fit it. Start over rather than call it missing.
          await rm(partPath, { force: true });
          failures += 1;
          if (failures > retries) break;
          continue;
        }
        if (error.code === 'SOURCE_NOT_FOUND') {
          notFound += 1;
          break;
        }
        // Bad bytes are never resumed from: the next attempt starts at zero.
        if (error.code === 'DOWNLOAD_SIZE_MISMATCH' || error.code === 'DOWNLOAD_INTEGRITY_FAILED') await rm(partPath, { force: true });
        if (!error.retryable) break;
        // A transport failure that got further into the file than ever before does not use up
        // an attempt, so a flaky link still finishes a large file. Re-fetching bytes already seen
        // (after a restart from zero) is not progress, so a truncated or bad copy cannot loop.
        if (TRANSPORT_CODES.has(error.code) && attempt.reached > highWater) failures = 0;
        highWater = Math.max(highWater, attempt.reached);
        failures += 1;
        if (failures > retries) break;
        const delayMs = backoffDelay(failures, {
          ...(options.backoffMs === undefined ? {} : { baseMs: options.backoffMs }),
          ...(options.maxBackoffMs === undefined ? {} : { maxMs: options.maxBackoffMs }),
          ...(options.random === undefined ? {} : { random: options.random }),
        });
        options.onRetry?.({ file: file.path, attempt: failures, delayMs, code: error.code, offset: await sizeOf(partPath), source: source.url });
        await sleep(delayMs, options.signal === undefined ? {} : { signal: options.signal });
      }
    }
  }
  if (notFound === candidates.length) {
    throw lastError ?? new ArrowSusError('SOURCE_NOT_FOUND', `download: ${file.path} not found`);
  }
  throw lastError ?? new ArrowSusError('DOWNLOAD_FAILED', `download: ${file.path} failed`);
}
