import type { z } from '@hono/zod-openapi';
import {
  businessHoursPattern,
  type Criterion,
  GERMANY_IN_HOUSE,
  PHILIPPINES_OFFSHORE_PER_CONTACT,
  POLAND_NEARSHORE_PER_HOUR,
  REFERENCE_DEFAULTS,
  SourceInputError,
  scorecard as scoreVendors,
} from '@shoreline/core';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import type { KpiService } from '../insight/index.js';
import { compareScenario, type ScenarioDefinition } from './compare-service.js';
import { named, requireIds, vendorNames } from './named-rows.js';
import { pilotsNamed } from './pilot-service.js';
import { authorizeSource, sourceUseCase } from './policy.js';
import { parsed, presentDecision, presentScenario, presentVendor } from './presenters.js';
import { readiness } from './readiness-service.js';
import { renderReport } from './report.js';
import type {
  SourceCompareRequest,
  SourceDecisionCreate,
  SourcePilotSchema,
  SourceReportRequest,
  SourceScenarioCreate,
  SourceScorecardCreate,
  SourceScorecardSchema,
  SourceScoresUpdate,
  SourceVendorCreate,
} from './schemas.js';

type SourcePilot = z.infer<typeof SourcePilotSchema>;
type SourceScorecard = z.infer<typeof SourceScorecardSchema>;

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);
const json = (value: unknown) => JSON.stringify(value);

/** The worked example as a scenario definition: the page's starting point. */
export function exampleDefinition(): ScenarioDefinition {
  return {
    demand: { kind: 'pattern', year: 2025, perHourOfWeek: businessHoursPattern(200), ahtSec: 180 },
    staffing: { intervalMin: 30, serviceLevel: { fraction: 0.8, withinSec: 20 }, channel: 'voice' },
    reportingCurrency: 'EUR',
    fx: { USD: { rate: 0.92, asOf: '2026-11-30', source: 'example: enter your own dated rate' } },
    options: [
      { ...GERMANY_IN_HOUSE, country: 'DE' },
      {
        ...POLAND_NEARSHORE_PER_HOUR,
        country: 'PL',
        pricing: [...POLAND_NEARSHORE_PER_HOUR.pricing],
        oneOffCosts: [...(POLAND_NEARSHORE_PER_HOUR.oneOffCosts ?? [])],
      },
      {
        ...PHILIPPINES_OFFSHORE_PER_CONTACT,
        country: 'PH',
        pricing: [...PHILIPPINES_OFFSHORE_PER_CONTACT.pricing],
        oneOffCosts: [...(PHILIPPINES_OFFSHORE_PER_CONTACT.oneOffCosts ?? [])],
      },
    ],
  } as ScenarioDefinition;
}

export function defaults(scoped: ScopedDb) {
  authorizeSource(scoped.actor, 'source.read');
  return { references: REFERENCE_DEFAULTS.map((r) => ({ ...r })), example: exampleDefinition() };
}

export const compare = sourceUseCase(
  'source.read',
  async (scoped: ScopedDb, kpis: KpiService, body: z.output<typeof SourceCompareRequest>) => {
    return compareScenario(scoped, kpis, body.definition, {
      sensitivity: body.sensitivity,
      breakEven: body.breakEven,
    });
  },
);

// Scenarios ------------------------------------------------------------------------------------

export const listScenarios = sourceUseCase('source.read', async (scoped: ScopedDb) => {
  const rows = await scoped.latest('source_scenarios', 'created_at', 200);
  return rows.map(presentScenario);
});

export const getScenario = sourceUseCase('source.read', async (scoped: ScopedDb, id: string) => {
  return presentScenario(await scoped.findOrNotFound('source_scenarios', id, 'scenario'));
});

export const createScenario = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, clock: Clock, input: z.output<typeof SourceScenarioCreate>) => {
    const now = clock.now();
    const row = await insertNewRow(scoped, 'source_scenarios', 'scn', now, {
      name: input.name,
      version: 1,
      definition: json(input.definition),
      created_by: scoped.actor.userId,
      created_at: now,
      updated_at: now,
    });
    return presentScenario(row as never);
  },
);

