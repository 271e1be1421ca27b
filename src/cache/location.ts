/**
 * Where the cache lives: `--cache-dir`, then `ARROW_SUS_CACHE_DIR`, then the platform's user
 * cache folder (XDG on Linux: `$XDG_CACHE_HOME/arrow-sus` or `~/.cache/arrow-sus`).
 *
 * @module
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Inputs of {@link resolveCacheDir}; all optional, the process environment is the default. */
export interface CacheDirOptions {
  /** An explicit folder (the CLI's `--cache-dir`). */
  readonly cacheDir?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * Resolves the cache folder.
 *
 * @example
 * ```ts
 * resolveCacheDir({ env: { XDG_CACHE_HOME: '/c' }, platform: 'linux' }); // '/c/arrow-sus'
 * ```
 */
export function resolveCacheDir(options: CacheDirOptions = {}): string {
  const env = options.env ?? process.env;
  if (options.cacheDir !== undefined && options.cacheDir !== '') return resolve(options.cacheDir);
  const fromEnv = env['ARROW_SUS_CACHE_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  const home = options.home ?? homedir();
  switch (options.platform ?? process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Caches', 'arrow-sus');
    case 'win32':
      return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'arrow-sus', 'Cache');
    default: {
      const xdg = env['XDG_CACHE_HOME'];
      // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
      return xdg !== undefined && xdg.startsWith('/') ? join(xdg, 'arrow-sus') : join(home, '.cache', 'arrow-sus');
    }
  }
}
