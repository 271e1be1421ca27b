/**
 * FTP source (the DataSUS server itself): a pool of passive-mode connections, anonymous login
 * by default, `REST` offsets for resumed downloads, our own listing parsers.
 *
 * @module
 */
import { PassThrough } from 'node:stream';
import { Client } from 'basic-ftp';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { FtpPool, type FtpLease } from './ftp-pool.js';
import { parseListing } from './listing.js';
import { DATASUS_TIME_ZONE } from './server-time.js';
import { toSourceError } from './source-errors.js';
import { baseName, normalizePath, parentPath, type ListingEntry, type Source, type SourceDownloadOptions, type SourceListOptions } from './source.js';

/**
 * Options of {@link FtpSource}.
 *
 * @example
 * ```ts
 * new FtpSource({ host: 'ftp.datasus.gov.br', connections: 2, timeoutMs: 60_000 });
 * ```
 */
export interface FtpSourceOptions {
  /** Host name or address. */
  readonly host: string;
  /** Control port. Default 21. */
  readonly port?: number;
  /** Login. Default `anonymous` (DataSUS is an anonymous server). */
  readonly user?: string;
  /** Password. Default `anonymous@`. */
  readonly password?: string;
  /** Path on the server under which `/dissemin/publicos/…` lives. Default `/`. */
  readonly root?: string;
  /** Maximum simultaneous connections (one transfer each). Default 4. */
  readonly connections?: number;
  /** Control and data socket inactivity timeout, ms. Default 30 000. */
  readonly timeoutMs?: number;
  /** Time zone of `LIST` wall-clock times. Default `America/Sao_Paulo` (DataSUS). */
  readonly timeZone?: string;
  /** Idle time after which a pooled connection is checked with `NOOP`, ms. Default 10 000. */
  readonly idleCheckMs?: number;
}

/** Chunk size of the in-memory hand-off between the data socket and the consumer. */
const HIGH_WATER_MARK = 256 * 1024;

/**
 * A pooled FTP client implementing {@link Source}.
 *
 * @example
 * ```ts
 * await using ftp = new FtpSource({ host: 'ftp.datasus.gov.br', connections: 4 });
 * const files = await ftp.list('/dissemin/publicos/SIM/CID10/DORES');
 * ```
 */
export class FtpSource implements Source {
  readonly url: string;
  readonly #options: FtpSourceOptions;
  readonly #pool: FtpPool;
  readonly #root: string;

