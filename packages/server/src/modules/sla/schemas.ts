import { z } from '@hono/zod-openapi';
import { CHANNELS, SLA_METRICS, TICKET_PRIORITIES, TICKET_STATUSES } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { ints, nullableStrings, strings } from '../../platform/zod-field-lists.js';
import { TICKET_TYPES } from '../tickets/index.js';

/** Whole business seconds, at least one, at most a year: never floats (STYLE: no float thresholds). */
const Seconds = z.number().int().min(1).max(31_536_000);
const Ids = z.array(z.string().min(1).max(64)).max(200);

const Conditions = {
  types: z.array(z.enum(TICKET_TYPES)).max(TICKET_TYPES.length).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).max(4).optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  segments: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  teamIds: Ids.optional(),
  providerIds: Ids.optional(),
};

export const SlaConditions = z.object(Conditions).strict().openapi('SlaConditions');

export const SlaTargetRow = z
  .object({
    ...Conditions,
    firstResponseSeconds: Seconds.optional(),
    nextResponseSeconds: Seconds.optional(),
    resolutionSeconds: Seconds.optional(),
  })
  .strict()
  .refine(
    (t) =>
      t.firstResponseSeconds !== undefined ||
      t.nextResponseSeconds !== undefined ||
      t.resolutionSeconds !== undefined,
    { message: 'a target row sets at least one of the three targets' },
  )
  .openapi('SlaTargetRow');

export const SlaAtRisk = z
  .union([
    z.object({ percent: z.number().int().min(1).max(99) }).strict(),
    z.object({ leadSeconds: Seconds }).strict(),
  ])
  .openapi('SlaAtRisk');

/** What a policy version says: the document contracts (Govern) will supply. */
export const SlaDefinition = apiInput('SlaDefinition', {
  name: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(10_000).default(0),
  conditions: SlaConditions.default({}),
  targets: z.array(SlaTargetRow).min(1).max(100),
  pauseStatuses: z
    .array(z.enum(TICKET_STATUSES))
    .max(TICKET_STATUSES.length)
    .default(['pending', 'on_hold'])
    .refine((s) => !s.some((x) => x === 'new' || x === 'open'), {
      message: 'the clock cannot pause while the ticket is new or open',
    }),
  atRisk: SlaAtRisk.default({ percent: 80 }),
});

export const SlaPolicyCreate = SlaDefinition.extend({
  effectiveFrom: z.iso.datetime({ offset: true }).openapi({ example: '2027-01-01T00:00:00Z' }),
  reason: z.string().trim().min(1).max(500),
})
  .strict()
  .openapi('SlaPolicyCreate');

/** An edit is a new version: the whole definition again, when it takes effect, and why. */
export const SlaPolicyRevise = SlaPolicyCreate.openapi('SlaPolicyRevise');

export const SlaPolicySchema = apiObject('SlaPolicy', {
  id: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  definition: SlaDefinition,
  createdBy: z.string().nullable(),
  ...strings('reason', 'createdAt'),
});

export const SlaTargetStateSchema = apiObject('SlaTargetState', {
  metric: z.enum(SLA_METRICS),
  targetSeconds: z.number().int(),
  startedAt: z.string(),
  ...nullableStrings('dueAt', 'atRiskAt', 'achievedAt'),
  status: z.enum(['running', 'paused', 'achieved', 'breached', 'cancelled']),
  breached: z.boolean(),
  remainingSeconds: z.number().int(),
});

export const TicketSlaSchema = apiObject('TicketSla', {
  ...strings('ticketId', 'policyId'),
  policyVersion: z.number().int(),
  pausedSince: z.string().nullable(),
  pausedSeconds: z.number().int(),
  /** When this state was computed: the countdown's zero point. */
  asOf: z.string(),
  targets: z.array(SlaTargetStateSchema),
});

export const ATTAINMENT_GROUPS = ['team', 'provider', 'priority', 'type'] as const;

export const AttainmentQuery = z.object({
  from: z.iso.datetime({ offset: true }).openapi({ param: { name: 'from', in: 'query' } }),
  to: z.iso.datetime({ offset: true }).openapi({ param: { name: 'to', in: 'query' } }),
  groupBy: z
    .enum(ATTAINMENT_GROUPS)
    .default('team')
    .openapi({ param: { name: 'groupBy', in: 'query' } }),
});

export const AttainmentSchema = apiObject('SlaAttainment', {
  groupBy: z.enum(ATTAINMENT_GROUPS),
  items: z.array(
    z.object({
      key: z.string().nullable(),
      metric: z.enum(SLA_METRICS),
      ...ints('met', 'breached'),
      /** met ÷ (met + breached), or null when none was decided. */
      attainment: z.number().nullable(),
    }),
  ),
});

export const HolidaysSchema = apiObject('SlaHolidays', {
  teamId: z.string(),
  holidays: z.array(
    z.object({
      day: z.iso.date(),
      name: z.string().trim().max(120).default(''),
    }),
  ),
});

export const HolidaysUpdate = apiInput('SlaHolidaysUpdate', {
  holidays: z
    .array(z.object({ day: z.iso.date(), name: z.string().trim().max(120).default('') }).strict())
    .max(400),
});
