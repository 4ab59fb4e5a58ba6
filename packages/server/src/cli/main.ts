#!/usr/bin/env node
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('shoreline')
  .description('Shoreline: customer-service operations for in-house teams and outsourced providers')
  .version('0.1.0');
registerCommands(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`shoreline: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
