import {
  attainment,
  type BonusTerm,
  consecutiveMissesBefore,
  daysInForce,
  daysInMonth,
  earnBack,
  forecastRelief,
  isChronicFailure,
  KPI_CATALOGUE,
  meetsLevel,
  type QualityGate,
  type SettlementSegment,
  settlePeriod,
  type TermMonth,
} from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { directoryFor } from '../identity/index.js';
import { createPolicy, revisePolicy } from '../sla/index.js';
import { type ForecastBasis, monthForecast } from './forecasts.js';
import { latestVersion, openItemLines, openOnChronicFailure } from './governance.js';
import { measureSegment, type SegmentFacts } from './measure.js';
import { authorizeGovern } from './policy.js';
import { presentSummary, presentVersion } from './presenters.js';
import { renderReviewPack } from './review-pack.js';
import type { ContractApplyInput, ContractDocumentJson, Settlement } from './schemas-types.js';

/**
 * Applies a contract document: version 1 of a new contract, or the next version of `contractId`
 * from `effectiveFrom` (never before the version it follows), with its reason and approver. Its
 * response and resolution terms become the provider's SLA engine policy (a new policy version from
 * the same date), and the change is appended to the audit log, all in one transaction.
 */
export async function applyContract(s: ScopedDb, clock: Clock, input: ContractApplyInput) {
  authorizeGovern(s.actor, 'govern.manage');
  checkDocument(input.document);
  const directory = await directoryFor(s);
  if (!directory.providers.some((p) => p.id === input.providerId))
    throw new AppError('not_found', 'provider not found', 'providerId');
  return s.transaction(async (tx) => {
    const now = clock.now();
    let contractId = input.contractId;
    let version = 1;
    let slaPolicyId: string | null = null;
    if (contractId) {
      const contract = await tx.lockWhere('contracts', 'id', contractId);
      if (!contract) throw new AppError('not_found', 'contract not found', 'contractId');
      if (contract.provider_id !== input.providerId)
        throw new AppError('validation_failed', 'a contract keeps its provider', 'providerId');
      const latest = await tx
        .selectFrom('contract_versions')
        .select(['version', 'effective_from'])
        .where('contract_id', '=', contractId)
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      if (input.effectiveFrom < latest.effective_from)
        throw new AppError(
          'validation_failed',
          'a new version cannot take effect before the version it replaces',
          'effectiveFrom',
        );
      version = latest.version + 1;
      slaPolicyId = contract.sla_policy_id;
    } else {
      contractId = newId('ctr', now.getTime());
      await tx
        .insertInto('contracts', {
          id: contractId,
          provider_id: input.providerId,
          sla_policy_id: null,
          created_at: now,
        })
        .execute();
    }
    const sla = slaDefinition(input);
    if (sla) {
      const policy = slaPolicyId
        ? await revisePolicy(tx, clock, slaPolicyId, sla)
        : await createPolicy(tx, clock, sla);
      if (!slaPolicyId) {
        slaPolicyId = policy.id;
        await tx
          .updateTable('contracts')
          .set({ sla_policy_id: slaPolicyId })
          .where('id', '=', contractId)
          .execute();
      }
    }
    const row = await tx
      .insertInto('contract_versions', {
        contract_id: contractId,
        version,
        provider_id: input.providerId,
        effective_from: input.effectiveFrom,
        reason: input.reason,
        approved_by: input.approvedBy,
        document: JSON.stringify(input.document),
        created_by: tx.actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, clock, {
      action: 'contract.version_applied',
      subjectType: 'contract',
      subjectId: contractId,
      providerId: input.providerId,
      payload: {
        version,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        approvedBy: input.approvedBy,
      },
    });
    return presentVersion(row, slaPolicyId);
  });
}

/** Rules the schema cannot state: unique term ids, expected at least as good as the minimum. */
export function checkDocument(doc: ContractDocumentJson): void {
  const seen = new Set<string>();
  doc.terms.forEach((term, i) => {
    if (seen.has(term.id))
      throw new AppError('validation_failed', 'term ids must be unique', `document.terms.${i}.id`);
    seen.add(term.id);
    if (!meetsLevel(term.kpi, term.expected, term.minimum))
      throw new AppError(
        'validation_failed',
        'the expected level must be at least as good as the minimum',
        `document.terms.${i}.expected`,
      );
  });
}

/** The SLA engine policy a contract's response and resolution terms configure (decision 0017). */
function slaDefinition(input: ContractApplyInput) {
  const targets = input.document.terms.flatMap((term) => {
    const metric = KPI_CATALOGUE[term.kpi].slaMetric;
    if (!metric || term.targetSeconds === undefined) return [];
    return [
      {
        ...(term.scope.priorities ? { priorities: term.scope.priorities } : {}),
        ...(term.scope.channels ? { channels: term.scope.channels } : {}),
        ...(metric === 'resolution'
          ? { resolutionSeconds: term.targetSeconds }
          : { firstResponseSeconds: term.targetSeconds }),
      },
    ];
  });
  if (targets.length === 0) return null;
  const pause = input.document.terms.find((t) => KPI_CATALOGUE[t.kpi].slaMetric)?.pauseStatuses ?? [];
  return {
    name: `Contract: ${input.document.name}`.slice(0, 120),
    position: 0,
    conditions: { providerIds: [input.providerId] },
    targets,
    pauseStatuses: pause.filter((p) => p !== 'new' && p !== 'open'),
    atRisk: { percent: 80 },
    effectiveFrom: `${input.effectiveFrom}T00:00:00Z`,
    reason: input.reason,
  };
}

export async function listContracts(s: ScopedDb) {
  authorizeGovern(s.actor, 'govern.read');
  const rows = await s
    .selectFrom('contract_versions')
    .selectAll()
    .orderBy('contract_id')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.contract_id)) latest.set(r.contract_id, r);
  return [...latest.values()].map(presentSummary);
}

