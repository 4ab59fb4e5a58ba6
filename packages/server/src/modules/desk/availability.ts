import type { Clock } from '../../platform/clock.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { AVAILABILITIES } from './vocabulary.js';

type Availability = (typeof AVAILABILITIES)[number];

/** An `online` that was not renewed for this long (a closed tab, a crashed browser) reads `offline`. */
export const AVAILABILITY_TTL_SEC = 90;

/** The caller's availability, renewed now (the inbox sends it on opening and every ~30 s). */
export async function setAvailability(s: ScopedDb, clock: Clock, status: Availability) {
  const now = clock.now();
  await s
    .insertInto('desk_availability', {
      user_id: s.actor.userId,
      provider_id: s.actor.providerId,
      status,
      seen_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ status, seen_at: now }))
    .execute();
  return { status, seenAt: now.toISOString() };
}

/** Each user's effective availability now: a stale `online` or `away` is `offline`, no row too. */
export async function availabilityOf(
  s: ScopedDb,
  clock: Clock,
  userIds: readonly string[],
): Promise<Map<string, Availability>> {
  const out = new Map<string, Availability>(userIds.map((id) => [id, 'offline']));
  if (userIds.length === 0) return out;
  const fresh = new Date(clock.now().getTime() - AVAILABILITY_TTL_SEC * 1000);
  const rows = await s
    .selectFrom('desk_availability')
    .select(['user_id', 'status'])
    .where('user_id', 'in', userIds)
    .where('seen_at', '>=', fresh)
    .execute();
  for (const r of rows) out.set(r.user_id, r.status);
  return out;
}
