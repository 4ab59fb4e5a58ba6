import type { Selectable } from 'kysely';
import type { PhoneCallsTable, PhoneConnectorsTable } from './tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentCall(r: Selectable<PhoneCallsTable>) {
  return {
    id: r.id,
    callId: r.external_id,
    ticketId: r.ticket_id,
    providerId: r.provider_id,
    status: r.status as 'queued' | 'answered' | 'abandoned' | 'ended',
    queuedAt: iso(r.queued_at),
    answeredAt: iso(r.answered_at),
    abandonedAt: iso(r.abandoned_at),
    endedAt: iso(r.ended_at),
    queueSeconds: r.queue_seconds,
    talkSeconds: r.talk_seconds,
    wrapSeconds: r.wrap_seconds,
    agent: r.agent,
    recordingUrl: r.recording_url,
    outcome: r.outcome,
  };
}

export function presentConnector(r: Selectable<PhoneConnectorsTable>, withSecret = false) {
  return {
    id: r.id,
    name: r.name,
    providerId: r.provider_id,
    createdAt: iso(r.created_at)!,
    ...(withSecret ? { secret: r.secret } : {}),
  };
}