export async function contractVersions(s: ScopedDb, contractId: string) {
  authorizeGovern(s.actor, 'govern.read');
  const contract = await oneOrNotFound(
    s.selectFrom('contracts').selectAll().where('id', '=', contractId),
    'contract',
  );
  const rows = await s.rowsWhere('contract_versions', 'contract_id', contractId, 'version');
  return rows.map((r) => presentVersion(r, contract.sla_policy_id));
}

interface RateLineCharge {
  unit: string;
  /** Units billed: contacts, resolutions, minutes, hours; FTE or 1 for a fixed monthly line. */
  quantity: number;
  fixed: boolean;
  /** A fixed line's full monthly amount (prorated by days in force), or a variable line's amount. */
  amountMinor: number;
}

/** The rate lines of a segment: fixed monthly lines (prorated by settlePeriod) and measured volume × rate. */
function rateLines(doc: ContractDocumentJson, facts: SegmentFacts, days: number, daysInPeriod: number) {
  return doc.rates.map((line): RateLineCharge => {
    const variable = (quantity: number) => ({
      unit: line.unit,
      quantity,
      fixed: false,
      amountMinor: line.rateMinor * quantity,
    });
    switch (line.unit) {
      case 'month':
        return { unit: line.unit, quantity: 1, fixed: true, amountMinor: line.rateMinor };
      case 'fte_month': {
        const fte = line.minimumQuantity ?? 0;
        return { unit: line.unit, quantity: fte, fixed: true, amountMinor: line.rateMinor * fte };
      }
      case 'contact':
        // A monthly minimum volume binds each segment for its share of the month's days, rounded up.
        return variable(
          Math.max(facts.contacts, Math.ceil(((line.minimumQuantity ?? 0) * days) / daysInPeriod)),
        );
      case 'resolution':
        return variable(facts.resolutions);
      case 'minute':
        return variable(Math.ceil(facts.handleSeconds / 60));
      default:
        // 'hour': handled time, each started hour billed.
        return variable(Math.ceil(facts.handleSeconds / 3600));
    }
  });
}

