import { z } from '@hono/zod-openapi';
import { SELECTION_STAGES } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';
import { nullableNumbers, nullableStrings, numbers, strings } from '../../platform/zod-field-lists.js';
import { ClockTime, TimeZone, WEEKDAYS } from '../identity/index.js';

const Name = z.string().trim().min(1).max(120);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
const Money = z.number().min(0).max(1e12);
const Fraction = z.number().min(0).max(0.95);
const Rate = z.number().min(0).max(5);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const Id = z.string().min(1).max(64);

export const PRICE_UNIT_VALUES = [
  'productive-hour',
  'scheduled-hour',
  'fte-month',
  'contact',
  'minute',
  'resolution',
  'month',
] as const;
export const LEANINGS = ['keep-in-house', 'outsource', 'hybrid', 'follow-the-sun'] as const;
export const PILOT_METRICS = ['resolved', 'reopened', 'csat-satisfied', 'handle-seconds'] as const;
/** Metrics compared as medians (bootstrap interval); the others are proportions (Newcombe). */
export const MEDIAN_METRICS: readonly string[] = ['handle-seconds'];

export const InHouseOptionInput = apiInput('SourceInHouseOption', {
  kind: z.literal('in-house'),
  name: Name,
  currency: Currency,
  country: z.string().length(2).optional(),
  shrinkage: Fraction,
  paidHoursPerFtePerYear: z.number().min(100).max(4000),
  wagePerFtePerYearMinor: Money,
  employerOnCostRate: Rate,
  benefitsPerFtePerYearMinor: Money,
  nightPremiumRate: Rate.optional(),
  agentsPerSupervisor: z.number().min(1).max(100),
  supervisorWagePerYearMinor: Money,
  agentsPerQa: z.number().min(1).max(500),
  qaWagePerYearMinor: Money,
  attritionRate: Rate,
  hiringCostPerHireMinor: Money,
  trainingCostPerHireMinor: Money,
  trainingPerFtePerYearMinor: Money,
  seatCostPerYearMinor: Money,
  toolingPerFtePerYearMinor: Money,
  managementOverheadRate: Rate,
  resolutionRate: z.number().min(0.01).max(1),
});

export const VendorOptionInput = apiInput('SourceVendorOption', {
  kind: z.literal('vendor'),
  name: Name,
  currency: Currency,
  country: z.string().length(2).optional(),
  vendorId: Id.optional(),
  shrinkage: Fraction,
  paidHoursPerFtePerYear: z.number().min(100).max(4000),
  pricing: z
    .array(
      z
        .object({
          unit: z.enum(PRICE_UNIT_VALUES),
          priceMinor: Money,
          minimumUnitsPerMonth: z.number().min(0).max(1e9).optional(),
        })
        .strict(),
    )
    .min(1)
    .max(6),
  oneOffCosts: z
    .array(z.object({ key: z.string().trim().min(1).max(40), amountMinor: Money }).strict())
    .max(10)
    .optional(),
  contractYears: z.number().min(0.25).max(10).optional(),
  governanceRate: Fraction.optional(),
  governancePerYearMinor: Money.optional(),
  resolutionRate: z.number().min(0.01).max(1),
});

export const SourceOptionInput = z.discriminatedUnion('kind', [InHouseOptionInput, VendorOptionInput]);

/** What every kind of demand states: its kind, the year it covers, then its own fields, then the handling time. */
function demandKind<const K extends string, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z
    .object({
      kind: z.literal(kind),
      year: z.number().int().min(2000).max(2100),
      ...fields,
      ahtSec: z.number().min(1).max(36_000),
    })
    .strict();
}

/** Which imported tickets a history or forecast demand counts, and the zone its hours are in. */
const TicketSlice = {
  timeZone: z.string().min(1).max(64).default('UTC'),
  channel: z.string().min(1).max(32).optional(),
  language: z.string().min(1).max(35).optional(),
};

export const SourceDemand = z
  .union([
    demandKind('pattern', {
      /** Contacts per hour of the week, Monday 00:00 first. */
      perHourOfWeek: z.array(z.number().min(0).max(1e6)).length(168),
    }),
    demandKind('history', {
      /** Imported tickets created in [from, to) give the weekly pattern (Insight, hour of week). */
      from: Day,
      to: Day,
      ...TicketSlice,
      /** Multiplies history, e.g. 1.1 for 10 % growth. */
      growth: z.number().min(0.01).max(100).default(1),
    }),
    demandKind('forecast', {
      /** History to learn from: imported tickets created in [from, to), at least one whole week. */
      from: Day,
      to: Day,
      /** The forecast's next N weeks after `to` set the level of each weekday. */
      weeks: z.number().int().min(1).max(26),
      method: z.enum(['auto', 'snaive', 'mean4', 'mean8', 'poisson']).default('auto'),
      ...TicketSlice,
    }),
  ])
  .openapi('SourceDemand');

