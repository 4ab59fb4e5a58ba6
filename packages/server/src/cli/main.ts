#!/usr/bin/env node
// `shoreline staff` with plain options takes a fast entry: no commander, no command table, only the
// planning modules (the whole process is timed in bench/staff-cli.bench.ts). Everything else, and any
// staff invocation the small reader in staff-args.ts does not fully understand, goes through commander.

async function main(): Promise<void> {
  if (process.argv[2] === 'staff') {
    const { parseStaffArgs } = await import('./staff-args.js');
    const options = parseStaffArgs(process.argv.slice(3));
    if (options) {
      const { staffAction } = await import('./staff-action.js');
      return staffAction(options);
    }
  }
  const [{ Command }, { registerCommands }] = await Promise.all([
    import('commander'),
    import('./commands/index.js'),
  ]);
  const program = new Command('shoreline')
    .description('Shoreline: customer-service operations for in-house teams and outsourced providers')
    .version('0.1.0');
  registerCommands(program);
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  console.error(`shoreline: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
