import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { outboxMailer } from '../../platform/mail/mailer.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { recordMessageId, withTicketToken } from './threading.js';
import { type TicketFacts, ticketFacts } from './ticket-facts.js';

export const SEND_JOB = 'mail.send_reply';

/** Header that marks mail Shoreline sent, so a copy that comes back is recognised as a loop. */
export const LOOP_HEADER = 'X-Shoreline-Loop';

/**
 * Prepares the e-mail for an agent's public reply on an e-mail ticket, once per ticket message
 * (`mail_outbound.ticket_message_id` is unique): the customer's address, the mailbox it came to,
 * a new Message-ID recorded for threading, In-Reply-To the customer's latest message, References
 * the thread so far, the ticket token in the subject, the team's signature in the ticket's language.
 * Returns the outbound id, or null when there is nothing to send (not e-mail, a note, a system message).
 */
export async function prepareReply(
  ctx: Pick<ModuleContext, 'scope' | 'clock'>,
  organizationId: string,
  ticketId: string,
  ticketMessageId: string,
  clock: Clock = ctx.clock,
): Promise<string | null> {
  const s = ctx.scope(systemActor('mail', organizationId));
  return s.transaction(async (tx) => {
    const existing = await outboundKeyed(tx, ticketMessageId);
    if (existing) return existing;
    const ticket = await ticketFacts(tx, ticketId);
    if (ticket?.channel !== 'email' || !ticket.requester) return null;
    const detail = await ticketService.getTicket(tx, ticketId);
    const message = detail.messages.find((m) => m.id === ticketMessageId);
    if (message?.authorType !== 'agent' || !message.public) return null;
    const subject = /^re:/i.test(ticket.subject ?? '')
      ? (ticket.subject ?? '')
      : `Re: ${ticket.subject ?? ''}`;
    return composeOutbound(
      tx,
      clock,
      { ...ticket, requester: ticket.requester },
      ticketMessageId,
      subject,
      message.body,
      true,
    );
  });
}

/**
 * Prepares a notice to the customer of an e-mail ticket that is not an agent's message (the CSAT
 * survey link), once per `key` (e.g. `csat:<ticket id>`), threaded into the conversation like a
 * reply and sent by the same job path. Returns the outbound id, or null when the ticket is not an
 * e-mail ticket with a customer address.
 */
export async function prepareNotice(
  ctx: Pick<ModuleContext, 'scope' | 'clock'>,
  organizationId: string,
  input: { ticketId: string; key: string; subject: (ticketSubject: string) => string; text: string },
): Promise<string | null> {
  const s = ctx.scope(systemActor('mail', organizationId));
  return s.transaction(async (tx) => {
    const existing = await outboundKeyed(tx, input.key);
    if (existing) return existing;
    const ticket = await ticketFacts(tx, input.ticketId);
    if (ticket?.channel !== 'email' || !ticket.requester) return null;
    return composeOutbound(
      tx,
      ctx.clock,
      { ...ticket, requester: ticket.requester },
      input.key,
      input.subject(ticket.subject ?? ''),
      input.text,
      false,
    );
  });
}

