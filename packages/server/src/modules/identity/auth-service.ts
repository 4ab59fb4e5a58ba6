import type { Kysely } from 'kysely';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { digest, SESSION_IDLE_MS, SESSION_TTL_MS } from '../../platform/auth/tokens.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  admit,
  PAIR_RULE,
  rememberSuccess,
  throttleKeys,
} from './login-throttle.js';
import type { OrganizationChoice } from './schemas.js';
import type { CachedSignIn, SignInCache } from './session-cache.js';
import { issueUserSecret, type SecretHolder } from './user-secret.js';

/** Organizations one address can sign in to; bounds the password checks of one attempt. */
const MAX_MEMBERSHIPS = 10;

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/**
 * Signs in with e-mail and password; returns the session token to set as a cookie. The attempt is
 * counted (login-throttle.ts) before the password is checked, so parallel guesses cannot outrun it.
 */
export async function login(
  deps: AuthDeps,
  input: { email: string; password: string; ip: string; organizationId?: string | undefined },
): Promise<{ token: string; userId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const keys = throttleKeys(input.email, input.ip);
  const pair = await admit(db, keys.pair, PAIR_RULE, now);
  if (!pair.admitted) throw rateLimited(pair.retryAt, now);
  // A pair known from an earlier success is exempt from the account- and address-wide limits, so
  // an attacker elsewhere cannot lock the owner out (it still has its own pair limit).
  if (!pair.known) {
    const account = await admit(db, keys.account, ACCOUNT_RULE, now);
    if (!account.admitted) throw rateLimited(account.retryAt, now);
    const address = await admit(db, keys.address, ADDRESS_RULE, now);
    if (!address.admitted) throw rateLimited(address.retryAt, now);
  }
  // An address may belong to several organizations (one user row each, each with its own password).
  const candidates = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select('organizations.name as organization_name')
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', input.email))
    .where('users.status', '=', 'active')
    .where('users.password_hash', 'is not', null)
    .orderBy('users.created_at')
    .limit(MAX_MEMBERSHIPS)
    .execute();
  const matched: typeof candidates = [];
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.password_hash!, input.password)) matched.push(candidate);
  }
  // Same cost whether or not the address exists.
  if (candidates.length === 0) await verifyPassword(await dummyHash(), input.password);
  const ok = matched.length > 0;
  // One row per sign-in whose password was checked: the audit trail, and what the burst tests count.
  await db
    .insertInto('login_attempts')
    .values({ email: input.email, ip: input.ip, succeeded: ok, at: now })
    .execute();
  if (!ok) throw new AppError('invalid_credentials', 'e-mail or password is wrong');
  await rememberSuccess(db, keys.pair, now);
  const chosen = input.organizationId
    ? matched.find((u) => u.organization_id === input.organizationId)
    : matched.length === 1
      ? matched[0]
      : undefined;
  if (!chosen) {
    if (input.organizationId)
      throw new AppError('invalid_credentials', 'e-mail or password is wrong', 'organizationId');
    // Offered only after the password matched: a guesser learns nothing about memberships.
    throw new AppError(
      'organization_choice',
      'choose the organization to sign in to',
      'organizationId',
      undefined,
      {
        extensions: {
          organizations: matched.map((u) => ({ id: u.organization_id, name: u.organization_name })),
        } satisfies OrganizationChoice,
      },
    );
  }
  const user = chosen;
  const token = await createSession(deps, user);
  return { token, userId: user.id };
}

function rateLimited(retryAt: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new AppError(
    'rate_limited',
    `too many sign-in attempts; try again in ${seconds} s`,
    undefined,
    undefined,
    { headers: { 'retry-after': String(seconds) } },
  );
}

