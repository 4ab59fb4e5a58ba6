import { type Command, Option } from 'commander';
import type { CliContext } from '../../platform/module.js';
import { addUser, createOrganization } from './bootstrap.js';

/** `user add`: the operator's way in before anyone can sign in (instance-level, like the demo seed). */
export function registerIdentityCommands(program: Command, cli: CliContext): void {
  const user = program.command('user').description('manage users');
  user
    .command('add')
    .description('add an active user; creates the organization when --organization names a new one')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--organization <name>', 'organization name')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'supervisor', 'agent']).default('admin'))
    .option('--provider <id>', 'provider id, for vendor staff')
    .option('--password <password>', 'password (default: read SHORELINE_PASSWORD)')
    .action(
      async (opts: {
        email: string;
        name: string;
        organization: string;
        role: 'admin' | 'supervisor' | 'agent';
        provider?: string;
        password?: string;
      }) => {
        const password = opts.password ?? process.env.SHORELINE_PASSWORD;
        if (!password) throw new Error('password: give --password or set SHORELINE_PASSWORD');
        await cli.withInstance(async ({ db, clock }) => {
          const org = await db
            .selectFrom('organizations')
            .select('id')
            .where('name', '=', opts.organization)
            .executeTakeFirst();
          const organizationId =
            org?.id ?? (await createOrganization(db, clock, { name: opts.organization })).organizationId;
          const actor = await addUser(db, clock, {
            organizationId,
            email: opts.email,
            name: opts.name,
            role: opts.role,
            providerId: opts.provider ?? null,
            password,
          });
          console.log(`added ${opts.email} (${actor.userId}) as ${opts.role} of ${opts.organization}`);
        });
      },
    );
}
