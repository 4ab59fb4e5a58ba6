import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';
import { writeAnchors } from './anchors.js';
import { verifyAuditAndAnchors } from './service.js';

/**
 * `shoreline audit verify`: walks the hash chain and checks the log against its anchors outside the
 * database, naming the first break; `shoreline audit anchor`: writes the anchors now.
 */
export function registerAuditCommands(program: Command, cli: CliContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'check the hash chain and the anchors; exits 1 naming the first altered, removed, reordered or rewritten record',
    )
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .option('--anchors <dir>', 'anchor directory (default: SHORELINE_AUDIT_ANCHOR_DIR)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { organization?: string; anchors?: string; json?: boolean }) => {
      const result = await cli.asOrganization(opts.organization, (scoped, ctx) =>
        verifyAuditAndAnchors(scoped, ctx.config, opts.anchors ?? ctx.config.auditAnchorDir),
      );
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else {
        const { chain, anchors } = result;
        console.log(
          chain.ok
            ? `audit log intact: ${chain.records} records`
            : `audit log broken: ${chain.problem?.message} (${chain.problem?.kind})`,
        );
        if (anchors === null) console.log('no anchor directory: anchors not checked');
        else if (anchors.ok) console.log(`anchors match: ${anchors.anchors} checked`);
        else console.log(`anchors broken: ${anchors.problem?.message} (${anchors.problem?.kind})`);
      }
      if (!result.ok) process.exitCode = 1;
    });
  audit
    .command('anchor')
    .description('write every organization’s chain head to the configured anchor directory and/or URL now')
    .action(async () => {
      const r = await cli.withInstance((ctx) => writeAnchors(ctx.db, ctx.clock, ctx.config));
      console.log(
        r.skipped
          ? 'no anchor sink configured (SHORELINE_AUDIT_ANCHOR_DIR, SHORELINE_AUDIT_ANCHOR_URL)'
          : `anchored ${r.anchored} chain heads`,
      );
    });
}
