/**
 * Maps Node file-system errors to registry codes.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/**
 * Wraps a Node `fs` error in an {@link ArrowSusError}: `ENOENT` → `FILE_NOT_FOUND`,
 * `ENOSPC`/`EDQUOT` → `DISK_FULL`, anything else → `FILE_IO`. Our own errors pass through.
 *
 * @example
 * ```ts
 * try { await open(path); } catch (error) { throw fileError(error, path, 'read'); }
 * ```
 */
export function fileError(error: unknown, path: string, action: 'read' | 'write'): ArrowSusError {
  if (ArrowSusError.is(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return new ArrowSusError('FILE_NOT_FOUND', `io: no such file: ${path}`, { cause: error, details: { path } });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ArrowSusError('DISK_FULL', `io: disk full while writing ${path} (free space and run again)`, {
      cause: error,
      details: { path },
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ArrowSusError('FILE_IO', `io: cannot ${action} ${path}: ${reason}`, { cause: error, details: { path, errno: code } });
}
