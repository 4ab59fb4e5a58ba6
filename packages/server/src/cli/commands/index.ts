import type { Command } from 'commander';
import { modules } from '../../modules.js';
import type { CliContext } from '../../platform/module.js';
import { cliSession } from '../session.js';
import { registerMigrate } from './migrate.js';
import { registerSeedDemo } from './seed-demo.js';
import { registerServe } from './serve.js';

/**
 * Every `shoreline` subcommand: the binary's own (serve, migrate, seed-demo), then each module's
 * `cli`, in the order of src/modules.ts. A module adds commands in its own `cli`, not here.
 */
export function registerCommands(program: Command, cli: CliContext = cliSession): void {
  registerServe(program);
  registerMigrate(program, cli);
  registerSeedDemo(program, cli);
  for (const module of modules) module.cli?.(program, cli);
}
