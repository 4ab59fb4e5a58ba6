import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';
import { verifyAudit } from './service.js';

/** `shoreline audit verify`: walks the hash chain and names the first altered, removed or reordered record. */
export function registerAuditCommands(program: Command, cli: CliContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 naming the first altered, removed or reordered record')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { organization?: string; json?: boolean }) => {
      const result = await cli.asOrganization(opts.organization, (scoped) => verifyAudit(scoped));
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else if (result.ok) console.log(`audit log intact: ${result.records} records`);
      else console.log(`audit log broken: ${result.problem?.message} (${result.problem?.kind})`);
      if (!result.ok) process.exitCode = 1;
    });
}
