#!/usr/bin/env node
// `shoreline staff` with plain options takes a fast entry: no commander, no command table, only the
// planning modules (the whole process is timed in bench/staff-cli.bench.ts). `staff` and `simulate`
// otherwise register Plan's commands alone: loading every module (database drivers, the HTTP stack)
// costs about a second. Everything else goes through the full command table (commands/index.ts).

import type { Command } from 'commander';

const FAST_COMMANDS = new Set(['staff', 'simulate', 'forecast', 'schedule']);

async function main(): Promise<void> {
  if (process.argv[2] === 'staff') {
    const { parseStaffArgs } = await import('../modules/plan/cli/staff-args.js');
    const options = parseStaffArgs(process.argv.slice(3));
    if (options) {
      const { staffAction } = await import('../modules/plan/cli/staff-action.js');
      return staffAction(options);
    }
  }
  const { Command } = await import('commander');
  const program = new Command('shoreline')
    .description('Shoreline: customer-service operations for in-house teams and outsourced providers')
    .version('0.1.0');
  await register(program);
  await program.parseAsync(process.argv);
}

async function register(program: Command): Promise<void> {
  if (FAST_COMMANDS.has(process.argv[2] ?? '')) {
    const { registerPlanCommands } = await import('../modules/plan/cli/index.js');
    registerPlanCommands(program);
    return;
  }
  const { registerCommands } = await import('./commands/index.js');
  registerCommands(program);
}

main().catch((err: unknown) => {
  console.error(`shoreline: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
