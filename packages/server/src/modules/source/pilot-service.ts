// Pilots as experiments: pre-registered (metric, minimum detectable difference, sample size per
// arm), contacts assigned by a seeded hash, and — once started — a routing split that sends the
// slice's real new tickets (channel, language, topic, weekly hours) to its arms' teams (in house,
// one or more vendors, by weight; routing's index.ts); each arm's KPIs are then measured from those
// tickets (tickets' index.ts) and compared with the baseline arm by core's pilot statistics. No
// verdict below the pre-registered sample (decisions 0021, 0028 and 0037).

import type { z } from '@hono/zod-openapi';
import {
  assignWeightedArm,
  medianPilot,
  type PilotReport,
  proportionPilot,
  SourceInputError,
  sampleSizePerArm,
} from '@shoreline/core';
import { type Selectable, sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { closeSplit, openSplit, type SplitArmRow, splitTickets } from '../routing/index.js';
import { ticketService } from '../tickets/index.js';
import { sourceUseCase } from './policy.js';
import { parsed } from './presenters.js';
import {
  MEDIAN_METRICS,
  type SourcePilotCreate,
  type SourcePilotObservations,
  type SourcePilotSchema,
  type SourcePilotStart,
} from './schemas.js';
import type { SourcePilotsTable } from './tables.js';

type SourcePilot = z.infer<typeof SourcePilotSchema>;
type PilotDefinition = z.output<typeof SourcePilotCreate>;
type PilotRow = Selectable<SourcePilotsTable>;
/** A csat score (0–1) at or above this counts as satisfied (4 or 5 of 5). */
const SATISFIED = 0.75;
const DAY_MS = 86_400_000;

/** Most values an arm may hold typed in (as many as a routed pilot reads). */
const MAX_TYPED_VALUES = 200_000;
/** A jsonb array of numbers as the driver returns it (parsed, or text on some drivers). */
const numbers = (v: unknown): number[] =>
  typeof v === 'string' ? (JSON.parse(v) as number[]) : ((v as number[]) ?? []);

/** One arm of a pilot: `in-house` or a vendor, its weight. */
interface PilotArm {
  readonly key: string;
  readonly vendorId: string | null;
  readonly weight: number;
}
interface ArmObservations {
  n: number;
  successes: number;
  values: number[];
}

/**
 * A pilot's arms: those it names (key `in-house` or the vendor's id), or — a vendor against in
 * house, as pilots were first defined — the vendor (key `vendor`) at `ratio` and in house the rest.
 */
function armsOf(d: PilotDefinition, rowVendorId: string | null = null): PilotArm[] {
  if (d.arms)
    return d.arms.map((a) => ({ key: a.vendorId ?? 'in-house', vendorId: a.vendorId, weight: a.weight }));
  // Pilots stored before arms kept their vendor in the row's vendor_id, not in the definition.
  return [
    { key: 'vendor', vendorId: d.vendorId ?? rowVendorId, weight: d.ratio ?? 0.5 },
    { key: 'in-house', vendorId: null, weight: 1 - (d.ratio ?? 0.5) },
  ];
}

/** What each arm is compared with: the in-house arm, or the first arm when there is none (two vendors). */
const baselineOf = (arms: readonly PilotArm[]) => arms.find((a) => a.vendorId === null) ?? arms[0]!;

/** Typed-in observations fit a vendor against in house only (the row's two pairs of columns). */
const vendorAgainstInHouse = (arms: readonly PilotArm[]) =>
  arms.length === 2 && arms.some((a) => a.vendorId === null);

/** Each arm's observations: typed-in counts, or measured from the tickets a routing split sent. */
async function observations(
  s: ScopedDb,
  row: PilotRow,
  definition: PilotDefinition,
  arms: readonly PilotArm[],
): Promise<Map<string, ArmObservations>> {
  const out = new Map(arms.map((a) => [a.key, { n: 0, successes: 0, values: [] as number[] }]));
  const vendorKey = arms.find((a) => a.vendorId !== null)!.key;
  if (row.routing_split_id === null) {
    if (vendorAgainstInHouse(arms)) {
      out.set(vendorKey, {
        n: row.vendor_n,
        successes: row.vendor_successes,
        values: numbers(row.vendor_values),
      });
      out.set('in-house', {
        n: row.in_house_n,
        successes: row.in_house_successes,
        values: numbers(row.in_house_values),
      });
    }
    return out;
  }
  // A split opened before arms had keys named its one vendor arm `vendor`.
  const armOf = new Map(
    (await splitTickets(s, row.routing_split_id)).map((a) => [
      a.ticketId,
      a.arm === 'vendor' ? vendorKey : a.arm,
    ]),
  );
  for (const o of await ticketService.outcomesOf(s, [...armOf.keys()])) {
    const arm = out.get(armOf.get(o.id)!);
    if (!arm) continue;
    const tally = (n: boolean, success: boolean) => {
      if (!n) return;
      arm.n++;
      if (success) arm.successes++;
    };
    if (definition.metric === 'resolved') tally(true, o.solved);
    else if (definition.metric === 'reopened') tally(o.solved, o.reopened);
    else if (definition.metric === 'csat-satisfied') tally(o.csat !== null, (o.csat ?? 0) >= SATISFIED);
    else if (o.handleSeconds !== null) arm.values.push(o.handleSeconds);
  }
  return out;
}

async function present(s: ScopedDb, row: PilotRow): Promise<SourcePilot> {
  const definition = parsed<PilotDefinition>(row.definition);
  const arms = armsOf(definition, row.vendor_id);
  const obs = await observations(s, row, definition, arms);
  const registration = {
    sampleSizePerArm: row.sample_size_per_arm,
    mdd: definition.mdd,
    higherIsBetter: definition.higherIsBetter,
  };
  const median = MEDIAN_METRICS.includes(definition.metric);
  const baseline = baselineOf(arms);
  const base = obs.get(baseline.key)!;
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  // Each arm against the baseline, with the statistics a vendor-against-in-house pilot uses.
  const comparisons = arms
    .filter((a) => a !== baseline)
    .map((a) => {
      const arm = obs.get(a.key)!;
      const report: PilotReport = median
        ? medianPilot(arm.values, base.values, registration, definition.seed)
        : proportionPilot(arm, base, registration);
      return { arm: a, count: arm, report };
    });
  const first = comparisons[0]!;
  const count = (o: ArmObservations) => (median ? o.values.length : o.n);
  const total = arms.reduce((sum, a) => sum + a.weight, 0);
  const iso = (d: Date | string | null) => (d === null ? '' : new Date(d).toISOString());
  return {
    id: row.id,
    name: row.name,
    vendorId: row.vendor_id,
    definition: definition as unknown as Record<string, unknown>,
    sampleSizePerArm: row.sample_size_per_arm,
    samples: first.report.samples,
    successes: median
      ? { vendor: 0, inHouse: 0 }
      : { vendor: first.count.successes, inHouse: base.successes },
    stillNeeded: first.report.stillNeeded,
    difference: {
      estimate: finite(first.report.difference.estimate),
      low: finite(first.report.difference.low),
      high: finite(first.report.difference.high),
    },
    verdict: first.report.verdict,
    arms: arms.map((a) => {
      const o = obs.get(a.key)!;
      return {
        key: a.key,
        vendorId: a.vendorId,
        share: a.weight / total,
        samples: count(o),
        successes: median ? 0 : o.successes,
        stillNeeded: Math.max(0, row.sample_size_per_arm - count(o)),
      };
    }),
    comparisons: comparisons.map((c) => ({
      arm: c.arm.key,
      baseline: baseline.key,
      difference: {
        estimate: finite(c.report.difference.estimate),
        low: finite(c.report.difference.low),
        high: finite(c.report.difference.high),
      },
      verdict: c.report.verdict,
    })),
    method: median ? 'bootstrap-median' : 'newcombe',
    routing:
      row.routing_split_id === null
        ? null
        : { splitId: row.routing_split_id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const listPilots = sourceUseCase('source.read', async (s: ScopedDb) => {
  const rows = await s.latest('source_pilots', 'created_at', 100);
  return Promise.all(rows.map((r) => present(s, r)));
});

export const getPilot = sourceUseCase('source.read', async (s: ScopedDb, id: string) => {
  return present(s, await s.findOrNotFound('source_pilots', id, 'pilot'));
});

/** The pilots a decision or report names, each presented (a missing one is a 404 naming `field.i`). */
export async function pilotsNamed(s: ScopedDb, ids: readonly string[], field: string) {
  const out: SourcePilot[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await s.selectFrom('source_pilots').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'pilot not found', `${field}.${i}`);
    out.push(await present(s, row));
  }
  return out;
}

/** Pre-registers a pilot: the sample size per arm is fixed now, from baseline, MDD, α and power. */
export const createPilot = sourceUseCase(
  'source.manage',
  async (s: ScopedDb, clock: Clock, input: PilotDefinition) => {
    const arms = armsOf(input);
    for (const [i, arm] of arms.entries()) {
      if (arm.vendorId === null) continue;
      const vendor = await s
        .selectFrom('source_vendors')
        .select('id')
        .where('id', '=', arm.vendorId)
        .executeTakeFirst();
      if (!vendor)
        throw new AppError('not_found', 'vendor not found', input.arms ? `arms.${i}.vendorId` : 'vendorId');
    }
    let n: number;
    try {
      n =
        input.sampleSizePerArm ??
        sampleSizePerArm({
          baseline: input.baseline ?? 0,
          mdd: input.mdd,
          alpha: input.alpha,
          power: input.power,
        });
    } catch (err) {
      if (err instanceof SourceInputError) throw new AppError('validation_failed', err.message, err.field);
      throw err;
    }
    const now = clock.now();
    const row = await insertNewRow(s, 'source_pilots', 'plt', now, {
      // The first vendor arm's, for lists; the arms are in the definition.
      vendor_id: arms.find((a) => a.vendorId !== null)!.vendorId!,
      name: input.name,
      definition: JSON.stringify(input),
      sample_size_per_arm: n,
      created_at: now,
    });
    return present(s, row as never);
  },
);

/**
 * Starts the pilot on real traffic: a routing split for its slice (channel, language, topic as a
 * tag, weekly hours) sends new tickets to its arms' teams by weight, for `days` from now. Each
 * vendor must be a contracted provider (its teams are where its arm goes).
 */
export const startPilot = sourceUseCase(
  'source.manage',
  async (s: ScopedDb, clock: Clock, id: string, input: z.output<typeof SourcePilotStart>) => {
    const row = await s.findOrNotFound('source_pilots', id, 'pilot');
    if (row.routing_split_id !== null) throw new AppError('conflict', 'the pilot has already started', 'id');
    const typed = numbers(row.vendor_values).length + numbers(row.in_house_values).length;
    if (row.vendor_n + row.in_house_n + typed > 0)
      throw new AppError('conflict', 'the pilot already has entered observations', 'id');
    const definition = parsed<PilotDefinition>(row.definition);
    const arms = armsOf(definition, row.vendor_id);
    const splitArms: SplitArmRow[] = [];
    for (const [i, arm] of arms.entries()) {
      if (arm.vendorId === null) {
        splitArms.push({ key: arm.key, providerId: null, weight: arm.weight, label: 'in-house' });
        continue;
      }
      const vendor = await s.findOrNotFound('source_vendors', arm.vendorId, 'vendor');
      if (vendor.provider_id === null)
        throw new AppError(
          'validation_failed',
          `the vendor ${vendor.name} is not a contracted provider with teams`,
          definition.arms ? `arms.${i}.vendorId` : 'vendorId',
        );
      splitArms.push({
        key: arm.key,
        providerId: vendor.provider_id,
        weight: arm.weight,
        label: vendor.name,
      });
    }
    const days = input.days ?? definition.periodDays;
    if (days === undefined)
      throw new AppError('validation_failed', 'days: the pilot has no pre-registered period', 'days');
    const startsAt = clock.now();
    const endsAt = new Date(startsAt.getTime() + days * DAY_MS);
    return s.transaction(async (tx) => {
      const splitId = await openSplit(tx, clock, {
        name: row.name,
        channel: definition.slice.channel,
        language: definition.slice.language,
        tag: definition.slice.topic,
        hours: definition.slice.hours ?? null,
        arms: splitArms,
        seed: definition.seed,
        startsAt,
        endsAt,
      });
      return present(
        tx,
        await tx.updateOrNotFound('source_pilots', id, 'pilot', {
          routing_split_id: splitId,
          starts_at: startsAt,
          ends_at: endsAt,
        }),
      );
    });
  },
);

/** Stops a running pilot's split now; its tickets keep counting. */
export const stopPilot = sourceUseCase('source.manage', async (s: ScopedDb, clock: Clock, id: string) => {
  const row = await s.findOrNotFound('source_pilots', id, 'pilot');
  if (row.routing_split_id === null) throw new AppError('conflict', 'the pilot has not started', 'id');
  await closeSplit(s, clock, row.routing_split_id);
  return present(s, await s.updateOrNotFound('source_pilots', id, 'pilot', { ends_at: clock.now() }));
});

/** Which arm a contact of the slice goes to (random by a seeded hash: neither side picks). */
export const assignContact = sourceUseCase(
  'source.manage',
  async (s: ScopedDb, id: string, contactId: string) => {
    const row = await s.findOrNotFound('source_pilots', id, 'pilot');
    const arms = armsOf(parsed<PilotDefinition>(row.definition), row.vendor_id);
    const i = assignWeightedArm(
      contactId,
      parsed<PilotDefinition>(row.definition).seed,
      arms.map((a) => a.weight),
    );
    return { contactId, arm: arms[i]!.key };
  },
);

/** Adds counts observed outside Shoreline to an arm (a pilot not routed through the Desk). */
export const addObservations = sourceUseCase(
  'source.manage',
  async (s: ScopedDb, id: string, input: z.output<typeof SourcePilotObservations>) => {
    const row = await s.findOrNotFound('source_pilots', id, 'pilot');
    if (row.routing_split_id !== null)
      throw new AppError('conflict', 'a routed pilot is measured from its tickets', 'id');
    if (!vendorAgainstInHouse(armsOf(parsed<PilotDefinition>(row.definition), row.vendor_id)))
      throw new AppError(
        'validation_failed',
        'only a vendor against in house takes typed-in observations; route this pilot through the Desk',
        'arm',
      );
    const vendor = input.arm === 'vendor';
    if (MEDIAN_METRICS.includes(parsed<PilotDefinition>(row.definition).metric)) {
      // A median needs each contact's value: the bootstrap resamples them (core `medianPilot`).
      if (input.values === undefined)
        throw new AppError(
          'validation_failed',
          'a median metric takes values (seconds), not counts',
          'values',
        );
      const held = numbers(vendor ? row.vendor_values : row.in_house_values).length;
      if (held + input.values.length > MAX_TYPED_VALUES)
        throw new AppError('validation_failed', `an arm holds at most ${MAX_TYPED_VALUES} values`, 'values');
      const append = sql`${JSON.stringify(input.values)}::jsonb`;
      return present(
        s,
        await s.updateOrNotFound(
          'source_pilots',
          id,
          'pilot',
          // Appended in the statement, so two reports arriving together both count.
          vendor
            ? { vendor_values: sql`vendor_values || ${append}` }
            : { in_house_values: sql`in_house_values || ${append}` },
        ),
      );
    }
    if (input.n === undefined || input.successes === undefined)
      throw new AppError('validation_failed', 'a proportion metric takes n and successes', 'n');
    const updated = await s.updateOrNotFound(
      'source_pilots',
      id,
      'pilot',
      // Increments in the statement, so two arms' reports arriving together both count.
      vendor
        ? {
            vendor_n: sql`vendor_n + ${input.n}`,
            vendor_successes: sql`vendor_successes + ${input.successes}`,
          }
        : {
            in_house_n: sql`in_house_n + ${input.n}`,
            in_house_successes: sql`in_house_successes + ${input.successes}`,
          },
    );
    return present(s, updated);
  },
);
