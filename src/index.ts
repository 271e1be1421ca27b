/**
 * arrow-sus: Brazil's public health microdata (DataSUS) as Apache Arrow.
 *
 * Re-exports only; each capability lives in its own folder.
 *
 * @module
 */
export { ArrowSusError, ERROR_CODES, throwIfAborted } from './errors.js';
export type { ErrorCode, ErrorCodeInfo, ArrowSusErrorOptions } from './errors.js';
