import { randomBytes } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { applyPhoneEvent, callKpiFacts, type PhoneCallState, type PhoneEvent } from '@shoreline/core';
import type { Selectable } from 'kysely';
import { useCasesOf } from '../../platform/access.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { Actor, ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { createRoutedTicket } from '../routing/index.js';
import { ticketService } from '../tickets/index.js';
import { authorizePhone } from './policy.js';
import { callFigures, presentCall, presentConnector } from './presenters.js';
import type { PhoneConnectorCreate, PhoneEventInput } from './schemas.js';
import type { PhoneCallsTable } from './tables.js';

type CallRow = Selectable<PhoneCallsTable>;

const phoneUseCase = useCasesOf(authorizePhone);

const dateOrNull = (d: Date | string | null) => (d === null ? null : new Date(d));

function stateOf(r: CallRow): PhoneCallState {
  return {
    callId: r.external_id,
    status: r.status as PhoneCallState['status'],
    queuedAt: dateOrNull(r.queued_at),
    answeredAt: dateOrNull(r.answered_at),
    abandonedAt: dateOrNull(r.abandoned_at),
    endedAt: dateOrNull(r.ended_at),
    ...callFigures(r),
    from: r.caller,
  };
}

function columnsOf(s: PhoneCallState) {
  return {
    status: s.status,
    queued_at: s.queuedAt,
    answered_at: s.answeredAt,
    abandoned_at: s.abandonedAt,
    ended_at: s.endedAt,
    queue_seconds: s.queueSeconds,
    talk_seconds: s.talkSeconds,
    wrap_seconds: s.wrapSeconds,
    agent: s.agent,
    recording_url: s.recordingUrl,
    outcome: s.outcome,
    caller: s.from,
  };
}

const toEvent = (e: z.output<typeof PhoneEventInput>): PhoneEvent => ({ ...e, at: new Date(e.at) });

/**
 * Applies one report about a call: the first report opens the call's ticket (channel `phone`,
 * created at the call's instant, never later than now) where routing sends it; each report folds
 * into the call's state (core/channels/phone-call.ts: late, repeated and out-of-order reports give
 * the same state), and the call's measures go on the ticket for the KPIs. An ended, answered call
 * solves its ticket; an abandoned one stays open (a call-back is owed).
 */
async function applyEvent(s: ScopedDb, clock: Clock, input: PhoneEvent): Promise<CallRow> {
  return s.transaction(async (tx) => {
    const now = clock.now();
    const existing = await tx.lockWhere('phone_calls', 'external_id', input.callId);
    const state = applyPhoneEvent(existing ? stateOf(existing) : null, input);
    let row: CallRow;
    if (!existing) {
      const startedAt = new Date(Math.min(input.at.getTime(), now.getTime()));
      const { ticket } = await createRoutedTicket(
        tx,
        { now: () => startedAt },
        {
          subject: `Call ${state.from ? `from ${state.from}` : input.callId}`,
          channel: 'phone',
          description: null,
          language: null,
          requester: state.from,
        },
      );
      row = await tx.insertRow('phone_calls', {
        id: newId('cal', now.getTime()),
        provider_id: ticket.providerId as string | null,
        external_id: input.callId,
        ticket_id: ticket.id,
        ...columnsOf(state),
        updated_at: now,
      });
    } else {
      row = await tx
        .updateTable('phone_calls')
        .set({ ...columnsOf(state), updated_at: now })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    const facts = callKpiFacts(state);
    await ticketService.recordCallOutcome(tx, row.ticket_id, facts);
    if (state.status === 'ended' && facts.abandoned === false && existing?.status !== 'ended') {
      const endedAt = state.endedAt ?? input.at;
      const at = new Date(Math.min(endedAt.getTime(), now.getTime()));
      await ticketService.changeStatus(tx, { now: () => at }, row.ticket_id, 'solved');
    }
    return row;
  });
}

/** Logs a batch of call reports, in order; each call's answer is its state after the batch. */
export const recordEvents = phoneUseCase(
  'phone.log',
  async (s, clock: Clock, events: readonly z.output<typeof PhoneEventInput>[]) => {
    const latest = new Map<string, CallRow>();
    for (const e of events) latest.set(e.callId, await applyEvent(s, clock, toEvent(e)));
    return { calls: [...latest.values()].map(presentCall) };
  },
);

export const recentCalls = phoneUseCase('phone.read', async (s) => {
  const rows = await s.latest('phone_calls', 'updated_at', 100);
  return rows.map(presentCall);
});

export const createConnector = phoneUseCase(
  'phone.manage_connectors',
  async (s, clock: Clock, input: z.output<typeof PhoneConnectorCreate>) => {
    const providerId = input.providerId === undefined ? s.actor.providerId : input.providerId;
    if (providerId !== null && !(await directoryFor(s)).providers.some((p) => p.id === providerId))
      throw new AppError('not_found', 'provider not found', 'providerId');
    const now = clock.now();
    const row = await s.insertRow('phone_connectors', {
      id: newId('phc', now.getTime()),
      provider_id: providerId,
      name: input.name,
      secret: randomBytes(32).toString('hex'),
      created_at: now,
    });
    return presentConnector(row, true);
  },
);

export const listConnectors = phoneUseCase('phone.manage_connectors', async (s) => {
  const rows = await s.selectFrom('phone_connectors').selectAll().orderBy('created_at').execute();
  return rows.map((r) => presentConnector(r));
});

/** The actor a connector's webhook acts as: the telephony system, inside its provider's scope. */
export function connectorActor(c: { organization_id: string; provider_id: string | null }): Actor {
  return {
    kind: 'system',
    userId: 'system:phone',
    organizationId: c.organization_id,
    providerId: c.provider_id,
    role: 'admin',
  };
}

export const unknownConnector = () => notFound('phone connector');
