/**
 * A fallback chain of sources (`chainSources([ftp, mirror])`): each operation tries the next
 * source when one cannot be reached, is busy, times out, or lacks the path.
 *
 * The download manager knows chains (see {@link ChainSource.sources}): it verifies each file
 * (size, DBC CRC-32) and moves on to the next source when one keeps serving bad bytes, so a
 * damaged mirror copy is replaced by a good one instead of failing the run.
 *
 * @module
 */
import { ArrowSusError, type ErrorCode } from '../errors.js';
import type { ListingEntry, Source, SourceDownloadOptions, SourceListOptions } from './source.js';

/**
 * Errors after which the next source in a chain is tried.
 *
 * @example
 * ```ts
 * FALLBACK_CODES.has('SOURCE_BUSY'); // true
 * ```
 */
export const FALLBACK_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SOURCE_CONNECTION_FAILED',
  'SOURCE_BUSY',
  'SOURCE_TIMEOUT',
  'SOURCE_NOT_FOUND',
  'SOURCE_AUTH_FAILED',
  'SOURCE_PROTOCOL_ERROR',
]);

function canFallBack(error: unknown): boolean {
  return ArrowSusError.is(error) && FALLBACK_CODES.has(error.code);
}

/** Picks the error to report when every source failed: not-found only if all said so. */
function combine(errors: unknown[], what: string): unknown {
  const typed = errors.filter((error): error is ArrowSusError => ArrowSusError.is(error));
  if (typed.length === errors.length && typed.every((error) => error.code === 'SOURCE_NOT_FOUND')) return typed[0];
  const relevant = typed.find((error) => error.code !== 'SOURCE_NOT_FOUND') ?? errors[0];
  if (!ArrowSusError.is(relevant)) return relevant;
  return new ArrowSusError(relevant.code, `sources: every source failed for ${what}; first: ${relevant.message}`, {
    cause: relevant,
    details: { attempts: typed.map((error) => ({ code: error.code, message: error.message })) },
  });
}

/**
 * A {@link Source} that delegates to a list of sources in order.
 *
 * @example
 * ```ts
 * const chain = new ChainSource([new FtpSource({ host: 'ftp.datasus.gov.br' }), new HttpSource({ url: 'https://mirror.example.org' })]);
 * ```
 */
export class ChainSource implements Source {
  readonly url: string;
  /** The member sources, in the order they are tried. */
  readonly sources: readonly Source[];

  constructor(sources: readonly Source[]) {
    if (sources.length === 0) throw new ArrowSusError('INVALID_ARGUMENT', 'sources: a chain needs at least one source');
    this.sources = [...sources];
    this.url = this.sources.map((source) => source.url).join(' | ');
  }

  async list(folder: string, options: SourceListOptions = {}): Promise<ListingEntry[]> {
    return this.#first(`list ${folder}`, (source) => source.list(folder, options));
  }

  async stat(path: string, options: SourceListOptions = {}): Promise<ListingEntry> {
    return this.#first(`stat ${path}`, (source) => source.stat(path, options));
  }

  /** Falls back only before the first byte; a failure mid-file is thrown so the caller resumes. */
  async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    const errors: unknown[] = [];
    for (const source of this.sources) {
      let yielded = false;
      try {
        for await (const chunk of source.download(path, options)) {
          yielded = true;
          yield chunk;
        }
        return;
      } catch (error) {
        if (yielded || !canFallBack(error)) throw error;
        errors.push(error);
      }
    }
    throw combine(errors, `download ${path}`);
  }

  async close(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #first<T>(what: string, work: (source: Source) => Promise<T>): Promise<T> {
    const errors: unknown[] = [];
    for (const source of this.sources) {
      try {
        return await work(source);
      } catch (error) {
        if (!canFallBack(error)) throw error;
        errors.push(error);
      }
    }
    throw combine(errors, what);
  }
}

/**
 * Builds a fallback chain; a single source is returned as is.
 *
 * @example
 * ```ts
 * await using source = chainSources([openSource('ftp://ftp.datasus.gov.br'), openSource('https://mirror.example.org/datasus')]);
 * ```
 */
export function chainSources(sources: readonly Source[]): Source {
  if (sources.length === 1 && sources[0] !== undefined) return sources[0];
  return new ChainSource(sources);
}

/**
 * The sources the download manager tries for each file: a chain's members, or the source itself.
 *
 * @example
 * ```ts
 * sourceCandidates(chainSources([a, b])); // [a, b]
 * ```
 */
export function sourceCandidates(source: Source): readonly Source[] {
  return source instanceof ChainSource ? source.sources : [source];
}
