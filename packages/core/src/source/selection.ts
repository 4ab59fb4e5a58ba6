// The vendor selection process as a state machine: long list → RFI → short list → RFP → scoring →
// pilot → decision. The order follows ../shared/reference/govern/selection.md §2 (smfbpo1learnings
// 2016/07; jmoellerconsulting.com "Tendering for Call Centre Services"; the UK Sourcing Playbook
// makes the pilot a requirement for complex outsourcing). Each stage has an owner, a due date, a
// completion date and its documents; vendors leave the process only with a reason, and the award
// goes to a vendor still in it.
import { SourceInputError } from './errors.js';

export const SELECTION_STAGES = [
  'long-list',
  'rfi',
  'short-list',
  'rfp',
  'scoring',
  'pilot',
  'decision',
] as const;
export type SelectionStage = (typeof SELECTION_STAGES)[number];

export interface StageRecord {
  readonly stage: SelectionStage;
  readonly owner: string | null;
  readonly dueOn: string | null;
  readonly completedOn: string | null;
  /** Evidence file ids: the RFI, the RFP, the vendors' answers, the pilot plan… */
  readonly documents: readonly string[];
}

export interface SelectionVendor {
  readonly vendorId: string;
  /** `in` while still considered; `out` with the stage and reason it left; `awarded` at the end. */
  readonly status: 'in' | 'out' | 'awarded';
  readonly leftAt: SelectionStage | null;
  readonly reason: string | null;
}

export interface Selection {
  /** The stage in progress, or `closed` once the award (or no award) is recorded. */
  readonly stage: SelectionStage | 'closed';
  readonly stages: readonly StageRecord[];
  readonly vendors: readonly SelectionVendor[];
}

export function newSelection(
  vendorIds: readonly string[],
  plan: readonly { stage: SelectionStage; owner?: string; dueOn?: string }[] = [],
): Selection {
  if (new Set(vendorIds).size !== vendorIds.length)
    throw new SourceInputError('vendorIds', 'a vendor appears twice');
  return {
    stage: 'long-list',
    stages: SELECTION_STAGES.map((stage) => {
      const p = plan.find((x) => x.stage === stage);
      return { stage, owner: p?.owner ?? null, dueOn: p?.dueOn ?? null, completedOn: null, documents: [] };
    }),
    vendors: vendorIds.map((vendorId) => ({ vendorId, status: 'in', leftAt: null, reason: null })),
  };
}

export interface Advance {
  /** The day the current stage is completed (the injected clock's, YYYY-MM-DD). */
  readonly on: string;
  /** Vendors leaving at this stage, each with its reason (e.g. not short-listed, knocked out). */
  readonly exclude?: readonly { vendorId: string; reason: string }[];
  /** At the decision: the vendor awarded, or none (keep in house). */
  readonly awardTo?: string | null;
}

/**
 * Completes the current stage and moves to the next. Leaving the short list or later with no vendor
 * in is refused (nothing left to select), and so is an award to a vendor not in the process.
 */
export function advanceSelection(s: Selection, a: Advance): Selection {
  if (s.stage === 'closed') throw new SourceInputError('stage', 'the selection is closed');
  const at = s.stage;
  const index = SELECTION_STAGES.indexOf(at);
  let vendors = s.vendors;
  for (const [i, x] of (a.exclude ?? []).entries()) {
    const v = vendors.find((y) => y.vendorId === x.vendorId);
    if (v?.status !== 'in') throw new SourceInputError(`exclude.${i}.vendorId`, 'not in the selection');
    vendors = vendors.map((y) =>
      y.vendorId === x.vendorId ? { ...y, status: 'out', leftAt: at, reason: x.reason } : y,
    );
  }
  if (a.awardTo !== undefined && at !== 'decision')
    throw new SourceInputError('awardTo', 'the award is made at the decision stage');
  if (at === 'decision' && a.awardTo) {
    if (!vendors.some((v) => v.vendorId === a.awardTo && v.status === 'in'))
      throw new SourceInputError('awardTo', 'not a vendor still in the selection');
    vendors = vendors.map((v) => (v.vendorId === a.awardTo ? { ...v, status: 'awarded' } : v));
  }
  if (index < SELECTION_STAGES.indexOf('decision') && !vendors.some((v) => v.status === 'in'))
    throw new SourceInputError('exclude', 'at least one vendor must stay in the selection');
  const stages = s.stages.map((r) => (r.stage === at ? { ...r, completedOn: a.on } : r));
  const next = SELECTION_STAGES[index + 1];
  return { stage: next ?? 'closed', stages, vendors };
}

/** Stages past their due date and not completed on `today`: what the selection page warns about. */
export function overdueStages(s: Selection, today: string): SelectionStage[] {
  return s.stages
    .filter((r) => r.completedOn === null && r.dueOn !== null && r.dueOn < today)
    .map((r) => r.stage);
}
