// "What would this scheme have paid?" (issue 11, Simulate before signing): a draft contract document
// settled month by month over the provider's history, as if it had been in force throughout, with
// the distribution of the vendor's net earnings and the scheme's gaming warnings (core
// schemeWarnings). Nothing is stored; repeats, earn-back and chronic failures follow the simulated
// months themselves.
import { daysInForce, type SchemeWarning, schemeWarnings } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { authorizeGovern } from './policy.js';
import type { ContractDocumentJson, Settlement } from './schemas-types.js';
import { checkDocument, computeStatement, previousPeriod, termMonths } from './service.js';

export interface SimulationInput {
  providerId: string;
  document: ContractDocumentJson;
  /** The last month simulated (YYYY-MM); by default the last complete month. */
  to?: string | undefined;
  months: number;
}

export interface Simulation {
  providerId: string;
  currency: string;
  months: {
    period: string;
    contacts: number;
    chargesMinor: number;
    creditsMinor: number;
    earnBackMinor: number;
    bonusMinor: number;
    netMinor: number;
    missedTerms: string[];
  }[];
  distribution: { minMinor: number; medianMinor: number; maxMinor: number; totalMinor: number };
  warnings: SchemeWarning[];
}

/** Middle value (the lower of the two middles for an even count: an amount that was really paid). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/** What the request checks before the simulation is queued: the caller's right, the document, the provider. */
export async function checkSimulation(s: ScopedDb, input: SimulationInput): Promise<void> {
  authorizeGovern(s.actor, 'govern.manage');
  checkDocument(input.document);
  const directory = await directoryFor(s);
  if (!directory.providers.some((p) => p.id === input.providerId))
    throw new AppError('not_found', 'provider not found', 'providerId');
}

/**
 * Settles the draft month by month (run by the `govern.simulate` job, off the request: simulate-job.ts).
 * `onMonth` hears each finished month (progress); an aborted `signal` stops between months.
 */
export async function simulate(
  s: ScopedDb,
  clock: Clock,
  input: SimulationInput,
  o: { onMonth?: (done: number, of: number) => Promise<void>; signal?: AbortSignal } = {},
): Promise<Simulation> {
  await checkSimulation(s, input);
  const last = input.to ?? previousPeriod(clock.now().toISOString().slice(0, 7));
  const periods: string[] = [];
  for (let p = last, i = 0; i < input.months; i++, p = previousPeriod(p)) periods.unshift(p);
  const docs = new Map([[1, input.document]]);
  const from = `${periods[0]}-01`;
  const statements: Settlement[] = [];
  for (const period of periods) {
    o.signal?.throwIfAborted();
    const history = statements.slice(-12).map((st) => termMonths(st));
    statements.push(
      await computeStatement(s, {
        contractId: 'simulation',
        providerId: input.providerId,
        period,
        runs: daysInForce([{ version: 1, effectiveFrom: from }], period),
        docs,
        history,
      }),
    );
    await o.onMonth?.(statements.length, periods.length);
  }
  const nets = statements.map((st) => st.netMinor);
  return {
    providerId: input.providerId,
    currency: input.document.currency,
    months: statements.map((st) => ({
      period: st.period,
      contacts: st.volumes.contacts,
      chargesMinor: st.chargesMinor,
      creditsMinor: st.creditsMinor,
      earnBackMinor: st.earnBackMinor,
      bonusMinor: st.bonusMinor,
      netMinor: st.netMinor,
      missedTerms: [
        ...new Set(st.measures.filter((m) => m.missed && m.kind === 'critical').map((m) => m.termId)),
      ],
    })),
    distribution: {
      minMinor: Math.min(...nets),
      medianMinor: median(nets),
      maxMinor: Math.max(...nets),
      totalMinor: nets.reduce((a, b) => a + b, 0),
    },
    warnings: schemeWarnings(input.document),
  };
}
