/** What a telephony system reports about a call, in the order calls live them. */
export const PHONE_EVENT_KINDS = ['queued', 'answered', 'abandoned', 'ended'] as const;
export type PhoneEventKind = (typeof PHONE_EVENT_KINDS)[number];

/** What a call's reports may tell beside its instants; each kept as first reported. */
export interface PhoneCallDetails {
  /** Seconds in the agent queue, when the system measures it (else from queued → answered/abandoned). */
  readonly queueSeconds: number;
  /** Seconds talking, when the system measures it (else from answered → ended). */
  readonly talkSeconds: number;
  /** After-call work, seconds (counted in the handle time). */
  readonly wrapSeconds: number;
  readonly agent: string;
  readonly recordingUrl: string;
  /** The agent's or system's word for how it ended (`resolved`, `callback`, …). */
  readonly outcome: string;
  readonly from: string;
}
const DETAILS = [
  'queueSeconds',
  'talkSeconds',
  'wrapSeconds',
  'agent',
  'recordingUrl',
  'outcome',
  'from',
] as const satisfies readonly (keyof PhoneCallDetails)[];

/** The details known so far: null until a report gives one. */
type PhoneCallDetailsSoFar = { readonly [K in keyof PhoneCallDetails]: PhoneCallDetails[K] | null };

/** One report about one call (the phone API's and webhook's body item): any of the details, or none. */
export type PhoneEvent = {
  /** The telephony system's id of the call: events of one call share it. */
  readonly callId: string;
  readonly kind: PhoneEventKind;
  readonly at: Date;
} & { readonly [K in keyof PhoneCallDetails]?: PhoneCallDetails[K] | undefined };

/** What is known of a call after some of its events: a detail not reported yet is null. */
export type PhoneCallState = {
  readonly callId: string;
  readonly status: PhoneEventKind;
  readonly queuedAt: Date | null;
  readonly answeredAt: Date | null;
  readonly abandonedAt: Date | null;
  readonly endedAt: Date | null;
} & PhoneCallDetailsSoFar;

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
    ...(Object.fromEntries(DETAILS.map((k) => [k, null])) as Record<keyof PhoneCallDetails, null>),
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
    ...(Object.fromEntries(DETAILS.map((k) => [k, first<unknown>(s[k], e[k])])) as PhoneCallDetailsSoFar),
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
