import { z } from '@hono/zod-openapi';
import { CHANNELS, KPI_IDS, TICKET_PRIORITIES, TICKET_STATUSES } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { booleans, ints, nullableStrings, strings } from '../../platform/zod-field-lists.js';

const Bp = z.number().int().min(0).max(1_000_000);
const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Day = z.iso.date();
const Words = z.array(z.string().trim().min(1).max(80)).max(50);

/** A rate line of the pricing model: price per unit, in minor units, with an optional billed minimum. */
export const RateLine = apiInput('ContractRateLine', {
  unit: z.enum(['hour', 'fte_month', 'contact', 'minute', 'resolution', 'month']),
  rateMinor: Minor,
  minimumQuantity: z.number().int().min(0).max(1_000_000_000).optional(),
});

/** One SLA term: a KPI from the one catalogue (core KPI_CATALOGUE), its scope, levels and credit. */
export const ContractTerm = z
  .object({
    id: z.string().trim().min(1).max(64),
    kpi: z.enum(KPI_IDS),
    targetSeconds: z.number().int().min(1).max(31_536_000).optional(),
    scope: z
      .object({
        priorities: z.array(z.enum(TICKET_PRIORITIES)).max(4).optional(),
        channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
        languages: Words.optional(),
      })
      .strict()
      .default({}),
    /** Business seconds on the team calendar (the SLA engine's), or wall-clock seconds. */
    calendar: z.enum(['business', 'calendar']).default('calendar'),
    pauseStatuses: z
      .array(z.enum(TICKET_STATUSES))
      .max(TICKET_STATUSES.length)
      .default(['pending', 'on_hold']),
    /** Levels in the KPI's unit: basis points of records, or hundredths of a score. */
    minimum: z.number().int().min(0).max(1_000_000),
    expected: z.number().int().min(0).max(1_000_000),
    /** A critical service level carries credits; a key measurement is reported only. */
    kind: z.enum(['critical', 'key']),
    allocationBp: Bp.default(0),
    credit: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('allocation') }).strict(),
        z.object({ kind: z.literal('fixed'), amountMinor: Minor }).strict(),
        z.object({ kind: z.literal('per_point'), bpPerPoint: Bp }).strict(),
      ])
      .default({ kind: 'allocation' }),
    /** Bonus share of charges when the expected level is reached (0: none). */
    bonusBp: Bp.default(0),
  })
  .strict()
  .refine(
    (t) =>
      !['first_response_within', 'resolution_within', 'service_level_answered_within'].includes(t.kpi) ||
      t.targetSeconds !== undefined,
    {
      message: 'this KPI needs targetSeconds',
      path: ['targetSeconds'],
    },
  )
  .openapi('ContractTerm');

