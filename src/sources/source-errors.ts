/**
 * Maps transport failures (socket errors, FTP reply codes, HTTP statuses) to `ArrowSusError`
 * codes, so the download manager can decide on retries from `retryable` alone.
 *
 * @module
 */
import { ArrowSusError, type ErrorCode } from '../errors.js';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function errorCodeOf(error: unknown): string | number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') return code;
  return undefined;
}

/**
 * Classifies an FTP reply code: 421 → busy, 530 → login refused, 550/553 → not found,
 * other 4xx (425 no data connection, 426 transfer aborted, 450 file busy, 451) → transient
 * (retry), other 5xx → protocol error.
 *
 * @example
 * ```ts
 * ftpReplyToCode(421); // 'SOURCE_BUSY'
 * ```
 */
export function ftpReplyToCode(reply: number): ErrorCode {
  if (reply === 421) return 'SOURCE_BUSY';
  if (reply === 530 || reply === 331 || reply === 332) return 'SOURCE_AUTH_FAILED';
  // 450 is "file unavailable (busy)": transient, so it falls to the 4xx rule below.
  if (reply === 550 || reply === 553) return 'SOURCE_NOT_FOUND';
  if (reply >= 400 && reply < 500) return 'SOURCE_CONNECTION_FAILED';
  return 'SOURCE_PROTOCOL_ERROR';
}

/**
 * Turns any error thrown by a transport into an `ArrowSusError` (kept as is when it already is
 * one). `what` names the operation and target for the message.
 *
 * @example
 * ```ts
 * throw toSourceError(err, 'ftp: RETR /dissemin/publicos/SIM/DOAC2022.dbc');
 * ```
 */
export function toSourceError(error: unknown, what: string, signal?: AbortSignal): ArrowSusError {
  if (ArrowSusError.is(error)) return error;
  if (signal?.aborted === true) return new ArrowSusError('ABORTED', `${what}: aborted by the caller`, { cause: error });
  const code = errorCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'number' && code >= 100 && code < 600) {
    const mapped = ftpReplyToCode(code);
    const advice =
      mapped === 'SOURCE_BUSY'
        ? 'server busy or connection limit reached; retry later or use fewer connections'
        : mapped === 'SOURCE_NOT_FOUND'
          ? 'check the path; DataSUS republishes and renames files'
          : mapped === 'SOURCE_AUTH_FAILED'
            ? 'check the user and password in the source URL'
            : 'retry later';
    return new ArrowSusError(mapped, `${what}: server replied ${message.trim()} (${advice})`, { cause: error, details: { reply: code } });
  }
  if (typeof code === 'string' && (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT')) {
    return new ArrowSusError('SOURCE_TIMEOUT', `${what}: timed out (${message}; retry later)`, { cause: error });
  }
  if (/timeout/i.test(message) || (error instanceof Error && error.name === 'TimeoutError')) {
    return new ArrowSusError('SOURCE_TIMEOUT', `${what}: timed out (${message}; retry later)`, { cause: error });
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
    return new ArrowSusError('SOURCE_CONNECTION_FAILED', `${what}: connection failed (${code}: ${message}; retry later)`, { cause: error });
  }
  const causeCode = errorCodeOf((error as { cause?: unknown } | null)?.cause);
  if (typeof causeCode === 'string' && CONNECTION_CODES.has(causeCode)) {
    return new ArrowSusError('SOURCE_CONNECTION_FAILED', `${what}: connection failed (${causeCode}; retry later)`, { cause: error });
  }
  if (/closed|FIN packet|socket hang up|terminated|premature/i.test(message) || (error instanceof TypeError && /fetch failed/i.test(message))) {
    return new ArrowSusError('SOURCE_CONNECTION_FAILED', `${what}: connection dropped (${message}; retry later)`, { cause: error });
  }
  return new ArrowSusError('SOURCE_PROTOCOL_ERROR', `${what}: unexpected failure (${message})`, { cause: error });
}
