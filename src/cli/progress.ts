/**
 * A multi-line progress display on stderr: redrawn in place at most ten times a second when
 * stderr is a terminal, silent otherwise (logs and pipes get only the closing summary).
 *
 * @module
 */
import type { Writable } from 'node:stream';

/** Formats a byte count: `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** Formats seconds as `1m05s` or `42s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

/**
 * Renders lines in place. `update` replaces the block; `done` leaves it on screen.
 *
 * @example
 * ```ts
 * const display = new ProgressDisplay(process.stderr);
 * display.update(['files 3/20', 'bytes 12 MB / 80 MB']);
 * display.done();
 * ```
 */
export class ProgressDisplay {
  readonly #stream: Writable & { isTTY?: boolean };
  readonly #enabled: boolean;
  #lines = 0;
  #last = 0;
  #pending: readonly string[] | undefined;

  constructor(stream: Writable & { isTTY?: boolean }, options: { enabled?: boolean } = {}) {
    this.#stream = stream;
    this.#enabled = options.enabled ?? stream.isTTY === true;
  }

  /** Whether anything is drawn. */
  get enabled(): boolean {
    return this.#enabled;
  }

  update(lines: readonly string[], force = false): void {
    if (!this.#enabled) return;
    this.#pending = lines;
    const now = Date.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    this.#draw();
  }

  #draw(): void {
    if (this.#pending === undefined) return;
    const up = this.#lines > 0 ? `\x1b[${this.#lines}F` : '';
    this.#stream.write(`${up}${this.#pending.map((line) => `\x1b[2K${line}`).join('\n')}\n`);
    this.#lines = this.#pending.length;
    this.#pending = undefined;
  }

  /** Draws the last state and stops updating in place. */
  done(): void {
    if (!this.#enabled) return;
    this.#draw();
    this.#lines = 0;
  }
}
