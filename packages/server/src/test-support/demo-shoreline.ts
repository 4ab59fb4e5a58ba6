import { DEMO_USERS, seedDemo } from '../demo/seed.js';
import { createShoreline } from '../main.js';
import type { Clock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { Actor } from '../platform/scope.js';
import { type DatabaseTarget, openForApp } from './databases.js';

/**
 * A Shoreline on `target`'s database with the demo seeded, for service tests that act as the demo
 * staff: its users as actors (keyed like DEMO_USERS) and its teams by name. `startEvents` starts
 * event delivery (in the foreground) right after the seed, before anything else is written.
 */
export async function startDemoShoreline(
  target: DatabaseTarget,
  clock: Clock,
  { startEvents = false, env = {} as Record<string, string> } = {},
) {
  const database = await openForApp(target);
  const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000', ...env });
  const shoreline = await createShoreline(config, { database, clock, webDir: '/nonexistent' });
  await seedDemo(shoreline.ctx);
  if (startEvents) await shoreline.ctx.events.start({ background: false });
  const { db } = shoreline.ctx;
  const users = await db.selectFrom('users').selectAll().execute();
  const actors: Record<string, Actor> = {};
  for (const [key, email] of Object.entries(DEMO_USERS)) {
    const u = users.find((x) => x.email === email)!;
    actors[key] = {
      userId: u.id,
      organizationId: u.organization_id,
      providerId: u.provider_id,
      role: u.role,
    };
  }
  const teams: Record<string, { id: string; providerId: string }> = {};
  for (const t of await db.selectFrom('teams').select(['id', 'name', 'provider_id']).execute())
    teams[t.name] = { id: t.id, providerId: t.provider_id };
  return { shoreline, actors, teams, organizationId: users[0]!.organization_id };
}
