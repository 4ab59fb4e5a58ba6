import type { ShorelineModule } from '../../platform/module.js';
import { mailJobs } from './jobs.js';
import { outboundListener } from './listeners.js';
import { mailMigrations } from './migrations.js';
import { mailPolicy } from './policy.js';
import { mailRoutes } from './routes.js';
import { startSmtpServer } from './smtp-server.js';
import { mailScopedTables } from './tables.js';

export type { mailPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/**
 * The e-mail channel: mailboxes, the built-in SMTP server and IMAP polling (raw mail stored before
 * `250`, parsed by a job into tickets and replies through the tickets service), threading, attachments,
 * and agents' replies sent through a relay or kept in the outbound log. docs/decisions/0015.
 */
export const mailModule: ShorelineModule = {
  name: 'mail',
  migrations: mailMigrations,
  scopedTables: mailScopedTables,
  policy: mailPolicy,
  routes: mailRoutes,
  jobs: mailJobs,
  listeners: [outboundListener],
  async serve(ctx) {
    const { config } = ctx;
    if (config.smtpPort === undefined) return null;
    const smtp = await startSmtpServer(ctx, {
      port: config.smtpPort,
      host: config.smtpHost,
      maxBytes: config.smtpMaxBytes,
      tlsCert: config.smtpTlsCert,
      tlsKey: config.smtpTlsKey,
    });
    console.log(`SMTP listening on ${config.smtpHost}:${smtp.port}`);
    return smtp;
  },
};

export { type ImapSource, pollMailbox } from './imap.js';
export { processInbound } from './intake.js';
// CSAT's survey link goes to an e-mail ticket's customer through the replies' path.
export { sendCustomerNotice } from './outbound.js';
export { createMailbox } from './service.js';
export { startSmtpServer } from './smtp-server.js';
export { findMailboxByAddress, storeInbound } from './store.js';
export { ticketToken } from './threading.js';
