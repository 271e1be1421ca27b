/**
 * Durations in options: `90s`, `30m`, `6h`, `7d`, `2w`.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parses a duration into milliseconds.
 *
 * @example
 * ```ts
 * parseDuration('7d', '--older-than'); // 604800000
 * ```
 */
export function parseDuration(text: string, name: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i.exec(text);
  if (match === null) throw new ArrowSusError('INVALID_ARGUMENT', `${name} must be a duration such as 30m, 6h or 7d (got "${text}")`);
  return Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!);
}
