import { z } from '@hono/zod-openapi';
import {
  AUTHOR_TYPES,
  CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_WIRE_FIELDS,
  type TicketField,
} from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { TICKET_TYPES } from './vocabulary.js';

/** The zod type of one catalogue field on the wire (core/tickets/fields.ts). */
function wireType(f: TicketField): z.ZodTypeAny {
  const base: z.ZodTypeAny =
    f.type === 'enum'
      ? z.enum(f.values as [string, ...string[]])
      : f.type === 'text[]'
        ? z.array(z.string())
        : f.type === 'integer'
          ? z.number().int()
          : f.type === 'number'
            ? z.number()
            : f.type === 'boolean'
              ? z.boolean()
              : f.type === 'instant'
                ? z.string().datetime()
                : f.type === 'json'
                  ? z.record(z.string(), z.string())
                  : z.string();
  return (f.nullable ? base.nullable() : base).openapi({ description: f.description });
}

/** A ticket as the API answers it, derived field by field from the catalogue. */
const ticketShape: Record<string, z.ZodTypeAny> = {
  ...Object.fromEntries(TICKET_WIRE_FIELDS.map((f) => [f.wire, wireType(f)])),
  // Live only, not in the import catalogue.
  type: z.enum(TICKET_TYPES).nullable().openapi({ description: 'What kind of case; null: not known.' }),
};
export const TicketSchema = z.object(ticketShape).openapi('Ticket');

const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((t) => !t.includes('\u0000'), 'must not contain NUL');
const Id = z.string().min(1).max(64);

export const MessageSchema = apiObject('TicketMessage', {
  id: z.string(),
  authorType: z.enum(AUTHOR_TYPES),
  authorId: z.string().nullable(),
  public: z.boolean(),
  body: z.string(),
  createdAt: z.string().datetime(),
});

export const HistoryStepSchema = apiObject('TicketHistoryStep', {
  seq: z.number().int(),
  at: z.string().datetime(),
  kind: z.string(),
  status: z.string().nullable(),
  team: z.string().nullable(),
  supportLine: z.string().nullable(),
  assignee: z.string().nullable(),
  reason: z.string().nullable(),
  ticketType: z.enum(TICKET_TYPES).nullable(),
});

export const TicketDetailSchema = apiObject('TicketDetail', {
  ticket: TicketSchema,
  /** The customer it is about (`GET /api/customers/{id}`: their history), when known. */
  customerId: z.string().nullable(),
  messages: z.array(MessageSchema),
  history: z.array(HistoryStepSchema),
});

export const MessageCreate = apiInput('TicketMessageCreate', {
  body: Text(100_000),
  authorType: z.enum(['customer', 'agent']).default('agent'),
  public: z.boolean().default(true),
});

export const TicketCreate = apiInput('TicketCreate', {
  subject: Text(500),
  channel: z.enum(CHANNELS),
  priority: z.enum(TICKET_PRIORITIES).nullable().optional(),
  type: z.enum(TICKET_TYPES).nullable().optional(),
  language: z.string().trim().max(35).nullable().optional(),
  requester: z.string().trim().max(320).nullable().optional(),
  providerId: Id.nullable().optional(),
  teamId: Id.nullable().optional(),
  tags: z.array(Tag).max(50).default([]),
  message: z
    .object({ body: Text(100_000), public: z.boolean().default(true) })
    .strict()
    .optional()
    .openapi({ description: "The customer's first message." }),
});

export const StatusChange = apiInput('TicketStatusChange', { status: z.enum(TICKET_STATUSES) });

export const AssigneeChange = apiInput('TicketAssigneeChange', {
  assignee: z.string().trim().min(1).max(320).nullable(),
});

export const TagsChange = apiInput('TicketTagsChange', {
  add: z.array(Tag).max(50).default([]),
  remove: z.array(Tag).max(50).default([]),
});

export const Transfer = z
  .object({ providerId: Id.nullable().optional(), teamId: Id.nullable().optional() })
  .strict()
  .refine((t) => t.providerId !== undefined || t.teamId !== undefined, {
    message: 'name the provider or the team to transfer to',
    path: ['providerId'],
  })
  .openapi('TicketTransfer');

export const PriorityChange = apiInput('TicketPriorityChange', {
  priority: z.enum(TICKET_PRIORITIES).nullable(),
});

export const TypeChange = apiInput('TicketTypeChange', { type: z.enum(TICKET_TYPES).nullable() });

export const Escalation = apiInput('TicketEscalation', {
  teamId: Id.optional().openapi({
    description:
      'An in-house team (in-house staff only); by default the one for the ticket’s language and channel',
  }),
  reason: Text(2_000),
});

export const BulkActionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('status'), status: z.enum(TICKET_STATUSES) }).strict(),
    z.object({ kind: z.literal('assign'), assignee: z.string().trim().min(1).max(320).nullable() }).strict(),
    z.object({ kind: z.literal('priority'), priority: z.enum(TICKET_PRIORITIES).nullable() }).strict(),
    z
      .object({
        kind: z.literal('tags'),
        add: z.array(Tag).max(50).default([]),
        remove: z.array(Tag).max(50).default([]),
      })
      .strict(),
  ])
  .openapi('TicketBulkAction');

export const BulkRequest = apiInput('TicketBulkRequest', {
  ticketIds: z.array(Id).min(1).max(100),
  action: BulkActionSchema,
});

export const BulkResultSchema = apiObject('TicketBulkResult', {
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      ticket: TicketSchema.optional(),
      code: z.string().optional(),
      field: z.string().nullable().optional(),
      message: z.string().optional(),
    }),
  ),
});

export const Merge = z.object({ into: Id }).strict().openapi('TicketMerge');

export const TicketIdParam = z.object({ id: Id });