export const SourceScenarioDefinition = z
  .object({
    demand: SourceDemand,
    staffing: z
      .object({
        intervalMin: z.union([z.literal(15), z.literal(30), z.literal(60)]),
        serviceLevel: z
          .object({ fraction: z.number().min(0.01).max(0.99), withinSec: z.number().int().min(0).max(3600) })
          .strict(),
        maxOccupancy: z.number().min(0.3).max(1).optional(),
        channel: z.enum(['voice', 'chat']).default('voice'),
        concurrency: z.number().int().min(1).max(8).optional(),
        patienceSec: z.number().min(1).max(3600).optional(),
      })
      .strict(),
    reportingCurrency: Currency,
    fx: z
      .record(
        Currency,
        z
          .object({ rate: z.number().positive().max(1e6), asOf: Day, source: z.string().max(200).optional() })
          .strict(),
      )
      .default({}),
    options: z.array(SourceOptionInput).min(1).max(6),
    /**
     * What-if: the help center deflects `rate` of topic `topic`'s contacts, `topicShare` of the
     * volume; the demand is multiplied by 1 − topicShare × rate (core deflectionVolumeFactor).
     */
    deflection: z
      .object({
        topic: z.string().min(1).max(64),
        topicShare: z.number().min(0).max(1),
        rate: z.number().min(0).max(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('SourceScenarioDefinition');

export const SourceScenarioCreate = z
  .object({ name: Name, definition: SourceScenarioDefinition })
  .strict()
  .openapi('SourceScenarioCreate');

export const SourceCompareRequest = apiInput('SourceCompareRequest', {
  definition: SourceScenarioDefinition,
  sensitivity: z.boolean().default(false),
  breakEven: z.boolean().default(false),
});

const CostLineSchema = z.object({
  key: z.string(),
  ...numbers('quantity', 'rateMinor', 'amountMinor'),
});
export const SourceOptionCostSchema = apiObject('SourceOptionCost', {
  name: z.string(),
  kind: z.enum(['in-house', 'vendor']),
  ...strings('pricingModel', 'currency', 'reportingCurrency'),
  lines: z.array(CostLineSchema),
  ...numbers('totalMinor', 'perYearMinor', 'contacts', 'resolvedContacts'),
  ...nullableNumbers('costPerContactMinor', 'costPerResolutionMinor'),
  ...numbers('productiveHours', 'scheduledHours', 'fte', 'peakScheduledAgents'),
});

export const SourceComparisonSchema = apiObject('SourceComparison', {
  /** Where the volume came from: typed-in figures, history, or the forecast of the next N weeks. */
  demandSource: z.object({
    kind: z.enum(['pattern', 'history', 'forecast']),
    /** The forecast's method (`auto` names the one its backtest chose); null otherwise. */
    method: z.string().nullable(),
    weeks: z.number().nullable(),
  }),
  ...numbers('intervals', 'contacts', 'productiveHours', 'peakProductiveAgents'),
  expectedServiceLevel: z.number().nullable(),
  options: z.array(SourceOptionCostSchema),
  lowestCostPerResolution: z.number().nullable(),
  fx: z.record(z.string(), z.object({ rate: z.number(), asOf: z.string(), source: z.string().optional() })),
  sensitivity: z
    .array(
      z.object({
        ...strings('option', 'input'),
        ...numbers('base', 'low', 'high', 'swing'),
      }),
    )
    .nullable(),
  breakEven: z
    .array(
      z.object({
        ...strings('a', 'b'),
        volumeMultiplier: z.number().nullable(),
        cheaperBelow: z.string(),
      }),
    )
    .nullable(),
});

export const SourceScenarioSchema = apiObject('SourceScenario', {
  ...strings('id', 'name'),
  version: z.number(),
  definition: SourceScenarioDefinition,
  ...strings('createdBy', 'createdAt', 'updatedAt'),
});

export const SourceDefaultsSchema = apiObject('SourceDefaults', {
  references: z.array(
    z.object({
      key: z.string(),
      country: z.string().nullable(),
      ...numbers('low', 'high'),
      unit: z.string(),
      currency: z.string().nullable(),
      ...strings('year', 'source'),
      grade: z.enum(['solid', 'moderate', 'weak', 'assumption']),
    }),
  ),
  example: SourceScenarioDefinition,
});

export const SourceVendorCreate = apiInput('SourceVendorCreate', {
  name: Name,
  providerId: Id.optional(),
  shore: z.enum(['onshore', 'nearshore', 'offshore']),
  countries: z.array(z.string().length(2)).max(30).default([]),
  languages: z
    .array(
      z.object({ tag: z.string().min(2).max(35), nativeSpeakers: z.number().int().min(0).max(1e6) }).strict(),
    )
    .max(60)
    .default([]),
  hoursCovered: z.string().max(120).default(''),
  sites: z.number().int().min(0).max(1000).default(1),
  /** Redundant power (generators, UPS) and network (two carriers) at the delivery sites. */
  redundantPower: z.boolean().default(false),
  redundantNetwork: z.boolean().default(false),
  continuityTestedOn: Day.optional(),
  /** Financial stability: revenue, credit rating, ownership changes, in the business's words. */
  financialStability: z.string().max(2000).default(''),
  references: z
    .array(
      z
        .object({
          client: z.string().trim().min(1).max(120),
          contact: z.string().max(200).default(''),
          yearsAsClient: z.number().min(0).max(100).optional(),
          /** A client that has left (the reference notes ask for one). */
          former: z.boolean().default(false),
          notes: z.string().max(2000).default(''),
        })
        .strict(),
    )
    .max(20)
    .default([]),
  certifications: z
    .array(
      z
        .object({
          name: z.enum(['ISO 27001', 'SOC 2', 'PCI DSS', 'ISO 18295', 'COPC', 'other']),
          expiresOn: Day,
        })
        .strict(),
    )
    .max(20)
    .default([]),
  clients: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  notes: z.string().max(4000).default(''),
});

export const SourceVendorSchema = SourceVendorCreate.extend({
  id: z.string(),
  providerId: z.string().nullable(),
  createdAt: z.string(),
  /** Certifications expiring within 90 days of today (or already expired). */
  expiringCertifications: z.array(z.string()),
}).openapi('SourceVendor');

export const SourceCriterion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
    label: z.string().trim().min(1).max(120),
    weight: z.number().positive().max(1000),
    knockout: z.boolean().optional(),
    price: z.boolean().optional(),
  })
  .strict();

export const SourceScorecardCreate = apiInput('SourceScorecardCreate', {
  name: Name,
  criteria: z.array(SourceCriterion).min(2).max(40),
  vendorIds: z.array(Id).min(1).max(20),
  /** Normalised price per vendor (e.g. cost per resolution from a comparison), minor units. */
  prices: z.record(Id, z.number().positive().max(1e12)).default({}),
});

export const SourceScoresUpdate = apiInput('SourceScoresUpdate', {
  scores: z
    .array(
      z
        .object({ vendorId: Id, criterion: z.string().min(1).max(40), score: z.number().min(0).max(5) })
        .strict(),
    )
    .min(1)
    .max(1000),
});

export const SourceScorecardSchema = apiObject('SourceScorecard', {
  ...strings('id', 'name'),
  criteria: z.array(SourceCriterion),
  vendors: z.array(z.object({ id: z.string(), name: z.string() })),
  prices: z.record(z.string(), z.number()),
  evaluators: z.array(z.string()),
  result: z.object({
    vendors: z.array(
      z.object({
        vendor: z.string(),
        total: z.number(),
        knockedOut: z.boolean(),
        rank: z.number().nullable(),
        criteria: z.array(
          z.object({
            criterion: z.string(),
            weightPercent: z.number(),
            ...nullableNumbers('mean', 'min', 'max', 'spread'),
            evaluators: z.number(),
          }),
        ),
      }),
    ),
    winnerRobustToWeights: z.boolean(),
  }),
  createdAt: z.string(),
});

/** One weekly window of a pilot's slice: days, and a local start and end (an end ≤ start runs past midnight). */
const PilotWindow = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'name at least one day')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'each day once'),
    start: ClockTime,
    end: ClockTime,
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.start === '24:00')
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'a window cannot start at 24:00' });
    if (w.start === w.end)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'start and end must differ; an end before the start runs past midnight',
      });
  });