/** What a contract says, as one JSON document (published as docs/schemas/contract.schema.json). */
export const ContractDocument = z
  .object({
    name: z.string().trim().min(1).max(200),
    services: Words.default([]),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
    languages: Words.default([]),
    sites: Words.default([]),
    start: Day,
    termMonths: z.number().int().min(1).max(240),
    noticeDays: z.number().int().min(0).max(3_650),
    renewal: z.enum(['automatic', 'none']).default('none'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    pricingModel: z.enum(['per_hour', 'per_fte', 'per_contact', 'per_minute', 'per_resolution', 'hybrid']),
    rates: z.array(RateLine).min(1).max(20),
    atRiskBp: Bp.max(10_000),
    escalationPercent: z.array(z.number().int().min(0).max(1_000)).min(1).max(12).default([100]),
    earnBack: z
      .object({
        goodMonths: z.number().int().min(1).max(12),
        chronic: z
          .object({ misses: z.number().int().min(1).max(12), window: z.number().int().min(1).max(12) })
          .strict(),
      })
      .strict()
      .default({ goodMonths: 3, chronic: { misses: 3, window: 6 } }),
    bonusCapBp: Bp.max(10_000).default(0),
    qualityGates: z
      .array(
        z
          .object({
            kpi: z.enum(['csat', 'qa_score', 'reopen_rate']),
            floor: z.number().int().min(0).max(1_000_000),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    forecastBand: z.object({ aboveBp: Bp.optional(), belowBp: Bp.optional() }).strict().optional(),
    /**
     * The contract's own escalation ladder (levels 1, 2, … in order, each with its holder, contact and
     * days to resolve); absent: the default ladder (core ESCALATION_LADDER). Decision 0039.
     */
    escalationLadder: z
      .array(
        z
          .object({
            level: z.number().int().min(1).max(9),
            holder: z.string().trim().min(1).max(80),
            contact: z.string().trim().min(1).max(200).optional(),
            days: z.number().int().min(1).max(365),
          })
          .strict(),
      )
      .min(1)
      .max(9)
      .refine((rungs) => rungs.every((r, i) => r.level === i + 1), {
        message: 'levels must be 1, 2, 3, … in order',
      })
      .optional(),
    /** The ladder level a chronic failure opens at (default: the second rung, or the only one). */
    chronicEscalationLevel: z.number().int().min(1).max(9).optional(),
    terms: z.array(ContractTerm).min(1).max(50),
  })
  .strict()
  .openapi('ContractDocument');

/** A file for `shoreline contract apply` or POST /api/govern/contracts: a new contract or a new version. */
export const ContractApply = apiInput('ContractApply', {
  $schema: z.string().max(300).optional(),
  /** Omitted for a new contract; the contract's id for a change. */
  contractId: z.string().min(1).max(64).optional(),
  providerId: z.string().min(1).max(64),
  effectiveFrom: Day,
  reason: z.string().trim().min(1).max(500),
  approvedBy: z.string().trim().min(1).max(200),
  document: ContractDocument,
});

export const ContractVersionSchema = apiObject('ContractVersion', {
  ...strings('contractId', 'providerId'),
  version: z.number().int(),
  ...strings('effectiveFrom', 'reason', 'approvedBy', 'createdAt'),
  slaPolicyId: z.string().nullable(),
  document: ContractDocument,
});

export const ContractSummarySchema = apiObject('ContractSummary', {
  ...strings('id', 'providerId', 'name', 'currency'),
  latestVersion: z.number().int(),
  effectiveFrom: z.string(),
});

export const SettleQuery = z
  .object({
    providerId: z.string().min(1).max(64),
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .openapi({ example: '2025-01' }),
  })
  .strict();

const TermMeasure = z.object({
  version: z.number().int(),
  ...strings('termId', 'kpi'),
  kind: z.enum(['critical', 'key']),
  ...ints('fromDay', 'toDay', 'met', 'total'),
  measured: z.number().int().nullable(),
  ...ints('minimum', 'expected'),
  ...booleans('missed', 'metExpected'),
  /** Where the tickets behind this figure are: GET /api/tickets with these filters. */
  drillDown: z.record(z.string(), z.string()),
});

export const SettlementSchema = z
  .object({
    ...strings('contractId', 'providerId', 'period', 'currency'),
    segments: z.array(
      z.object({
        ...ints('version', 'fromDay', 'toDay', 'days'),
      }),
    ),
    volumes: z.object({ contacts: z.number().int(), resolutions: z.number().int() }),
    measures: z.array(TermMeasure),
    chargesMinor: z.number().int(),
    /** Per rate unit: quantity billed and amount (statements computed before this field lack it). */
    chargeLines: z
      .array(z.object({ unit: z.string(), quantity: z.number().int(), amountMinor: z.number().int() }))
      .optional(),
    atRiskMinor: z.number().int(),
    creditLines: z.array(
      z.object({
        version: z.number().int(),
        termId: z.string(),
        ...ints('multiplierPercent', 'uncappedMinor', 'creditMinor'),
        ...booleans('lineCapped', 'relieved'),
      }),
    ),
    ...ints('poolCapAdjustmentMinor', 'creditsMinor', 'earnBackMinor', 'bonusMinor'),
    bonusBlockedBy: z.array(z.string()),
    netMinor: z.number().int(),
    chronicFailures: z.array(z.string()),
    /**
     * The client's logged forecasts the month was judged against and whether the contract's forecast
     * band relieved the credits (decisions 0039, 0059): newest first, each forecast decides the days of
     * the month no newer one of an overlapping scope decides; `volume` is their sum and `actual` the
     * provider's tickets on the same days and scope. `forecastId`, `loggedAt` and `loggedBy` are the
     * newest's.
     */
    forecast: z
      .object({
        forecastId: z.string(),
        volume: z.number().int(),
        ...strings('loggedAt', 'loggedBy'),
        actual: z.number().int(),
        pieces: z
          .array(
            z.object({
              forecastId: z.string(),
              /** First and last day of the month it decides. */
              from: z.string(),
              to: z.string(),
              days: z.number().int(),
              /**
               * Its volume on those days: a plan's own volume of each day (`spread` `daily`), or, for a
               * forecast typed in as one number, pro rata by day (`even`; decision 0063).
               */
              volume: z.number(),
              spread: z.enum(['daily', 'even']).optional(),
              /** The IANA zone whose local days its days and actual are (decision 0065); absent before it (UTC). */
              timeZone: z.string().optional(),
              actual: z.number().int(),
              queue: z.string().nullable(),
              channel: z.string().nullable(),
              language: z.string().nullable(),
              planId: z.string().nullable(),
            }),
          )
          .optional(),
        relieved: z.boolean(),
        reason: z.enum(['above_band', 'below_band', 'inside_band', 'no_forecast', 'no_band']),
      })
      .optional(),
  })
  .openapi('Settlement');

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM');

/**
 * A forecast the client gives the vendor: for a month or a range of days, optionally of one queue,
 * channel or language (decision 0039). Logging again is a new version; the old one stays visible.
 */
export const ClientForecastCreate = z
  .object({
    providerId: z.string().min(1).max(64),
    period: Month.optional(),
    from: Day.optional(),
    to: Day.optional(),
    queue: z.string().trim().min(1).max(80).optional(),
    channel: z.enum(CHANNELS).optional(),
    language: z.string().trim().min(2).max(16).optional(),
    volume: z.number().int().min(0).max(100_000_000),
    note: z.string().trim().max(500).optional(),
    timeZone: z.string().min(1).max(64).optional().openapi({
      description:
        'The IANA time zone whose local days the month or days are (default UTC): the relief counts the vendor’s tickets on those local days (decision 0065).',
      example: 'Europe/Istanbul',
    }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.period === undefined && v.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a month or a from and to day' });
    if (v.period !== undefined && (v.from !== undefined || v.to !== undefined))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'give a month or a range of days, not both' });
    if (v.from !== undefined && v.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a range needs its last day' });
    if (v.from !== undefined && v.to !== undefined && v.to < v.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the last day is before the first' });
  })
  .openapi('ClientForecastCreate');

export const ClientForecastSchema = z
  .object({
    ...strings('id', 'providerId', 'from', 'to'),
    /** The IANA zone whose local days `from`–`to` are (decision 0065; UTC for forecasts logged before). */
    timeZone: z.string(),
    ...nullableStrings('queue', 'channel', 'language'),
    volume: z.number().int(),
    ...strings('note', 'loggedBy', 'loggedAt'),
    /** The saved plan whose split it was sent from (decision 0059); null when typed in by hand. */
    planId: z.string().nullable(),
    dailyVolumes: z.array(z.number().int()).nullable().openapi({
      description:
        'Its volume on each day from `from` to `to` (a saved plan’s: it knows its forecast per day). Null for a forecast typed in as one number over its days: a settlement month that takes only some of them counts it pro rata by day.',
    }),
    /** A later forecast of the same days and scope replaced it. */
    superseded: z.boolean(),
  })
  .openapi('ClientForecast');

export const ClientForecastQuery = z.object({
  providerId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name: 'providerId', in: 'query' } }),
});

/** The review pack's words in the reader's language, from the web app's catalogs. */
export const ReviewPackRequest = apiInput('ReviewPackRequest', {
  locale: z.enum(['en', 'tr', 'he', 'hu', 'lv']).default('en'),
  labels: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.string().max(200)).default({}),
});

/** A draft scheme settled over the provider's history (nothing stored). */
export const SimulateRequest = z
  .object({
    providerId: z.string().min(1).max(64),
    document: ContractDocument,
    to: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .openapi({ example: '2025-12' }),
    // Off the request since decision 0039 (a job with a time budget): up to five years.
    months: z.number().int().min(1).max(60).default(12),
  })
  .strict()
  .openapi('SimulateRequest');

export const SimulationSchema = apiObject('Simulation', {
  ...strings('providerId', 'currency'),
  months: z.array(
    z.object({
      period: z.string(),
      ...ints('contacts', 'chargesMinor', 'creditsMinor', 'earnBackMinor', 'bonusMinor', 'netMinor'),
      missedTerms: z.array(z.string()),
    }),
  ),
  distribution: z.object({
    ...ints('minMinor', 'medianMinor', 'maxMinor', 'totalMinor'),
  }),
  warnings: z.array(
    z.object({
      code: z.enum([
        'speed_without_guardrail',
        'bonus_without_quality_gate',
        'bonus_without_cap',
        'service_level_without_abandonment',
      ]),
      termId: z.string().nullable(),
    }),
  ),
});

/** The canonical export's round trips (decision 0039): the latest with their evidence, and one running. */
export const ExportChecksSchema = z
  .object({
    items: z.array(
      z.object({
        ...strings('id', 'checkedAt'),
        passed: z.boolean(),
        evidence: z.object({
          tickets: z.object({
            ...ints('database', 'exported', 'reimported', 'rejected'),
          }),
          messages: z.object({ database: z.number().int(), exported: z.number().int() }),
          checksum: z.object({ database: z.string(), reimported: z.string() }),
          bytes: z.number().int(),
          firstRejection: z.string().nullable(),
        }),
      }),
    ),
    running: z
      .object({ jobId: z.string(), status: z.enum(['queued', 'running']), progress: z.number() })
      .nullable(),
  })
  .openapi('ExportChecks');

/** A queued simulation (decision 0039): its job's state and progress, the answer once done. */
export const SimulationJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'dead', 'cancelled']),
    progress: z.number().openapi({ description: 'share of the months settled, 0–1' }),
    error: z.string().nullable(),
    result: SimulationSchema.nullable(),
  })
  .openapi('SimulationJob');

