import type { SlaTargetState } from '@shoreline/server/contract';
import { describe, expect, it } from 'vitest';
import { mostUrgent, slaCountdown } from './slaCountdown';

const target = (over: Partial<SlaTargetState> = {}): SlaTargetState => ({
  metric: 'first_response',
  targetSeconds: 3600,
  startedAt: '2026-03-02T07:00:00.000Z',
  dueAt: '2026-03-02T08:00:00.000Z',
  atRiskAt: '2026-03-02T07:45:00.000Z',
  achievedAt: null,
  status: 'running',
  breached: false,
  remainingSeconds: 3600,
  ...over,
});

describe('slaCountdown', () => {
  it('counts down to the due instant, at risk from its at-risk instant, overdue after', () => {
    expect(slaCountdown(target(), new Date('2026-03-02T07:30:00Z'))).toEqual({
      kind: 'running',
      seconds: 1800,
      dueAt: '2026-03-02T08:00:00.000Z',
    });
    expect(slaCountdown(target(), new Date('2026-03-02T07:50:00Z')).kind).toBe('at_risk');
    expect(slaCountdown(target(), new Date('2026-03-02T08:05:00Z'))).toMatchObject({
      kind: 'overdue',
      seconds: 300,
    });
  });
  it('a paused target shows its business seconds left; an achieved one met or missed', () => {
    expect(
      slaCountdown(target({ status: 'paused', dueAt: null, remainingSeconds: 900 }), new Date()),
    ).toEqual({ kind: 'paused', seconds: 900, dueAt: null });
    expect(slaCountdown(target({ status: 'achieved', breached: true }), new Date()).kind).toBe('missed');
    expect(slaCountdown(target({ status: 'achieved' }), new Date()).kind).toBe('met');
  });
  it('the most urgent target is the running one due first', () => {
    const later = target({ metric: 'resolution', dueAt: '2026-03-03T08:00:00.000Z' });
    expect(mostUrgent([later, target()])?.metric).toBe('first_response');
  });
});