/** Charges of a segment as core settlePeriod takes them. */
function segmentCharges(doc: ContractDocumentJson, facts: SegmentFacts, days: number, daysInPeriod: number) {
  let fixedMonthlyMinor = 0;
  let variableMinor = 0;
  for (const line of rateLines(doc, facts, days, daysInPeriod)) {
    if (line.fixed) fixedMonthlyMinor += line.amountMinor;
    else variableMinor += line.amountMinor;
  }
  return { fixedMonthlyMinor, variableMinor };
}

export const previousPeriod = (period: string): string => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Which terms a stored statement missed and met at the expected level (in any / every segment). */
export function termMonths(statement: Settlement | undefined) {
  const months = new Map<string, TermMonth>();
  if (!statement) return months;
  const relieved = statement.forecast?.relieved === true; // a relieved month missed nothing
  for (const m of statement.measures) {
    if (m.kind !== 'critical') continue;
    const before = months.get(m.termId);
    const credit = statement.creditLines
      .filter((l) => l.termId === m.termId)
      .reduce((sum, l) => sum + l.creditMinor, 0);
    months.set(m.termId, {
      missed: !relieved && ((before?.missed ?? false) || m.missed),
      metExpected: (before?.metExpected ?? true) && m.metExpected,
      creditMinor: credit,
    });
  }
  return months;
}

/**
 * Settles one provider-month: the contract's versions split the month by the days each was in force
 * (daysInForce); each segment's tickets (created in those days) are measured against that version's
 * terms; charges, credits, earn-back and bonus follow core settlePeriod. Earlier months' stored
 * statements give the repeats (escalation), earn-back and chronic failures. The statement is stored
 * (replacing an earlier computation of the same month) and appended to the audit log.
 */
export async function settle(
  s: ScopedDb,
  clock: Clock,
  query: { providerId: string; period: string; contractId?: string | undefined },
): Promise<Settlement> {
  authorizeGovern(s.actor, 'govern.manage');
  let contracts = s.selectFrom('contracts').selectAll().where('provider_id', '=', query.providerId);
  if (query.contractId) contracts = contracts.where('id', '=', query.contractId);
  const contract = await contracts.orderBy('created_at').executeTakeFirst();
  if (!contract) throw new AppError('not_found', 'no contract with this provider', 'providerId');
  const versionRows = await s
    .selectFrom('contract_versions')
    .selectAll()
    .where('contract_id', '=', contract.id)
    .orderBy('version')
    .execute();
  const docs = new Map(versionRows.map((v) => [v.version, v.document]));
  const runs = daysInForce(
    versionRows.map((v) => ({ version: v.version, effectiveFrom: v.effective_from })),
    query.period,
  );
  if (runs.length === 0)
    throw new AppError(
      'validation_failed',
      'no version of the contract is in force in this period',
      'period',
    );
  const latestDoc = docs.get(versionRows[versionRows.length - 1]!.version)!;

  // Up to the chronic window's worth of earlier statements, newest first.
  const lookBack = Math.max(latestDoc.earnBack.chronic.window, latestDoc.earnBack.goodMonths + 1, 12);
  const periods: string[] = [];
  for (let p = previousPeriod(query.period), i = 0; i < lookBack; i++, p = previousPeriod(p)) periods.push(p);
  const earlier = await s
    .selectFrom('settlements')
    .select(['period', 'statement'])
    .where('contract_id', '=', contract.id)
    .where('period', 'in', periods)
    .execute();
  const byPeriod = new Map(earlier.map((r) => [r.period, r.statement as unknown as Settlement]));
  const history = periods.reverse().map((p) => termMonths(byPeriod.get(p))); // oldest first

  const statement = await computeStatement(s, {
    contractId: contract.id,
    providerId: query.providerId,
    period: query.period,
    runs,
    docs,
    history,
    forecast: await monthForecast(s, query.providerId, query.period, clock.now()),
  });
  await s.transaction(async (tx) => {
    await tx
      .deleteFrom('settlements')
      .where('contract_id', '=', contract.id)
      .where('period', '=', query.period)
      .execute();
    await tx
      .insertInto('settlements', {
        contract_id: contract.id,
        period: query.period,
        provider_id: query.providerId,
        statement: JSON.stringify(statement),
        computed_at: clock.now(),
      })
      .execute();
    await appendAudit(tx, clock, {
      action: 'settlement.computed',
      subjectType: 'contract',
      subjectId: contract.id,
      providerId: query.providerId,
      payload: {
        period: query.period,
        chargesMinor: statement.chargesMinor,
        creditsMinor: statement.creditsMinor,
        netMinor: statement.netMinor,
      },
    });
    await openOnChronicFailure(
      tx,
      clock,
      { id: contract.id, providerId: query.providerId },
      query.period,
      statement.chronicFailures,
      latestDoc,
    );
  });
  return statement;
}

