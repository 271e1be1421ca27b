/**
 * Runs the command line without touching `process`: the testable entry point.
 *
 * @module
 */
import { CommanderError } from 'commander';
import { ArrowSusError } from '../errors.js';
import type { CliContext } from './context.js';
import { buildProgram } from './program.js';

/**
 * Exit codes. Stable: scripts depend on them.
 * 0 success, 1 runtime failure, 2 usage error, 3 data incomplete (some requested files missing or failed),
 * 130 interrupted.
 */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, INCOMPLETE: 3, INTERRUPTED: 130 } as const;

/**
 * Thrown by a command that wants a specific exit code after it already printed its output
 * (e.g. a completeness report with missing files).
 */
export class ExitRequest extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * Runs one command line and resolves to its exit code. Errors are printed to `ctx.stderr` as
 * `arrow-sus: CODE: message`.
 *
 * @example
 * ```ts
 * const code = await runCommand(['inspect', 'file.dbc', '--json'], ctx);
 * ```
 */
export async function runCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    return reportError(error, ctx);
  }
}

function reportError(error: unknown, ctx: CliContext): number {
  if (error instanceof ExitRequest) return error.exitCode;
  if (error instanceof CommanderError) {
    // Help and version output end in a "success" CommanderError.
    if (error.exitCode === 0) return EXIT.OK;
    return EXIT.USAGE;
  }
  if (ArrowSusError.is(error)) {
    ctx.stderr.write(`arrow-sus: ${error.code}: ${error.message}\n`);
    if (error.code === 'ABORTED') return EXIT.INTERRUPTED;
    if (error.code === 'INVALID_ARGUMENT' || error.code === 'PREDICATE_INVALID') return EXIT.USAGE;
    return EXIT.FAILURE;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(`arrow-sus: INTERNAL: ${message}\n`);
  return EXIT.FAILURE;
}
