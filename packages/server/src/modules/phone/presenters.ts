import type { Selectable } from 'kysely';
import { isoOrNull } from '../../platform/db/columns.js';
import type { PhoneCallsTable, PhoneConnectorsTable } from './tables.js';

/** What a call's row says as it is (durations, agent, recording, outcome): on the wire and in its state. */
export function callFigures(r: Selectable<PhoneCallsTable>) {
  return {
    queueSeconds: r.queue_seconds,
    talkSeconds: r.talk_seconds,
    wrapSeconds: r.wrap_seconds,
    agent: r.agent,
    recordingUrl: r.recording_url,
    outcome: r.outcome,
  };
}

export function presentCall(r: Selectable<PhoneCallsTable>) {
  return {
    id: r.id,
    callId: r.external_id,
    ticketId: r.ticket_id,
    providerId: r.provider_id,
    status: r.status as 'queued' | 'answered' | 'abandoned' | 'ended',
    queuedAt: isoOrNull(r.queued_at),
    answeredAt: isoOrNull(r.answered_at),
    abandonedAt: isoOrNull(r.abandoned_at),
    endedAt: isoOrNull(r.ended_at),
    ...callFigures(r),
  };
}

export function presentConnector(r: Selectable<PhoneConnectorsTable>, withSecret = false) {
  return {
    id: r.id,
    name: r.name,
    providerId: r.provider_id,
    createdAt: isoOrNull(r.created_at)!,
    ...(withSecret ? { secret: r.secret } : {}),
  };
}
