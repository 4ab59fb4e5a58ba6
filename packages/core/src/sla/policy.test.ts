import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atRiskSeconds,
  matchSlaPolicy,
  type SlaPolicyVersion,
  specificity,
  versionsInForce,
} from './policy.js';

const base = {
  position: 0,
  conditions: {},
  pauseStatuses: ['pending'] as const,
  atRisk: { percent: 80 },
};
const v = (
  p: Partial<SlaPolicyVersion> & Pick<SlaPolicyVersion, 'policyId' | 'targets'>,
): SlaPolicyVersion => ({
  ...base,
  version: 1,
  effectiveFrom: new Date('2026-01-01T00:00Z'),
  ...p,
});
const ticket = {
  priority: 'urgent' as const,
  channel: 'email' as const,
  segment: 'gold',
  teamId: 'team_a',
  providerId: 'prv_v',
};
const created = new Date('2026-06-01T00:00Z');

describe('specificity', () => {
  it('counts conditions first, then precedence type > priority > channel > segment > team > provider', () => {
    expect(specificity({}, ticket)).toBe(0);
    expect(specificity({ types: ['complaint'] }, { ...ticket, type: 'complaint' })).toBe(96);
    expect(specificity({ priorities: ['urgent'] }, ticket)).toBe(80);
    expect(specificity({ channels: ['email'] }, ticket)).toBe(72);
    expect(specificity({ types: ['complaint'] }, ticket)).toBeNull();
    expect(specificity({ teamIds: ['team_a'], providerIds: ['prv_v'] }, ticket)).toBeGreaterThan(
      specificity({ priorities: ['urgent'] }, ticket)!,
    );
    expect(specificity({ priorities: ['low'] }, ticket)).toBeNull();
  });
});

describe('matchSlaPolicy', () => {
  it('takes each metric from the most specific row that sets it', () => {
    const policy = v({
      policyId: 'p',
      targets: [
        { firstResponseSeconds: 14_400, resolutionSeconds: 86_400 },
        { priorities: ['urgent'], firstResponseSeconds: 3_600 },
        { priorities: ['urgent'], channels: ['chat'], firstResponseSeconds: 60 },
      ],
    });
    expect(matchSlaPolicy([policy], ticket, created)).toMatchObject({
      policyId: 'p',
      targets: { first_response: 3_600, resolution: 86_400 },
    });
  });
  it('the policy with the more specific matching row wins over an earlier general one', () => {
    const general = v({ policyId: 'a', position: 0, targets: [{ resolutionSeconds: 100 }] });
    const vendor = v({
      policyId: 'b',
      position: 5,
      conditions: { providerIds: ['prv_v'] },
      targets: [{ resolutionSeconds: 50 }],
    });
    expect(matchSlaPolicy([general, vendor], ticket, created)?.policyId).toBe('b');
    expect(matchSlaPolicy([general, vendor], { ...ticket, providerId: null }, created)?.policyId).toBe('a');
  });
  it('applies the version in force at the ticket creation', () => {
    const v1 = v({ policyId: 'p', version: 1, targets: [{ resolutionSeconds: 100 }] });
    const v2 = v({
      policyId: 'p',
      version: 2,
      effectiveFrom: new Date('2026-07-01T00:00Z'),
      targets: [{ resolutionSeconds: 200 }],
    });
    expect(matchSlaPolicy([v1, v2], ticket, created)).toMatchObject({
      version: 1,
      targets: { resolution: 100 },
    });
    expect(matchSlaPolicy([v1, v2], ticket, new Date('2026-07-01T00:00Z'))).toMatchObject({ version: 2 });
    expect(versionsInForce([v1, v2], new Date('2025-12-31T23:59Z'))).toEqual([]);
  });
  it('covers no ticket its conditions exclude', () => {
    const chatOnly = v({
      policyId: 'p',
      conditions: { channels: ['chat'] },
      targets: [{ resolutionSeconds: 1 }],
    });
    expect(matchSlaPolicy([chatOnly], ticket, created)).toBeNull();
  });
});

describe('atRiskSeconds', () => {
  it('is a share of the target or a fixed lead before it, in whole seconds', () => {
    expect(atRiskSeconds(3_600, { percent: 80 })).toBe(2_880);
    expect(atRiskSeconds(1_001, { percent: 75 })).toBe(750);
    expect(atRiskSeconds(3_600, { leadSeconds: 900 })).toBe(2_700);
    expect(atRiskSeconds(600, { leadSeconds: 900 })).toBe(0);
  });
});

describe('matching on ticket type', () => {
  const complaints = v({
    policyId: 'complaints',
    position: 9,
    conditions: { types: ['complaint'] },
    targets: [{ firstResponseSeconds: 1_800, resolutionSeconds: 172_800 }],
  });
  const urgent = v({
    policyId: 'urgent',
    targets: [{ priorities: ['urgent'], firstResponseSeconds: 3_600, resolutionSeconds: 28_800 }],
  });
  it('a complaint gets the complaint policy over a priority policy ordered before it', () => {
    expect(matchSlaPolicy([urgent, complaints], { ...ticket, type: 'complaint' }, created)).toMatchObject({
      policyId: 'complaints',
      targets: { first_response: 1_800, resolution: 172_800 },
    });
    expect(matchSlaPolicy([urgent, complaints], { ...ticket, type: 'question' }, created)?.policyId).toBe(
      'urgent',
    );
    expect(matchSlaPolicy([urgent, complaints], ticket, created)?.policyId).toBe('urgent');
  });
  it('for all tickets: a type-only condition beats any other single condition, and never matches another type', () => {
    const other = fc.constantFrom(
      { priorities: ['urgent' as const] },
      { channels: ['email' as const] },
      { segments: ['gold'] },
      { teamIds: ['team_a'] },
      { providerIds: ['prv_v'] },
    );
    const type = fc.constantFrom('question', 'incident', 'problem', 'task', 'complaint', null);
    fc.assert(
      fc.property(other, type, (c, t) => {
        const facts = { ...ticket, type: t };
        const typed = specificity({ types: ['complaint'] }, facts);
        if (t !== 'complaint') return typed === null;
        return typed !== null && typed > (specificity(c, facts) ?? -1);
      }),
    );
  });
});
