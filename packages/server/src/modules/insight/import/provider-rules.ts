import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { DB } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import { organizationDirectory } from '../../identity/index.js';
import { ImportError } from './import-error.js';
import type { ProviderRule } from './mapping-file.js';

/**
 * Stores the provider rules a mapping file ships (provider and team given by name) in the
 * organization's provider-mapping table, replacing a rule with the same match. Unknown names stop
 * the import before any ticket is written, naming the rule.
 */
export async function applyProviderRules(
  db: Kysely<DB>,
  clock: Clock,
  organizationId: string,
  source: string,
  rules: readonly ProviderRule[],
): Promise<void> {
  const { providers, teams } = await organizationDirectory(db, organizationId);
  const resolved = rules.map((rule, i) => {
    const provider = providers.find((p) => p.name.toLowerCase() === rule.provider.toLowerCase());
    if (!provider)
      throw new ImportError(
        `mapping: providers[${i}]: no provider named "${rule.provider}" in this organization; create it first`,
        {
          field: `providers.${i}.provider`,
          code: 'bad_mapping',
        },
      );
    const team = rule.team
      ? teams.find((t) => t.providerId === provider.id && t.name.toLowerCase() === rule.team!.toLowerCase())
      : undefined;
    if (rule.team && !team)
      throw new ImportError(
        `mapping: providers[${i}]: provider "${rule.provider}" has no team named "${rule.team}"`,
        {
          field: `providers.${i}.team`,
          code: 'bad_mapping',
        },
      );
    return { rule, providerId: provider.id, teamId: team?.id ?? null };
  });
  await db.transaction().execute(async (tx) => {
    for (const { rule, providerId, teamId } of resolved) {
      await tx
        .deleteFrom('provider_mappings')
        .where('organization_id', '=', organizationId)
        .where('source', '=', source)
        .where('match_kind', '=', rule.match)
        .where((eb) => eb(eb.fn('lower', ['match_value']), '=', rule.value.toLowerCase()))
        .execute();
      await tx
        .insertInto('provider_mappings')
        .values({
          id: newId('pmap', clock.now().getTime()),
          organization_id: organizationId,
          provider_id: providerId,
          team_id: teamId,
          source,
          match_kind: rule.match,
          match_value: rule.value,
        })
        .execute();
    }
  });
}
