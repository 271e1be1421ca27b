/**
 * A {@link Source} decorator for download-manager tests: it serves a real source's bytes and
 * adds scripted behaviour (latency, failures with a given code, a stall after N bytes) while
 * recording what the manager asked for (offsets, concurrent transfers).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ArrowSusError, type ErrorCode } from '../../src/errors.js';
import type { ListingEntry, Source, SourceDownloadOptions, SourceListOptions } from '../../src/sources/index.js';

export interface Script {
  /** Delay before each chunk, ms. */
  chunkDelayMs?: number;
  /** Split chunks to at most this many bytes (more chunks, more progress events). */
  chunkBytes?: number;
  /** Fail the next N downloads with `code` before any byte. */
  fail?: { code: ErrorCode; times: number };
  /** On the next N downloads, deliver `bytes` bytes then go silent until aborted. */
  stall?: { bytes: number; times: number };
  /** On the next N downloads, deliver `bytes` bytes then fail with `code` (a dropped connection). */
  failAfter?: { bytes: number; code: ErrorCode; times: number };
  /** Answer resumed downloads (offset > 0) with SOURCE_NOT_FOUND, as IIS does for a REST past the end. */
  notFoundWhenResuming?: boolean;
}

export class ScriptedSource implements Source {
  readonly url: string;
  readonly offsets: Array<[string, number]> = [];
  active = 0;
  maxActive = 0;
  downloads = 0;

  constructor(
    readonly inner: Source,
    public script: Script = {},
    url?: string,
  ) {
    this.url = url ?? inner.url;
  }

  list(folder: string, options?: SourceListOptions): Promise<ListingEntry[]> {
    return this.inner.list(folder, options);
  }

  stat(path: string, options?: SourceListOptions): Promise<ListingEntry> {
    return this.inner.stat(path, options);
  }

  async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    this.downloads += 1;
    this.offsets.push([path, options.offset ?? 0]);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const fail = this.script.fail;
      if (fail !== undefined && fail.times > 0) {
        fail.times -= 1;
        await delay(1);
        throw new ArrowSusError(fail.code, `scripted ${fail.code}`);
      }
      if (this.script.notFoundWhenResuming === true && (options.offset ?? 0) > 0) throw new ArrowSusError('SOURCE_NOT_FOUND', 'scripted 550 after REST');
      const stall = this.script.stall !== undefined && this.script.stall.times > 0 ? this.script.stall : undefined;
      if (stall !== undefined) stall.times -= 1;
      const failAfter = this.script.failAfter !== undefined && this.script.failAfter.times > 0 ? this.script.failAfter : undefined;
      if (failAfter !== undefined) failAfter.times -= 1;
      let sent = 0;
      for await (const chunk of this.inner.download(path, options)) {
        const size = this.script.chunkBytes ?? chunk.byteLength;
        for (let at = 0; at < chunk.byteLength; at += size) {
          if (this.script.chunkDelayMs !== undefined) await delay(this.script.chunkDelayMs);
          let part = chunk.subarray(at, at + size);
          if (stall !== undefined && sent + part.byteLength >= stall.bytes) {
            part = part.subarray(0, stall.bytes - sent);
            if (part.byteLength > 0) yield part;
            // Silent until the consumer gives up, like a server holding an idle data connection.
            await new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(new ArrowSusError('ABORTED', 'stalled transfer aborted')), { once: true }));
          }
          if (failAfter !== undefined && sent + part.byteLength >= failAfter.bytes) {
            part = part.subarray(0, failAfter.bytes - sent);
            if (part.byteLength > 0) yield part;
            throw new ArrowSusError(failAfter.code, `scripted ${failAfter.code} after ${failAfter.bytes} bytes`);
          }
          sent += part.byteLength;
          yield part;
        }
      }
    } finally {
      this.active -= 1;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
