import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../demo/seed.js';
import { seedDemoDesk } from '../demo/seed-desk.js';
import { createShoreline, listen } from '../main.js';
import { startSmtpServer } from '../modules/mail/index.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/connect.js';
import { pgliteTemplate } from './pglite-template.js';

/**
 * A real server on a free loopback port, on in-memory PGlite with the demo data: for browser tests.
 * `deskDemo` adds the Desk's demo (live tickets, macros, the agents' teams); `smtp` starts the
 * built-in SMTP server on a free loopback port too (its port is returned: `serve` only logs it).
 * The database starts from the empty PGlite cluster of `pgliteTemplate()` (what initdb leaves, made
 * once), which is what a new `memory://` database is, without initdb's seconds of CPU per journey.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { deskDemo?: boolean; smtp?: boolean } = {},
): Promise<{
  url: string;
  /** The SMTP server's port when `smtp` was asked for. */
  smtpPort: number | undefined;
  demo: { adminEmail: string; adminPassword: string };
  close(): Promise<void>;
}> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHORELINE_DATA_DIR: 'memory://', ...env });
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
  const shoreline = await createShoreline(config, { database });
  const demo = await seedDemo(shoreline.ctx);
  if (options.deskDemo) await seedDemoDesk(shoreline.ctx, demo.organizationId);
  const server = await listen(shoreline, config);
  const smtp = options.smtp
    ? await startSmtpServer(shoreline.ctx, { port: 0, host: '127.0.0.1', maxBytes: config.smtpMaxBytes })
    : undefined;
  await shoreline.jobs.start();
  return {
    url: config.publicUrl,
    smtpPort: smtp?.port,
    demo: { adminEmail: DEMO_USERS.admin, adminPassword: DEMO_PASSWORD },
    async close() {
      await smtp?.close();
      await server.close();
      await shoreline.close();
    },
  };
}
