/**
 * Cross-process lock files, so two processes that want the same cache entry download and decode
 * it once: the first creates `<entry>.lock` exclusively and refreshes its modification time
 * while it works (a heartbeat); the others wait. A lock whose holder died (same host, process
 * gone) or whose heartbeat stopped for `staleMs` is taken over.
 *
 * @module
 */
import { hostname } from 'node:os';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { ArrowSusError, throwIfAborted } from '../errors.js';

/** Options for {@link acquireLock}. */
export interface LockOptions {
  readonly signal?: AbortSignal;
  /** A lock not refreshed for this long is abandoned (default 120 s; the holder refreshes every third of it). */
  readonly staleMs?: number;
  /** Give up waiting after this long with `CACHE_LOCKED` (default 30 min). */
  readonly timeoutMs?: number;
  /** Called once when the lock is held by someone else and we start waiting. */
  readonly onWait?: () => void;
}

/** A held lock. Release it (or `await using`) when done. */
export interface HeldLock {
  release(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

const HOST = hostname();

/**
 * Takes the lock at `path`, waiting while another live process holds it.
 *
 * @example
 * ```ts
 * await using lock = await acquireLock(`${entryPath}.lock`);
 * // … produce the entry …
 * ```
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const staleMs = options.staleMs ?? 120_000;
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let waited = false;
  let delay = 25;
  while (true) {
    throwIfAborted(options.signal);
    const held = await tryCreate(path, staleMs);
    if (held !== undefined) return held;
    if (await isAbandoned(path, staleMs)) {
      await rm(path, { force: true });
      continue;
    }
    if (!waited) {
      waited = true;
      options.onWait?.();
    }
    if (Date.now() > deadline) {
      throw new ArrowSusError('CACHE_LOCKED', `cache: ${path} stayed locked by another process; remove it if no arrow-sus is running`, {
        details: { path },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}

async function tryCreate(path: string, staleMs: number): Promise<HeldLock | undefined> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new ArrowSusError('FILE_IO', `cache: cannot create lock ${path}: ${(error as Error).message}`, { cause: error });
  }
  const owner: LockOwner = { pid: process.pid, host: HOST };
  await handle.writeFile(JSON.stringify(owner));
  await handle.close();
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, Math.max(10, Math.floor(staleMs / 3)));
  heartbeat.unref();
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    await rm(path, { force: true });
  };
  return { release, [Symbol.asyncDispose]: release };
}

async function isAbandoned(path: string, staleMs: number): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(text) as LockOwner;
    } catch {
      // Being written right now: not abandoned unless it is also old.
    }
    if (owner !== undefined && owner.host === HOST && !isAlive(owner.pid)) return true;
    return Date.now() - info.mtimeMs > staleMs;
  } catch {
    return false; // Gone already: the next attempt creates it.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
