import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DEMO_USERS } from '../../src/demo/seed.js';
import type { Shoreline } from '../../src/main.js';
import * as sla from '../../src/modules/sla/service.js';
import { ticketService as tickets } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { Actor } from '../../src/platform/scope.js';
import { databaseTargets } from '../../src/test-support/databases.js';
import { startDemoShoreline } from '../../src/test-support/demo-shoreline.js';

/**
 * The SLA engine end to end with a fixed clock: events from the tickets service apply the policy
 * and its due times; `sla.check` jobs record at-risk and breach exactly at their instant (not a
 * second before); pauses move deadlines; a new policy version reaches only tickets created after
 * its effective date; the resolution outcome reaches `tickets.sla_breached` for Insight.
 * Istanbul Care works Mon–Fri 09:00–18:00 Europe/Istanbul (UTC+3 all year).
 */
describe.each(databaseTargets())('SLA engine on $kind', (target) => {
  let shoreline: Shoreline;
  // Monday 2 March 2026, 10:00 in Istanbul.
  const clock = fixedClock(new Date('2026-03-02T07:00:00Z'));
  let actors: Record<string, Actor>;
  let teams: Record<string, { id: string; providerId: string }>;
  let policyId = '';
  const scope = (who: keyof typeof DEMO_USERS) => shoreline.ctx.scope(actors[who]!);
  const db = () => shoreline.ctx.db;
  const at = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());

  const slaEvents = (ticketId: string) =>
    db()
      .selectFrom('domain_events')
      .select(['type', 'provider_id', 'subject_type', 'occurred_at', 'payload'])
      .where('subject_id', '=', ticketId)
      .where('type', 'like', 'sla.%')
      .orderBy('id')
      .execute();
  /** Hands pending events to the listeners, then runs the jobs due at the clock's now. */
  const settle = async () => {
    await shoreline.ctx.events.drain();
    await shoreline.jobs.runDueJobs();
    await shoreline.ctx.events.drain();
  };
  const openTicket = async (extra: Partial<tickets.NewTicket> = {}) => {
    const t = (await tickets.createTicket(scope('admin'), clock, {
      subject: 'Parcel never arrived',
      channel: 'email',
      teamId: teams['Istanbul Care']!.id,
      message: { body: 'Where is my parcel?', authorType: 'customer' },
      ...extra,
    })) as { id: string };
    await settle();
    return t.id;
  };
  const targetsOf = async (ticketId: string) =>
    Object.fromEntries(
      (
        await db().selectFrom('ticket_sla_targets').selectAll().where('ticket_id', '=', ticketId).execute()
      ).map((r) => [r.metric, r]),
    );
  const breachedColumn = async (ticketId: string) =>
    (
      await db()
        .selectFrom('tickets')
        .select('sla_breached')
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow()
    ).sla_breached;

  beforeAll(async () => {
    ({ shoreline, actors, teams } = await startDemoShoreline(target, clock, { startEvents: true }));
    const policy = await sla.createPolicy(scope('admin'), clock, {
      name: 'Standard',
      position: 0,
      conditions: {},
      targets: [
        { firstResponseSeconds: 3_600, nextResponseSeconds: 1_800, resolutionSeconds: 8 * 3_600 },
        { priorities: ['urgent'], firstResponseSeconds: 900 },
      ],
      pauseStatuses: ['pending', 'on_hold'],
      atRisk: { percent: 50 },
      effectiveFrom: '2026-01-01T00:00:00Z',
      reason: 'Launch',
    });
    policyId = policy.id;
  }, 120_000);
  afterAll(async () => {
    await shoreline?.close();
  });

  it('applies the policy at creation and stores due and at-risk instants on business hours', async () => {
    at('2026-03-02T07:00:00Z');
    const id = await openTicket();
    const row = await db()
      .selectFrom('ticket_sla')
      .selectAll()
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      policy_id: policyId,
      policy_version: 1,
      team_id: teams['Istanbul Care']!.id,
    });
    const t = await targetsOf(id);
    expect(new Date(t.first_response!.due_at!).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(new Date(t.first_response!.at_risk_at!).toISOString()).toBe('2026-03-02T07:30:00.000Z');
    // 8 business hours from 10:00 local: Monday 18:00 local = 15:00Z.
    expect(new Date(t.resolution!.due_at!).toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect((await sla.ticketSla(scope('agent'), clock, id)).targets.map((x) => x.metric)).toEqual([
      'first_response',
      'resolution',
    ]);
  });

  it('records at-risk and breach exactly at their instants, not a second before, once', async () => {
    at('2026-03-02T07:00:00Z');
    const id = await openTicket();
    at('2026-03-02T07:29:59Z');
    await settle();
    expect(await slaEvents(id)).toEqual([]);
    at('2026-03-02T07:30:00Z');
    await settle();
    expect((await slaEvents(id)).map((e) => e.type)).toEqual(['sla.at_risk']);
    at('2026-03-02T07:59:59Z');
    await settle();
    expect((await slaEvents(id)).map((e) => e.type)).toEqual(['sla.at_risk']);
    at('2026-03-02T08:00:00Z');
    await settle();
    const events = await slaEvents(id);
    expect(events.map((e) => e.type)).toEqual(['sla.at_risk', 'sla.breached']);
    // Pushed like ticket events: subject `ticket`, the ticket's provider (vendor staff: theirs only).
    expect(events[1]).toMatchObject({
      subject_type: 'ticket',
      provider_id: teams['Istanbul Care']!.providerId,
    });
    expect(new Date(events[1]!.occurred_at).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    at('2026-03-02T09:00:00Z');
    await settle();
    expect((await slaEvents(id)).length).toBe(2);
  });

  it('a reply before the due instant supersedes the scheduled breach: the job finds nothing to do', async () => {
    at('2026-03-02T07:00:00Z');
    const id = await openTicket();
    at('2026-03-02T07:10:00Z');
    await tickets.appendMessage(scope('agent'), clock, id, { body: 'On it', authorType: 'agent' });
    await settle();
    at('2026-03-02T08:00:00Z');
    await settle();
    expect(await slaEvents(id)).toEqual([]);
    expect((await targetsOf(id)).first_response).toMatchObject({ status: 'achieved', breached: false });
  });

  it('pending pauses the clock: the resolution deadline moves later by the paused business time', async () => {
    at('2026-03-02T07:00:00Z');
    const id = await openTicket();
    const due = async () => new Date((await targetsOf(id)).resolution!.due_at!).toISOString();
    expect(await due()).toBe('2026-03-02T15:00:00.000Z');
    at('2026-03-02T08:00:00Z');
    await tickets.appendMessage(scope('agent'), clock, id, { body: 'Which address?', authorType: 'agent' });
    await tickets.changeStatus(scope('agent'), clock, id, 'pending');
    await settle();
    const paused = await sla.ticketSla(scope('admin'), clock, id);
    expect(paused.pausedSince).toBe('2026-03-02T08:00:00.000Z');
    expect(paused.targets.find((t) => t.metric === 'resolution')).toMatchObject({
      status: 'paused',
      dueAt: null,
    });
    // Nothing fires while paused, even past the old deadline.
    at('2026-03-03T07:00:00Z');
    await settle();
    expect(await slaEvents(id)).toEqual([]);
    // The customer answers on Tuesday 10:00 local. Paused: Mon 11:00–18:00 (7 h) and Tue 09:00–10:00
    // (1 h) = 8 business hours. 1 h was used before the pause; 7 h remain from Tue 10:00 → 17:00 = 14:00Z.
    await tickets.appendMessage(scope('admin'), clock, id, { body: 'Street 5', authorType: 'customer' });
    await tickets.changeStatus(scope('agent'), clock, id, 'open');
    await settle();
    expect(await due()).toBe('2026-03-03T14:00:00.000Z');
    expect((await sla.ticketSla(scope('admin'), clock, id)).pausedSeconds).toBe(8 * 3_600);
  });

  it('solving in time records sla_breached = false; a missed resolution records true (Insight’s SLA KPI)', async () => {
    at('2026-03-02T07:00:00Z');
    const onTime = await openTicket();
    const late = await openTicket({ priority: 'urgent' });
    at('2026-03-02T07:05:00Z');
    await tickets.changeStatus(scope('agent'), clock, onTime, 'solved');
    await settle();
    expect(await breachedColumn(onTime)).toBe(false);
    expect(await breachedColumn(late)).toBeNull();
    // The urgent ticket's first response is 15 min: breached at 07:15.
    at('2026-03-02T07:15:00Z');
    await settle();
    expect((await slaEvents(late)).map((e) => e.type)).toContain('sla.breached');
    at('2026-03-03T07:00:00Z');
    await settle();
    expect(await breachedColumn(late)).toBe(true);
  });

  it('a new policy version reaches only tickets created from its effective date', async () => {
    at('2026-03-04T07:00:00Z');
    await sla.revisePolicy(scope('admin'), clock, policyId, {
      name: 'Standard',
      position: 0,
      conditions: {},
      targets: [{ firstResponseSeconds: 1_200, resolutionSeconds: 4 * 3_600 }],
      pauseStatuses: ['pending'],
      atRisk: { leadSeconds: 600 },
      effectiveFrom: '2026-03-04T09:00:00Z',
      reason: 'Contract amendment 2',
    });
    const before = await openTicket();
    at('2026-03-04T09:00:00Z');
    const after = await openTicket();
    const version = async (id: string) =>
      (
        await db()
          .selectFrom('ticket_sla')
          .select('policy_version')
          .where('ticket_id', '=', id)
          .executeTakeFirstOrThrow()
      ).policy_version;
    expect(await version(before)).toBe(1);
    expect(await version(after)).toBe(2);
    expect((await targetsOf(after)).first_response!.target_seconds).toBe(1_200);
    expect((await targetsOf(before)).first_response!.target_seconds).toBe(3_600);
    const history = await sla.policyHistory(scope('admin'), policyId);
    expect(history.map((v) => [v.version, v.reason])).toEqual([
      [1, 'Launch'],
      [2, 'Contract amendment 2'],
    ]);
  });

  it('breaching soon: running targets due before a horizon, earliest first, in the caller’s scope', async () => {
    at('2026-03-05T07:00:00Z');
    const id = await openTicket();
    const soon = await sla.breachingSoon(scope('admin'), new Date('2026-03-05T08:00:00Z'));
    expect(soon.find((x) => x.ticketId === id)?.dueAt).toBe('2026-03-05T07:20:00.000Z');
    expect(await sla.breachingSoon(scope('vendorAgent'), new Date('2026-03-05T08:00:00Z'))).toEqual([]);
  });

  it('attainment: share of decided targets met, per team', async () => {
    const a = await sla.attainment(scope('admin'), {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-05T00:00:00Z',
      groupBy: 'team',
    });
    const first = a.items.find((i) => i.metric === 'first_response' && i.key === teams['Istanbul Care']!.id)!;
    expect(first.met + first.breached).toBeGreaterThan(0);
    expect(first.attainment).toBeCloseTo(first.met / (first.met + first.breached));
  });
});