async function outboundKeyed(tx: ScopedDb, key: string): Promise<string | null> {
  const row = await tx
    .selectFrom('mail_outbound')
    .select('id')
    .where('ticket_message_id', '=', key)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The outbound row for one message of a ticket's conversation: the customer's address, the mailbox
 * it came to, a new Message-ID recorded for threading, In-Reply-To the customer's latest message,
 * References the thread so far, the ticket token in the subject, and (for replies) the team's
 * signature in the ticket's language. `key` is unique: the message it was made for.
 */
async function composeOutbound(
  tx: ScopedDb,
  clock: Clock,
  ticket: TicketFacts & { requester: string },
  key: string,
  plainSubject: string,
  body: string,
  signed: boolean,
): Promise<string | null> {
  const ticketId = ticket.id;
  // The conversation's mail so far, oldest first: the customer's latest one is answered.
  const inbound = await tx
    .selectFrom('mail_inbound')
    .select(['mailbox_id', 'message_id', 'from_address', 'kind', 'automated'])
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', ['new', 'reply'])
    .orderBy('received_at')
    .execute();
  const ids = await tx
    .selectFrom('mail_message_ids')
    .select('message_id')
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute();
  const last = inbound.at(-1);
  const mailbox = await tx
    .selectFrom('mailboxes')
    .select(['id', 'address', 'display_name'])
    .$if(last !== undefined, (q) => q.where('id', '=', last?.mailbox_id ?? ''))
    .orderBy('created_at')
    .executeTakeFirst();
  if (!mailbox) return null;
  const signature =
    signed && ticket.teamId
      ? await tx
          .selectFrom('mail_signatures')
          .select('body')
          .where('team_id', '=', ticket.teamId)
          .where('language', 'in', [ticket.language ?? 'en', 'en'])
          .orderBy((eb) =>
            eb
              .case()
              .when('language', '=', ticket.language ?? 'en')
              .then(0)
              .else(1)
              .end(),
          )
          .executeTakeFirst()
      : undefined;
  const now = clock.now();
  const domain = mailbox.address.split('@')[1] ?? 'shoreline.invalid';
  const messageId = `${newId('m', now.getTime())}@${domain}`;
  const id = newId('mout', now.getTime());
  await tx
    .insertInto('mail_outbound', {
      id,
      provider_id: ticket.providerId,
      ticket_id: ticketId,
      ticket_message_id: key,
      mailbox_id: mailbox.id,
      message_id: messageId,
      in_reply_to: last?.message_id ?? null,
      references: ids.map((r) => r.message_id).slice(-20),
      from_address: mailbox.display_name
        ? `"${mailbox.display_name.replaceAll('"', '')}" <${mailbox.address}>`
        : mailbox.address,
      to_address: ticket.requester,
      subject: withTicketToken(plainSubject, ticketId),
      text_body: signature ? `${body}\n\n-- \n${signature.body}` : body,
      status: 'queued',
      attempts: 0,
      created_at: now,
    })
    .execute();
  await recordMessageId(tx, {
    messageId,
    ticketId,
    providerId: ticket.providerId,
    direction: 'out',
    at: now,
  });
  return id;
}

/**
 * Sends a prepared reply through the relay (nodemailer), or, with no relay configured (embedded
 * mode), keeps it: status `kept`, listed in the admin's outbound view. A relay failure throws, so
 * the job queue retries with backoff; after the last attempt the job is a dead letter and the row
 * says `failed` with the error.
 */
export async function sendReply(
  ctx: Pick<ModuleContext, 'scope' | 'clock' | 'config'>,
  organizationId: string,
  outboundId: string,
  final: boolean,
): Promise<'sent' | 'kept' | 'already'> {
  const s = ctx.scope(systemActor('mail', organizationId));
  const row = await s.selectFrom('mail_outbound').selectAll().where('id', '=', outboundId).executeTakeFirst();
  if (!row || row.status === 'sent' || row.status === 'kept') return 'already';
  const now = ctx.clock.now();
  if (!ctx.config.smtpRelayUrl) {
    // Embedded mode: kept, and copied to the platform's outbox the admin's Outbox page lists.
    await s.transaction(async (tx) => {
      const kept = await tx
        .updateTable('mail_outbound')
        .set({ status: 'kept' })
        .where('id', '=', outboundId)
        .where('status', '=', 'queued')
        .returning('id')
        .executeTakeFirst();
      if (!kept) return;
      await outboxMailer(tx.executor as Kysely<DB>, ctx.clock, null).send({
        organizationId,
        providerId: row.provider_id,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
      });
    });
    return 'kept';
  }
  const transport = nodemailer.createTransport(ctx.config.smtpRelayUrl);
  try {
    await transport.sendMail({
      from: row.from_address,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      messageId: `<${row.message_id}>`,
      ...(row.in_reply_to ? { inReplyTo: `<${row.in_reply_to}>` } : {}),
      ...(row.references.length > 0 ? { references: row.references.map((r) => `<${r}>`) } : {}),
      headers: { [LOOP_HEADER]: row.mailbox_id ?? 'shoreline', 'Auto-Submitted': 'no' },
    });
  } catch (error) {
    await s
      .updateTable('mail_outbound')
      .set({
        attempts: row.attempts + 1,
        last_error: String((error as Error)?.message ?? error).slice(0, 1000),
        status: final ? 'failed' : 'queued',
      })
      .where('id', '=', outboundId)
      .execute();
    throw error;
  } finally {
    transport.close();
  }
  await s
    .updateTable('mail_outbound')
    .set({ status: 'sent', attempts: row.attempts + 1, sent_at: now, last_error: null })
    .where('id', '=', outboundId)
    .execute();
  return 'sent';
}

/**
 * A notice to an e-mail ticket's customer (prepareNotice) sent through the relay like a reply (or
 * kept, with no relay). For a job: safe to run again; a relay failure throws for the queue's retry.
 */
export async function sendCustomerNotice(
  ctx: Pick<ModuleContext, 'scope' | 'clock' | 'config'>,
  organizationId: string,
  input: Parameters<typeof prepareNotice>[2],
  final: boolean,
): Promise<'sent' | 'kept' | 'already' | 'not_email'> {
  const outboundId = await prepareNotice(ctx, organizationId, input);
  if (!outboundId) return 'not_email';
  return sendReply(ctx, organizationId, outboundId, final);
}
