// The vendor selection process (core `selection.ts`): long list → RFI → short list → RFP →
// scoring → pilot → decision, each stage with its owner, due date, completion and documents
// (evidence files); vendors leave with a reason; the award is recorded. The organization's own.

import type { z } from '@hono/zod-openapi';
import {
  advanceSelection,
  newSelection,
  overdueStages,
  type Selection,
  SourceInputError,
} from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { named, requireIds, vendorNames } from './named-rows.js';
import { authorizeSource, sourceUseCase } from './policy.js';
import { parsed } from './presenters.js';
import type {
  SourceSelectionAdvance,
  SourceSelectionCreate,
  SourceSelectionSchema,
  SourceStageUpdate,
} from './schemas.js';
import type { SourceSelectionsTable } from './tables.js';

type SourceSelection = z.infer<typeof SourceSelectionSchema>;
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** Core's input errors as the one error table's 400, naming the field. */
function checked<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SourceInputError) throw new AppError('validation_failed', err.reason, err.field);
    throw err;
  }
}

/** Every vendor id must be one of the organization's vendors: a 404 names the first missing one. */
async function requireVendors(s: ScopedDb, ids: readonly string[], field: string) {
  const names = await vendorNames(s, ids);
  const missing = ids.findIndex((id) => !names.has(id));
  if (missing >= 0) throw new AppError('not_found', 'vendor not found', `${field}.${missing}`);
  return names;
}

async function present(
  s: ScopedDb,
  row: Selectable<SourceSelectionsTable>,
  on: string,
): Promise<SourceSelection> {
  const state = parsed<Selection>(row.state);
  const names = await requireVendors(
    s,
    state.vendors.map((v) => v.vendorId),
    'vendors',
  );
  return {
    id: row.id,
    name: row.name,
    scorecardId: row.scorecard_id,
    stage: state.stage,
    stages: state.stages.map((r) => ({ ...r, documents: [...r.documents] })),
    vendors: state.vendors.map((v) => ({ ...v, name: names.get(v.vendorId) ?? v.vendorId })),
    overdue: overdueStages(state, on),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export const listSelections = sourceUseCase('source.read', async (s: ScopedDb, clock: Clock) => {
  const rows = await s.latest('source_selections', 'created_at', 100);
  return Promise.all(rows.map((r) => present(s, r, today(clock))));
});

export const getSelection = sourceUseCase('source.read', async (s: ScopedDb, clock: Clock, id: string) => {
  return present(s, await s.findOrNotFound('source_selections', id, 'selection'), today(clock));
});

export const createSelection = sourceUseCase(
  'source.manage',
  async (s: ScopedDb, clock: Clock, input: z.output<typeof SourceSelectionCreate>) => {
    await requireVendors(s, input.vendorIds, 'vendorIds');
    if (input.scorecardId !== undefined) {
      await named(s.findOrNotFound('source_scorecards', input.scorecardId, 'scorecard'), 'scorecardId');
    }
    const state = checked(() => newSelection(input.vendorIds, input.stages));
    const now = clock.now();
    const row = await insertNewRow(s, 'source_selections', 'sel', now, {
      name: input.name,
      scorecard_id: input.scorecardId ?? null,
      state: JSON.stringify(state),
      created_by: s.actor.userId,
      created_at: now,
      updated_at: now,
    });
    return present(s, row as never, today(clock));
  },
);

/** Reads, changes and writes a selection's state in one transaction (row locked while it changes). */
async function changeState(
  s: ScopedDb,
  clock: Clock,
  id: string,
  change: (state: Selection, tx: ScopedDb) => Promise<Selection>,
) {
  authorizeSource(s.actor, 'source.manage');
  const row = await s.transaction(async (tx) => {
    const current = await tx.findOrNotFound('source_selections', id, 'selection');
    const state = await change(parsed<Selection>(current.state), tx);
    return tx.updateOrNotFound('source_selections', id, 'selection', {
      state: JSON.stringify(state),
      updated_at: clock.now(),
    });
  });
  return present(s, row, today(clock));
}

/** Sets a stage's owner, due date or documents (evidence files of this selection or its vendors). */
export function updateStage(
  s: ScopedDb,
  clock: Clock,
  id: string,
  input: z.output<typeof SourceStageUpdate>,
) {
  return changeState(s, clock, id, async (state, tx) => {
    if (input.documents && input.documents.length > 0) {
      await requireIds(tx, 'source_evidence', input.documents, 'documents');
    }
    return {
      ...state,
      stages: state.stages.map((r) =>
        r.stage !== input.stage
          ? r
          : {
              ...r,
              ...(input.owner !== undefined ? { owner: input.owner } : {}),
              ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
              ...(input.documents !== undefined ? { documents: input.documents } : {}),
            },
      ),
    };
  });
}

/** Completes the current stage today (the clock's), with vendors leaving and, at the decision, the award. */
export function advance(
  s: ScopedDb,
  clock: Clock,
  id: string,
  input: z.output<typeof SourceSelectionAdvance>,
) {
  return changeState(s, clock, id, async (state) =>
    checked(() =>
      advanceSelection(state, {
        on: today(clock),
        exclude: input.exclude,
        ...(input.awardTo !== undefined ? { awardTo: input.awardTo } : {}),
      }),
    ),
  );
}
