import { execFileSync } from 'node:child_process';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DEMO_MAILBOX } from '../../src/demo/seed.js';
import { startSmtpServer } from '../../src/modules/mail/index.js';
import type { DatabaseTarget } from '../../src/test-support/databases.js';
import { waitForOutboxHorizon } from '../../src/test-support/events.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';

export interface MailTestApp {
  t: TestApp;
  organizationId: string;
  smtpPort: number;
  /** Sends raw bytes over SMTP with this envelope; resolves with the server's answer. */
  send(raw: Buffer | string, envelope?: { from?: string; to?: string[] }): Promise<string>;
  /** Sends a plain message (`plainMessage`) from the default envelope. */
  sendPlain(message: Parameters<typeof plainMessage>[0]): Promise<string>;
  /** Runs the event listeners and every due job until nothing is left. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The demo organization with its SMTP server on a free loopback port and a pooled SMTP client. */
export async function startMailTestApp(
  options: { target?: DatabaseTarget; env?: Record<string, string> } = {},
): Promise<MailTestApp> {
  const t = await startTestApp({ demo: true, ...options });
  const ctx = t.shoreline.ctx;
  const smtp = await startSmtpServer(ctx, { port: 0, host: '127.0.0.1', maxBytes: ctx.config.smtpMaxBytes });
  const org = await ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 2,
  });
  const send: MailTestApp['send'] = async (raw, envelope = {}) => {
    const info = await client.sendMail({
      envelope: { from: envelope.from ?? 'customer@example.net', to: envelope.to ?? [DEMO_MAILBOX] },
      raw,
    });
    return info.response;
  };
  return {
    t,
    organizationId: org.id,
    smtpPort: smtp.port,
    send,
    sendPlain: (message) => send(plainMessage(message)),
    async settle() {
      for (;;) {
        await waitForOutboxHorizon(ctx.db);
        await ctx.events.drain();
        const ran = await t.shoreline.jobs.runDueJobs();
        if (ran.ran === 0) return;
      }
    },
    async close() {
      client.close();
      await smtp.close();
      await t.close();
    },
  };
}

/** A plain message as a customer's client writes it. */
export function plainMessage(m: {
  from?: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  extraHeaders?: string[];
}): string {
  return [
    `From: ${m.from ?? 'Customer <customer@example.net>'}`,
    `To: ${DEMO_MAILBOX}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...(m.extraHeaders ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    m.body,
    '',
  ].join('\r\n');
}

/** A loopback SMTP sink standing in for the relay: keeps every message it is given. */
export async function startSink() {
  const received: { raw: string; to: string[] }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { received, port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A header's value in a raw message (unfolded). */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
}

/** A customer's message with one PDF attached (multipart/mixed, the file base64), as raw CRLF text. */
export function messageWithPdf(m: {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  fileName: string;
  /** The Content-Disposition header's value; by default the plain `filename="…"` form. */
  disposition?: string;
  pdf: string;
}): string {
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.text,
    '--b',
    `Content-Type: application/pdf; name="${m.fileName}"`,
    `Content-Disposition: ${m.disposition ?? `attachment; filename="${m.fileName}"`}`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(m.pdf).toString('base64'),
    '--b--',
    '',
  ].join('\r\n');
}

/** Whether `command` runs here (answering `args`, e.g. its version): tests that need it skip without. */
export function hasCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
