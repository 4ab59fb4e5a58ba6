// The server the chat load bench drives (bench/chat-load.bench.ts starts it as a child process, so
// its event loop and CPU time are its own): the demo organization, a Turkish chat team open around the
// clock with the routing rule to it, a widget and an admin API token; prints one JSON line
// `{ port, key, token }` and serves until stdin closes.
import { seedDemo } from '../packages/server/src/demo/seed.js';
import { createShoreline, listen } from '../packages/server/src/main.js';
import { createTeam, createToken } from '../packages/server/src/modules/identity/service.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { systemActor } from '../packages/server/src/platform/scope.js';
import { primaryTarget } from '../packages/server/src/test-support/databases.js';

const database = await primaryTarget().open();
const config = loadConfig({
  SHORELINE_DATA_DIR: 'memory://',
  PORT: '0',
  HOST: '127.0.0.1',
  // One client address opens every socket: the per-address limits are the bench's to lift.
  SHORELINE_CHAT_CONNECTS_PER_MINUTE: '1000000',
  SHORELINE_CHAT_FRAMES_PER_MINUTE: '1000000',
  SHORELINE_CHAT_MAX_PER_AGENT: '1000',
});
const shoreline = await createShoreline(config, { database, webDir: '/nonexistent' });
const { organizationId } = await seedDemo(shoreline.ctx);
const db = shoreline.ctx.db;
const admin = await db
  .selectFrom('users')
  .select(['id', 'organization_id', 'provider_id', 'role'])
  .where('role', '=', 'admin')
  .where('provider_id', 'is', null)
  .where('organization_id', '=', organizationId)
  .executeTakeFirstOrThrow();
const actor = { userId: admin.id, organizationId, providerId: null, role: 'admin' as const };
const s = shoreline.ctx.scope(actor);
const provider = await db
  .selectFrom('providers')
  .select('id')
  .where('organization_id', '=', organizationId)
  .where('kind', '=', 'in_house')
  .executeTakeFirstOrThrow();
const team = await createTeam(s, shoreline.ctx.clock, {
  providerId: provider.id,
  name: 'Bench chat',
  site: '',
  languages: ['tr'],
  channels: ['chat'],
  timeZone: 'UTC',
  businessHours: [],
});
const { replaceRules } = await import('../packages/server/src/modules/routing/service.js');
await replaceRules(s, shoreline.ctx.clock, {
  rules: [
    { name: 'Turkish chat', conditions: { languages: ['tr'], channels: ['chat'] }, teamIds: [team.id] },
  ],
});
const { token } = await createToken(s, shoreline.ctx.clock, { name: 'bench' });
const key = `wgt_bench_${Date.now()}`;
await shoreline.ctx
  .scope(systemActor('bench', organizationId))
  .insertInto('chat_widgets', { key, name: 'Bench', created_at: new Date() })
  .execute();
const served = await listen(shoreline, config);
await shoreline.jobs.start();
console.log(JSON.stringify({ port: served.port, key, token, database: database.kind }));

process.stdin.resume();
process.stdin.on('end', async () => {
  await served.close();
  await shoreline.close();
  process.exit(0);
});
