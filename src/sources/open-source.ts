/**
 * `openSource(url)`: one entry point from a URL (`--source`, `ARROW_SUS_SOURCE`) to a
 * {@link Source}.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { ArrowSusError } from '../errors.js';
import { chainSources } from './chain-source.js';
import { FtpSource, type FtpSourceOptions } from './ftp-source.js';
import { HttpSource, type HttpSourceOptions } from './http-source.js';
import { LocalSource } from './local-source.js';
import type { Source } from './source.js';

/**
 * The DataSUS FTP server: the source used when nothing else is configured.
 *
 * @example
 * ```ts
 * openSource(DEFAULT_SOURCE_URL); // the DataSUS FTP server
 * ```
 */
export const DEFAULT_SOURCE_URL = 'ftp://ftp.datasus.gov.br';

/**
 * Environment variable holding the default source URL(s).
 *
 * @example
 * ```ts
 * process.env[SOURCE_ENV_VAR] = 'file:///data/datasus';
 * ```
 */
export const SOURCE_ENV_VAR = 'ARROW_SUS_SOURCE';

/**
 * Options of {@link openSource}, passed on to the source it builds.
 *
 * @example
 * ```ts
 * openSource('ftp://ftp.datasus.gov.br', { connections: 2, timeoutMs: 60_000 });
 * ```
 */
export interface OpenSourceOptions {
  /** FTP connections (pool size). Default 4. */
  readonly connections?: number;
  /** Connect / reply timeout, ms. Default 30 000. */
  readonly timeoutMs?: number;
  /** Time zone of listing times (FTP `LIST`, autoindex pages). Defaults per protocol. */
  readonly timeZone?: string;
}

function openOne(text: string, options: OpenSourceOptions): Source {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ArrowSusError('SOURCE_INVALID_URL', `sources: ${JSON.stringify(text)} is not a URL (use ftp://host, https://host/path or file:///dir)`, { cause: error });
  }
  switch (url.protocol) {
    case 'ftp:': {
      if (url.hostname === '') throw new ArrowSusError('SOURCE_INVALID_URL', `sources: ${text} has no host`);
      const port = url.port === '' ? 21 : Number(url.port);
      const ftp: FtpSourceOptions = {
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        root: decodeURIComponent(url.pathname || '/'),
        ...(url.username === '' ? {} : { user: decodeURIComponent(url.username) }),
        ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
        ...(options.connections === undefined ? {} : { connections: options.connections }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      };
      return new FtpSource(ftp);
    }
    case 'http:':
    case 'https:': {
      const http: HttpSourceOptions = {
        url: url.href,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      };
      return new HttpSource(http);
    }
    case 'file:': {
      if (url.host !== '' && url.host !== 'localhost') throw new ArrowSusError('SOURCE_INVALID_URL', `sources: ${text}: file URLs must be local (file:///dir)`);
      return new LocalSource({ root: fileURLToPath(url) });
    }
    default:
      throw new ArrowSusError('SOURCE_INVALID_URL', `sources: unsupported scheme ${url.protocol} in ${text} (use ftp:, http:, https: or file:)`);
  }
}

/**
 * Opens a source from a URL: `ftp://[user:pass@]host[:port][/root]`, `http(s)://host/root`,
 * or `file:///dir`. The URL names the root under which `/dissemin/publicos/…` lives. Several
 * URLs separated by spaces or commas make a fallback chain tried in order. Without a URL, the
 * `ARROW_SUS_SOURCE` environment variable is used, else `ftp://ftp.datasus.gov.br`.
 *
 * @example
 * ```ts
 * await using source = openSource('ftp://ftp.datasus.gov.br, https://mirror.example.org/datasus');
 * const entries = await source.list('/dissemin/publicos/SIM/CID10/DORES');
 * ```
 */
export function openSource(url?: string, options: OpenSourceOptions = {}, env: Readonly<Record<string, string | undefined>> = process.env): Source {
  const text = (url ?? env[SOURCE_ENV_VAR] ?? DEFAULT_SOURCE_URL).trim();
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new ArrowSusError('SOURCE_INVALID_URL', 'sources: empty source URL');
  return chainSources(parts.map((part) => openOne(part, options)));
}
