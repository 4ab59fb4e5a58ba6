import { z } from '@hono/zod-openapi';
import { TICKET_STATUSES } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { TicketSlaSchema } from '../sla/index.js';
import { TicketSchema } from '../tickets/index.js';
import { AVAILABILITIES, DESK_VIEWS, PRESENCE_MODES } from './vocabulary.js';

const Id = z.string().min(1).max(64);
const Tag = z.string().trim().min(1).max(100);
/** A language tag (BCP 47 shape: letters, digits and hyphens). */
const LanguageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en or pt-BR');

export const ViewCountSchema = apiObject('DeskViewCount', {
  view: z.enum(DESK_VIEWS),
  count: z.number().int(),
  /** True when there are more than `count` (counts stop at a cap). */
  more: z.boolean(),
});

export const DeskTeamSchema = z
  .object({ id: z.string(), name: z.string(), providerId: z.string(), member: z.boolean() })
  .openapi('DeskTeam');

export const DeskOverviewSchema = apiObject('DeskOverview', {
  views: z.array(ViewCountSchema),
  teams: z.array(DeskTeamSchema),
});

export const QueueQuery = z.object({
  view: z.enum(DESK_VIEWS),
  /** The `next` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const QueuePageSchema = apiObject('DeskQueuePage', {
  items: z.array(TicketSchema),
  next: z.string().nullable(),
  /** The page's tickets' SLA countdowns (those under a policy), from the SLA engine. */
  sla: z.array(TicketSlaSchema),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const SearchResultSchema = z.object({ items: z.array(TicketSchema) }).openapi('DeskSearchResult');

export const AgentSchema = apiObject('DeskAgent', {
  id: z.string(),
  name: z.string(),
  providerId: z.string().nullable(),
  availability: z.enum(AVAILABILITIES),
});

export const AvailabilityUpdate = apiInput('DeskAvailabilityUpdate', { status: z.enum(AVAILABILITIES) });

export const AvailabilitySchema = apiObject('DeskAvailability', {
  status: z.enum(AVAILABILITIES),
  seenAt: z.string(),
});

export const MyTeamsUpdate = apiInput('DeskMyTeamsUpdate', { teamIds: z.array(Id).max(50) });

const MacroActions = z
  .object({ status: z.enum(TICKET_STATUSES).optional(), addTags: z.array(Tag).max(20).optional() })
  .strict();

export const MacroSchema = apiObject('Macro', {
  id: z.string(),
  name: z.string(),
  bodies: z.record(z.string(), z.string()),
  actions: MacroActions,
  updatedAt: z.string().datetime(),
});

export const MacroCreate = apiInput('MacroCreate', {
  name: z.string().trim().min(1).max(200),
  bodies: z
    .record(LanguageTag, z.string().trim().min(1).max(20_000))
    .refine((b) => Object.keys(b).length > 0 && Object.keys(b).length <= 20, {
      message: 'give between 1 and 20 translations',
    }),
  actions: MacroActions.default({}),
});

export const RenderedMacroSchema = apiObject('RenderedMacro', {
  body: z.string(),
  language: z.string(),
  /** Placeholders left for the agent to fill (no value known). */
  missing: z.array(z.string()),
  actions: MacroActions,
});

export const PresenceUpdate = apiInput('DeskPresenceUpdate', { mode: z.enum(PRESENCE_MODES) });

export const PresenceSchema = apiObject('DeskPresence', {
  /** The other people on this ticket now (never the caller). */
  items: z.array(z.object({ name: z.string(), mode: z.enum(PRESENCE_MODES) })),
});

export const TicketIdParam = z.object({ id: Id });
export const MacroIdParam = z.object({ id: Id });
export const TicketMacroParams = z.object({ id: Id, macroId: Id });