export const updateScenario = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, clock: Clock, id: string, input: z.output<typeof SourceScenarioCreate>) => {
    const row = await scoped.updateOrNotFound('source_scenarios', id, 'scenario', {
      name: input.name,
      definition: json(input.definition),
      version: sql`version + 1`,
      updated_at: clock.now(),
    });
    return presentScenario(row);
  },
);

// Vendors --------------------------------------------------------------------------------------

export const listVendors = sourceUseCase('source.read', async (scoped: ScopedDb, clock: Clock) => {
  const rows = await scoped.selectFrom('source_vendors').selectAll().orderBy('name').limit(500).execute();
  return rows.map((r) => presentVendor(r, today(clock)));
});

/** A vendor's platform provider must be one of the organization's (a 404 naming `providerId`). */
async function checkProvider(scoped: ScopedDb, providerId: string | undefined) {
  if (providerId === undefined) return;
  const directory = await directoryFor(scoped);
  if (!directory.providers.some((p) => p.id === providerId))
    throw new AppError('not_found', 'provider not found', 'providerId');
}

export const createVendor = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, clock: Clock, input: z.output<typeof SourceVendorCreate>) => {
    await checkProvider(scoped, input.providerId);
    const { name, providerId, ...profile } = input;
    const now = clock.now();
    const row = await insertNewRow(scoped, 'source_vendors', 'ven', now, {
      provider_id: providerId ?? null,
      name,
      profile: json(profile),
      created_at: now,
    });
    return presentVendor(row as never, today(clock));
  },
);

/** Replaces a vendor's profile (its provider link included). */
export const updateVendor = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, clock: Clock, id: string, input: z.output<typeof SourceVendorCreate>) => {
    await checkProvider(scoped, input.providerId);
    const { name, providerId, ...profile } = input;
    const row = await scoped.updateOrNotFound('source_vendors', id, 'vendor', {
      name,
      provider_id: providerId ?? null,
      profile: json(profile),
    });
    return presentVendor(row, today(clock));
  },
);

// Scorecards -----------------------------------------------------------------------------------

type CriterionInput = Criterion & { label: string };

