import type { Command } from 'commander';
import { registerInsightCommands } from './import.js';
import { registerMigrate } from './migrate.js';
import { registerSeedDemo } from './seed-demo.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';

/** Every `shoreline` subcommand. A module's CLI adds one register function here. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerMigrate(program);
  registerSeedDemo(program);
  registerUser(program);
  registerInsightCommands(program);
}