export interface StatementInput {
  contractId: string;
  providerId: string;
  period: string;
  /** The versions' days in the period (core daysInForce). */
  runs: ReturnType<typeof daysInForce>;
  docs: ReadonlyMap<number, ContractDocumentJson>;
  /** Earlier months' outcomes per critical term, oldest first (repeats, earn-back, chronic failure). */
  history: Map<string, TermMonth>[];
  /** The client's logged forecasts of the month (forecasts.ts), if any: the contract's forecast relief. */
  forecast?: ForecastBasis | undefined;
}

/**
 * A month's statement from measured KPIs: each version's days are measured against that version's
 * terms; charges, credits, earn-back and bonus follow core settlePeriod. Stores nothing (settle and
 * the simulator both use it).
 */
export async function computeStatement(s: ScopedDb, input: StatementInput): Promise<Settlement> {
  const { contractId, runs, docs, history } = input;
  const query = { providerId: input.providerId, period: input.period };
  const D = daysInMonth(query.period);
  const latestDoc = docs.get(Math.max(...docs.keys()))!;
  const measures: Settlement['measures'] = [];
  const segments: SettlementSegment[] = [];
  let contacts = 0;
  let resolutions = 0;
  let csatSum = 0;
  let csatCount = 0;
  const chargeLines = new Map<string, { quantity: number; numerator: number }>();
  // Every version's days are measured at once (each in pieces: measure.ts).
  const ranges = runs.map((run) => ({
    from: `${query.period}-${String(run.fromDay).padStart(2, '0')}`,
    to:
      run.toDay === D
        ? `${previousPeriodInverse(query.period)}-01`
        : `${query.period}-${String(run.toDay + 1).padStart(2, '0')}`,
  }));
  const allFacts = await Promise.all(
    runs.map((run, k) =>
      measureSegment(s, query.providerId, ranges[k]!.from, ranges[k]!.to, docs.get(run.version)!),
    ),
  );
  for (const [k, run] of runs.entries()) {
    const doc = docs.get(run.version)!;
    const { from, to } = ranges[k]!;
    const facts = allFacts[k]!;
    for (const line of rateLines(doc, facts, run.days, D)) {
      // Amounts × days in the period: a fixed line counts for its days in force, a variable one in full.
      const sum = chargeLines.get(line.unit) ?? { quantity: 0, numerator: 0 };
      chargeLines.set(line.unit, {
        quantity: line.fixed ? Math.max(sum.quantity, line.quantity) : sum.quantity + line.quantity,
        numerator: sum.numerator + line.amountMinor * (line.fixed ? run.days : D),
      });
    }
    contacts += facts.contacts;
    resolutions += facts.resolutions;
    csatSum += facts.csatSum;
    csatCount += facts.csatCount;
    const outcomes = doc.terms.map((term, i) => {
      const a = attainment(facts.met[i] ?? 0, facts.total[i] ?? 0);
      const missed = a.levelBp !== null && !meetsLevel(term.kpi, a.levelBp, term.minimum);
      const metExpected = a.levelBp !== null && meetsLevel(term.kpi, a.levelBp, term.expected);
      measures.push({
        version: run.version,
        termId: term.id,
        kpi: term.kpi,
        kind: term.kind,
        fromDay: run.fromDay,
        toDay: run.toDay,
        met: a.met,
        total: a.total,
        measured: a.levelBp,
        minimum: term.minimum,
        expected: term.expected,
        missed,
        metExpected,
        drillDown: {
          providerId: query.providerId,
          from: `${from}T00:00:00Z`,
          to: `${to}T00:00:00Z`,
          ...(term.scope.priorities ? { priority: term.scope.priorities.join(',') } : {}),
        },
      });
      return { termId: term.id, missed: term.kind === 'critical' && missed };
    });
    segments.push({
      version: run.version,
      days: run.days,
      ...segmentCharges(doc, facts, run.days, D),
      atRiskBp: doc.atRiskBp,
      terms: doc.terms
        .filter((t) => t.kind === 'critical')
        .map((t) => ({ termId: t.id, allocationBp: t.allocationBp, formula: t.credit })),
      outcomes: outcomes.filter((o) => doc.terms.find((t) => t.id === o.termId)?.kind === 'critical'),
    });
  }
  // Days before the first version (a contract starting mid-month) carry no charges.
  const covered = runs.reduce((sum, r) => sum + r.days, 0);
  if (covered < D)
    segments.push({
      version: 0,
      days: D - covered,
      fixedMonthlyMinor: 0,
      variableMinor: 0,
      atRiskBp: 0,
      terms: [],
      outcomes: [],
    });

  // Forecast relief: volume outside the contract's band around the client's forecast suspends the
  // month's service-level credits (core forecastRelief); the statement shows the forecast used.
  const band = latestDoc.forecastBand;
  // Judged on the forecasts' own days and scope (decision 0059), not the whole month's contacts.
  const relief =
    input.forecast && band ? forecastRelief(input.forecast.volume, input.forecast.actual, band) : undefined;
  const relieved = relief?.relieved === true;
  const judged = relieved
    ? segments.map((seg) => ({ ...seg, outcomes: seg.outcomes.map((o) => ({ ...o, relieved: true })) }))
    : segments;
  const critical = latestDoc.terms.filter((t) => t.kind === 'critical');
  const current = new Map<string, TermMonth>();
  for (const term of critical) {
    const own = measures.filter((m) => m.termId === term.id);
    current.set(term.id, {
      // A relieved month binds no service level: it is not a miss for repeats, earn-back or chronic failure.
      missed: !relieved && own.some((m) => m.missed),
      metExpected: own.length > 0 && own.every((m) => m.metExpected),
      creditMinor: 0,
    });
  }
  const priorConsecutiveMisses = Object.fromEntries(
    critical.map((t) => [t.id, consecutiveMissesBefore(history.map((h) => h.get(t.id)?.missed ?? false))]),
  );
  const earnBackMinor: Record<string, number> = {};
  const chronicFailures: string[] = [];
  for (const term of critical) {
    const past = history.map((h) => h.get(term.id) ?? { missed: false, metExpected: false, creditMinor: 0 });
    const now = current.get(term.id)!;
    const due = earnBack([...past, now], latestDoc.earnBack);
    if (due.earnBackMinor > 0) earnBackMinor[term.id] = due.earnBackMinor;
    if (
      isChronicFailure(
        [...past, now].map((m) => m.missed),
        latestDoc.earnBack.chronic,
      ) &&
      now.missed
    )
      chronicFailures.push(term.id);
  }
  const bonusTerms: BonusTerm[] = latestDoc.terms
    .filter((t) => t.bonusBp > 0)
    .map((t) => {
      const own = measures.filter((m) => m.termId === t.id);
      return { termId: t.id, bonusBp: t.bonusBp, earned: own.length > 0 && own.every((m) => m.metExpected) };
    });
  const csat = csatCount > 0 ? Math.round(100 + 400 * (csatSum / csatCount)) : null;
  const gates: QualityGate[] = latestDoc.qualityGates.map((g) => ({
    kpi: g.kpi,
    // No evidence, no bonus: a gate the tickets cannot measure yet fails.
    measured: g.kpi === 'csat' && csat !== null ? csat : -1,
    floor: g.floor,
    better: 'higher',
  }));
  const result = settlePeriod({
    daysInPeriod: D,
    segments: judged,
    escalationPercent: latestDoc.escalationPercent,
    priorConsecutiveMisses,
    earnBackMinor,
    bonus: { terms: bonusTerms, capBp: latestDoc.bonusCapBp, gates },
  });
  const statement: Settlement = {
    contractId,
    providerId: query.providerId,
    period: query.period,
    currency: latestDoc.currency,
    segments: runs,
    volumes: { contacts, resolutions },
    measures,
    chargesMinor: result.chargesMinor,
    // Per rate unit, each rounded once, half up (positive amounts): fixed lines by days in force.
    chargeLines: [...chargeLines].map(([unit, l]) => ({
      unit,
      quantity: l.quantity,
      amountMinor: Math.floor((2 * l.numerator + D) / (2 * D)),
    })),
    atRiskMinor: result.atRiskMinor,
    creditLines: [...result.creditLines],
    poolCapAdjustmentMinor: result.poolCapAdjustmentMinor,
    creditsMinor: result.creditsMinor,
    earnBackMinor: result.earnBackMinor,
    bonusMinor: result.bonus.bonusMinor,
    bonusBlockedBy: [...result.bonus.blockedBy],
    netMinor: result.netMinor,
    chronicFailures,
    ...(input.forecast
      ? {
          forecast: {
            forecastId: input.forecast.id,
            volume: input.forecast.volume,
            loggedAt: input.forecast.loggedAt,
            loggedBy: input.forecast.loggedBy,
            actual: input.forecast.actual,
            pieces: input.forecast.pieces,
            relieved,
            reason: relief?.reason ?? ('no_band' as const),
          },
        }
      : {}),
  };
  return statement;
}

