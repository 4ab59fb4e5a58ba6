import type { Clock } from '../../platform/clock.js';
import { qualified } from '../../platform/db/qualified-columns.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { findOrCreateCustomer } from '../customers/index.js';
import { ticketService } from '../tickets/index.js';
import { storeAttachments } from './attachments.js';
import { classifyMail } from './classify.js';
import { headerSection } from './headers.js';
import { type ParsedMail, parseMail } from './parse.js';
import type { InboundKind } from './tables.js';
import { findThread, recordMessageId } from './threading.js';
import { ticketFacts } from './ticket-facts.js';

/** What the intake did with one stored message. */
export interface IntakeResult {
  status: 'parsed' | 'failed' | 'skipped';
  kind?: InboundKind;
  ticketId?: string | null;
}

const TICKET_SUBJECT_MAX = 500;

async function markFailed(s: ScopedDb, inboundId: string, error: unknown, at: Date) {
  await s
    .updateTable('mail_inbound')
    .set({
      status: 'failed',
      parse_error: String((error as Error)?.message ?? error).slice(0, 2000),
      parsed_at: at,
    })
    .where('id', '=', inboundId)
    .where('status', '=', 'stored')
    .execute();
}

/**
 * The last attempt of a parse job failed (the ticket could not be written): the message stays,
 * raw, flagged `failed` with the error, in the admins' view of failed mail.
 */
export async function flagFailedInbound(
  ctx: Pick<ModuleContext, 'scope' | 'clock'>,
  organizationId: string,
  inboundId: string,
  error: unknown,
): Promise<void> {
  await markFailed(ctx.scope(systemActor('mail', organizationId)), inboundId, error, ctx.clock.now());
}

/**
 * Turns one stored message into a ticket or a reply, through the tickets service, in one
 * transaction with the message's own row (status, kind, ticket), its Message-ID, its attachments and
 * its customer: a job that runs again after a crash finds the row parsed and does nothing. A message
 * mailparser cannot read is marked `failed` with the error, and kept.
 */
export async function processInbound(
  ctx: Pick<ModuleContext, 'scope' | 'clock' | 'config'>,
  organizationId: string,
  inboundId: string,
  clock: Clock = ctx.clock,
  parse: (raw: Uint8Array) => Promise<ParsedMail> = parseMail,
): Promise<IntakeResult> {
  const scoped = ctx.scope(systemActor('mail', organizationId));
  return scoped.transaction(async (tx) => {
    const row = await tx
      .selectFrom('mail_inbound')
      .innerJoin('mailboxes', 'mailboxes.id', 'mail_inbound.mailbox_id')
      .select([
        ...qualified('mail_inbound', ['id', 'raw', 'status', 'mail_from']),
        ...qualified('mailboxes', ['provider_id', 'team_id']),
      ])
      .where('mail_inbound.id', '=', inboundId)
      .forUpdate()
      .executeTakeFirst();
    if (row?.status !== 'stored') return { status: 'skipped' };
    const now = clock.now();
    let mail: ParsedMail;
    try {
      mail = await parse(row.raw);
    } catch (error) {
      // The row is locked and still `stored`: markFailed's condition holds.
      await markFailed(tx, inboundId, error, now);
      return { status: 'failed' };
    }
    const own = await tx.selectFrom('mailboxes').select('address').execute();
    const verdict = classifyMail({
      headers: headerSection(row.raw),
      envelopeFrom: row.mail_from,
      fromAddress: mail.fromAddress,
      subject: mail.subject,
      htmlOnly: mail.htmlOnly,
      ownAddresses: own.map((m) => m.address),
    });
    const threadId = await findThread(tx, mail);
    const thread = threadId ? await ticketFacts(tx, threadId) : null;
    const open = thread && thread.status !== 'closed' && thread.status !== 'merged' ? thread : null;

    let kind: InboundKind;
    let ticketId: string | null = thread?.id ?? null;
    let ticketMessageId: string | null = null;
    let providerId: string | null = thread?.providerId ?? null;
    if (verdict.kind !== null) kind = verdict.kind;
    else if (verdict.spam) kind = 'spam';
    else if (open) {
      // A customer's answer: the reply above the quoted history goes into the conversation.
      const message = await ticketService.appendMessage(tx, clock, open.id, {
        body: mail.visibleText,
        authorType: 'customer',
      });
      kind = 'reply';
      ticketMessageId = message.id;
      providerId = open.providerId;
    } else {
      const customer = mail.fromAddress
        ? await findOrCreateCustomer(tx, clock, {
            kind: 'email',
            value: mail.fromAddress,
            name: mail.fromName,
          })
        : null;
      const ticket = await ticketService.createTicket(tx, clock, {
        subject: (mail.subject || '(no subject)').slice(0, TICKET_SUBJECT_MAX),
        channel: 'email',
        requester: mail.fromAddress,
        customerId: customer?.id ?? null,
        language: customer?.language ?? null,
        providerId: row.provider_id,
        teamId: row.team_id,
        tags: verdict.automated ? ['automated'] : [],
        message: { body: mail.text.trim() || mail.subject || '(empty message)', authorType: 'customer' },
      });
      kind = 'new';
      ticketId = ticket.id as string;
      providerId = (ticket.providerId as string | null) ?? null;
    }
    if (ticketId && (kind === 'new' || kind === 'reply')) {
      if (mail.messageId)
        await recordMessageId(tx, {
          messageId: mail.messageId,
          ticketId,
          providerId,
          direction: 'in',
          at: now,
        });
      await storeAttachments(tx, {
        ticketId,
        providerId,
        inboundId,
        attachments: mail.attachments,
        maxBytes: ctx.config.mailMaxAttachmentBytes,
        at: now,
      });
    }
    await tx
      .updateTable('mail_inbound')
      .set({
        status: 'parsed',
        kind,
        automated: verdict.automated,
        ticket_id: ticketId,
        ticket_message_id: ticketMessageId,
        from_address: mail.fromAddress,
        subject: mail.subject,
        text_body: mail.text,
        visible_text: mail.visibleText,
        html_body: mail.html,
        spam_score: verdict.spamScore,
        parsed_at: now,
      })
      .where('id', '=', inboundId)
      .execute();
    return { status: 'parsed', kind, ticketId };
  });
}
