/**
 * Cache keys: one entry per (remote path, size, modification time, decoder version). A file that
 * DataSUS republishes gets a new size or time, hence a new key, and is fetched again; a change in
 * how we decode bumps {@link DECODER_VERSION} and invalidates every entry at once.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * Version of the decoded output (types, trimming, null rules). Bump it whenever the same DBC
 * would decode to different Arrow data.
 */
export const DECODER_VERSION = 1;

/** What identifies a remote file's content for caching. */
export interface RemoteFileIdentity {
  /** Path on the source, e.g. `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`. */
  readonly path: string;
  readonly size: number;
  /** Modification time as listed by the server (ISO 8601), when it gives one. */
  readonly modifiedAt?: string | undefined;
}

/**
 * The cache key of a remote file: a hex SHA-256 prefix over its identity and the decoder version.
 * Paths compare case-insensitively because the DataSUS server does (`.dbc` and `.DBC`).
 *
 * @example
 * ```ts
 * cacheKey({ path: '/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc', size: 81234, modifiedAt: '2024-02-01T10:00:00.000Z' });
 * ```
 */
export function cacheKey(file: RemoteFileIdentity, decoderVersion: number = DECODER_VERSION): string {
  const identity = JSON.stringify([file.path.toLowerCase(), file.size, file.modifiedAt ?? null, decoderVersion]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
