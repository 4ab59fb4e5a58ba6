import type { z } from '@hono/zod-openapi';
import { type Access, useCasesOf } from '../../platform/access.js';
import { digest } from '../../platform/auth/tokens.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { Actor, ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { forgetDirectory } from './directory.js';
import { type Action, authorize } from './policy.js';
import { presentProvider, presentTeam, presentToken, presentUser } from './presenters.js';
import type {
  ProviderCreate,
  ProviderUpdate,
  TeamCreate,
  TeamUpdate,
  UserInvite,
  UserUpdate,
} from './schemas.js';
import type { TokenScope } from './token-scopes.js';

/** Identity's use cases: a refusal names what the action is about (`provider.write`: the provider). */
const identityUseCase = useCasesOf((actor: Actor, action: Action) =>
  authorize(actor, action, action.slice(0, action.indexOf('.'))),
);

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

// Providers ---------------------------------------------------------------------------------

export async function listProviders(s: ScopedDb) {
  const rows = await s.selectFrom('providers').selectAll().orderBy('kind').orderBy('name').execute();
  return rows.map(presentProvider);
}

export async function getProvider(s: ScopedDb, id: string) {
  const row = await s.findOrNotFound('providers', id, 'provider');
  return presentProvider(row);
}

export const createProvider = identityUseCase(
  'provider.write',
  async (s, clock: Clock, input: z.infer<typeof ProviderCreate>) => {
    const now = clock.now();
    const id = newId('prv', now.getTime());
    if (input.kind === 'in_house') {
      const existing = await s
        .selectFrom('providers')
        .select('id')
        .where('kind', '=', 'in_house')
        .executeTakeFirst();
      if (existing)
        throw new AppError('conflict', 'the organization already has its in-house provider', 'kind');
    }
    const row = await s.insertRow('providers', {
      id,
      name: input.name,
      kind: input.kind,
      shore: input.kind === 'vendor' ? (input.shore ?? null) : null,
      countries: input.countries,
      languages: input.languages,
      updated_at: now,
    });
    forgetDirectory(s);
    return presentProvider(row);
  },
);

export const updateProvider = identityUseCase(
  'provider.write',
  async (s, clock: Clock, id: string, input: z.infer<typeof ProviderUpdate>) => {
    const current = await getProvider(s, id);
    if (input.shore !== undefined && current.kind === 'in_house') {
      throw new AppError('validation_failed', 'the in-house operation has no shore', 'shore');
    }
    const row = await s.updateOrNotFound('providers', id, 'provider', { ...input, updated_at: clock.now() });
    // Forgotten once the row is written: a read between forgetting and writing would remember the old one.
    forgetDirectory(s);
    return presentProvider(row);
  },
);

// Teams -------------------------------------------------------------------------------------

export async function listTeams(s: ScopedDb, filter: { providerId?: string | undefined }) {
  let q = s.selectFrom('teams').selectAll().orderBy('name');
  if (filter.providerId) q = q.where('provider_id', '=', filter.providerId);
  return (await q.execute()).map(presentTeam);
}

export async function getTeam(s: ScopedDb, id: string) {
  const row = await s.findOrNotFound('teams', id, 'team');
  return presentTeam(row);
}

export const createTeam = identityUseCase(
  'team.write',
  async (s, clock: Clock, input: z.infer<typeof TeamCreate>) => {
    // The provider must be visible to the caller: a foreign id answers 404 and writes nothing.
    await getProviderOrFieldError(s, input.providerId);
    const now = clock.now();
    const row = await s.insertRow('teams', {
      id: newId('team', now.getTime()),
      provider_id: input.providerId,
      name: input.name,
      site: input.site,
      languages: input.languages,
      channels: input.channels,
      time_zone: input.timeZone,
      business_hours: JSON.stringify(input.businessHours),
      updated_at: now,
    });
    forgetDirectory(s);
    return presentTeam(row);
  },
);

export const updateTeam = identityUseCase(
  'team.write',
  async (s, clock: Clock, id: string, input: z.infer<typeof TeamUpdate>) => {
    const { timeZone, businessHours, ...rest } = input;
    const row = await s.updateOrNotFound('teams', id, 'team', {
      ...rest,
      ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
      ...(businessHours !== undefined ? { business_hours: JSON.stringify(businessHours) } : {}),
      updated_at: clock.now(),
    });
    forgetDirectory(s);
    return presentTeam(row);
  },
);

async function getProviderOrFieldError(s: ScopedDb, providerId: string) {
  const row = await s.selectFrom('providers').select('id').where('id', '=', providerId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'provider not found', 'providerId');
}

// Users -------------------------------------------------------------------------------------

export const listUsers = identityUseCase('user.read', async (s) => {
  const rows = await s.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(presentUser);
});

export const getUser = identityUseCase('user.read', async (s, id: string) => {
  const row = await s.findOrNotFound('users', id, 'user');
  return presentUser(row);
});