async function scorecardView(scoped: ScopedDb, id: string): Promise<SourceScorecard> {
  const row = await scoped.findOrNotFound('source_scorecards', id, 'scorecard');
  const criteria = parsed<CriterionInput[]>(row.criteria);
  const vendorIds = parsed<string[]>(row.vendor_ids);
  const prices = parsed<Record<string, number>>(row.prices);
  const names = await vendorNames(scoped, vendorIds);
  const scores = await scoped
    .selectFrom('source_scores')
    .selectAll()
    .where('scorecard_id', '=', id)
    .execute();
  const result = scoreVendors(
    criteria,
    scores.map((s) => ({
      vendor: s.vendor_id,
      evaluator: s.evaluator_id,
      criterion: s.criterion,
      score: Number(s.score),
    })),
    prices,
  );
  return {
    id: row.id,
    name: row.name,
    criteria,
    vendors: vendorIds.flatMap((v) => (names.has(v) ? [{ id: v, name: names.get(v)! }] : [])),
    prices,
    evaluators: [...new Set(scores.map((s) => s.evaluator_id))].sort(),
    result: {
      winnerRobustToWeights: result.winnerRobustToWeights,
      vendors: result.vendors.map((v) => ({ ...v, criteria: [...v.criteria] })),
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const listScorecards = sourceUseCase('source.read', async (scoped: ScopedDb) => {
  const rows = await scoped
    .selectFrom('source_scorecards')
    .select('id')
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return Promise.all(rows.map((r) => scorecardView(scoped, r.id)));
});

export const getScorecard = sourceUseCase('source.read', async (scoped: ScopedDb, id: string) => {
  return scorecardView(scoped, id);
});

export const createScorecard = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, clock: Clock, input: z.output<typeof SourceScorecardCreate>) => {
    await requireIds(scoped, 'source_vendors', input.vendorIds, 'vendorIds');
    const badPrice = Object.keys(input.prices).find((v) => !input.vendorIds.includes(v));
    if (badPrice !== undefined) throw new AppError('not_found', 'vendor not found', `prices.${badPrice}`);
    try {
      scoreVendors(input.criteria, [], input.prices);
    } catch (err) {
      if (err instanceof SourceInputError) {
        throw new AppError('validation_failed', err.message, err.field, [
          { field: err.field, code: err.code, message: err.reason },
        ]);
      }
      throw err;
    }
    const now = clock.now();
    const { id } = await insertNewRow(scoped, 'source_scorecards', 'scd', now, {
      name: input.name,
      criteria: json(input.criteria),
      vendor_ids: json(input.vendorIds),
      prices: json(input.prices),
      created_at: now,
    });
    return scorecardView(scoped, id);
  },
);

/** The caller's own scores (the caller is the evaluator): each replaces that evaluator's earlier one. */
export const putScores = sourceUseCase(
  'source.score',
  async (scoped: ScopedDb, clock: Clock, id: string, input: z.output<typeof SourceScoresUpdate>) => {
    const view = await scorecardView(scoped, id);
    const priceCriteria = new Set(view.criteria.filter((c) => c.price).map((c) => c.id));
    input.scores.forEach((s, i) => {
      if (!view.vendors.some((v) => v.id === s.vendorId))
        throw new AppError('not_found', 'vendor not found', `scores.${i}.vendorId`);
      const criterion = view.criteria.find((c) => c.id === s.criterion);
      if (!criterion || priceCriteria.has(s.criterion)) {
        throw new AppError(
          'validation_failed',
          'not a scored criterion of this scorecard',
          `scores.${i}.criterion`,
        );
      }
      if (!criterion.knockout && s.score < 1) {
        throw new AppError(
          'validation_failed',
          'scores run from 1 to 5 (0 only on knock-out criteria)',
          `scores.${i}.score`,
        );
      }
    });
    const now = clock.now();
    const rows = input.scores.map((s) => ({
      scorecard_id: id,
      vendor_id: s.vendorId,
      evaluator_id: scoped.actor.userId,
      criterion: s.criterion,
      score: s.score,
      updated_at: now,
    }));
    await scoped.transaction(async (tx) => {
      for (const r of rows) {
        await tx
          .deleteFrom('source_scores')
          .where('scorecard_id', '=', id)
          .where('vendor_id', '=', r.vendor_id)
          .where('evaluator_id', '=', r.evaluator_id)
          .where('criterion', '=', r.criterion)
          .execute();
      }
      await tx.insertInto('source_scores', rows).execute();
    });
    return scorecardView(scoped, id);
  },
);

// Decisions ------------------------------------------------------------------------------------

export const listDecisions = sourceUseCase('source.read', async (scoped: ScopedDb) => {
  const rows = await scoped.latest('source_decisions', 'version', 100);
  return rows.map(presentDecision);
});

/** Records a decision version with a snapshot of what it rests on (costs, scorecard, pilots). */
export const createDecision = sourceUseCase(
  'source.manage',
  async (scoped: ScopedDb, kpis: KpiService, clock: Clock, input: z.output<typeof SourceDecisionCreate>) => {
    const scenario = input.scenarioId
      ? await named(scoped.findOrNotFound('source_scenarios', input.scenarioId, 'scenario'), 'scenarioId')
      : null;
    const comparison = scenario
      ? await compareScenario(scoped, kpis, parsed<ScenarioDefinition>(scenario.definition), {
          sensitivity: false,
          breakEven: false,
        })
      : null;
    const card = input.scorecardId
      ? await named(scorecardView(scoped, input.scorecardId), 'scorecardId')
      : null;
    const pilots = await pilotsNamed(scoped, input.pilotIds, 'pilotIds');
    const now = clock.now();
    return scoped.transaction(async (tx) => {
      const last = await tx
        .selectFrom('source_decisions')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const row = await insertNewRow(tx, 'source_decisions', 'dec', now, {
        version,
        body: json({
          ...input,
          scenario: scenario ? presentScenario(scenario) : null,
          comparison,
          scorecard: card,
          pilots,
        }),
        decided_by: scoped.actor.userId,
        created_at: now,
      });
      return presentDecision(row as never);
    });
  },
);

/** The decision report as a PDF: the comparison (and a scorecard, if named) in the reader's language. */
export const report = sourceUseCase(
  'source.read',
  async (scoped: ScopedDb, kpis: KpiService, clock: Clock, input: z.output<typeof SourceReportRequest>) => {
    const comparison = await compareScenario(scoped, kpis, input.definition, {
      sensitivity: false,
      breakEven: false,
    });
    const card = input.scorecardId
      ? await named(scorecardView(scoped, input.scorecardId), 'scorecardId')
      : null;
    const assessment = input.assessment ? await readiness(scoped, kpis, clock, { timeZone: 'UTC' }) : null;
    const [latest] = await scoped.latest('source_decisions', 'version', 1);
    const decision = latest ? presentDecision(latest) : null;
    const body = decision?.body as
      | { decision: string; reasons: string; approver: string; reviewOn: string; pilots?: SourcePilot[] }
      | undefined;
    // The decision's own pilots as recorded, else the pilots run so far.
    const pilots = body?.pilots ?? (await pilotsNamed(scoped, await recentPilotIds(scoped), 'pilots'));
    return renderReport({
      locale: input.locale,
      labels: input.labels,
      generatedAt: clock.now(),
      comparison,
      scorecard: card
        ? {
            name: card.name,
            vendors: card.result.vendors.map((v) => ({
              name: card.vendors.find((x) => x.id === v.vendor)?.name ?? v.vendor,
              total: v.total,
              rank: v.rank,
            })),
          }
        : null,
      assessment: assessment?.answers.map((a) => ({
        question: a.question,
        status: a.status,
        leaning: a.leaning,
      })),
      pilots: await pilotRows(scoped, pilots, input.labels.inHouse ?? 'In house'),
      decision:
        decision && body
          ? {
              version: decision.version,
              decision: body.decision,
              reasons: body.reasons,
              approver: body.approver,
              reviewOn: body.reviewOn,
            }
          : null,
    });
  },
);

/**
 * The report's pilot rows: one per comparison of an arm with the baseline ("Pilot: Manila CX −
 * In house"), arms named by their vendors; a pilot recorded before arms (decision 0037) is one row.
 */
async function pilotRows(scoped: ScopedDb, pilots: readonly SourcePilot[], inHouse: string) {
  const vendors = await vendorNames(scoped);
  const median = (p: SourcePilot) => p.method === 'bootstrap-median';
  return pilots.flatMap((p) => {
    const vendorAgainstInHouse = p.comparisons?.length === 1 && p.comparisons[0]!.baseline === 'in-house';
    if (!p.comparisons || vendorAgainstInHouse)
      return [
        {
          name: p.name,
          low: p.difference.low,
          high: p.difference.high,
          verdict: p.verdict,
          stillNeeded: Math.max(p.stillNeeded.vendor, p.stillNeeded.inHouse),
          median: median(p),
        },
      ];
    const nameOf = (key: string) =>
      key === 'in-house' ? inHouse : (vendors.get(key === 'vendor' ? p.vendorId : key) ?? key);
    const needed = (key: string) => p.arms.find((a) => a.key === key)?.stillNeeded ?? 0;
    return p.comparisons.map((c) => ({
      name: `${p.name}: ${nameOf(c.arm)} − ${nameOf(c.baseline)}`,
      low: c.difference.low,
      high: c.difference.high,
      verdict: c.verdict,
      stillNeeded: Math.max(needed(c.arm), needed(c.baseline)),
      median: median(p),
    }));
  });
}

async function recentPilotIds(scoped: ScopedDb): Promise<string[]> {
  const rows = await scoped
    .selectFrom('source_pilots')
    .select('id')
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}
