/**
 * HTTP(S) mirror of the DataSUS tree: folder listings from an nginx/Apache autoindex page (or
 * nginx's JSON index, asked for with `Accept: application/json`), `Range` requests for resumed
 * downloads, `HEAD` for `stat`.
 *
 * @module
 */
import { ArrowSusError, throwIfAborted, type ErrorCode } from '../errors.js';
import { parseAutoindexHtml, parseJsonIndex, type IndexEntry } from './http-index.js';
import { toSourceError } from './source-errors.js';
import { joinPath, normalizePath, type ListingEntry, type Source, type SourceDownloadOptions, type SourceListOptions } from './source.js';

/**
 * Options of {@link HttpSource}.
 *
 * @example
 * ```ts
 * new HttpSource({ url: 'https://mirror.example.org/datasus', timeZone: 'UTC' });
 * ```
 */
export interface HttpSourceOptions {
  /** URL of the mirror's root, under which `/dissemin/publicos/…` lives. */
  readonly url: string;
  /** Time allowed until response headers arrive, ms. Default 30 000 (stalled bodies are the download manager's job). */
  readonly timeoutMs?: number;
  /** Time zone of autoindex wall-clock times. Default `UTC` (nginx's default). */
  readonly timeZone?: string;
  /** Parallel `HEAD` requests used to learn exact sizes when an index shows rounded ones. Default 4. */
  readonly headConcurrency?: number;
}

function statusToCode(status: number): ErrorCode {
  if (status === 404 || status === 410) return 'SOURCE_NOT_FOUND';
  if (status === 401 || status === 403) return 'SOURCE_AUTH_FAILED';
  if (status === 429 || status === 503) return 'SOURCE_BUSY';
  if (status === 408 || status === 504) return 'SOURCE_TIMEOUT';
  if (status >= 500) return 'SOURCE_CONNECTION_FAILED';
  return 'SOURCE_PROTOCOL_ERROR';
}

/**
 * An HTTP(S) mirror implementing {@link Source}.
 *
 * @example
 * ```ts
 * await using mirror = new HttpSource({ url: 'https://mirror.example.org/datasus' });
 * const entries = await mirror.list('/dissemin/publicos/SIM/CID10/DORES');
 * ```
 */
export class HttpSource implements Source {
  readonly url: string;
  readonly #base: string;
  readonly #options: HttpSourceOptions;

  constructor(options: HttpSourceOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch (error) {
      throw new ArrowSusError('SOURCE_INVALID_URL', `http: invalid mirror URL ${JSON.stringify(options.url)}`, { cause: error });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ArrowSusError('SOURCE_INVALID_URL', `http: ${parsed.protocol} is not http: or https:`);
    }
    parsed.search = '';
    parsed.hash = '';
    this.#base = parsed.href.replace(/\/+$/, '');
    parsed.username = '';
    parsed.password = '';
    this.url = parsed.href.replace(/\/+$/, '');
    this.#options = options;
  }

