import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { digest } from '../../platform/auth/tokens.js';
import { qualified } from '../../platform/db/qualified-columns.js';
import { AppError } from '../../platform/http/problem.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { AuthDeps } from './auth-service.js';
import { admit, PAIR_RULE, rememberSuccess, type ThrottleRule } from './login-throttle.js';
import { authorize } from './policy.js';
import { issueUserSecret } from './user-secret.js';

/** A reset link works once, for an hour (OWASP Forgot Password cheat sheet). */
const RESET_TTL_MS = 3600_000;
/** Reset mails per address: a few an hour, so the feature cannot flood a mailbox. */
const RESET_RULE: ThrottleRule = { free: 3, cap: 3, windowMs: 3600_000, maxDelayMs: 0 };

/**
 * Changes the signed-in user's password. The current one is required (and its checks throttled
 * like sign-in); every other session of the user ends.
 */
export async function changePassword(
  deps: AuthDeps,
  s: ScopedDb,
  input: { currentPassword: string; newPassword: string; keepSessionHash?: string | undefined },
): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const key = `change:${s.actor.userId}`;
  const admission = await admit(db, key, PAIR_RULE, now);
  if (!admission.admitted) throw new AppError('rate_limited', 'too many attempts; try again later');
  const user = await s
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('id', '=', s.actor.userId)
    .executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('validation_failed', 'the current password is not correct', 'currentPassword', [
      { field: 'currentPassword', code: 'wrong_password', message: 'is not correct' },
    ]);
  await rememberSuccess(db, key, now);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    let others = tx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (input.keepSessionHash) others = others.where('token_hash', '!=', input.keepSessionHash);
    await others.execute();
  });
}

/**
 * Mails a reset link to every active account of the address (one per organization). The answer is
 * the same whether or not the address exists; requests past a few an hour are dropped silently.
 */
export async function requestPasswordReset(
  deps: AuthDeps & { mailer: Mailer; publicUrl: string },
  email: string,
): Promise<void> {
  const { db, clock, mailer, publicUrl } = deps;
  const now = clock.now();
  const admission = await admit(db, `reset:${email}`, RESET_RULE, now);
  if (!admission.admitted) return;
  const users = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      ...qualified('users', ['id', 'organization_id', 'provider_id', 'email']),
      'organizations.name as org',
    ])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email))
    .where('users.status', '=', 'active')
    .execute();
  for (const user of users) {
    const { token, row } = issueUserSecret({ token: 'rst', id: 'pwr' }, user, now, RESET_TTL_MS);
    await db
      .insertInto('password_resets')
      .values({ ...row, created_at: now })
      .execute();
    await mailer.send({
      organizationId: user.organization_id,
      providerId: user.provider_id,
      to: user.email,
      subject: `Reset your Shoreline password (${user.org})`,
      text: `Someone asked to reset the password of your Shoreline account in ${user.org}.\n\nChoose a new password within an hour: ${publicUrl}/reset-password/${token}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    });
  }
}

/** Sets a new password through a reset link: once, before it expires; every session of the user ends. */
export async function confirmPasswordReset(
  { db, clock }: AuthDeps,
  input: { token: string; password: string },
): Promise<void> {
  const now = clock.now();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    // Marking it used in the same statement that finds it: two parallel uses cannot both pass.
    const reset = await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', digest(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['user_id'])
      .executeTakeFirst();
    const user =
      reset &&
      (await tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', reset.user_id)
        .where('status', '=', 'active')
        .executeTakeFirst());
    if (!user) throw new AppError('not_found', 'reset link not found, used or expired', 'token');
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    // Any other outstanding link of the user dies too.
    await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
  });
}

/** The organization's outgoing mail, newest first (admins; vendor admins see their provider's). */
export async function listOutbox(s: ScopedDb) {
  authorize(s.actor, 'user.write', 'mail outbox');
  const rows = await s.latest('mail_outbox', 'created_at', 100);
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  }));
}
