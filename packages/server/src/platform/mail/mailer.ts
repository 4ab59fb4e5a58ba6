import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';

export interface MailMessage {
  organizationId: string;
  /** The provider of the recipient's account, so vendor admins see only their own staff's mail. */
  providerId: string | null;
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. Shoreline has no transport yet: an SMTP mailer will implement this interface. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Keeps every message in the `mail_outbox` table, where an admin can read it (`GET /api/mail-outbox`),
 * and in development also writes it to the server log. A transport can later deliver from the table.
 */
export function outboxMailer(
  db: Kysely<DB>,
  clock: Clock,
  log: ((line: string) => void) | null = process.env.NODE_ENV === 'production' ? null : console.info,
): Mailer {
  return {
    async send(message) {
      const now = clock.now();
      await db
        .insertInto('mail_outbox')
        .values({
          id: newId('mail', now.getTime()),
          organization_id: message.organizationId,
          provider_id: message.providerId,
          to_address: message.to,
          subject: message.subject,
          body: message.text,
          created_at: now,
        })
        .execute();
      log?.(`mail to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
}
