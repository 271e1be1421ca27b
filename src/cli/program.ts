/**
 * The command tree. Each command lives in `commands/<name>.ts` and registers itself here.
 *
 * @module
 */
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { COMMANDS } from './commands/index.js';

/** Version printed by `arrow-sus --version`. */
export const VERSION = '0.1.0';

/**
 * Builds the commander program for one run. Commands write through `ctx`, never to `process`.
 *
 * @example
 * ```ts
 * const program = buildProgram(ctx);
 * await program.parseAsync(['inspect', 'DOAC2022.dbc', '--json'], { from: 'user' });
 * ```
 */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('arrow-sus')
    .description("Brazil's public health microdata (DataSUS) as Apache Arrow, Parquet and SQL")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .showHelpAfterError(false);
  for (const register of COMMANDS) register(program, ctx);
  return program;
}