/** Invites a user: the account waits, with a one-time link, until they choose a password. */
export const inviteUser = identityUseCase(
  'user.invite',
  async (s, clock: Clock, publicUrl: string, input: z.infer<typeof UserInvite>) => {
    // Vendor admins invite only into their own provider.
    const providerId = s.actor.providerId ?? input.providerId;
    if (providerId !== null) await getProviderOrFieldError(s, providerId);
    const now = clock.now();
    const token = newSecret('inv');
    const row = await s.insertRow('users', {
      id: newId('usr', now.getTime()),
      provider_id: providerId,
      email: input.email,
      name: input.name,
      role: input.role,
      status: 'invited',
      locale: 'en',
      invite_token_hash: digest(token),
      invite_expires_at: new Date(now.getTime() + INVITE_TTL_MS),
      updated_at: now,
    });
    return { user: presentUser(row), inviteUrl: `${publicUrl}/invite/${token}` };
  },
);

export const updateUser = identityUseCase(
  'user.write',
  async (s, clock: Clock, publicUrl: string, id: string, input: z.infer<typeof UserUpdate>) => {
    return s.transaction(async (tx) => {
      const current = await tx.findOrNotFound('users', id, 'user');
      if (id === tx.actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw new AppError(
          'validation_failed',
          'you cannot deactivate or demote yourself',
          input.role ? 'role' : 'active',
        );
      }
      let status = current.status;
      if (input.active === false) status = 'deactivated';
      if (input.active === true && current.status === 'deactivated')
        status = current.password_hash ? 'active' : 'invited';
      // A cancelled invitation's link dies with it; reactivation issues a new link (Hardening #14).
      const now = clock.now();
      const newInvite = status === 'invited' && current.status === 'deactivated' ? newSecret('inv') : null;
      const row = await tx
        .updateTable('users')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          status,
          ...(status === 'deactivated' ? { invite_token_hash: null, invite_expires_at: null } : {}),
          ...(newInvite
            ? {
                invite_token_hash: digest(newInvite),
                invite_expires_at: new Date(now.getTime() + INVITE_TTL_MS),
              }
            : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // Role changes are governance evidence (issue 11): recorded in the audit chain, same transaction.
      if (input.role !== undefined && input.role !== current.role)
        await appendAudit(tx, clock, {
          action: 'user.role_changed',
          subjectType: 'user',
          subjectId: id,
          providerId: current.provider_id,
          payload: { from: current.role, to: input.role },
        });
      // A deactivated user is signed out everywhere and their API tokens stop working.
      if (status === 'deactivated') {
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await tx
          .updateTable('api_tokens')
          .set({ revoked_at: clock.now() })
          .where('user_id', '=', id)
          .execute();
      }
      return newInvite
        ? { ...presentUser(row), inviteUrl: `${publicUrl}/invite/${newInvite}` }
        : presentUser(row);
    });
  },
);

// API tokens (each user manages their own) -------------------------------------------------

export async function listTokens(s: ScopedDb) {
  const rows = await s
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', s.actor.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(presentToken);
}

export async function createToken(
  s: ScopedDb,
  clock: Clock,
  input: { name: string; scopes?: TokenScope[]; expiresInDays?: number },
) {
  const now = clock.now();
  const token = newSecret('shl');
  const row = await s.insertRow('api_tokens', {
    id: newId('tok', now.getTime()),
    provider_id: s.actor.providerId,
    user_id: s.actor.userId,
    name: input.name,
    token_hash: digest(token),
    scopes: [...new Set(input.scopes ?? ['admin'])],
    expires_at: new Date(now.getTime() + (input.expiresInDays ?? 90) * 24 * 3600_000),
  });
  const { lastUsedAt: _never, ...shown } = presentToken(row);
  return { ...shown, token };
}

export async function revokeToken(s: ScopedDb, clock: Clock, id: string) {
  const result = await s
    .updateTable('api_tokens')
    .set({ revoked_at: clock.now() })
    .where('id', '=', id)
    .where('user_id', '=', s.actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('token');
}

// Me ----------------------------------------------------------------------------------------

/** The signed-in user, with what they may do and the bounds their input must keep. */
export async function getMe(s: ScopedDb, access: Access) {
  // One query: /api/me is the most frequent signed-in read (every page load asks it).
  const row = await s
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('providers', 'providers.id', 'users.provider_id')
    .selectAll('users')
    .select(['organizations.name as organizationName', 'providers.name as providerName'])
    .where('users.id', '=', s.actor.userId)
    .executeTakeFirstOrThrow();
  const org = row;
  const user = presentUser(row);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    providerId: user.providerId,
    providerName: org.providerName,
    organizationId: row.organization_id,
    organizationName: org.organizationName,
    locale: user.locale,
    abilities: access.abilitiesOf(s.actor),
    limits: access.limits,
  };
}

export async function updateMe(
  s: ScopedDb,
  clock: Clock,
  access: Access,
  input: { locale?: string | undefined; name?: string | undefined },
) {
  await s
    .updateTable('users')
    .set({
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      updated_at: clock.now(),
    })
    .where('id', '=', s.actor.userId)
    .execute();
  return getMe(s, access);
}
