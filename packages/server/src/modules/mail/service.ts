import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { ScopedDb, systemActor } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { authorizeMail } from './policy.js';
import {
  presentAttachment,
  presentInbound,
  presentMailbox,
  presentOutbound,
  presentSignature,
} from './presenters.js';
import { PARSE_JOB } from './store.js';
import type { ImapSettings } from './tables.js';
import { ticketFacts } from './ticket-facts.js';

interface Routing {
  providerId?: string | null | undefined;
  teamId?: string | null | undefined;
}

/** The provider and team new tickets of a mailbox go to, checked against the organization's directory. */
async function checkRouting(s: ScopedDb, routing: Routing): Promise<void> {
  const directory = await directoryFor(s);
  if (routing.providerId && !directory.providers.some((p) => p.id === routing.providerId))
    throw new AppError('not_found', 'provider not found', 'providerId');
  if (routing.teamId) {
    const team = directory.teams.find((t) => t.id === routing.teamId);
    if (!team) throw new AppError('not_found', 'team not found', 'teamId');
    if (routing.providerId && team.providerId !== routing.providerId)
      throw new AppError('validation_failed', 'the team must belong to the provider', 'teamId');
  }
}

export async function listMailboxes(s: ScopedDb) {
  authorizeMail(s.actor);
  const rows = await s.selectFrom('mailboxes').selectAll().orderBy('address').execute();
  return rows.map(presentMailbox);
}

/** Adds a support address; one organization's address can never be another's (unique, 409). */
export async function createMailbox(
  s: ScopedDb,
  clock: Clock,
  input: { address: string; displayName: string; imap?: ImapSettings | null } & Routing,
) {
  authorizeMail(s.actor);
  await checkRouting(s, input);
  const now = clock.now();
  const provider = input.teamId
    ? ((await directoryFor(s)).teams.find((t) => t.id === input.teamId)?.providerId ?? null)
    : (input.providerId ?? null);
  const row = await s.insertRow('mailboxes', {
    id: newId('mbx', now.getTime()),
    address: input.address.toLowerCase(),
    display_name: input.displayName,
    provider_id: provider,
    team_id: input.teamId ?? null,
    imap: input.imap ? JSON.stringify(input.imap) : null,
    created_at: now,
    updated_at: now,
  });
  return presentMailbox(row);
}

export async function updateMailbox(
  s: ScopedDb,
  clock: Clock,
  id: string,
  input: { displayName?: string; imap?: ImapSettings | null } & Routing,
) {
  authorizeMail(s.actor);
  await checkRouting(s, input);
  const row = await s.updateOrNotFound('mailboxes', id, 'mailbox', {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.providerId !== undefined ? { provider_id: input.providerId } : {}),
    ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
    ...(input.imap !== undefined ? { imap: input.imap ? JSON.stringify(input.imap) : null } : {}),
    updated_at: clock.now(),
  });
  return presentMailbox(row);
}

/** What the admin's views of received mail show (never the raw bytes). */
const INBOUND_COLUMNS = [
  'id',
  'organization_id',
  'mailbox_id',
  'size_bytes',
  'mail_from',
  'rcpt_to',
  'remote_address',
  'received_via',
  'received_at',
  'dedup_key',
  'message_id',
  'status',
  'kind',
  'automated',
  'ticket_id',
  'ticket_message_id',
  'from_address',
  'subject',
  'text_body',
  'visible_text',
  'html_body',
  'spam_score',
  'parse_error',
  'parsed_at',
] as const;

/** Received mail for the admin: everything, the spam view, automated mail, or what failed to parse. */
export async function listInbound(s: ScopedDb, view: 'all' | 'spam' | 'automated' | 'failed', limit: number) {
  authorizeMail(s.actor);
  const rows = await s
    .selectFrom('mail_inbound')
    .select(INBOUND_COLUMNS)
    .$if(view === 'spam', (q) => q.where('kind', '=', 'spam'))
    .$if(view === 'automated', (q) => q.where('kind', 'in', ['auto_reply', 'bounce', 'loop']))
    .$if(view === 'failed', (q) => q.where('status', '=', 'failed'))
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentInbound);
}

