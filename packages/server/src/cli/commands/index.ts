import type { Command } from 'commander';
import { registerSimulate } from './simulate.js';
import { registerStaff } from './staff.js';

type Register = (program: Command) => void;

// `staff` and `simulate` are pure computation and must start in milliseconds, so the commands that
// need the server (database drivers, the HTTP stack: about a second of imports) are loaded only when
// the invocation is not one of those two. A server command is one more line in the list below.
const LIGHT_COMMANDS = new Set(['staff', 'simulate']);
const serverCommands: Register[] = LIGHT_COMMANDS.has(process.argv[2] ?? '')
  ? []
  : await Promise.all([
      import('./serve.js').then((m) => m.registerServe),
      import('./migrate.js').then((m) => m.registerMigrate),
      import('./seed-demo.js').then((m) => m.registerSeedDemo),
      import('./user.js').then((m) => m.registerUser),
      import('./import.js').then((m) => m.registerInsightCommands),
    ]);

/** Every `shoreline` subcommand. A module's CLI adds one register function here. */
export function registerCommands(program: Command): void {
  for (const register of serverCommands) register(program);
  registerStaff(program);
  registerSimulate(program);
}