/** The slice's hours: weekly windows read on the wall clock of an IANA time zone (core `WeeklyHours`). */
export const PilotHours = z
  .object({ timeZone: TimeZone, windows: z.array(PilotWindow).min(1, 'name at least one window').max(14) })
  .strict()
  .openapi('SourcePilotHours');
/** One arm of a pilot: a vendor's teams, or in house (`vendorId: null`), with its weight. */
const PilotArm = z.object({ vendorId: Id.nullable(), weight: z.number().positive().max(100) }).strict();
/** Least share of the slice an arm may get (as a two-arm ratio's bounds, 0.05–0.95). */
export const MIN_ARM_SHARE = 0.05;

export const SourcePilotCreate = z
  .object({
    name: Name,
    /** A vendor against in house: the vendor, and its share of the slice (`ratio`). Or name `arms`. */
    vendorId: Id.optional(),
    slice: z
      .object({
        channel: z.string().max(32).optional(),
        language: z.string().max(35).optional(),
        topic: z.string().max(120).optional(),
        hours: PilotHours.optional(),
      })
      .strict()
      .default({}),
    /** Share of the slice routed to the vendor (with `vendorId`). */
    ratio: z.number().min(0.05).max(0.95).optional(),
    /** Several arms (in house and/or vendors) with weights; compared with the in-house arm, or the first. */
    arms: z.array(PilotArm).min(2).max(5).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    metric: z.enum(PILOT_METRICS),
    higherIsBetter: z.boolean(),
    /** Today's in-house rate of a proportion metric (its sample size follows from it). */
    baseline: z.number().min(0.01).max(0.99).optional(),
    /** The smallest difference that matters: a proportion, or seconds for a median metric. */
    mdd: z.number().min(0.005).max(36_000),
    /** A median metric's pre-registered sample per arm (from the team's own handle-time spread). */
    sampleSizePerArm: z.number().int().min(2).max(1_000_000).optional(),
    alpha: z.number().min(0.001).max(0.2).default(0.05),
    power: z.number().min(0.5).max(0.99).default(0.8),
    /** The pre-registered period: how many days the split runs once started (start may name its own). */
    periodDays: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (p.arms === undefined) {
      if (p.vendorId === undefined) issue(['vendorId'], 'name the vendor (or the arms)');
      if (p.ratio === undefined) issue(['ratio'], 'give the vendor’s share of the slice (or the arms)');
    } else {
      if (p.vendorId !== undefined || p.ratio !== undefined)
        issue(['arms'], 'give arms, or vendorId and ratio, not both');
      const total = p.arms.reduce((a, b) => a + b.weight, 0);
      const seen = new Set<string | null>();
      p.arms.forEach((arm, i) => {
        if (seen.has(arm.vendorId))
          issue(
            ['arms', i, 'vendorId'],
            arm.vendorId === null ? 'only one in-house arm' : 'a vendor may have one arm',
          );
        seen.add(arm.vendorId);
        if (arm.weight / total < MIN_ARM_SHARE)
          issue(['arms', i, 'weight'], 'each arm needs at least 5 % of the slice');
      });
      if (p.arms.every((a) => a.vendorId === null)) issue(['arms'], 'a pilot needs at least one vendor arm');
    }
    if (MEDIAN_METRICS.includes(p.metric)) {
      if (p.sampleSizePerArm === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['sampleSizePerArm'],
          message: 'a median metric needs its sample size per arm',
        });
    } else {
      if (p.baseline === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['baseline'],
          message: 'a proportion metric needs its baseline',
        });
      if (p.mdd > 0.5)
        ctx.addIssue({ code: 'custom', path: ['mdd'], message: 'a proportion difference is at most 0.5' });
    }
  })
  .openapi('SourcePilotCreate');