/** A vendor invoice as CSV text: a header row with unit, quantity, amount (major units). */
export const InvoiceRequest = z
  .object({ csv: z.string().min(1).max(1_000_000) })
  .strict()
  .openapi('InvoiceRequest');

export const ReconciliationSchema = apiObject('Reconciliation', {
  ...strings('contractId', 'period', 'currency'),
  ...ints('invoicedMinor', 'computedMinor', 'differenceMinor'),
  lines: z.array(
    z.object({
      unit: z.string(),
      line: z.number().int().nullable(),
      invoicedQuantity: z.number().int().nullable(),
      invoicedMinor: z.number().int().nullable(),
      computedQuantity: z.number().int().nullable(),
      computedMinor: z.number().int().nullable(),
      differenceMinor: z.number().int(),
      reason: z.enum([
        'matches',
        'quantity_differs',
        'amount_differs',
        'not_in_contract',
        'not_invoiced',
        'billed_twice',
      ]),
    }),
  ),
});

const Title = z.string().trim().min(1).max(300);

/**
 * What the register holds: review meetings, corrective actions, escalations, the client's own
 * obligations (forecasts delivered, articles updated), the transition runbook's steps and the
 * confirmed test of the canonical export (decision 0036).
 */
export const GovernanceKind = z.enum([
  'review',
  'action',
  'escalation',
  'obligation',
  'runbook_step',
  'export_test',
]);

