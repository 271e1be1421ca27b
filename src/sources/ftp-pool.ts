/**
 * A bounded pool of FTP control connections (basic-ftp `Client`s): one transfer per
 * connection at a time, connections reused across files, checked with `NOOP` after idling,
 * and replaced when they break.
 *
 * When the server refuses a new connection with `421` (DataSUS limits connections per
 * address) while others are open, the pool lowers its own limit to what the server accepts and
 * queues work on the open connections instead of failing.
 *
 * @module
 */
import type { Client } from 'basic-ftp';
import { ArrowSusError, throwIfAborted } from '../errors.js';

/**
 * One borrowed connection. Give it back with {@link FtpPool.release}.
 *
 * @example
 * ```ts
 * const lease: FtpLease = await pool.acquire();
 * ```
 */
export interface FtpLease {
  readonly client: Client;
}

interface Idle {
  readonly client: Client;
  readonly since: number;
}

/**
 * Options of {@link FtpPool}.
 *
 * @example
 * ```ts
 * const pool = new FtpPool({ size: 4, connect: openClient, idleCheckMs: 10_000 });
 * ```
 */
export interface FtpPoolOptions {
  /** Upper bound of open connections. */
  readonly size: number;
  /** Opens and logs in a new connection. */
  readonly connect: () => Promise<Client>;
  /** A connection idle for longer than this is checked with `NOOP` before reuse (ms). Default 10 000. */
  readonly idleCheckMs?: number;
}

/**
 * A bounded connection pool.
 *
 * @example
 * ```ts
 * const pool = new FtpPool({ size: 4, connect: () => connectClient(options) });
 * const lease = await pool.acquire();
 * try { await lease.client.size('/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc'); pool.release(lease, true); }
 * catch (error) { pool.release(lease, false); throw error; }
 * ```
 */
export class FtpPool {
  #limit: number;
  #open = 0;
  #connecting = 0;
  readonly #idle: Idle[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly #options: FtpPoolOptions;
  #closed = false;

  constructor(options: FtpPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new ArrowSusError('INVALID_ARGUMENT', `ftp: pool size must be a positive integer, got ${options.size}`);
    }
    this.#options = options;
    this.#limit = options.size;
  }

  /** Current upper bound (lowered when the server refuses connections). */
  get limit(): number {
    return this.#limit;
  }

  /** Connections currently open (idle or leased). */
  get open(): number {
    return this.#open;
  }

  /** Borrows a connection, opening one if below the limit, else waiting for a release. */
  async acquire(signal?: AbortSignal): Promise<FtpLease> {
    for (;;) {
      throwIfAborted(signal);
      if (this.#closed) throw new ArrowSusError('SOURCE_CONNECTION_FAILED', 'ftp: the source is closed');
      const idle = this.#idle.pop();
      if (idle !== undefined) {
        if (idle.client.closed) {
          this.#open -= 1;
          continue;
        }
        if (Date.now() - idle.since > (this.#options.idleCheckMs ?? 10_000)) {
          try {
            await idle.client.send('NOOP');
          } catch {
            // A connection the server timed out: replace it rather than fail the caller.
            idle.client.close();
            this.#open -= 1;
            continue;
          }
        }
        return { client: idle.client };
      }
      if (this.#open + this.#connecting < this.#limit) {
        this.#connecting += 1;
        try {
          const client = await this.#options.connect();
          this.#open += 1;
          return { client };
        } catch (error) {
          const others = this.#open + this.#connecting - 1;
          if (ArrowSusError.is(error, 'SOURCE_BUSY') && others > 0) {
            // The server's per-address limit is below ours: live with the connections we have
            // (or are opening) and queue behind them. The limit never grows back in this pool.
            // Back to the top: take an idle connection if one is free by now, else wait for a
            // release (someone holds a lease or is connecting, since others > 0).
            this.#limit = Math.max(1, others);
            continue;
          }
          // Let a waiter try in our place (it may succeed, or fail with its own error).
          this.#waiters.shift()?.();
          throw error;
        } finally {
          this.#connecting -= 1;
        }
      }
      await this.#wait(signal);
    }
  }

  /** Returns a connection; `healthy: false` closes it (after an error or an aborted transfer). */
  release(lease: FtpLease, healthy: boolean): void {
    if (healthy && !this.#closed && !lease.client.closed) {
      this.#idle.push({ client: lease.client, since: Date.now() });
    } else {
      lease.client.close();
      this.#open -= 1;
    }
    this.#waiters.shift()?.();
  }

  /** Closes every idle connection and refuses new work; leased ones close on release. */
  close(): void {
    this.#closed = true;
    for (const idle of this.#idle.splice(0)) {
      idle.client.close();
      this.#open -= 1;
    }
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(wake);
        if (index >= 0) this.#waiters.splice(index, 1);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(wake);
    });
  }
}