/**
 * Parses a message that failed to parse again (an admin's "retry", after a fix or a transient
 * fault): the raw message was kept; it goes back to `stored` with a new parse job, in one
 * transaction. Only failed mail can be retried (409 otherwise, naming `id`).
 */
export async function retryInbound(s: ScopedDb, clock: Clock, id: string) {
  authorizeMail(s.actor);
  return s.transaction(async (tx) => {
    const row = await oneOrNotFound(
      tx.selectFrom('mail_inbound').select(['id', 'status']).where('id', '=', id).forUpdate(),
      'message',
    );
    if (row.status !== 'failed')
      throw new AppError('conflict', 'only mail that failed to parse can be retried', 'id');
    const now = clock.now();
    const updated = await tx
      .updateTable('mail_inbound')
      .set({ status: 'stored', parse_error: null, parsed_at: null })
      .where('id', '=', id)
      .returning(INBOUND_COLUMNS)
      .executeTakeFirstOrThrow();
    await enqueueJob(tx.executor, clock, {
      name: PARSE_JOB,
      organizationId: tx.actor.organizationId,
      payload: { inboundId: id },
      idempotencyKey: `${id}#retry@${now.toISOString()}`,
      maxAttempts: 5,
    });
    return presentInbound(updated);
  });
}

/** Outgoing replies, newest first: in embedded mode (no relay) this is the outbox an admin reads. */
export async function listOutbound(s: ScopedDb, limit = 100) {
  authorizeMail(s.actor);
  const rows = await s
    .selectFrom('mail_outbound')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentOutbound);
}

/** A ticket's attachments, for whoever sees the ticket (vendor staff: their provider's only). */
export async function listAttachments(s: ScopedDb, ticketId: string) {
  if (!(await ticketFacts(s, ticketId))) throw notFound('ticket');
  const rows = await s.rowsWhere('mail_attachments', 'ticket_id', ticketId, 'created_at');
  return rows.map(presentAttachment);
}

/**
 * One attachment's bytes. The attachment row is read through the caller's scope (vendor staff
 * reach only their provider's tickets'); only then is the shared blob read, as the system.
 */
export async function readAttachment(s: ScopedDb, id: string) {
  const row = await s.findOrNotFound('mail_attachments', id, 'attachment');
  const system = new ScopedDb(s.executor, systemActor('mail', s.actor.organizationId), s.rules, s.database);
  const blob = await oneOrNotFound(
    system.selectFrom('mail_blobs').select('content').where('sha256', '=', row.sha256),
    'attachment',
  );
  return { attachment: presentAttachment(row), content: blob.content };
}

/** Sets a team's signature in one language (replacing the one there). */
export async function putSignature(
  s: ScopedDb,
  clock: Clock,
  input: { teamId: string; language: string; body: string },
) {
  authorizeMail(s.actor);
  const team = (await directoryFor(s)).teams.find((t) => t.id === input.teamId);
  if (!team) throw new AppError('not_found', 'team not found', 'teamId');
  const now = clock.now();
  const row = await s
    .insertInto('mail_signatures', {
      id: newId('sig', now.getTime()),
      provider_id: team.providerId,
      team_id: input.teamId,
      language: input.language.toLowerCase(),
      body: input.body,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['team_id', 'language'])
        .doUpdateSet({ body: sql`excluded.body`, updated_at: sql`excluded.updated_at` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentSignature(row);
}

export async function listSignatures(s: ScopedDb) {
  authorizeMail(s.actor);
  const rows = await s
    .selectFrom('mail_signatures')
    .selectAll()
    .orderBy('team_id')
    .orderBy('language')
    .execute();
  return rows.map(presentSignature);
}
