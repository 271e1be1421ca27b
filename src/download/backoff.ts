/**
 * Retry timing: exponential backoff with jitter, and an abortable sleep.
 *
 * @module
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ArrowSusError } from '../errors.js';

/**
 * Options of {@link backoffDelay}.
 *
 * @example
 * ```ts
 * const options: BackoffOptions = { baseMs: 250, maxMs: 10_000 };
 * ```
 */
export interface BackoffOptions {
  /** Delay before the first retry, ms. Default 500. */
  readonly baseMs?: number;
  /** Upper bound of any delay, ms. Default 30 000. */
  readonly maxMs?: number;
  /** Uniform random numbers in [0, 1) for the jitter. Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Delay before retry number `attempt` (1-based): `base · 2^(attempt−1)`, capped, then scaled by
 * a random factor in [0.5, 1) ("equal jitter") so that many clients failing together — e.g.
 * when the DataSUS server drops everyone at once — do not come back in lockstep.
 *
 * @example
 * ```ts
 * backoffDelay(3, { baseMs: 100, random: () => 0 }); // 200 (= 100·2² · 0.5)
 * ```
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const factor = 0.5 + 0.5 * (options.random ?? Math.random)();
  return Math.round(raw * factor);
}

/**
 * Waits `ms`, throwing `ABORTED` when the signal fires first.
 *
 * @example
 * ```ts
 * await sleep(backoffDelay(1), { signal });
 * ```
 */
export async function sleep(ms: number, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
  try {
    await delay(ms, undefined, options.signal === undefined ? {} : { signal: options.signal });
  } catch (error) {
    throw new ArrowSusError('ABORTED', 'download: aborted by the caller while waiting to retry', { cause: error });
  }
}
