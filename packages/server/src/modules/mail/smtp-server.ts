import { readFileSync } from 'node:fs';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ModuleContext } from '../../platform/module.js';
import { findMailboxByAddress, type MailboxRoute, storeInbound } from './store.js';

export interface SmtpListening {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code, as smtp-server sends an error's `responseCode`. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The built-in SMTP server (smtp-server). Recipients that are no organization's mailbox are refused
 * at RCPT (550); a message over the size limit is refused after DATA (552); `250` is sent only once
 * the raw message is committed with its parse job (store.ts). A database failure answers `451`,
 * so the sending server retries.
 */
export function startSmtpServer(
  ctx: ModuleContext,
  options: { port: number; host: string; maxBytes: number; tlsCert?: string; tlsKey?: string },
): Promise<SmtpListening> {
  const mailboxes = new WeakMap<SMTPServerSession, Map<string, MailboxRoute>>();
  const tls =
    options.tlsCert && options.tlsKey
      ? { cert: readFileSync(options.tlsCert), key: readFileSync(options.tlsKey) }
      : null;
  const server = new SMTPServer({
    name: 'shoreline',
    banner: 'Shoreline mail',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    logger: false,
    onMailFrom(_address, session, callback) {
      // A new transaction on the same connection starts from no recipients.
      mailboxes.delete(session);
      callback();
    },
    onRcptTo(address, session, callback) {
      findMailboxByAddress(ctx.db, address.address).then(
        (mailbox) => {
          if (!mailbox) return callback(smtpError(550, '5.1.1 no such mailbox here'));
          const routes = mailboxes.get(session) ?? new Map<string, MailboxRoute>();
          routes.set(mailbox.id, mailbox);
          mailboxes.set(session, routes);
          callback();
        },
        () => callback(smtpError(451, '4.3.0 temporary failure, try again later')),
      );
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) throw smtpError(552, '5.3.4 message too big for this server');
          const routes = [...(mailboxes.get(session)?.values() ?? [])];
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const rcptTo = session.envelope.rcptTo.map((r) => r.address);
          for (const mailbox of routes)
            await storeInbound(ctx, mailbox, {
              raw,
              mailFrom,
              rcptTo,
              remoteAddress: session.remoteAddress ?? null,
              via: 'smtp',
            });
          callback(null, '2.0.0 stored');
        })
        .catch((error: unknown) => {
          if (error instanceof Error && 'responseCode' in error) return callback(error);
          callback(smtpError(451, '4.3.0 could not store the message, try again later'));
        });
    },
  });
  // A broken connection is the client's problem, never a crash of the server.
  server.on('error', (error) => console.warn(`smtp: ${error.message}`));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ port, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