/** The month after `period`. */
export function previousPeriodInverse(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A stored statement (vendor staff: their provider's only). */
export async function getSettlement(s: ScopedDb, contractId: string, period: string): Promise<Settlement> {
  authorizeGovern(s.actor, 'govern.read');
  const row = await oneOrNotFound(
    s
      .selectFrom('settlements')
      .select('statement')
      .where('contract_id', '=', contractId)
      .where('period', '=', period),
    'settlement',
  );
  return row.statement as unknown as Settlement;
}

/**
 * The monthly review pack of a stored settlement as a PDF in the reader's language: the statement,
 * up to five earlier stored months as the trend, and the open escalations and corrective actions.
 */
export async function reviewPack(
  s: ScopedDb,
  clock: Clock,
  contractId: string,
  period: string,
  request: { locale: string; labels: Record<string, string> },
): Promise<Buffer> {
  const statement = await getSettlement(s, contractId, period);
  const periods: string[] = [];
  for (let p = previousPeriod(period), i = 0; i < 5; i++, p = previousPeriod(p)) periods.push(p);
  const earlier = await s
    .selectFrom('settlements')
    .select(['period', 'statement'])
    .where('contract_id', '=', contractId)
    .where('period', 'in', periods)
    .orderBy('period')
    .execute();
  const latest = await latestVersion(s, contractId).executeTakeFirstOrThrow();
  const directory = await directoryFor(s);
  const provider = directory.providers.find((p) => p.id === statement.providerId);
  return renderReviewPack({
    locale: request.locale,
    labels: request.labels,
    generatedAt: clock.now(),
    contractName: latest.document.name,
    providerName: provider?.name ?? statement.providerId,
    statement,
    trend: [...earlier.map((r) => r.statement as unknown as Settlement), statement],
    openItems: await openItemLines(s, contractId),
  });
}