export async function createSession({ db, clock }: AuthDeps, user: SecretHolder): Promise<string> {
  const now = clock.now();
  const { token, row } = issueUserSecret({ token: 'shs', id: 'ses' }, user, now, SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({ ...row, last_seen_at: now })
    .execute();
  return token;
}

/** Resolves a session cookie or a bearer API token to the actor behind it, or null. */
export async function authenticate(
  deps: AuthDeps & { cache?: SignInCache | undefined },
  credentials: { sessionToken?: string | undefined; bearerToken?: string | undefined },
): Promise<(Actor & { scopes?: readonly string[] }) | null> {
  if (credentials.sessionToken) {
    const found = await signedIn(deps, `s:${digest(credentials.sessionToken)}`, findSession);
    if (found) return found;
  }
  if (credentials.bearerToken) return signedIn(deps, `t:${digest(credentials.bearerToken)}`, findToken);
  return null;
}

/**
 * One credential through the sign-in cache (session-cache.ts): from memory when fresh, else from
 * the database. Expiry and idle time are checked on every request against the clock either way; the
 * last-seen write happens at most once a minute (sliding idle expiry without a write per request).
 */
async function signedIn(
  { db, clock, cache }: AuthDeps & { cache?: SignInCache | undefined },
  key: string,
  find: (db: Kysely<DB>, tokenHash: string, now: Date) => Promise<CachedSignIn | null>,
): Promise<CachedSignIn['actor'] | null> {
  const now = clock.now();
  const nowMs = now.getTime();
  let entry = cache?.get(key, nowMs);
  if (!entry) {
    const mark = cache?.mark() ?? 0;
    const found = await find(db, key.slice(2), now);
    if (!found) return null;
    entry = found;
    cache?.put(key, entry, mark);
  }
  const session = key.startsWith('s:');
  if (entry.expiresAt <= now) return null;
  if (session && nowMs - entry.lastSeenAt!.getTime() >= SESSION_IDLE_MS) return null;
  if (!entry.lastSeenAt || nowMs - entry.lastSeenAt.getTime() > 60_000) {
    entry.lastSeenAt = now;
    if (session)
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', entry.rowId).execute();
    else
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', entry.rowId).execute();
  }
  return entry.actor;
}

/** What a session or an API token needs of its user: the actor, and whether the account is active. */
const SIGNED_IN_USER = [
  'users.id',
  'users.organization_id',
  'users.provider_id',
  'users.role',
  'users.status',
] as const;

async function findSession(db: Kysely<DB>, tokenHash: string, now: Date): Promise<CachedSignIn | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.last_seen_at', 'sessions.expires_at', ...SIGNED_IN_USER])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row?.status !== 'active') return null;
  return {
    actor: actorOf(row),
    rowId: row.sessionId,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    fetchedAt: now.getTime(),
  };
}

async function findToken(db: Kysely<DB>, tokenHash: string, now: Date): Promise<CachedSignIn | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
      'api_tokens.scopes',
      ...SIGNED_IN_USER,
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .executeTakeFirst();
  if (row?.status !== 'active') return null;
  return {
    actor: { ...actorOf(row), scopes: row.scopes },
    rowId: row.tokenId,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_used_at,
    fetchedAt: now.getTime(),
  };
}

function actorOf(row: {
  id: string;
  organization_id: string;
  provider_id: string | null;
  role: Actor['role'];
}): Actor {
  return { userId: row.id, organizationId: row.organization_id, providerId: row.provider_id, role: row.role };
}

export async function logout({ db }: AuthDeps, sessionToken: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', digest(sessionToken)).execute();
}

/** Sign out everywhere: every session of the user ends. API tokens are revoked separately. */
export async function logoutEverywhere({ db }: AuthDeps, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function acceptInvite(
  deps: AuthDeps,
  input: { token: string; password: string; name?: string | undefined },
): Promise<string> {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('invite_token_hash', '=', digest(input.token))
    .where('status', '=', 'invited')
    .executeTakeFirst();
  if (!user?.invite_expires_at || user.invite_expires_at <= now) {
    throw new AppError('not_found', 'invitation not found or expired', 'token');
  }
  const passwordHash = await hashPassword(input.password);
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      status: 'active',
      invite_token_hash: null,
      invite_expires_at: null,
      updated_at: now,
      ...(input.name ? { name: input.name } : {}),
    })
    .where('id', '=', user.id)
    .execute();
  return createSession(deps, user);
}
