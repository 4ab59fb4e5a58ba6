import type { Command } from 'commander';
import type { CliContext } from '../../../platform/module.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerKpi } from './kpi.js';

/** `import`, `export` and `kpi`: the Insight commands. */
export function registerInsightCommands(program: Command, cli: CliContext): void {
  registerImport(program, cli);
  registerExport(program, cli);
  registerKpi(program, cli);
}
