import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { pendingSearchCount, SEARCH_INDEX_JOB } from '../../src/modules/tickets/index.js';
import { demoAppWithScratchDir, importFile } from '../insight/support.js';

/**
 * Hardening #14 item 14 (the Desk's search made imports 2.5–5× dearer for PostgreSQL): an import
 * writes tickets and messages without search vectors (no per-row tsvector, no per-message lookup of
 * the ticket's language, no GIN work inside the COPY) and a job fills them after the run. Before
 * the fix, the vectors were computed inside the import: `pending` was 0 right after it.
 */
describe('desk search: imported history is indexed after the import, by a job', () => {
  const demo = demoAppWithScratchDir('shoreline-search-import-');
  const { write } = demo;

  it('leaves search to the job, then finds imported tickets by words, message bodies, requester and number', async () => {
    const tickets = [
      {
        source: 'legacy',
        externalId: 'LEG-7001',
        subject: 'Faturalarımı göremiyorum',
        language: 'tr',
        requester: 'Ayşe Yılmaz <ayse@example.com.tr>',
        status: 'open',
        createdAt: '2026-02-01T10:00:00Z',
        messages: [
          { externalId: 'm1', createdAt: '2026-02-01T10:00:00Z', body: 'Hesabımda ödeme görünmüyor' },
        ],
      },
      {
        source: 'legacy',
        externalId: 'LEG-7002',
        subject: 'Parcel never arrived',
        language: 'en',
        requester: 'Zelda Quimby <zelda.q@example.org>',
        status: 'solved',
        createdAt: '2026-02-02T10:00:00Z',
        solvedAt: '2026-02-03T10:00:00Z',
        messages: [{ externalId: 'm1', createdAt: '2026-02-02T10:00:00Z', body: 'The courier lost it' }],
      },
    ];
    const path = write('legacy.ndjson', `${tickets.map((t) => JSON.stringify(t)).join('\n')}\n`);
    const report = await importFile(demo.app, demo.org, 'canonical', path);
    expect(report.ticketsUpserted).toBe(2);

    // Written without vectors: nothing computed inside the import's transaction.
    expect(await pendingSearchCount(demo.app.shoreline.ctx.db, demo.org)).toEqual({
      tickets: 2,
      messages: 2,
    });
    const jobs = await demo.app.shoreline.ctx.db
      .selectFrom('jobs')
      .select(['name', 'status', 'organization_id'])
      .where('name', '=', SEARCH_INDEX_JOB)
      .execute();
    expect(jobs).toEqual([{ name: SEARCH_INDEX_JOB, status: 'queued', organization_id: demo.org }]);

    const admin = await demo.app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const find = async (q: string) =>
      (
        (await (
          await demo.app.request(`/api/desk/search?q=${encodeURIComponent(q)}`, { auth: admin })
        ).json()) as {
          items: { externalId: string }[];
        }
      ).items.map((x) => x.externalId);
    // Not yet indexed: not found (and the query plans stay on the partial indexes).
    expect(await find('fatura')).toEqual([]);

    await demo.app.shoreline.jobs.runDueJobs();
    expect(await pendingSearchCount(demo.app.shoreline.ctx.db, demo.org)).toEqual({
      tickets: 0,
      messages: 0,
    });
    expect(await find('fatura')).toEqual(['LEG-7001']); // Turkish stem, subject
    expect(await find('ödeme')).toEqual(['LEG-7001']); // message body, ticket's language
    expect(await find('courier')).toEqual(['LEG-7002']);
    expect(await find('zelda.q@exa')).toEqual(['LEG-7002']); // trigram, requester
    expect(await find('LEG-700')).toEqual(['LEG-7002', 'LEG-7001']); // trigram, number, newest first

    // The vectors equal what a live write computes (the trigger's expression).
    const same = await sql<{ same: boolean }>`
      select bool_and(search = shoreline_ticket_search(language, subject, description)) as same
      from tickets where organization_id = ${demo.org} and source = 'legacy'`.execute(
      demo.app.shoreline.ctx.db,
    );
    expect(same.rows[0]?.same).toBe(true);

    // A re-import that changes a subject clears its vector until the next job: never a stale match.
    tickets[1]!.subject = 'Refund for damaged box';
    const again = write('legacy2.ndjson', `${tickets.map((t) => JSON.stringify(t)).join('\n')}\n`);
    await importFile(demo.app, demo.org, 'canonical', again);
    expect(await find('parcel')).toEqual([]);
    await demo.app.shoreline.jobs.runDueJobs();
    expect(await find('parcel')).toEqual([]);
    expect(await find('refund damaged')).toEqual(['LEG-7002']);
  });
});
