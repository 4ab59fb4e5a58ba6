import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../domain/vocabulary.js';

/** How a field's value is stored and carried. Instants are ISO 8601 UTC on the wire, `timestamptz` in the table. */
export type TicketFieldType =
  | 'text'
  | 'enum'
  | 'text[]'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'instant'
  | 'json';

/** One field of a ticket, named once for every place it appears. */
export interface TicketField {
  /** The `tickets` column. */
  readonly column: string;
  /** The name in API responses (camelCase); null for what never leaves the server. */
  readonly wire: string | null;
  /** The column of the canonical import/export format; null when the format does not carry it. */
  readonly canonical: string | null;
  /** False for canonical fields only NDJSON carries (long text that does not belong in a spreadsheet). */
  readonly inCsv?: false;
  readonly type: TicketFieldType;
  readonly nullable: boolean;
  /** The closed set an `enum` field takes its values from (core/domain/vocabulary.ts). */
  readonly values?: readonly string[];
  readonly description: string;
}

const f = (field: TicketField): TicketField => field;

/**
 * The ticket's field catalogue, in the `tickets` table's column order (which is also the order of
 * the bulk import's binary COPY rows). The column list, the canonical format's columns, the API's
 * zod schema and the presenter of the tickets module are derived from it; a field added here and
 * in a migration appears in all of them.
 */
