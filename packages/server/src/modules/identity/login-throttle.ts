import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * Sign-in throttling, designed after the OWASP Authentication cheat sheet ("Protect against
 * automated attacks": per-account limits that an attacker cannot turn into a lock-out of the owner).
 * Three counters, each taken ATOMICALLY before any password is checked (one upsert statement per
 * key: the row lock serialises parallel attempts, so a burst cannot slip past a count it read):
 *
 * - account + address: 5 attempts at once, then progressive delays (1 s, 2 s, 4 s … capped at
 *   15 min) until an hour has passed; a success resets it and marks the pair as known.
 * - account (any address): 100 attempts an hour. When exceeded, only pairs already known (the owner's
 *   own address, from an earlier success) may still try, each under its own pair limit: a
 *   distributed attacker slows to a stop, the owner signs in as usual.
 * - address (any account): 100 attempts per 15 minutes, against spraying many accounts from one
 *   address (known pairs exempt, so one office NAT does not lock its own staff out).
 *
 * Refused attempts count nowhere and check no password.
 */
export interface ThrottleRule {
  /** Attempts in a window before the window's cap or delays apply. */
  free: number;
  /** Attempts admitted per window at most. */
  cap: number;
  windowMs: number;
  /** After `free` attempts, each further attempt waits 2^(n−free) seconds, up to this. */
  maxDelayMs: number;
}

export const PAIR_RULE: ThrottleRule = { free: 5, cap: 30, windowMs: 3600_000, maxDelayMs: 15 * 60_000 };
export const ACCOUNT_RULE: ThrottleRule = { free: 100, cap: 100, windowMs: 3600_000, maxDelayMs: 0 };
export const ADDRESS_RULE: ThrottleRule = { free: 100, cap: 100, windowMs: 15 * 60_000, maxDelayMs: 0 };

export interface Admission {
  admitted: boolean;
  known: boolean;
  /** When the key admits again (when refused). */
  retryAt: Date;
}

/** Counts one attempt against `key` if the rule admits it now; one statement, safe under concurrency. */
export async function admit(db: Kysely<DB>, key: string, rule: ThrottleRule, now: Date): Promise<Admission> {
  const since = new Date(now.getTime() - rule.windowMs);
  const delay = (n: ReturnType<typeof sql>) =>
    sql`case when ${n} < ${rule.free} then ${now}::timestamptz
        else ${now}::timestamptz + least(power(2, ${n} - ${rule.free}) * 1000, ${rule.maxDelayMs}) * interval '1 millisecond' end`;
  const reset = sql`t.window_started_at <= ${since}`;
  const ok = sql`(t.next_allowed_at <= ${now} and t.attempts < ${rule.cap})`;
  const row = await sql<{
    admitted: boolean;
    known: boolean;
    next_allowed_at: Date;
    window_started_at: Date;
  }>`
    insert into login_throttle as t (key, attempts, window_started_at, next_allowed_at, admitted, known)
    values (${key}, 1, ${now}, ${delay(sql`1`)}, true, false)
    on conflict (key) do update set
      attempts = case when ${reset} then 1 when ${ok} then t.attempts + 1 else t.attempts end,
      window_started_at = case when ${reset} then ${now} else t.window_started_at end,
      next_allowed_at = case when ${reset} then ${delay(sql`1`)}
                             when ${ok} then ${delay(sql`t.attempts + 1`)}
                             else t.next_allowed_at end,
      admitted = ${reset} or ${ok}
    returning admitted, known, next_allowed_at, window_started_at`
    .execute(db)
    .then((r) => r.rows[0]!);
  const windowEnd = new Date(new Date(row.window_started_at).getTime() + rule.windowMs);
  const nextAllowed = new Date(row.next_allowed_at);
  return {
    admitted: row.admitted,
    known: row.known,
    retryAt: nextAllowed > now ? nextAllowed : windowEnd,
  };
}

/** After a success: the pair starts afresh and is known from now on. */
export async function rememberSuccess(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ attempts: 0, window_started_at: now, next_allowed_at: now, known: true })
    .where('key', '=', key)
    .execute();
}

export const throttleKeys = (email: string, address: string) => ({
  pair: `pair:${email}|${address}`,
  account: `account:${email}`,
  address: `address:${address}`,
});