  async list(folder: string, options: SourceListOptions = {}): Promise<ListingEntry[]> {
    const path = normalizePath(folder);
    const what = `http: list ${this.#href(path)}/`;
    const response = await this.#request(`${this.#href(path)}/`, what, options.signal, {
      headers: { accept: 'application/json;q=1.0, text/html;q=0.9' },
    });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw toSourceError(error, what, options.signal);
    }
    const json = (response.headers.get('content-type') ?? '').includes('json');
    const index = json ? parseJsonIndex(text) : parseAutoindexHtml(text, this.#options.timeZone === undefined ? {} : { timeZone: this.#options.timeZone });
    if (index === null) throw new ArrowSusError('SOURCE_PROTOCOL_ERROR', `${what}: the JSON index is not an nginx autoindex array`);
    return this.#withExactSizes(path, index, options.signal);
  }

  async stat(path: string, options: SourceListOptions = {}): Promise<ListingEntry> {
    const normal = normalizePath(path);
    const what = `http: HEAD ${this.#href(normal)}`;
    const response = await this.#request(this.#href(normal), what, options.signal, { method: 'HEAD' });
    // Servers redirect a folder without its trailing slash to the slashed URL.
    const isDirectory = response.url.endsWith('/');
    const size = isDirectory ? 0 : Number(response.headers.get('content-length') ?? Number.NaN);
    if (!Number.isFinite(size)) throw new ArrowSusError('SOURCE_PROTOCOL_ERROR', `${what}: no Content-Length (the mirror must send sizes)`);
    const lastModified = response.headers.get('last-modified');
    const modifiedAt = lastModified === null ? undefined : new Date(lastModified);
    const entry: ListingEntry = { path: normal, size, isDirectory };
    return modifiedAt === undefined || Number.isNaN(modifiedAt.getTime()) ? entry : { ...entry, modifiedAt };
  }

  async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    const offset = options.offset ?? 0;
    const href = this.#href(normalizePath(path));
    const what = `http: GET ${href}${offset > 0 ? ` from byte ${offset}` : ''}`;
    throwIfAborted(options.signal);
    options.onStart?.();
    // fetch's signal also governs the body: link the caller's signal for the whole transfer.
    const link = new AbortController();
    const onAbort = (): void => link.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      yield* this.#stream(href, what, offset, link.signal, options.signal);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      link.abort(); // no-op after a complete body; closes the socket after a consumer's break
    }
  }

  async *#stream(href: string, what: string, offset: number, linked: AbortSignal, caller: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
    const headers: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
    let response: Response;
    try {
      response = await this.#request(href, what, linked, { headers }, true);
    } catch (error) {
      // 416: the file is no longer than the offset asked for; the caller's size check decides.
      if (ArrowSusError.is(error) && error.details['status'] === 416) return;
      throw error;
    }
    let skip = 0;
    if (offset > 0 && response.status === 200) {
      skip = offset; // the server ignored Range: drop the bytes we already have
    } else if (offset > 0) {
      const start = /bytes\s+(\d+)-/.exec(response.headers.get('content-range') ?? '');
      if (start === null || Number(start[1]) !== offset) {
        await response.body?.cancel();
        throw new ArrowSusError('SOURCE_PROTOCOL_ERROR', `${what}: Content-Range does not start at ${offset}`);
      }
    }
    if (response.body === null) return;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (skip >= chunk.byteLength) {
          skip -= chunk.byteLength;
          continue;
        }
        const part = skip > 0 ? chunk.subarray(skip) : chunk;
        skip = 0;
        yield part;
        // A body already buffered in full may not notice a late abort: check after each chunk.
        throwIfAborted(caller);
      }
    } catch (error) {
      throw toSourceError(error, what, caller);
    }
    throwIfAborted(caller);
  }

  async close(): Promise<void> {
    // fetch keeps no per-source connections we could close; undici's global pool owns them.
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #href(path: string): string {
    return `${this.#base}${path.split('/').map(encodeURIComponent).join('/')}`.replace(/\/$/, '');
  }

  async #request(href: string, what: string, signal: AbortSignal | undefined, init: RequestInit, keepBodyLinked = false): Promise<Response> {
    throwIfAborted(signal);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#options.timeoutMs ?? 30_000);
    let response: Response;
    try {
      response = await fetch(href, { ...init, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      if (timedOut) throw new ArrowSusError('SOURCE_TIMEOUT', `${what}: no answer within ${this.#options.timeoutMs ?? 30_000} ms (retry later)`, { cause: error });
      throw toSourceError(error, what, signal);
    } finally {
      clearTimeout(timer);
    }
    // A download's signal is private to it, so it may stay linked to govern the body too.
    if (!keepBodyLinked || !response.ok) signal?.removeEventListener('abort', onAbort);
    if (response.ok) return response;
    await response.body?.cancel().catch(() => undefined);
    const code = statusToCode(response.status);
    throw new ArrowSusError(code, `${what}: HTTP ${response.status} ${response.statusText}${code === 'SOURCE_NOT_FOUND' ? ' (check the path)' : ''}`, {
      details: { status: response.status, url: href },
    });
  }

  async #withExactSizes(folder: string, index: IndexEntry[], signal?: AbortSignal): Promise<ListingEntry[]> {
    const entries: ListingEntry[] = index.map((item) => {
      const entry: ListingEntry = { path: joinPath(folder, item.name), size: item.size, isDirectory: item.isDirectory };
      return item.modifiedAt === undefined ? entry : { ...entry, modifiedAt: item.modifiedAt };
    });
    const inexact = index.flatMap((item, i) => (item.exactSize || item.isDirectory ? [] : [i]));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < inexact.length) {
        const i = inexact[next++] ?? 0;
        const current = entries[i];
        if (current === undefined) continue;
        const exact = await this.stat(current.path, signal === undefined ? {} : { signal });
        entries[i] = { ...current, size: exact.size };
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#options.headConcurrency ?? 4, inexact.length) }, worker));
    return entries;
  }
}
