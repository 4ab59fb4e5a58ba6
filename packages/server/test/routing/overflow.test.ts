import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { createRoutedTicket } from '../../src/modules/routing/index.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { type Auth, idsByName, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Decision = { teamId: string; overflow: { at: string; teamId: string | null; reason: string } | null };

/**
 * Overflow after a wait, on the demo directory with a fixed clock: English chat goes to Istanbul Care
 * (in house, open Monday 10:00 Istanbul); not taken within two minutes, it moves to the vendor's
 * Manila team (24×7). The job queue runs the timer; the decision explains it.
 */
describe('routing: overflow to another team after a wait', () => {
  let app: TestApp;
  let admin: Auth;
  let teams: Record<string, string>;
  let organizationId: string;
  const clock = fixedClock(new Date('2026-11-30T07:00:00Z'));
  const scope = () => app.shoreline.ctx.scope(systemActor('test', organizationId));
  const chat = (body: string) =>
    createRoutedTicket(scope(), clock, {
      subject: 'Order help',
      channel: 'chat',
      language: 'en',
      message: { body, authorType: 'customer' },
    });
  const decision = async (id: string) =>
    (await (await app.request(`/api/routing/tickets/${id}`, { auth: admin })).json()) as Decision;

  beforeAll(async () => {
    app = await startTestApp({ demo: true, clock });
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    ({ ids: teams, organizationId } = await idsByName(app, 'teams'));
    const res = await app.request('/api/routing/rules', {
      method: 'PUT',
      auth: admin,
      body: {
        rules: [
          {
            name: 'English chat at home first',
            conditions: { languages: ['en'], channels: ['chat'] },
            teamIds: [teams['Istanbul Care']],
            overflow: { afterSeconds: 120, teamIds: [teams['Manila Follow-the-sun']] },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(() => app?.close());

  it('moves a ticket nobody took to the overflow team when the wait ends, and explains it', async () => {
    const waiting = await chat('Hello, where is my parcel?');
    const taken = await chat('Hello, I need to change my address.');
    expect(waiting.ticket.teamId).toBe(teams['Istanbul Care']);
    await ticketService.assignTicket(scope(), clock, taken.ticket.id, 'usr_someone');

    // Before the wait ends nothing moves.
    clock.advance(119_000);
    await app.shoreline.jobs.runDueJobs();
    expect((await decision(waiting.ticket.id)).overflow).toBeNull();

    clock.advance(2_000);
    await app.shoreline.jobs.runDueJobs();
    const moved = await ticketService.getTicket(scope(), waiting.ticket.id);
    expect(moved.ticket).toMatchObject({ teamId: teams['Manila Follow-the-sun'] });
    expect(moved.ticket.providerId).not.toBe(waiting.ticket.providerId);
    expect(await decision(waiting.ticket.id)).toMatchObject({
      teamId: teams['Istanbul Care'],
      overflow: {
        at: '2026-11-30T07:02:01.000Z',
        teamId: teams['Manila Follow-the-sun'],
        reason: `not taken within 120 s: overflow to team ${teams['Manila Follow-the-sun']} (open, least loaded)`,
      },
    });
    // Taken in time: it stays, and the explanation says so.
    expect((await ticketService.getTicket(scope(), taken.ticket.id)).ticket.teamId).toBe(
      teams['Istanbul Care'],
    );
    expect((await decision(taken.ticket.id)).overflow).toMatchObject({ teamId: null });
  });

  it('refuses an overflow wait below ten seconds, naming the field', async () => {
    const res = await app.request('/api/routing/rules', {
      method: 'PUT',
      auth: admin,
      body: {
        rules: [
          {
            name: 'x',
            teamIds: [teams['Istanbul Care']],
            overflow: { afterSeconds: 5, teamIds: [teams['Istanbul Care']] },
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('rules.0.overflow.afterSeconds');
  });
});
