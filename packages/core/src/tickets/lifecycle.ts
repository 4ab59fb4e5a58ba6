import type { TicketStatus } from '../domain/vocabulary.js';

/**
 * A live ticket's lifecycle: which status may follow which, and what each step does to the
 * timestamps KPIs read. The rules follow the help desks Shoreline imports from (Zendesk's
 * "About ticket statuses": a solved ticket reopens on a reply and closes after a while, a closed
 * ticket cannot be changed, a follow-up is a new ticket):
 *
 * - `new` is only ever the first status: work moves a ticket to `open`, never back to `new`.
 * - `open`, `pending` and `on_hold` move freely among themselves and to `solved`.
 * - `solved` reopens (`open`, counted in `reopen_count`) or is `closed`; only a solved ticket closes.
 * - `closed` and `merged` are final.
 * - `spam` is for what was never a real request; it can be taken back to `open` if marked by mistake.
 * - A ticket is merged (into another) while unsolved.
 *
 * Imported history is not checked against this table: it is stored as its source recorded it.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'on_hold', 'solved', 'spam', 'merged'],
  open: ['pending', 'on_hold', 'solved', 'spam', 'merged'],
  pending: ['open', 'on_hold', 'solved', 'spam', 'merged'],
  on_hold: ['open', 'pending', 'solved', 'spam', 'merged'],
  solved: ['open', 'closed'],
  closed: [],
  spam: ['open'],
  merged: [],
};

/** Why a transition is refused: a stable code for the API, and the sentence a user reads. */
export interface TransitionRefusal {
  readonly code:
    | 'same_status'
    | 'back_to_new'
    | 'final_status'
    | 'close_unsolved'
    | 'merge_solved'
    | 'not_allowed';
  readonly reason: string;
}

/**
 * Whether a ticket in status `from` may move to `to`; null when it may, else the refusal naming why.
 * @example refuseTransition('closed', 'open') // { code: 'final_status', reason: 'a closed ticket is final; …' }
 */
export function refuseTransition(from: TicketStatus, to: TicketStatus): TransitionRefusal | null {
  if (TICKET_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return { code: 'same_status', reason: `the ticket is already ${from}` };
  if (from === 'closed' || from === 'merged')
    return {
      code: 'final_status',
      reason: `a ${from} ticket is final; a follow-up is a new ticket`,
    };
  if (to === 'new')
    return { code: 'back_to_new', reason: 'a ticket that was worked on returns to open, not new' };
  if (to === 'closed') return { code: 'close_unsolved', reason: 'only a solved ticket can be closed' };
  if (to === 'merged' && from === 'solved')
    return { code: 'merge_solved', reason: 'a solved ticket is not merged; reopen it first' };
  return { code: 'not_allowed', reason: `a ${from} ticket cannot become ${to}` };
}

/** The part of a ticket its lifecycle changes. */
export interface LifecycleState {
  readonly status: TicketStatus;
  readonly solvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly reopenedAt: Date | null;
  readonly reopenCount: number;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: LifecycleState; readonly reopened: boolean }
  | { readonly ok: false; readonly refusal: TransitionRefusal };

/**
 * Applies a status change at instant `at`. Solving stamps `solvedAt`; reopening a solved ticket
 * clears it, stamps `reopenedAt` and counts the reopening; closing stamps `closedAt` and keeps
 * `solvedAt`. So `solvedAt` is set exactly while the status is solved or closed, and
 * `reopenCount` counts every solved → open step (both checked with fast-check).
 */
export function transition(state: LifecycleState, to: TicketStatus, at: Date): TransitionResult {
  const refusal = refuseTransition(state.status, to);
  if (refusal) return { ok: false, refusal };
  const reopened = state.status === 'solved' && to === 'open';
  return {
    ok: true,
    reopened,
    state: {
      status: to,
      solvedAt: to === 'solved' ? at : to === 'closed' ? state.solvedAt : null,
      closedAt: to === 'closed' ? at : null,
      reopenedAt: reopened ? at : state.reopenedAt,
      reopenCount: state.reopenCount + (reopened ? 1 : 0),
    },
  };
}

/** A new live ticket's lifecycle. */
export const NEW_TICKET: LifecycleState = {
  status: 'new',
  solvedAt: null,
  closedAt: null,
  reopenedAt: null,
  reopenCount: 0,
};
