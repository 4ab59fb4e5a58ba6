/** What a telephony system reports about a call, in the order calls live them. */
export const PHONE_EVENT_KINDS = ['queued', 'answered', 'abandoned', 'ended'] as const;
export type PhoneEventKind = (typeof PHONE_EVENT_KINDS)[number];

/** One report about one call (the phone API's and webhook's body item). */
export interface PhoneEvent {
  /** The telephony system's id of the call: events of one call share it. */
  readonly callId: string;
  readonly kind: PhoneEventKind;
  readonly at: Date;
  /** Seconds in the agent queue, when the system measures it (else from queued → answered/abandoned). */
  readonly queueSeconds?: number | undefined;
  /** Seconds talking, when the system measures it (else from answered → ended). */
  readonly talkSeconds?: number | undefined;
  /** After-call work, seconds (counted in the handle time). */
  readonly wrapSeconds?: number | undefined;
  readonly agent?: string | undefined;
  readonly recordingUrl?: string | undefined;
  /** The agent's or system's word for how it ended (`resolved`, `callback`, …). */
  readonly outcome?: string | undefined;
  readonly from?: string | undefined;
}

/** What is known of a call after some of its events. */
export interface PhoneCallState {
  readonly callId: string;
  readonly status: PhoneEventKind;
  readonly queuedAt: Date | null;
  readonly answeredAt: Date | null;
  readonly abandonedAt: Date | null;
  readonly endedAt: Date | null;
  readonly queueSeconds: number | null;
  readonly talkSeconds: number | null;
  readonly wrapSeconds: number | null;
  readonly agent: string | null;
  readonly recordingUrl: string | null;
  readonly outcome: string | null;
  readonly from: string | null;
}

const RANK: Readonly<Record<PhoneEventKind, number>> = { queued: 0, answered: 1, abandoned: 2, ended: 3 };
const seconds = (from: Date | null, to: Date | null) =>
  from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;

/**
 * A call's state after one more event. Events may arrive late, twice or out of order (webhooks are
 * at-least-once): the status only moves forward (queued < answered < abandoned < ended), each
 * instant and measure keeps the first value reported, so folding the same events in any order
 * gives the same state. An abandoned call is one that left the queue unanswered: an `abandoned`
 * event after `answered` is ignored.
 *
 * @example applyPhoneEvent(null, {callId:'c1', kind:'queued', at}) // { status: 'queued', queuedAt: at, … }
 */
export function applyPhoneEvent(state: PhoneCallState | null, e: PhoneEvent): PhoneCallState {
  const s: PhoneCallState = state ?? {
    callId: e.callId,
    status: 'queued',
    queuedAt: null,
    answeredAt: null,
    abandonedAt: null,
    endedAt: null,
    queueSeconds: null,
    talkSeconds: null,
    wrapSeconds: null,
    agent: null,
    recordingUrl: null,
    outcome: null,
    from: null,
  };
  if (e.kind === 'abandoned' && s.answeredAt !== null) return s;
  const first = <T>(old: T | null, value: T | undefined): T | null => old ?? value ?? null;
  const next: PhoneCallState = {
    ...s,
    status: RANK[e.kind] > RANK[s.status] ? e.kind : s.status,
    queuedAt: e.kind === 'queued' ? first(s.queuedAt, e.at) : s.queuedAt,
    answeredAt: e.kind === 'answered' ? first(s.answeredAt, e.at) : s.answeredAt,
    abandonedAt: e.kind === 'abandoned' ? first(s.abandonedAt, e.at) : s.abandonedAt,
    endedAt: e.kind === 'ended' ? first(s.endedAt, e.at) : s.endedAt,
    queueSeconds: first(s.queueSeconds, e.queueSeconds),
    talkSeconds: first(s.talkSeconds, e.talkSeconds),
    wrapSeconds: first(s.wrapSeconds, e.wrapSeconds),
    agent: first(s.agent, e.agent),
    recordingUrl: first(s.recordingUrl, e.recordingUrl),
    outcome: first(s.outcome, e.outcome),
    from: first(s.from, e.from),
  };
  // An answered call that had been marked abandoned (events out of order) was not abandoned.
  return next.answeredAt !== null && next.abandonedAt !== null ? { ...next, abandonedAt: null } : next;
}

/** The call measures Insight counts (tickets' `call_wait_seconds`, `call_handle_seconds`, `abandoned`). */
export interface CallKpiFacts {
  readonly waitSeconds: number | null;
  readonly handleSeconds: number | null;
  /** Null while the call is still waiting (outcome not known yet). */
  readonly abandoned: boolean | null;
}

/**
 * What a call contributes to the KPIs. Abandonment: the call left the queue before an agent
 * answered (abandonment rate = abandoned ÷ calls with a known outcome; Gans, Koole & Mandelbaum,
 * "Telephone call centers: tutorial, review, and research prospects", M&SOM 5(2), 2003). Handle
 * time: talk plus after-call work (ibid.; COPC "average handle time"); the queue wait is the
 * system's measure when given, else queued → answered (or abandoned).
 *
 * @example callKpiFacts({queuedAt: 10:00:00, answeredAt: 10:00:30, talkSeconds: 200, …}) // { waitSeconds: 30, handleSeconds: 200, abandoned: false }
 */
export function callKpiFacts(s: PhoneCallState): CallKpiFacts {
  const answered = s.answeredAt !== null || (s.talkSeconds ?? 0) > 0;
  const abandoned = answered ? false : s.abandonedAt !== null || s.status === 'ended' ? true : null;
  const waitSeconds = s.queueSeconds ?? seconds(s.queuedAt, s.answeredAt ?? s.abandonedAt);
  const talk = s.talkSeconds ?? seconds(s.answeredAt, s.endedAt);
  const handleSeconds = answered && talk !== null ? talk + (s.wrapSeconds ?? 0) : null;
  return { waitSeconds, handleSeconds, abandoned };
}
