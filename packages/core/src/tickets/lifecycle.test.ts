import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../domain/vocabulary.js';
import {
  type LifecycleState,
  NEW_TICKET,
  refuseTransition,
  TICKET_TRANSITIONS,
  transition,
} from './lifecycle.js';

const status = fc.constantFrom(...TICKET_STATUSES);
/** A random walk: target statuses and the minutes after the previous step each is asked for. */
const walk = fc.array(fc.tuple(status, fc.integer({ min: 0, max: 10_000 })), { maxLength: 60 });

function run(steps: [TicketStatus, number][]) {
  let state: LifecycleState = NEW_TICKET;
  let at = Date.UTC(2026, 0, 1);
  const applied: { from: TicketStatus; to: TicketStatus; at: number; before: LifecycleState }[] = [];
  for (const [to, minutes] of steps) {
    at += minutes * 60_000;
    const result = transition(state, to, new Date(at));
    if (result.ok) {
      applied.push({ from: state.status, to, at, before: state });
      state = result.state;
    } else {
      expect(result.refusal.reason.length).toBeGreaterThan(0);
      expect(TICKET_TRANSITIONS[state.status]).not.toContain(to);
    }
  }
  return { state, applied };
}

describe('ticket lifecycle', () => {
  it('refuses with the reason a person needs', () => {
    expect(refuseTransition('closed', 'open')?.code).toBe('final_status');
    expect(refuseTransition('merged', 'open')?.code).toBe('final_status');
    expect(refuseTransition('open', 'open')?.code).toBe('same_status');
    expect(refuseTransition('open', 'new')?.code).toBe('back_to_new');
    expect(refuseTransition('open', 'closed')?.reason).toBe('only a solved ticket can be closed');
    expect(refuseTransition('solved', 'merged')?.code).toBe('merge_solved');
    expect(refuseTransition('spam', 'solved')?.code).toBe('not_allowed');
    expect(refuseTransition('solved', 'open')).toBeNull();
    expect(refuseTransition('solved', 'closed')).toBeNull();
  });

  it('solve, reopen, solve, close: the timestamps a help desk reports', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    let s = NEW_TICKET;
    for (const [to, h] of [
      ['open', 1],
      ['solved', 2],
      ['open', 3],
      ['solved', 4],
      ['closed', 5],
    ] as const) {
      const r = transition(s, to, t(h));
      if (!r.ok) throw new Error(r.refusal.reason);
      s = r.state;
    }
    expect(s).toEqual({ status: 'closed', solvedAt: t(4), closedAt: t(5), reopenedAt: t(3), reopenCount: 1 });
  });

  it('solvedAt is set exactly while solved or closed, for every sequence of requests', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        const { state, applied } = run(steps);
        for (const s of [state, ...applied.map((a) => a.before)])
          expect(s.solvedAt !== null).toBe(s.status === 'solved' || s.status === 'closed');
      }),
    );
  });

  it('reopenCount counts every solved → open step, and reopenedAt is the last one', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        const { state, applied } = run(steps);
        const reopenings = applied.filter((a) => a.from === 'solved' && a.to === 'open');
        expect(state.reopenCount).toBe(reopenings.length);
        expect(state.reopenedAt?.getTime() ?? null).toBe(reopenings.at(-1)?.at ?? null);
      }),
    );
  });

  it('never returns to new, and nothing leaves closed or merged', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        const { applied } = run(steps);
        for (const a of applied) {
          expect(a.to).not.toBe('new');
          expect(['closed', 'merged']).not.toContain(a.from);
          expect(a.from).not.toBe(a.to);
        }
      }),
    );
  });

  it('closedAt is set exactly while closed, and only a solved ticket closes', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        const { state, applied } = run(steps);
        expect(state.closedAt !== null).toBe(state.status === 'closed');
        for (const a of applied.filter((x) => x.to === 'closed')) expect(a.from).toBe('solved');
      }),
    );
  });
});
