import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamCalendar } from '../time/business-hours.js';
import { evaluateSla, type SlaTimelineEntry, slaWakeUps } from './evaluate.js';
import type { AppliedSla } from './policy.js';

const HOUR = 3600;
const at = (iso: string) => new Date(iso);
// Istanbul (UTC+3 all year), Mon–Fri 09–18. Mon 7 Dec 2026 09:00 local = 06:00Z.
const istanbul: TeamCalendar = {
  timeZone: 'Europe/Istanbul',
  hours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
    day,
    open: '09:00',
    close: '18:00',
  })),
};
const applied: AppliedSla = {
  policyId: 'sla_p',
  version: 1,
  targets: { first_response: 2 * HOUR, next_response: HOUR, resolution: 8 * HOUR },
  pauseStatuses: ['pending', 'on_hold'],
  atRisk: { percent: 75 },
};
const created = at('2026-12-07T06:00Z');
const metric = (s: ReturnType<typeof evaluateSla>, m: string) => s.targets.find((t) => t.metric === m)!;

describe('evaluateSla', () => {
  it('a fresh ticket: due and at-risk instants on business hours, all running', () => {
    const s = evaluateSla(applied, created, [], istanbul, at('2026-12-07T06:30Z'));
    expect(metric(s, 'first_response')).toMatchObject({
      dueAt: at('2026-12-07T08:00Z'),
      atRiskAt: at('2026-12-07T07:30Z'),
      status: 'running',
      remainingSeconds: 5_400,
    });
    expect(metric(s, 'resolution').dueAt).toEqual(at('2026-12-07T14:00Z'));
    expect(s.targets.map((t) => t.metric)).toEqual(['first_response', 'resolution']);
    expect(slaWakeUps(s, at('2026-12-07T06:30Z'))).toEqual([
      at('2026-12-07T07:30Z'),
      at('2026-12-07T08:00Z'),
      at('2026-12-07T12:00Z'),
      at('2026-12-07T14:00Z'),
    ]);
  });
  it('breaches exactly at the due instant, not a second before; a reply at the instant meets it', () => {
    expect(
      metric(evaluateSla(applied, created, [], istanbul, at('2026-12-07T07:59:59Z')), 'first_response'),
    ).toMatchObject({ status: 'running', breached: false, remainingSeconds: 1 });
    expect(
      metric(evaluateSla(applied, created, [], istanbul, at('2026-12-07T08:00Z')), 'first_response'),
    ).toMatchObject({ status: 'breached', breached: true });
    const onTime: SlaTimelineEntry[] = [{ at: at('2026-12-07T08:00Z'), kind: 'agent_reply' }];
    expect(
      metric(evaluateSla(applied, created, onTime, istanbul, at('2026-12-08T00:00Z')), 'first_response'),
    ).toMatchObject({ status: 'achieved', breached: false, remainingSeconds: 0 });
  });
  it('pending pauses the clocks; the deadline moves by the paused business time', () => {
    const timeline: SlaTimelineEntry[] = [
      { at: at('2026-12-07T06:30Z'), kind: 'agent_reply' },
      { at: at('2026-12-07T07:00Z'), kind: 'status', status: 'pending' },
    ];
    const paused = evaluateSla(applied, created, timeline, istanbul, at('2026-12-07T10:00Z'));
    expect(paused.pausedSince).toEqual(at('2026-12-07T07:00Z'));
    expect(paused.pausedSeconds).toBe(3 * HOUR);
    expect(metric(paused, 'resolution')).toMatchObject({
      status: 'paused',
      dueAt: null,
      remainingSeconds: 7 * HOUR,
    });
    const resumed = evaluateSla(
      applied,
      created,
      [...timeline, { at: at('2026-12-07T11:00Z'), kind: 'status', status: 'open' }],
      istanbul,
      at('2026-12-07T11:00Z'),
    );
    // 1 h before the pause, 4 h Mon afternoon, 3 h Tue → Tue 12:00 local = 09:00Z.
    expect(metric(resumed, 'resolution')).toMatchObject({
      status: 'running',
      dueAt: at('2026-12-08T09:00Z'),
    });
  });
  it('each customer message after a reply starts a next-response cycle; a missed one is counted', () => {
    const timeline: SlaTimelineEntry[] = [
      { at: at('2026-12-07T06:10Z'), kind: 'agent_reply' },
      { at: at('2026-12-07T06:20Z'), kind: 'customer_message' },
      { at: at('2026-12-07T06:40Z'), kind: 'customer_message' },
      { at: at('2026-12-07T08:00Z'), kind: 'agent_reply' }, // 100 min after 06:20: missed
      { at: at('2026-12-07T09:00Z'), kind: 'customer_message' },
    ];
    const s = evaluateSla(applied, created, timeline, istanbul, at('2026-12-07T09:30Z'));
    expect(s.nextResponseBreaches).toBe(1);
    expect(metric(s, 'next_response')).toMatchObject({
      startedAt: at('2026-12-07T09:00Z'),
      dueAt: at('2026-12-07T10:00Z'),
      status: 'running',
    });
  });
  it('solving achieves the resolution; a reopen continues it without the solved time', () => {
    const solved: SlaTimelineEntry[] = [{ at: at('2026-12-07T08:00Z'), kind: 'status', status: 'solved' }];
    const s = evaluateSla(applied, created, solved, istanbul, at('2026-12-07T09:00Z'));
    expect(metric(s, 'resolution')).toMatchObject({
      status: 'achieved',
      breached: false,
      remainingSeconds: 6 * HOUR,
    });
    expect(metric(s, 'first_response').status).toBe('achieved');
    const reopened = [
      ...solved,
      { at: at('2026-12-07T10:00Z'), kind: 'status' as const, status: 'open' as const },
    ];
    const r = evaluateSla(applied, created, reopened, istanbul, at('2026-12-07T10:00Z'));
    // 2 h used by 11:00 local; reopened 13:00 local: 5 h until 18:00, 1 h Tue → 10:00 local = 07:00Z.
    expect(metric(r, 'resolution')).toMatchObject({ status: 'running', dueAt: at('2026-12-08T07:00Z') });
  });
  it('spam cancels running targets instead of breaching them', () => {
    const spam: SlaTimelineEntry[] = [{ at: at('2026-12-07T06:05Z'), kind: 'status', status: 'spam' }];
    const s = evaluateSla(applied, created, spam, istanbul, at('2026-12-09T00:00Z'));
    expect(s.targets.every((t) => t.status === 'cancelled' && !t.breached)).toBe(true);
  });
});

