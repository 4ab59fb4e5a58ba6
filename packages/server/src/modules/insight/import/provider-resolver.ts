import type { TeamCalendar } from '@shoreline/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { organizationDirectory } from '../../identity/index.js';

export interface Placement {
  providerId: string | null;
  teamId: string | null;
  calendar: TeamCalendar | null;
}

interface Rule {
  source: string;
  kind: 'group' | 'agent' | 'email_domain' | 'default';
  value: string;
  providerId: string;
  teamId: string | null;
}

/**
 * Decides each imported ticket's provider and team from the organization's provider mappings.
 * Precedence: a provider/team named by the record itself (canonical re-import) → agent → agent
 * e-mail domain → source group → default; rules for the import's source beat rules for any source ('*').
 * Loaded once per import (the rule table is small); pure lookups afterwards.
 */
export class ProviderResolver {
  private constructor(
    private readonly rules: Rule[],
    private readonly providersByName: Map<string, string>,
    private readonly teams: Map<
      string,
      { id: string; providerId: string; name: string; calendar: TeamCalendar | null }
    >,
  ) {}

  private readonly byName = new Map<string, Placement | null>();

  static async load(db: Kysely<DB>, organizationId: string, source: string): Promise<ProviderResolver> {
    const [rules, directory] = await Promise.all([
      db
        .selectFrom('provider_mappings')
        .select(['source', 'match_kind', 'match_value', 'provider_id', 'team_id'])
        .where('organization_id', '=', organizationId)
        .where('source', 'in', [source, '*'])
        .execute(),
      organizationDirectory(db, organizationId),
    ]);
    const ordered = rules
      .map((r) => ({
        source: r.source,
        kind: r.match_kind,
        value: r.match_value.toLowerCase(),
        providerId: r.provider_id,
        teamId: r.team_id,
      }))
      .sort((a, b) => (a.source === '*' ? 1 : 0) - (b.source === '*' ? 1 : 0));
    return new ProviderResolver(
      ordered,
      new Map(directory.providers.map((p) => [p.name.toLowerCase(), p.id])),
      new Map(directory.teams.map((t) => [t.id, t])),
    );
  }

  place(ticket: {
    providerName: string | null;
    teamName: string | null;
    assignee: string | null;
    group: string | null;
  }): Placement {
    if (ticket.providerName !== null) {
      // Records naming their provider (canonical files) repeat a handful of names: one lookup per pair.
      const key = `${ticket.providerName}\u0000${ticket.teamName ?? ''}`;
      let named = this.byName.get(key);
      if (named === undefined) {
        named = null;
        const providerId = this.providersByName.get(ticket.providerName.toLowerCase()) ?? null;
        if (providerId !== null) {
          const team = [...this.teams.values()].find(
            (t) => t.providerId === providerId && t.name.toLowerCase() === ticket.teamName?.toLowerCase(),
          );
          named = { providerId, teamId: team?.id ?? null, calendar: team?.calendar ?? null };
        }
        if (this.byName.size < 10_000) this.byName.set(key, named);
      }
      if (named !== null) return named;
    }
    const assignee = ticket.assignee?.toLowerCase() ?? null;
    const domain = assignee?.includes('@') ? assignee.slice(assignee.lastIndexOf('@') + 1) : null;
    const group = ticket.group?.toLowerCase() ?? null;
    const match =
      this.rules.find((r) => r.kind === 'agent' && r.value === assignee) ??
      this.rules.find((r) => r.kind === 'email_domain' && r.value === domain) ??
      this.rules.find((r) => r.kind === 'group' && r.value === group) ??
      this.rules.find((r) => r.kind === 'default');
    if (!match) return { providerId: null, teamId: null, calendar: null };
    const team = match.teamId ? this.teams.get(match.teamId) : undefined;
    return { providerId: match.providerId, teamId: team?.id ?? null, calendar: team?.calendar ?? null };
  }
}
