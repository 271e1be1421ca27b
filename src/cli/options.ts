/**
 * Parsers for option values shared by several commands. They throw `INVALID_ARGUMENT`, which the
 * CLI reports with exit code 2.
 *
 * @module
 */
import { DBF_ENCODINGS, type DbfEncoding } from '../dbf/codec.js';
import { ArrowSusError } from '../errors.js';

/**
 * Splits `A,B , C` into `['A', 'B', 'C']`.
 *
 * @example
 * ```ts
 * parseList('UF_ZI, IDADE'); // ['UF_ZI', 'IDADE']
 * ```
 */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A positive integer option.
 *
 * @example
 * ```ts
 * parsePositiveInt('65536', '--batch-rows'); // 65536
 * ```
 */
export function parsePositiveInt(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new ArrowSusError('INVALID_ARGUMENT', `${name} must be a positive integer (got "${value}")`);
  }
  return number;
}

/**
 * A text encoding for DBF `C` fields, or `auto` (guessed from a sample of the records: several
 * DataSUS tables are CP850 whatever their header's code-page byte says).
 *
 * @example
 * ```ts
 * parseEncoding('cp850'); // 'cp850'
 * ```
 */
export function parseEncoding(value: string): DbfEncoding | 'auto' {
  const lower = value.toLowerCase();
  if (lower !== 'auto' && !(DBF_ENCODINGS as readonly string[]).includes(lower)) {
    throw new ArrowSusError('INVALID_ARGUMENT', `--encoding must be one of ${DBF_ENCODINGS.join(', ')}, auto (got "${value}")`);
  }
  return lower as DbfEncoding | 'auto';
}

/**
 * Renders an error for stderr, the CLI's one format: `arrow-sus: CODE: message`.
 *
 * @example
 * ```ts
 * ctx.stderr.write(formatError(error));
 * ```
 */
export function formatError(error: unknown): string {
  if (ArrowSusError.is(error)) return `arrow-sus: ${error.code}: ${error.message}\n`;
  return `arrow-sus: INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`;
}

/**
 * Makes any thrown value an {@link ArrowSusError} (unknown failures become `INTERNAL`).
 *
 * @example
 * ```ts
 * const typed = asTyped(error);
 * ```
 */
export function asTyped(error: unknown): ArrowSusError {
  if (ArrowSusError.is(error)) return error;
  return new ArrowSusError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
}
