// How fairly a saved plan's roster shares out nights and weekends (decision 0062), one line per
// provider with agents, in the planner's language: the spread the roster reaches, the least any
// roster of the same shifts could reach, and whether this one is proven to reach it.
import type { SavedPlan } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';

type Roster = NonNullable<NonNullable<SavedPlan['result']>['roster']>;
type Result = { providers: readonly { id: string; name: string }[]; roster?: Roster | undefined };

export interface FairnessLine {
  provider: string;
  proven: boolean;
  /** How far the roster may be from the fairest: spread − bound (0 when proven). */
  excess: number;
  /** "In-house team: spread 2 (nights 1, weekends 1), least possible 2". */
  text: string;
  /** "proven fairest", or "at most 1 above the fairest possible". */
  verdict: string;
}

/**
 * One line per provider whose roster has agents, in the plan's order of providers; none for a plan
 * built before fairness was reported (no `roster.fairness`). A provider without agents is left out:
 * its spread of 0 among nobody would read as "fair".
 */
export function fairnessLines(t: TFunction, result: Result): FairnessLine[] {
  const roster = result.roster;
  if (!roster?.fairness) return [];
  const staffed = new Set(roster.agents.map((a) => a.provider));
  const byId = new Map(roster.fairness.map((f) => [f.provider, f]));
  return result.providers.flatMap((p) => {
    const f = byId.get(p.id);
    if (!f || !staffed.has(p.id)) return [];
    const excess = Math.max(0, f.spread - f.bound);
    const proven = f.proven && excess === 0;
    return [
      {
        provider: p.name,
        proven,
        excess,
        text: t('plan.roster.fairness.line', {
          provider: p.name,
          spread: f.spread,
          nights: f.nights.spread,
          weekends: f.weekends.spread,
          bound: f.bound,
        }),
        verdict: proven ? t('plan.roster.fairness.proven') : t('plan.roster.fairness.above', { excess }),
      },
    ];
  });
}