export const SourcePilotStart = apiInput('SourcePilotStart', {
  /** How long the split runs from now (default: the pilot's pre-registered `periodDays`). */
  days: z.number().int().min(1).max(365).optional(),
});

export const SourcePilotObservations = z
  .object({
    arm: z.enum(['vendor', 'in-house']),
    /** A proportion metric: contacts observed and successes among them. */
    n: z.number().int().min(1).max(1_000_000).optional(),
    successes: z.number().int().min(0).max(1_000_000).optional(),
    /** A median metric (handle time): each contact's value in seconds, as observed outside Shoreline. */
    values: z.array(z.number().min(0).max(86_400)).min(1).max(10_000).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.values !== undefined) {
      if (o.n !== undefined || o.successes !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['values'],
          message: 'give values or n and successes, not both',
        });
      return;
    }
    if (o.n === undefined)
      ctx.addIssue({ code: 'custom', path: ['n'], message: 'n is required (or values for a median metric)' });
    if (o.successes === undefined)
      ctx.addIssue({ code: 'custom', path: ['successes'], message: 'successes is required with n' });
    if (o.n !== undefined && o.successes !== undefined && o.successes > o.n)
      ctx.addIssue({ code: 'custom', path: ['successes'], message: 'successes cannot exceed n' });
  })
  .openapi('SourcePilotObservations');