describe('evaluateSla: properties', () => {
  const statusArb = fc.constantFrom('open', 'pending', 'on_hold', 'open', 'solved' as const);
  const timelineArb = fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 5 * 86_400 }),
      fc.oneof(
        fc.constant({ kind: 'customer_message' as const }),
        fc.constant({ kind: 'agent_reply' as const }),
        statusArb.map((status) => ({ kind: 'status' as const, status })),
      ),
    ),
    { maxLength: 8 },
  );
  it('a running target is never breached before its due time, and its at-risk instant comes first', () => {
    fc.assert(
      fc.property(timelineArb, fc.integer({ min: 0, max: 6 * 86_400 }), (raw, nowOffset) => {
        const timeline = raw.map(([o, e]) => ({ ...e, at: new Date(created.getTime() + o * 1000) }));
        const now = new Date(created.getTime() + nowOffset * 1000);
        for (const t of evaluateSla(applied, created, timeline, istanbul, now).targets) {
          if (t.dueAt && t.atRiskAt) expect(t.atRiskAt.getTime()).toBeLessThanOrEqual(t.dueAt.getTime());
          if (t.status === 'breached') expect(t.dueAt!.getTime()).toBeLessThanOrEqual(now.getTime());
          if (t.status === 'running') expect(t.remainingSeconds).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
