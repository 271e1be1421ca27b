/**
 * Local directory source (`file:///data/datasus`): a mirror on disk, a mounted share, or the
 * fixture tree in tests.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { toSourceError } from './source-errors.js';
import { joinPath, normalizePath, type ListingEntry, type Source, type SourceDownloadOptions, type SourceListOptions } from './source.js';

/**
 * Options of {@link LocalSource}.
 *
 * @example
 * ```ts
 * new LocalSource({ root: '/data/datasus' });
 * ```
 */
export interface LocalSourceOptions {
  /** Directory under which `dissemin/publicos/…` lives. */
  readonly root: string;
}

function localError(error: unknown, what: string, path: string, signal?: AbortSignal): ArrowSusError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ArrowSusError('SOURCE_NOT_FOUND', `local: ${path} does not exist (${what}; check the path)`, { cause: error, details: { path } });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ArrowSusError('SOURCE_AUTH_FAILED', `local: permission denied for ${path} (${what})`, { cause: error, details: { path } });
  }
  if (code === 'ABORT_ERR' || signal?.aborted === true) return new ArrowSusError('ABORTED', `local: ${what} aborted by the caller`, { cause: error });
  return toSourceError(error, `local: ${what}`, signal);
}

/**
 * A local directory implementing {@link Source}.
 *
 * @example
 * ```ts
 * await using local = new LocalSource({ root: '/data/datasus' });
 * const entries = await local.list('/dissemin/publicos/SIM/CID10/DORES');
 * ```
 */
export class LocalSource implements Source {
  readonly url: string;
  readonly #root: string;

  constructor(options: LocalSourceOptions) {
    this.#root = options.root;
    this.url = `file://${options.root.startsWith('/') ? '' : '/'}${options.root.replaceAll('\\', '/')}`;
  }

  async list(folder: string, options: SourceListOptions = {}): Promise<ListingEntry[]> {
    throwIfAborted(options.signal);
    const path = normalizePath(folder);
    const dir = this.#local(path);
    try {
      const names = await readdir(dir, { withFileTypes: true });
      const entries: ListingEntry[] = [];
      for (const dirent of names) {
        const full = join(dir, dirent.name);
        const info = await stat(full); // follows symlinks: test trees link fixtures in place
        entries.push({ path: joinPath(path, dirent.name), size: info.isDirectory() ? 0 : info.size, modifiedAt: info.mtime, isDirectory: info.isDirectory() });
      }
      return entries;
    } catch (error) {
      throw localError(error, `list ${dir}`, path, options.signal);
    }
  }

  async stat(path: string, options: SourceListOptions = {}): Promise<ListingEntry> {
    throwIfAborted(options.signal);
    const normal = normalizePath(path);
    try {
      const info = await stat(this.#local(normal));
      return { path: normal, size: info.isDirectory() ? 0 : info.size, modifiedAt: info.mtime, isDirectory: info.isDirectory() };
    } catch (error) {
      throw localError(error, `stat ${this.#local(normal)}`, normal, options.signal);
    }
  }

  async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    throwIfAborted(options.signal);
    const normal = normalizePath(path);
    const file = this.#local(normal);
    options.onStart?.();
    const stream = createReadStream(file, {
      start: options.offset ?? 0,
      highWaterMark: 256 * 1024,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } catch (error) {
      throw localError(error, `read ${file}`, normal, options.signal);
    } finally {
      stream.destroy();
    }
  }

  async close(): Promise<void> {
    // Nothing to close: every read opens and closes its own file handle.
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #local(path: string): string {
    return join(this.#root, ...path.split('/').filter(Boolean));
  }
}