export const SourcePilotAssign = z
  .object({ contactId: z.string().min(1).max(128) })
  .strict()
  .openapi('SourcePilotAssign');

const IntervalSchema = z.object({
  ...nullableNumbers('estimate', 'low', 'high'),
});
export const SourcePilotSchema = z
  .object({
    ...strings('id', 'name', 'vendorId'),
    definition: z.record(z.string(), z.unknown()),
    sampleSizePerArm: z.number(),
    samples: z.object({ vendor: z.number(), inHouse: z.number() }),
    successes: z.object({ vendor: z.number(), inHouse: z.number() }),
    stillNeeded: z.object({ vendor: z.number(), inHouse: z.number() }),
    difference: IntervalSchema,
    verdict: z.enum(['vendor-better', 'vendor-worse', 'equivalent', 'inconclusive']).nullable(),
    /** Every arm: `in-house` or the vendor's id as key, its share of the slice and what it measured. */
    arms: z.array(
      z.object({
        key: z.string(),
        vendorId: z.string().nullable(),
        ...numbers('share', 'samples', 'successes', 'stillNeeded'),
      }),
    ),
    /**
     * Each arm against the baseline arm (in house, or the first arm when there is none): the
     * interval for arm − baseline and the verdict (`vendor-better`: the arm is better). The
     * top-level `samples` … `verdict` repeat the first comparison.
     */
    comparisons: z.array(
      z.object({
        ...strings('arm', 'baseline'),
        difference: IntervalSchema,
        verdict: z.enum(['vendor-better', 'vendor-worse', 'equivalent', 'inconclusive']).nullable(),
      }),
    ),
    /** Proportions: Newcombe's interval; medians: a percentile bootstrap. */
    method: z.enum(['newcombe', 'bootstrap-median']),
    /** The routing split that sends the slice's new tickets to the arms, while it runs. */
    routing: z.object({ splitId: z.string(), startsAt: z.string(), endsAt: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('SourcePilot');

export const SourceReadinessQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  timeZone: z.string().min(1).max(64).default('UTC'),
});

export const SourceReadinessSchema = apiObject('SourceReadiness', {
  answers: z.array(
    z.object({
      question: z.string(),
      status: z.enum(['measured', 'needs-user', 'no-data']),
      evidence: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
      leaning: z.enum(LEANINGS).nullable(),
      reason: z.string().nullable(),
    }),
  ),
  segments: z.array(
    z.object({
      /** A channel, or `all` without a channel breakdown. */
      ...strings('channel', 'language'),
      hours: z.enum(['business', 'after-hours']),
      tier: z.enum(['simple', 'complex']),
      grade: z.enum(LEANINGS),
      reasons: z.array(z.string()),
    }),
  ),
  tickets: z.number(),
  ...nullableStrings('from', 'to'),
});

export const SourceDecisionCreate = apiInput('SourceDecisionCreate', {
  scenarioId: Id.optional(),
  scorecardId: Id.optional(),
  pilotIds: z.array(Id).max(10).default([]),
  decision: z.enum(LEANINGS),
  reasons: z.string().trim().min(1).max(4000),
  approver: z.string().trim().min(1).max(120),
  reviewOn: Day,
});

export const SourceDecisionSchema = apiObject('SourceDecision', {
  id: z.string(),
  version: z.number(),
  body: z.record(z.string(), z.unknown()),
  ...strings('decidedBy', 'createdAt'),
});

export const SourceReportRequest = apiInput('SourceReportRequest', {
  definition: SourceScenarioDefinition,
  scorecardId: Id.optional(),
  locale: z.enum(['en', 'tr', 'he', 'hu', 'lv']).default('en'),
  /** The report's words in the reader's language, from the web app's catalogs. */
  labels: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z.-]{0,60}$/), z.string().max(400))
    .refine((r) => Object.keys(r).length <= 200, { message: 'at most 200 labels' })
    .default({}),
  /** Include the readiness assessment (measured from the imported history). */
  assessment: z.boolean().default(false),
});

