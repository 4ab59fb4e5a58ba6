/**
 * The canonical ticket model every importer maps into (see docs/insight.md and
 * ../shared/reference/import-formats.md, "Canonical model"). Instants are UTC `Date`s; durations
 * are integer seconds with the unit in the name.
 */

// Statuses, priorities, channels and author types are the one domain vocabulary (core/domain).
import type {
  AuthorType,
  Channel,
  TicketEventKind,
  TicketPriority,
  TicketStatus,
} from '../domain/vocabulary.js';

export {
  type AuthorType,
  CHANNELS,
  type Channel,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from '../domain/vocabulary.js';

/** Rating scales CSAT arrives on; see `normaliseCsat`. */
export const CSAT_SCALES = ['1-5', '1-10', '0-10', 'binary', 'percent'] as const;
export type CsatScale = (typeof CSAT_SCALES)[number];

export interface CsatRating {
  readonly score: number;
  readonly scale: CsatScale;
}

export interface ImportedMessage {
  readonly externalId: string;
  readonly authorType: AuthorType;
  readonly authorId: string | null;
  /** false for internal notes. */
  readonly public: boolean;
  readonly body: string;
  readonly createdAt: Date;
}

/** One step of a ticket's life as an event log recorded it. */
export interface TicketEvent {
  readonly seq: number;
  readonly at: Date;
  readonly kind: TicketEventKind;
  readonly status: TicketStatus | null;
  readonly statusRaw: string | null;
  readonly team: string | null;
  readonly supportLine: string | null;
  readonly assignee: string | null;
}

/** What an importer produces from one source record, before durations and checks. */
export interface ImportedTicket {
  externalId: string;
  /** The system the ticket first came from, when the record says so (canonical re-imports); else the import's. */
  source: string | null;
  /** Provider and team named by the record itself (canonical export), resolved by name on import. */
  providerName: string | null;
  teamName: string | null;
  number: string | null;
  subject: string | null;
  description: string | null;
  status: TicketStatus | null;
  statusRaw: string | null;
  priority: TicketPriority | null;
  channel: Channel | null;
  language: string | null;
  /** Contact reason given by the source (category, type); extracted from text when null. */
  topic: string | null;
  tags: string[];
  requester: string | null;
  assignee: string | null;
  /** The source's group / queue / team name: what the provider mapping matches. */
  group: string | null;
  supportLine: string | null;
  createdAt: Date | null;
  firstResponseAt: Date | null;
  solvedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  reopenCount: number;
  handoffCount: number;
  /** Stored metrics from the source (Zendesk ticket_metrics, Zammad *_in_min), used when present. */
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  /** Business-hours metrics as the source computed them; computed from the team calendar when null. */
  firstResponseBusinessSeconds: number | null;
  resolutionBusinessSeconds: number | null;
  /** Whether the source says its SLA was breached (ServiceNow `made_sla=false`, Freshdesk `is_escalated`). */
  slaBreached: boolean | null;
  csat: CsatRating | null;
  callWaitSeconds: number | null;
  callHandleSeconds: number | null;
  abandoned: boolean | null;
  custom: Record<string, string>;
  messages: ImportedMessage[];
  events: TicketEvent[];
}

/** An empty ticket with only its external id: importers fill in what their source has. */
export function blankTicket(externalId: string): ImportedTicket {
  return {
    externalId,
    source: null,
    providerName: null,
    teamName: null,
    number: null,
    subject: null,
    description: null,
    status: null,
    statusRaw: null,
    priority: null,
    channel: null,
    language: null,
    topic: null,
    tags: [],
    requester: null,
    assignee: null,
    group: null,
    supportLine: null,
    createdAt: null,
    firstResponseAt: null,
    solvedAt: null,
    closedAt: null,
    reopenedAt: null,
    reopenCount: 0,
    handoffCount: 0,
    firstResponseSeconds: null,
    resolutionSeconds: null,
    firstResponseBusinessSeconds: null,
    resolutionBusinessSeconds: null,
    slaBreached: null,
    csat: null,
    callWaitSeconds: null,
    callHandleSeconds: null,
    abandoned: null,
    custom: {},
    messages: [],
    events: [],
  };
}

/** A field-level problem with one source record: the record is rejected and reported, never dropped silently. */
export interface RowError {
  readonly field: string;
  readonly reason: string;
}

export type MapResult = { ok: true; ticket: ImportedTicket } | { ok: false; errors: RowError[] };

export class RowRejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'RowRejected';
  }
}

/** Runs a mapper body, turning a thrown RowRejected into a rejected MapResult. */
export function mapRow(build: () => ImportedTicket): MapResult {
  try {
    return { ok: true, ticket: build() };
  } catch (err) {
    if (err instanceof RowRejected) return { ok: false, errors: [{ field: err.field, reason: err.reason }] };
    throw err;
  }
}
