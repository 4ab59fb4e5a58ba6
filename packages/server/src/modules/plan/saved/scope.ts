// A saved plan's scope (decision 0063): which tickets its history counts, whether it came from the
// imported tickets (the filter of `GET /api/plan/history`) or from an uploaded SERIES.csv (declared by
// the planner). Actual against plan counts the same tickets, and the forecasts sent to vendors carry
// its queue, channel and language, so a plan is always compared with the tickets it forecast.
import { wallClockAt } from '@shoreline/core';
import { AppError } from '../../../platform/http/problem.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { directoryFor } from '../../identity/index.js';
import type { ArrivalFilter } from '../../insight/index.js';
import type { SavedPlanInput } from './schemas.js';

export type PlanScope = NonNullable<SavedPlanInput['historyScope']>;

/** The scope's fields, in the order the API and the screen list them. */
export const PLAN_SCOPE_FIELDS = ['queue', 'channel', 'language', 'providerId'] as const;

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, field, [{ field, code: 'custom', message }]);

/**
 * Checks what the schema cannot: a scope's provider is one of the organization's.
 * @throws {AppError} `validation_failed` naming `historyScope.providerId`.
 */
export async function checkPlanScope(scoped: ScopedDb, scope: PlanScope | undefined): Promise<void> {
  if (!scope?.providerId) return;
  const { providers } = await directoryFor(scoped);
  if (!providers.some((p) => p.id === scope.providerId))
    throw fieldError('historyScope.providerId', 'not a provider of the organization');
}

/**
 * The tickets actual against plan counts: the plan's scope, narrowed by the query's filter where the
 * scope leaves a field open. A query field that names another value than the plan's scope would
 * compare the forecast with tickets it did not forecast: refused.
 * @throws {AppError} `validation_failed` naming `query.<field>`.
 */
export function actualsFilter(scope: PlanScope | undefined, query: ArrivalFilter): ArrivalFilter {
  const out: Record<string, string> = {};
  for (const field of PLAN_SCOPE_FIELDS) {
    const saved = scope?.[field];
    const asked = query[field];
    if (saved && asked && saved !== asked)
      throw fieldError(`query.${field}`, `the plan counts ${field} "${saved}" only`);
    const value = saved ?? asked;
    if (value) out[field] = value;
  }
  return out;
}

/** The zone a plan's actuals count in: the query's, else the plan's own, else UTC (plans saved before decision 0065). */
export function planTimeZone(
  input: Pick<SavedPlanInput, 'timeZone'>,
  q: { timeZone?: string | undefined },
): string {
  return q.timeZone ?? input.timeZone ?? 'UTC';
}

/** `now`'s wall clock in `timeZone`, as `YYYY-MM-DDTHH:MM` (core's `wallClockAt`). */
export function localWallClock(now: Date, timeZone: string): string {
  const w = wallClockAt(now.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}
