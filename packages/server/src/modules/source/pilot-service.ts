// Pilots as experiments: pre-registered (metric, minimum detectable difference, sample size per
// arm), contacts assigned by a seeded hash, and — once started — a routing split that sends the
// slice's real new tickets to the vendor's teams or in house (routing's index.ts); the arms' KPIs
// are then measured from those tickets (tickets' index.ts) with core's pilot statistics. No verdict
// below the pre-registered sample (decisions 0021 and 0028).

import type { z } from '@hono/zod-openapi';
import {
  assignArm,
  medianPilot,
  type PilotReport,
  proportionPilot,
  SourceInputError,
  sampleSizePerArm,
} from '@shoreline/core';
import { type Selectable, sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { closeSplit, openSplit, splitTickets } from '../routing/index.js';
import { ticketService } from '../tickets/index.js';
import { authorizeSource } from './policy.js';
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

/** The arms' observations: typed-in counts, or measured from the tickets a routing split sent. */
async function observations(s: ScopedDb, row: PilotRow, definition: PilotDefinition) {
  const counts = {
    vendor: { successes: row.vendor_successes, n: row.vendor_n },
    inHouse: { successes: row.in_house_successes, n: row.in_house_n },
    values: { vendor: numbers(row.vendor_values), inHouse: numbers(row.in_house_values) },
  };
  if (row.routing_split_id === null) return counts;
  const arms = await splitTickets(s, row.routing_split_id);
  const armOf = new Map(arms.map((a) => [a.ticketId, a.arm]));
  const measured = {
    vendor: { successes: 0, n: 0 },
    inHouse: { successes: 0, n: 0 },
    values: { vendor: [] as number[], inHouse: [] as number[] },
  };
  for (const o of await ticketService.outcomesOf(s, [...armOf.keys()])) {
    const arm = armOf.get(o.id) === 'vendor' ? 'vendor' : 'inHouse';
    const tally = (n: boolean, success: boolean) => {
      if (!n) return;
      measured[arm].n++;
      if (success) measured[arm].successes++;
    };
    if (definition.metric === 'resolved') tally(true, o.solved);
    else if (definition.metric === 'reopened') tally(o.solved, o.reopened);
    else if (definition.metric === 'csat-satisfied') tally(o.csat !== null, (o.csat ?? 0) >= SATISFIED);
    else if (o.handleSeconds !== null) measured.values[arm].push(o.handleSeconds);
  }
  return measured;
}

async function present(s: ScopedDb, row: PilotRow): Promise<SourcePilot> {
  const definition = parsed<PilotDefinition>(row.definition);
  const obs = await observations(s, row, definition);
  const registration = {
    sampleSizePerArm: row.sample_size_per_arm,
    mdd: definition.mdd,
    higherIsBetter: definition.higherIsBetter,
  };
  const median = MEDIAN_METRICS.includes(definition.metric);
  const report: PilotReport = median
    ? medianPilot(obs.values.vendor, obs.values.inHouse, registration, definition.seed)
    : proportionPilot(obs.vendor, obs.inHouse, registration);
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const iso = (d: Date | string | null) => (d === null ? '' : new Date(d).toISOString());
  return {
    id: row.id,
    name: row.name,
    vendorId: row.vendor_id,
    definition: definition as unknown as Record<string, unknown>,
    sampleSizePerArm: row.sample_size_per_arm,
    samples: report.samples,
    successes: median
      ? { vendor: 0, inHouse: 0 }
      : { vendor: obs.vendor.successes, inHouse: obs.inHouse.successes },
    stillNeeded: report.stillNeeded,
    difference: {
      estimate: finite(report.difference.estimate),
      low: finite(report.difference.low),
      high: finite(report.difference.high),
    },
    verdict: report.verdict,
    method: median ? 'bootstrap-median' : 'newcombe',
    routing:
      row.routing_split_id === null
        ? null
        : { splitId: row.routing_split_id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listPilots(s: ScopedDb) {
  authorizeSource(s.actor, 'source.read');
  const rows = await s
    .selectFrom('source_pilots')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return Promise.all(rows.map((r) => present(s, r)));
}

export async function getPilot(s: ScopedDb, id: string) {
  authorizeSource(s.actor, 'source.read');
  return present(s, await s.findOrNotFound('source_pilots', id, 'pilot'));
}

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
export async function createPilot(s: ScopedDb, clock: Clock, input: PilotDefinition) {
  authorizeSource(s.actor, 'source.manage');
  const vendor = await s
    .selectFrom('source_vendors')
    .select('id')
    .where('id', '=', input.vendorId)
    .executeTakeFirst();
  if (!vendor) throw new AppError('not_found', 'vendor not found', 'vendorId');
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
  const row = await s
    .insertInto('source_pilots', {
      id: newId('plt', now.getTime()),
      vendor_id: input.vendorId,
      name: input.name,
      definition: JSON.stringify(input),
      sample_size_per_arm: n,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(s, row as never);
}

/**
 * Starts the pilot on real traffic: a routing split for its slice (channel, language, topic as a
 * tag) sends new tickets to the vendor's teams at the pilot's ratio, for `days` from now. The
 * vendor must be a contracted provider (its teams are where the vendor arm goes).
 */
export async function startPilot(
  s: ScopedDb,
  clock: Clock,
  id: string,
  input: z.output<typeof SourcePilotStart>,
) {
  authorizeSource(s.actor, 'source.manage');
  const row = await s.findOrNotFound('source_pilots', id, 'pilot');
  if (row.routing_split_id !== null) throw new AppError('conflict', 'the pilot has already started', 'id');
  const typed = numbers(row.vendor_values).length + numbers(row.in_house_values).length;
  if (row.vendor_n + row.in_house_n + typed > 0)
    throw new AppError('conflict', 'the pilot already has entered observations', 'id');
  const vendor = await s.findOrNotFound('source_vendors', row.vendor_id, 'vendor');
  if (vendor.provider_id === null)
    throw new AppError('validation_failed', 'the vendor is not a contracted provider with teams', 'vendorId');
  const definition = parsed<PilotDefinition>(row.definition);
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
      ratio: definition.ratio,
      seed: definition.seed,
      vendorProviderId: vendor.provider_id!,
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
}

/** Stops a running pilot's split now; its tickets keep counting. */
export async function stopPilot(s: ScopedDb, clock: Clock, id: string) {
  authorizeSource(s.actor, 'source.manage');
  const row = await s.findOrNotFound('source_pilots', id, 'pilot');
  if (row.routing_split_id === null) throw new AppError('conflict', 'the pilot has not started', 'id');
  await closeSplit(s, clock, row.routing_split_id);
  return present(s, await s.updateOrNotFound('source_pilots', id, 'pilot', { ends_at: clock.now() }));
}

/** Which arm a contact of the slice goes to (random by a seeded hash: neither side picks). */
export async function assignContact(s: ScopedDb, id: string, contactId: string) {
  authorizeSource(s.actor, 'source.manage');
  const row = await s.findOrNotFound('source_pilots', id, 'pilot');
  const definition = parsed<PilotDefinition>(row.definition);
  return { contactId, arm: assignArm(contactId, definition.seed, definition.ratio) };
}

/** Adds counts observed outside Shoreline to an arm (a pilot not routed through the Desk). */
export async function addObservations(
  s: ScopedDb,
  id: string,
  input: z.output<typeof SourcePilotObservations>,
) {
  authorizeSource(s.actor, 'source.manage');
  const row = await s.findOrNotFound('source_pilots', id, 'pilot');
  if (row.routing_split_id !== null)
    throw new AppError('conflict', 'a routed pilot is measured from its tickets', 'id');
  const vendor = input.arm === 'vendor';
  if (MEDIAN_METRICS.includes(parsed<PilotDefinition>(row.definition).metric)) {
    // A median needs each contact's value: the bootstrap resamples them (core `medianPilot`).
    if (input.values === undefined)
      throw new AppError('validation_failed', 'a median metric takes values (seconds), not counts', 'values');
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
}
