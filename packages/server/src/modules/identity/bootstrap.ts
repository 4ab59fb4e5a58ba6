import type { Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { Actor, Role } from '../../platform/scope.js';
import { Email, Password } from './schemas.js';

// Operations run by the operator (CLI, demo seed), before any user exists to act through the API.

export async function createOrganization(
  db: Kysely<DB>,
  clock: Clock,
  input: { name: string; inHouseName?: string },
): Promise<{ organizationId: string; inHouseProviderId: string }> {
  const now = clock.now();
  const organizationId = newId('org', now.getTime());
  const inHouseProviderId = newId('prv', now.getTime());
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('organizations').values({ id: organizationId, name: input.name }).execute();
    await tx
      .insertInto('providers')
      .values({
        id: inHouseProviderId,
        organization_id: organizationId,
        name: input.inHouseName ?? `${input.name} in-house`,
        kind: 'in_house',
        shore: null,
        countries: [],
        languages: [],
        updated_at: now,
      })
      .execute();
  });
  return { organizationId, inHouseProviderId };
}

/** Adds an active user with a password (the CLI's `user add`), validated like API input. */
export async function addUser(
  db: Kysely<DB>,
  clock: Clock,
  input: {
    organizationId: string;
    email: string;
    name: string;
    role: Role;
    providerId: string | null;
    password: string;
  },
): Promise<Actor> {
  const email = Email.safeParse(input.email);
  if (!email.success)
    throw new AppError('validation_failed', `email: ${email.error.issues[0]?.message}`, 'email');
  const password = Password.safeParse(input.password);
  if (!password.success) {
    throw new AppError('validation_failed', `password: ${password.error.issues[0]?.message}`, 'password');
  }
  if (input.providerId) {
    const provider = await db
      .selectFrom('providers')
      .select(['id', 'kind'])
      .where('id', '=', input.providerId)
      .where('organization_id', '=', input.organizationId)
      .executeTakeFirst();
    if (!provider) throw new AppError('not_found', 'provider not found in this organization', 'providerId');
  }
  const now = clock.now();
  const id = newId('usr', now.getTime());
  await db
    .insertInto('users')
    .values({
      id,
      organization_id: input.organizationId,
      provider_id: input.providerId,
      email: email.data,
      name: input.name,
      role: input.role,
      status: 'active',
      locale: 'en',
      password_hash: await hashPassword(password.data),
      updated_at: now,
    })
    .execute();
  return { userId: id, organizationId: input.organizationId, providerId: input.providerId, role: input.role };
}

/**
 * The organization the operator names (its name or id), or the only one there is when none is named.
 * Instance-level: it reads every organization's name, so only the operator's commands (src/cli) call
 * it, never a route; what the command then does goes through a ScopedDb.
 */
export async function organizationForOperator(db: Kysely<DB>, name: string | undefined): Promise<string> {
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).execute();
  const found = name
    ? orgs.find((o) => o.name === name || o.id === name)
    : orgs.length === 1
      ? orgs[0]
      : undefined;
  if (!found)
    throw new Error(
      name
        ? `--organization: no organization named "${name}"`
        : `--organization: required (organizations: ${orgs.map((o) => o.name).join(', ') || 'none'})`,
    );
  return found.id;
}
