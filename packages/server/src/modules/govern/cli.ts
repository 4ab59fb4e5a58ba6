import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { ContractApply, SettleQuery } from './schemas.js';
import { applyContract, settle } from './service.js';

/** A term's result in words: a key measurement below its minimum is reported, never credited. */
const outcome = (m: { measured: number | null; missed: boolean; kind: string }) =>
  m.measured === null
    ? 'not measured'
    : m.missed
      ? m.kind === 'critical'
        ? 'MISSED'
        : 'below minimum (key measurement: reported only)'
      : 'met';

/** Minor units in the currency's own decimals (ISO 4217 via Intl: EUR 2, JPY 0, BHD 3). */
const money = (minor: number, currency: string) => {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
};

/** Parses with a zod schema; errors name the field (`document.terms.0.minimum: …`). */
function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`${what}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}

/** A provider named by id or by name (as the CLI's user knows it). */
async function providerIdOf(scoped: ScopedDb, idOrName: string): Promise<string> {
  const { providers } = await directoryFor(scoped);
  const found = providers.find((p) => p.id === idOrName) ?? providers.find((p) => p.name === idOrName);
  if (!found) throw new Error(`--provider: no provider ${idOrName}`);
  return found.id;
}

/** `shoreline contract apply FILE.json` and `shoreline govern settle --provider … --period YYYY-MM`. */
export function registerGovernCommands(program: Command, cli: CliContext): void {
  const contract = program.command('contract').description('contracts with providers (versioned documents)');
  contract
    .command('apply <file>')
    .description('apply a contract file (docs/schemas/contract.schema.json): a new contract or a new version')
    .option('--provider <id-or-name>', "the provider (instead of the file's providerId)")
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (file: string, opts: { organization?: string; provider?: string }) => {
      const input = parse(ContractApply, JSON.parse(readFileSync(file, 'utf8')), file);
      const v = await cli.asOrganization(opts.organization, async (scoped, ctx) =>
        applyContract(scoped, ctx.clock, {
          ...input,
          providerId: opts.provider ? await providerIdOf(scoped, opts.provider) : input.providerId,
        }),
      );
      console.log(
        `contract ${v.contractId} version ${v.version} in force from ${v.effectiveFrom}${v.slaPolicyId ? ` (SLA policy ${v.slaPolicyId})` : ''}`,
      );
    });
  const govern = program.command('govern').description('settlements of provider contracts');
  govern
    .command('settle')
    .description('settle one provider-month from measured KPIs, using the version in force on each day')
    .requiredOption('--provider <id-or-name>', 'provider id or name')
    .requiredOption('--period <YYYY-MM>', 'month')
    .option('--json', 'print the statement as JSON')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (opts: { provider: string; period: string; json?: boolean; organization?: string }) => {
      const st = await cli.asOrganization(opts.organization, async (scoped, ctx) => {
        const providerId = await providerIdOf(scoped, opts.provider);
        return settle(scoped, ctx.clock, parse(SettleQuery, { providerId, period: opts.period }, 'settle'));
      });
      if (opts.json) {
        console.log(JSON.stringify(st, null, 2));
        return;
      }
      console.log(`settlement ${st.providerId} ${st.period} (contract ${st.contractId})`);
      for (const m of st.measures)
        console.log(
          `  v${m.version} days ${m.fromDay}–${m.toDay} ${m.termId} (${m.kpi}): ${m.met}/${m.total} = ${m.measured === null ? '—' : `${(m.measured / 100).toFixed(2)}%`} min ${(m.minimum / 100).toFixed(2)}% ${outcome(m)}`,
        );
      console.log(
        `  charges ${money(st.chargesMinor, st.currency)}, at risk ${money(st.atRiskMinor, st.currency)}`,
      );
      console.log(
        `  credits ${money(st.creditsMinor, st.currency)}, earn-back ${money(st.earnBackMinor, st.currency)}, bonus ${money(st.bonusMinor, st.currency)}`,
      );
      console.log(`  net ${money(st.netMinor, st.currency)}`);
    });
}
