/**
 * The output formats and how a path or an option picks one. Kept apart from the encoders (and
 * apache-arrow) so the command line can describe and check its options without loading them.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/** Output formats. `arrow` is the IPC file format (`.arrow`), `arrows` the IPC stream format. */
export type OutputFormat = 'parquet' | 'arrow' | 'arrows' | 'csv' | 'ndjson';

/** Every output format, for option validation and help texts. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['parquet', 'arrow', 'arrows', 'csv', 'ndjson'];

/**
 * The format implied by an output path's extension, if any.
 *
 * @example
 * ```ts
 * formatFromPath('deaths.parquet'); // 'parquet'
 * ```
 */
export function formatFromPath(path: string): OutputFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  if (lower.endsWith('.arrow') || lower.endsWith('.feather') || lower.endsWith('.ipc')) return 'arrow';
  if (lower.endsWith('.arrows')) return 'arrows';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}

/**
 * Resolves the output format from an explicit choice and the path (`-` is standard output, where
 * `arrow` means the stream format since pipes cannot hold the file format's footer usefully).
 * Throws `INVALID_ARGUMENT` when neither says.
 *
 * @example
 * ```ts
 * resolveOutputFormat(undefined, 'out.csv'); // 'csv'
 * resolveOutputFormat('arrow', '-'); // 'arrows'
 * ```
 */
export function resolveOutputFormat(format: string | undefined, path: string): OutputFormat {
  if (format !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new ArrowSusError('INVALID_ARGUMENT', `output: unknown format "${format}" (choose ${OUTPUT_FORMATS.join(', ')})`);
  }
  const chosen = (format as OutputFormat | undefined) ?? (path === '-' ? undefined : formatFromPath(path));
  if (chosen === undefined) {
    throw new ArrowSusError('INVALID_ARGUMENT', `output: cannot tell the format of "${path}"; add -f ${OUTPUT_FORMATS.join('|')}`);
  }
  return path === '-' && chosen === 'arrow' ? 'arrows' : chosen;
}

