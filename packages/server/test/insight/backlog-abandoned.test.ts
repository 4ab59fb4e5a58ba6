import { describe, expect, it } from 'vitest';
import { kpiServiceOf } from '../../src/modules/insight/kpi-service.js';
import { adminScope, demoAppWithScratchDir, importFile } from './support.js';

/**
 * Hardening #14 (KPI backlog): the backlog counted a ticket as closed only by its solved_at, so an
 * abandoned call (a phone record the caller hung up on, which no one ever solves) stayed in the
 * backlog for ever. It now leaves it at the end of its wait, in both KPI engines. Before the fix the
 * first day's backlog was 3 and the second day's 2.
 */
describe('volume and backlog: abandoned calls count as closed', () => {
  const demo = demoAppWithScratchDir('shoreline-backlog-');
  const { write } = demo;

  it('closes an abandoned call at the end of its wait, in the memory and the SQL engine', async () => {
    const rows = [
      // Solved the next day.
      {
        externalId: 'e1',
        channel: 'email',
        status: 'solved',
        createdAt: '2026-01-05T09:00:00Z',
        solvedAt: '2026-01-06T10:00:00Z',
      },
      // Abandoned after 90 s of waiting: no solved_at, closed on the day it was made.
      {
        externalId: 'c1',
        channel: 'phone',
        status: 'closed',
        createdAt: '2026-01-05T11:00:00Z',
        callWaitSeconds: 90,
        abandoned: true,
      },
      // Abandoned at 23:59:30 with a 60 s wait: closed the next day.
      {
        externalId: 'c2',
        channel: 'phone',
        status: 'closed',
        createdAt: '2026-01-05T23:59:30Z',
        callWaitSeconds: 60,
        abandoned: true,
      },
      // An answered call without a solved time and a plain open ticket stay in the backlog.
      {
        externalId: 'c3',
        channel: 'phone',
        status: 'open',
        createdAt: '2026-01-05T12:00:00Z',
        callWaitSeconds: 20,
        abandoned: false,
      },
      { externalId: 'e2', channel: 'email', status: 'open', createdAt: '2026-01-06T08:00:00Z' },
    ].map((r) => JSON.stringify({ source: 'backlog', ...r }));
    const report = await importFile(
      demo.app,
      demo.org,
      'canonical',
      write('backlog.ndjson', `${rows.join('\n')}\n`),
    );
    expect(report.ticketsUpserted).toBe(5);
    const scoped = adminScope(demo.app, demo.org);
    for (const engine of ['memory', 'sql'] as const) {
      const kpi = kpiServiceOf(demo.app.shoreline.ctx).withEngine(engine);
      const points = await kpi.volume(scoped, 'day', { source: 'backlog', timeZone: 'UTC' });
      expect(points, engine).toEqual([
        { start: '2026-01-05', created: 4, solved: 1, backlog: 3 },
        { start: '2026-01-06', created: 1, solved: 2, backlog: 2 },
      ]);
    }
  });
});