// Selection process and evidence files (decision 0028) ----------------------------------------

/** The selection's stages, in order (core `selection.ts`). */
export const SELECTION_STAGE_VALUES = SELECTION_STAGES;

const StagePlan = z
  .object({
    stage: z.enum(SELECTION_STAGE_VALUES),
    owner: z.string().trim().min(1).max(120).optional(),
    dueOn: Day.optional(),
  })
  .strict();

export const SourceSelectionCreate = apiInput('SourceSelectionCreate', {
  name: Name,
  /** The long list. */
  vendorIds: z.array(Id).min(1).max(50),
  scorecardId: Id.optional(),
  stages: z.array(StagePlan).max(7).default([]),
});

export const SourceStageUpdate = apiInput('SourceStageUpdate', {
  stage: z.enum(SELECTION_STAGE_VALUES),
  owner: z.string().trim().min(1).max(120).nullable().optional(),
  dueOn: Day.nullable().optional(),
  /** Evidence file ids (the RFI, the RFP, answers, the pilot plan). */
  documents: z.array(Id).max(50).optional(),
});

export const SourceSelectionAdvance = apiInput('SourceSelectionAdvance', {
  exclude: z
    .array(z.object({ vendorId: Id, reason: z.string().trim().min(1).max(400) }).strict())
    .max(50)
    .default([]),
  /** At the decision stage: the vendor awarded, or null for no award. */
  awardTo: Id.nullable().optional(),
});

export const SourceSelectionSchema = apiObject('SourceSelection', {
  ...strings('id', 'name'),
  scorecardId: z.string().nullable(),
  stage: z.enum([...SELECTION_STAGE_VALUES, 'closed']),
  stages: z.array(
    z.object({
      stage: z.enum(SELECTION_STAGE_VALUES),
      ...nullableStrings('owner', 'dueOn', 'completedOn'),
      documents: z.array(z.string()),
    }),
  ),
  vendors: z.array(
    z.object({
      ...strings('vendorId', 'name'),
      status: z.enum(['in', 'out', 'awarded']),
      leftAt: z.enum(SELECTION_STAGE_VALUES).nullable(),
      reason: z.string().nullable(),
    }),
  ),
  overdue: z.array(z.enum(SELECTION_STAGE_VALUES)),
  ...strings('createdAt', 'updatedAt'),
});

export const EVIDENCE_KINDS = [
  'ISO 27001',
  'SOC 2',
  'PCI DSS',
  'ISO 18295',
  'COPC',
  'rfi',
  'rfi-answer',
  'rfp',
  'rfp-answer',
  'pilot-plan',
  'reference',
  'financial',
  'continuity-test',
  'other',
] as const;

export const SourceEvidenceCreate = z
  .object({
    vendorId: Id.optional(),
    selectionId: Id.optional(),
    kind: z.enum(EVIDENCE_KINDS),
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a file name, not a path'),
    contentType: z
      .string()
      .max(120)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as application/pdf')
      .default('application/octet-stream'),
    /** The file's bytes, base64 (within the API's body limit). */
    contentBase64: z
      .string()
      .min(1)
      .max(2_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    expiresOn: Day.optional(),
  })
  .strict()
  .refine((e) => e.vendorId !== undefined || e.selectionId !== undefined, {
    message: 'name the vendor or the selection the file belongs to',
    path: ['vendorId'],
  })
  .openapi('SourceEvidenceCreate');

export const SourceEvidenceQuery = z.object({
  vendorId: Id.optional(),
  selectionId: Id.optional(),
  /** Only files expiring within this many days (or already expired). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});

export const SourceEvidenceSchema = apiObject('SourceEvidence', {
  id: z.string(),
  ...nullableStrings('vendorId', 'selectionId'),
  kind: z.enum(EVIDENCE_KINDS),
  ...strings('fileName', 'contentType'),
  sizeBytes: z.number(),
  sha256: z.string(),
  expiresOn: z.string().nullable(),
  /** `expired`, `expiring` (within 90 days), `valid`, or null without an expiry date. */
  expiry: z.enum(['expired', 'expiring', 'valid']).nullable(),
  ...strings('uploadedBy', 'createdAt'),
});
