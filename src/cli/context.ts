/**
 * What a command sees of the outside world: its streams and environment. Tests pass their own.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';

/** Streams and environment a command runs with. */
export interface CliContext {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Fires on Ctrl-C (SIGINT) in the real process; tests may abort it themselves. */
  readonly signal: AbortSignal;
}

/**
 * Writes one line to a stream, waiting for the stream to drain when its buffer is full.
 *
 * @example
 * ```ts
 * await writeLine(ctx.stdout, JSON.stringify(row));
 * ```
 */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) {
    await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}