  constructor(options: FtpSourceOptions) {
    this.#options = options;
    this.#root = normalizePath(options.root ?? '/');
    const port = options.port ?? 21;
    this.url = `ftp://${options.host.includes(':') ? `[${options.host}]` : options.host}${port === 21 ? '' : `:${port}`}${this.#root === '/' ? '' : this.#root}`;
    this.#pool = new FtpPool({
      size: options.connections ?? 4,
      connect: () => this.#connect(),
      ...(options.idleCheckMs === undefined ? {} : { idleCheckMs: options.idleCheckMs }),
    });
  }

  /** The pool's current connection limit (lowered when the server answers `421`). */
  get connectionLimit(): number {
    return this.#pool.limit;
  }

  async list(folder: string, options: SourceListOptions = {}): Promise<ListingEntry[]> {
    const path = normalizePath(folder);
    const remote = this.#remote(path);
    return this.#withClient(`ftp: LIST ${remote}`, options.signal, async (client) => {
      let raw = '';
      // basic-ftp chooses MLSD when FEAT offers it, else LIST; we keep its command choice and
      // transfer handling but parse the raw text ourselves (see list-line.ts).
      client.parseList = (text: string) => {
        raw = text;
        return [];
      };
      await client.list(remote);
      const entries = parseListing(raw, path, { timeZone: this.#options.timeZone ?? DATASUS_TIME_ZONE });
      // Some servers (vsftpd) answer LIST of a missing folder with an empty listing: CWD tells.
      if (entries.length === 0) await client.cd(remote);
      return entries;
    });
  }

  async stat(path: string, options: SourceListOptions = {}): Promise<ListingEntry> {
    const normal = normalizePath(path);
    const remote = this.#remote(normal);
    const size = await this.#withClient(`ftp: SIZE ${remote}`, options.signal, async (client) => {
      try {
        return await client.size(remote);
      } catch (error) {
        // SIZE fails on folders (550) on most servers; the parent listing settles it.
        if ((error as { code?: unknown }).code === 550) return undefined;
        throw error;
      }
    });
    if (size === undefined) {
      const name = baseName(normal);
      const entry = (await this.list(parentPath(normal), options)).find((candidate) => baseName(candidate.path) === name);
      if (entry === undefined) throw new ArrowSusError('SOURCE_NOT_FOUND', `ftp: ${remote} does not exist on ${this.url} (check the path)`, { details: { path: normal } });
      return entry;
    }
    const modifiedAt = await this.#withClient(`ftp: MDTM ${remote}`, options.signal, async (client) => {
      try {
        return await client.lastMod(remote);
      } catch {
        return undefined; // MDTM is optional (RFC 3659); the size is what we verify against.
      }
    });
    return modifiedAt === undefined ? { path: normal, size, isDirectory: false } : { path: normal, size, modifiedAt, isDirectory: false };
  }

  async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    const { signal } = options;
    const offset = options.offset ?? 0;
    const remote = this.#remote(normalizePath(path));
    const what = `ftp: RETR ${remote}${offset > 0 ? ` from byte ${offset}` : ''}`;
    throwIfAborted(signal);
    const lease = await this.#acquire(what, signal);
    options.onStart?.();
    const sink = new PassThrough({ highWaterMark: HIGH_WATER_MARK });
    let finished = false;
    let failure: unknown;
    const onAbort = (): void => {
      lease.client.close(); // ends the data connection at once; the loop below then throws
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const transfer = lease.client.downloadTo(sink, remote, offset).then(
      () => {
        finished = true;
      },
      (error: unknown) => {
        failure = error;
        sink.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    try {
      try {
        for await (const chunk of sink) {
          yield chunk as Uint8Array;
          throwIfAborted(signal);
        }
        await transfer;
      } catch (error) {
        throw toSourceError(failure ?? error, what, signal);
      }
      if (failure !== undefined) throw toSourceError(failure, what, signal);
      throwIfAborted(signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // A transfer left half-way (consumer break, error, abort) leaves the control connection
      // in an unknown state: close it instead of returning it to the pool.
      this.#pool.release(lease, finished && failure === undefined);
    }
  }

  async close(): Promise<void> {
    this.#pool.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #remote(path: string): string {
    return this.#root === '/' ? path : normalizePath(`${this.#root}/${path}`);
  }

  async #connect(): Promise<Client> {
    const client = new Client(this.#options.timeoutMs ?? 30_000);
    const port = this.#options.port ?? 21;
    try {
      await client.access({
        host: this.#options.host,
        port,
        user: this.#options.user ?? 'anonymous',
        password: this.#options.password ?? 'anonymous@',
        secure: false,
      });
      return client;
    } catch (error) {
      client.close();
      throw toSourceError(error, `ftp: connect to ${this.#options.host}:${port}`);
    }
  }

  async #acquire(what: string, signal?: AbortSignal): Promise<FtpLease> {
    try {
      return await this.#pool.acquire(signal);
    } catch (error) {
      throw toSourceError(error, what, signal);
    }
  }

  async #withClient<T>(what: string, signal: AbortSignal | undefined, work: (client: Client) => Promise<T>): Promise<T> {
    const lease = await this.#acquire(what, signal);
    let healthy = false;
    const onAbort = (): void => lease.client.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await work(lease.client);
      healthy = true;
      return result;
    } catch (error) {
      // A plain negative reply (550 …) leaves the connection usable; socket errors do not.
      healthy = typeof (error as { code?: unknown }).code === 'number' && !lease.client.closed;
      throw toSourceError(error, what, signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#pool.release(lease, healthy);
    }
  }
}
