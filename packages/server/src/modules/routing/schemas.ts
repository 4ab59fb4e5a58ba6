import { z } from '@hono/zod-openapi';
import { CHANNELS, TICKET_PRIORITIES, TOPICS } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { TICKET_TYPES } from '../tickets/index.js';

const Word = z.string().trim().min(1).max(64);
const Language = z
  .string()
  .regex(/^[a-z]{2}$/, 'an ISO 639-1 code, two lower-case letters')
  .openapi({ example: 'tr' });

export const RoutingConditions = apiInput('RoutingConditions', {
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  languages: z.array(Language).max(50).optional(),
  topics: z.array(z.enum(TOPICS)).max(TOPICS.length).optional(),
  keywords: z.array(Word).max(100).optional(),
  segments: z.array(Word).max(50).optional(),
});

export const RoutingRuleInput = apiInput('RoutingRuleInput', {
  name: z.string().trim().min(1).max(120),
  conditions: RoutingConditions.default({}),
  teamIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  /** The ticket type it sets when the channel did not say (complaints: their own SLA policy). */
  type: z.enum(TICKET_TYPES).optional(),
  tags: z.array(Word).max(20).optional(),
  slaPolicyId: z.string().min(1).max(64).optional(),
  /** Not taken (no assignee) after `afterSeconds`: move to the least loaded open one of these teams. */
  overflow: z
    .object({
      afterSeconds: z
        .number()
        .int()
        .min(10)
        .max(7 * 86_400),
      teamIds: z.array(z.string().min(1).max(64)).min(1).max(20),
    })
    .strict()
    .optional(),
});

/** The whole ordered list, replaced at once (order is meaning: the first matching rule decides). */
export const RoutingRulesUpdate = apiInput('RoutingRulesUpdate', {
  rules: z.array(RoutingRuleInput).max(200),
});

export const RoutingRuleSchema = RoutingRuleInput.extend({
  id: z.string(),
  position: z.number().int(),
  updatedAt: z.string(),
}).openapi('RoutingRule');

export const RoutingReplayRequest = z
  .object({
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    /** Rules to try instead of the stored ones ("before rules go live"). */
    rules: z.array(RoutingRuleInput).max(200).optional(),
    /** Keep at most this many per-ticket decisions in the answer (counts cover every ticket). */
    sample: z.number().int().min(0).max(1000).default(50),
  })
  .strict()
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: 'to must be after from', path: ['to'] })
  .openapi('RoutingReplayRequest');

export const RoutingDecisionSchema = z
  .object({
    ticketId: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
    teamId: z.string().nullable(),
    providerId: z.string().nullable(),
    basis: z.enum(['open_least_loaded', 'opens_first', 'no_team']),
    open: z.boolean(),
    opensAt: z.string().nullable(),
    language: z.string().nullable(),
    reason: z.string(),
    /** The overflow step, once its wait passed: where the ticket went (null team: it stayed) and why. */
    overflow: z
      .object({ at: z.string(), teamId: z.string().nullable(), reason: z.string() })
      .nullable()
      .optional(),
  })
  .openapi('RoutingDecision');

export const RoutingReplaySchema = apiObject('RoutingReplay', {
  tickets: z.number().int(),
  volumeByProvider: z.array(z.object({ providerId: z.string().nullable(), tickets: z.number().int() })),
  volumeByRule: z.array(z.object({ ruleId: z.string(), tickets: z.number().int() })),
  waitedForOpening: z.number().int(),
  sample: z.array(RoutingDecisionSchema),
});

export const DetectLanguageRequest = apiInput('DetectLanguageRequest', {
  texts: z.array(z.string().max(10_000)).min(1).max(100),
});
export const DetectLanguageSchema = apiObject('DetectLanguageResult', { languages: z.array(z.string()) });
