/**
 * Every command of the CLI, in the order `--help` lists them. Add one line per new command.
 *
 * @module
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCatalog } from './catalog.js';
import { registerDescribe } from './describe.js';
import { registerSystems } from './systems.js';
import { registerConvert } from './convert.js';
import { registerDbc2dbf } from './dbc2dbf.js';
import { registerDbf2dbc } from './dbf2dbc.js';
import { registerInspect } from './inspect.js';
import { registerFetch } from './fetch.js';
import { registerLs } from './ls.js';
import { registerDownload } from './download.js';
import { registerCache } from './cache.js';
import { registerValidate } from './validate.js';
import { registerQuery } from './query.js';
import { registerSql } from './sql.js';

/** Registers one command on the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** All commands. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerSystems,
  registerDescribe,
  registerCatalog,
  registerLs,
  registerDownload,
  registerFetch,
  registerCache,
  registerInspect,
  registerConvert,
  registerDbc2dbf,
  registerDbf2dbc,
  registerValidate,
  registerQuery,
  registerSql,
];
