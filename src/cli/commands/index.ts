/**
 * Every command of the CLI, in the order `--help` lists them. Add one line per new command.
 *
 * @module
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers one command on the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** All commands. */
export const COMMANDS: readonly RegisterCommand[] = [
];