/** A review meeting, a corrective action, an escalation, an obligation, a runbook step or an export test. */
export const GovernanceItemCreate = z
  .object({
    kind: GovernanceKind,
    title: Title,
    /** Who answers for it; a runbook step may be drafted unassigned (''), which keeps the runbook unmet. */
    owner: z.string().trim().max(200),
    /** The meeting's day or the due day; an escalation is due by its level's deadline when omitted. */
    dueOn: Day.optional(),
    reviewKind: z.enum(['operational', 'performance', 'business']).optional(),
    level: z.number().int().min(1).max(9).optional(),
  })
  .strict()
  .refine((v) => v.kind === 'runbook_step' || v.owner !== '', {
    path: ['owner'],
    message: 'an owner is required (only a runbook step may be unassigned)',
  })
  .openapi('GovernanceItemCreate');

export const GovernanceItemUpdate = z
  .object({
    status: z.enum(['open', 'done']).optional(),
    evidence: z.string().max(2_000).optional(),
    level: z.number().int().min(1).max(9).optional(),
    /** Assigns an item (a runbook step drafted unassigned gets its owner). */
    owner: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('GovernanceItemUpdate');

export const ReviewSchedule = z
  .object({ from: Day, weeks: z.number().int().min(1).max(53) })
  .strict()
  .openapi('ReviewSchedule');

export const GovernanceItemSchema = z
  .object({
    ...strings('id', 'contractId'),
    kind: GovernanceKind,
    ...strings('title', 'owner', 'dueOn'),
    reviewKind: z.enum(['operational', 'performance', 'business']).nullable(),
    level: z.number().int().nullable(),
    /** Who holds an escalation at its level (core ESCALATION_LADDER). */
    holder: z.string().nullable(),
    /** Who to reach at the escalation's level, as the contract's ladder names them. */
    contact: z.string().nullable(),
    status: z.enum(['open', 'done']),
    evidence: z.string(),
    source: z.string().nullable(),
    overdue: z.boolean(),
    /** For an overdue escalation: the level it should move to. */
    nextLevel: z.number().int().nullable(),
  })
  .openapi('GovernanceItem');

/** The client's side of exit readiness: who is in house, how long hiring takes, how long a contact takes. */
export const ExitReadinessRequest = apiInput('ExitReadinessRequest', {
  inHouseAgents: z.number().int().min(0).max(100_000),
  hiringLeadWeeks: z.number().int().min(0).max(104).default(8),
  ahtSec: z.number().int().min(1).max(36_000).default(600),
  shrinkage: z.number().min(0).max(0.9).default(0.3),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  timeZone: z.string().min(1).max(64).optional().openapi({
    description:
      'The IANA zone whose local hours and month the vendor’s volume is counted in (decision 0065); or give `teamId`. Neither: UTC.',
    example: 'Europe/Istanbul',
  }),
  teamId: z.string().min(1).max(64).optional().openapi({
    description:
      'A team of the organization whose time zone is taken (the in-house team that would take the volume back)',
  }),
});

export const ExitReadinessSchema = apiObject('ExitReadiness', {
  ...strings('contractId', 'endsOn', 'noticeBy', 'period'),
  /** The IANA zone the month and hours were counted in (decision 0065). */
  timeZone: z.string(),
  /** The month's tickets by local hour of day (0–23; a 25-hour day's repeated hour counts in its hour). */
  contactsByHour: z.array(z.number().int()),
  ...ints('contacts', 'peakScheduledAgents'),
  fte: z.number(),
  ...ints('inHouseAgents', 'gapAgents'),
  readyOn: z.string(),
  evidence: z.array(z.object({ item: z.string(), met: z.boolean(), detail: z.string() })),
  scoreBp: z.number().int(),
});