export const TICKET_FIELDS: readonly TicketField[] = [
  f({
    column: 'id',
    wire: 'id',
    canonical: null,
    type: 'text',
    nullable: false,
    description: 'Shoreline id (`tkt_…`).',
  }),
  f({
    column: 'organization_id',
    wire: null,
    canonical: null,
    type: 'text',
    nullable: false,
    description: 'The tenant.',
  }),
  f({
    column: 'provider_id',
    wire: 'providerId',
    canonical: 'provider',
    type: 'text',
    nullable: true,
    description:
      'The provider (in-house or vendor) the ticket is routed to; the canonical format carries its name.',
  }),
  f({
    column: 'team_id',
    wire: 'teamId',
    canonical: 'team',
    type: 'text',
    nullable: true,
    description: 'The team within the provider; the canonical format carries its name.',
  }),
  f({
    column: 'source',
    wire: 'source',
    canonical: 'source',
    type: 'text',
    nullable: false,
    description: 'The system the ticket came from (`zendesk`, `live`, …).',
  }),
  f({
    column: 'external_id',
    wire: 'externalId',
    canonical: 'externalId',
    type: 'text',
    nullable: false,
    description: 'Its id in that system; unique per organization and source.',
  }),
  f({
    column: 'number',
    wire: 'number',
    canonical: 'number',
    type: 'text',
    nullable: true,
    description: 'The number people quote (`#1042`).',
  }),
  f({
    column: 'subject',
    wire: 'subject',
    canonical: 'subject',
    type: 'text',
    nullable: true,
    description: 'Subject line.',
  }),
  f({
    column: 'description',
    wire: 'description',
    canonical: 'description',
    inCsv: false,
    type: 'text',
    nullable: true,
    description: 'The first message or description.',
  }),
  f({
    column: 'channel',
    wire: 'channel',
    canonical: 'channel',
    type: 'enum',
    values: CHANNELS,
    nullable: true,
    description: 'The channel it arrived on.',
  }),
  f({
    column: 'status',
    wire: 'status',
    canonical: 'status',
    type: 'enum',
    values: TICKET_STATUSES,
    nullable: true,
    description: 'Canonical status (core/tickets/lifecycle.ts).',
  }),
  f({
    column: 'status_raw',
    wire: 'statusRaw',
    canonical: 'statusRaw',
    type: 'text',
    nullable: true,
    description: "The source's own status word.",
  }),
  f({
    column: 'priority',
    wire: 'priority',
    canonical: 'priority',
    type: 'enum',
    values: TICKET_PRIORITIES,
    nullable: true,
    description: 'Priority.',
  }),
  f({
    column: 'language',
    wire: 'language',
    canonical: 'language',
    type: 'text',
    nullable: true,
    description: 'BCP 47 language tag of the conversation.',
  }),
  f({
    column: 'topic',
    wire: 'topic',
    canonical: 'topic',
    type: 'text',
    nullable: true,
    description: 'Contact reason.',
  }),
  f({
    column: 'tags',
    wire: 'tags',
    canonical: 'tags',
    type: 'text[]',
    nullable: false,
    description: 'Tags; `|`-separated in CSV.',
  }),
  f({
    column: 'requester',
    wire: 'requester',
    canonical: 'requester',
    type: 'text',
    nullable: true,
    description: 'The customer who asked.',
  }),
  f({
    column: 'assignee',
    wire: 'assignee',
    canonical: 'assignee',
    type: 'text',
    nullable: true,
    description: 'The agent it is assigned to.',
  }),
  f({
    column: 'source_group',
    wire: 'group',
    canonical: 'group',
    type: 'text',
    nullable: true,
    description: "The source's group or queue name (what provider mappings match).",
  }),
  f({
    column: 'support_line',
    wire: 'supportLine',
    canonical: 'supportLine',
    type: 'text',
    nullable: true,
    description: 'Support line or tier.',
  }),
  f({
    column: 'created_at',
    wire: 'createdAt',
    canonical: 'createdAt',
    type: 'instant',
    nullable: true,
    description: 'When the customer asked.',
  }),
  f({
    column: 'first_response_at',
    wire: 'firstResponseAt',
    canonical: 'firstResponseAt',
    type: 'instant',
    nullable: true,
    description: 'First public agent reply.',
  }),
  f({
    column: 'solved_at',
    wire: 'solvedAt',
    canonical: 'solvedAt',
    type: 'instant',
    nullable: true,
    description: 'When it was (last) solved; null while unsolved.',
  }),
  f({
    column: 'closed_at',
    wire: 'closedAt',
    canonical: 'closedAt',
    type: 'instant',
    nullable: true,
    description: 'When it was closed.',
  }),
  f({
    column: 'reopened_at',
    wire: 'reopenedAt',
    canonical: 'reopenedAt',
    type: 'instant',
    nullable: true,
    description: 'When it was last reopened.',
  }),
  f({
    column: 'reopen_count',
    wire: 'reopenCount',
    canonical: 'reopenCount',
    type: 'integer',
    nullable: false,
    description: 'Solved → open steps.',
  }),
  f({
    column: 'handoff_count',
    wire: 'handoffCount',
    canonical: 'handoffCount',
    type: 'integer',
    nullable: false,
    description: 'Transfers between teams or providers.',
  }),
  f({
    column: 'first_response_seconds',
    wire: 'firstResponseSeconds',
    canonical: 'firstResponseSeconds',
    type: 'integer',
    nullable: true,
    description: 'Calendar seconds to the first reply.',
  }),
  f({
    column: 'resolution_seconds',
    wire: 'resolutionSeconds',
    canonical: 'resolutionSeconds',
    type: 'integer',
    nullable: true,
    description: 'Calendar seconds to resolution.',
  }),
  f({
    column: 'first_response_business_seconds',
    wire: 'firstResponseBusinessSeconds',
    canonical: 'firstResponseBusinessSeconds',
    type: 'integer',
    nullable: true,
    description: "Business seconds to the first reply (the team's calendar).",
  }),
  f({
    column: 'resolution_business_seconds',
    wire: 'resolutionBusinessSeconds',
    canonical: 'resolutionBusinessSeconds',
    type: 'integer',
    nullable: true,
    description: 'Business seconds to resolution.',
  }),
  f({
    column: 'sla_breached',
    wire: 'slaBreached',
    canonical: 'slaBreached',
    type: 'boolean',
    nullable: true,
    description: 'Whether the SLA was breached, as measured or as the source says.',
  }),
  f({
    column: 'csat_score',
    wire: 'csatScore',
    canonical: 'csatScore',
    type: 'number',
    nullable: true,
    description: 'CSAT rating on its own scale.',
  }),
  f({
    column: 'csat_scale',
    wire: 'csatScale',
    canonical: 'csatScale',
    type: 'text',
    nullable: true,
    description: 'The scale of `csatScore` (`1-5`, …).',
  }),
  f({
    column: 'csat_normalised',
    wire: 'csatNormalised',
    canonical: null,
    type: 'number',
    nullable: true,
    description: 'CSAT on [0, 1]; derived from score and scale.',
  }),
  f({
    column: 'call_wait_seconds',
    wire: 'callWaitSeconds',
    canonical: 'callWaitSeconds',
    type: 'integer',
    nullable: true,
    description: 'Phone: seconds in queue.',
  }),
  f({
    column: 'call_handle_seconds',
    wire: 'callHandleSeconds',
    canonical: 'callHandleSeconds',
    type: 'integer',
    nullable: true,
    description: 'Phone: seconds of talk and wrap-up.',
  }),
  f({
    column: 'abandoned',
    wire: 'abandoned',
    canonical: 'abandoned',
    type: 'boolean',
    nullable: true,
    description: 'Phone: the caller hung up in the queue.',
  }),
  f({
    column: 'quality_flags',
    wire: 'qualityFlags',
    canonical: 'qualityFlags',
    type: 'text[]',
    nullable: false,
    description: 'Data-quality flags set on import.',
  }),
  f({
    column: 'custom',
    wire: 'custom',
    canonical: 'custom',
    type: 'json',
    nullable: false,
    description: 'Source fields with no canonical home, as text.',
  }),
  f({
    column: 'import_run_id',
    wire: null,
    canonical: null,
    type: 'text',
    nullable: true,
    description: 'The import run that last wrote it; null for live tickets.',
  }),
  f({
    column: 'imported_at',
    wire: null,
    canonical: null,
    type: 'instant',
    nullable: false,
    description: 'When it was last written by an import or a live change.',
  }),
];

/** The `tickets` columns, in table order. */
export const TICKET_COLUMNS: readonly string[] = TICKET_FIELDS.map((x) => x.column);

/** Fields the API carries, in catalogue order. */
export const TICKET_WIRE_FIELDS = TICKET_FIELDS.filter(
  (x): x is TicketField & { wire: string } => x.wire !== null,
);

/**
 * Columns of the canonical Shoreline format, in export order. NDJSON carries `tags` as an array,
 * `custom` as an object, and also `description` and `messages`; CSV carries tags `|`-separated,
 * custom as JSON text, and neither description nor messages. Documented in docs/insight.md.
 */
export const CANONICAL_COLUMNS: readonly string[] = TICKET_FIELDS.filter(
  (x) => x.canonical !== null && x.inCsv !== false,
).map((x) => x.canonical!);
