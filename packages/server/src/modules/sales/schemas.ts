import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { LEAD_DIMENSIONS, LEAD_STATUSES } from './vocabulary.js';

const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const LeadCreate = apiInput('LeadCreate', {
  /** What the customer wants (a product, a plan, an upgrade). */
  interest: z.string().trim().min(1).max(200),
  /** Estimated value in integer minor units (cents). */
  valueMinor: z.number().int().min(0).max(1_000_000_000_000),
  currency: Currency,
});

export const LeadOutcome = z
  .object({
    outcome: z.enum(['won', 'lost']),
    /** The deal's value in minor units of the lead's currency (won only; default: the estimate). */
    valueMinor: z.number().int().min(0).max(1_000_000_000_000).optional(),
    /** The CRM's own id for the opportunity. */
    crmReference: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((o) => o.outcome === 'won' || o.valueMinor === undefined, {
    message: 'only a won lead has a value',
    path: ['valueMinor'],
  })
  .openapi('LeadOutcome');

export const LeadSchema = apiObject('Lead', {
  id: z.string(),
  ticketId: z.string(),
  providerId: z.string().nullable(),
  teamId: z.string().nullable(),
  raisedBy: z.string(),
  channel: z.string().nullable(),
  language: z.string().nullable(),
  contact: z.string().nullable(),
  interest: z.string(),
  valueMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(LEAD_STATUSES),
  wonMinor: z.number().int().nullable(),
  crmReference: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export const LeadsReportQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  by: z.enum(LEAD_DIMENSIONS).default('provider'),
});

export const LeadsReportRow = apiObject('LeadsReportRow', {
  /** The team, provider, channel, language or raiser's id (null: none recorded). */
  key: z.string().nullable(),
  currency: z.string(),
  leads: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  open: z.number().int(),
  /** won / (won + lost); null while none is closed. */
  conversion: z.number().nullable(),
  estimatedMinor: z.number().int(),
  wonMinor: z.number().int(),
});

export const LeadsReportSchema = apiObject('LeadsReport', {
  by: z.enum(LEAD_DIMENSIONS),
  rows: z.array(LeadsReportRow),
});
