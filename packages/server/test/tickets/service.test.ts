import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankTicket, finaliseTicket } from '@shoreline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DEMO_USERS } from '../../src/demo/seed.js';
import type { Shoreline } from '../../src/main.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import {
  BatchBuilder,
  importTicketBatch,
  inCopyTransaction,
  ticketService as tickets,
} from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/http/problem.js';
import type { Actor } from '../../src/platform/scope.js';
import { databaseTargets } from '../../src/test-support/databases.js';
import { startDemoShoreline } from '../../src/test-support/demo-shoreline.js';

/**
 * The tickets module is the only writer of tickets, messages and ticket events. Each write must leave
 * its row, one domain event in the same transaction (rolled back with it), and a raised data version
 * (which the KPI column caches compare). On PGlite, and on PostgreSQL when DATABASE_URL is set; one
 * database per target, shared by the file's tests.
 */
describe.each(databaseTargets())('tickets service on $kind', (target) => {
  let shoreline: Shoreline;
  const clock = fixedClock(new Date('2026-03-02T07:00:00Z')); // a Monday, 10:00 in Istanbul
  let actors: Record<string, Actor>;
  let teams: Record<string, { id: string; providerId: string }>;
  let org: string;
  const scope = (who: keyof typeof DEMO_USERS) => shoreline.ctx.scope(actors[who]!);
  const db = () => shoreline.ctx.db;

  const version = async () =>
    Number(
      (
        await db()
          .selectFrom('ticket_data_versions')
          .select('version')
          .where('organization_id', '=', org)
          .executeTakeFirst()
      )?.version ?? 0,
    );
  const eventsOf = (subjectId: string) =>
    db()
      .selectFrom('domain_events')
      .select(['type', 'provider_id', 'actor_id', 'payload'])
      .where('subject_id', '=', subjectId)
      .orderBy('id')
      .execute();
  const ticketRow = (id: string) =>
    db().selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** Runs a write and returns what it changed: the data version's rise and the events it recorded. */
  async function observed<R>(subjectId: string | null, fn: () => Promise<R>) {
    const v0 = await version();
    const e0 = subjectId ? (await eventsOf(subjectId)).length : 0;
    const result = await fn();
    const id = subjectId ?? (result as { id: string }).id;
    return { result, bumped: (await version()) - v0, events: (await eventsOf(id)).slice(e0) };
  }
  const newTicket = (who: keyof typeof DEMO_USERS = 'admin', extra: Partial<tickets.NewTicket> = {}) =>
    tickets.createTicket(scope(who), clock, {
      subject: 'Parcel never arrived',
      channel: 'email',
      teamId: teams['Istanbul Care']!.id,
      message: { body: 'Where is my parcel?', authorType: 'customer' },
      ...extra,
    }) as Promise<{ id: string }>;

  beforeAll(async () => {
    ({ shoreline, actors, teams, organizationId: org } = await startDemoShoreline(target, clock));
  }, 120_000);
  afterAll(async () => {
    await shoreline?.close();
  });

  it('create: the ticket, its first message and history, ticket.created and message.received, one version', async () => {
    const { result, bumped, events } = await observed(null, () => newTicket());
    const row = await ticketRow(result.id);
    expect(row).toMatchObject({
      source: 'live',
      status: 'new',
      channel: 'email',
      team_id: teams['Istanbul Care']!.id,
    });
    expect(row.provider_id).toBe(teams['Istanbul Care']!.providerId);
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'message.received']);
    expect(events[0]).toMatchObject({ provider_id: row.provider_id, actor_id: actors.admin!.userId });
    expect(bumped).toBe(1);
    const detail = await tickets.getTicket(scope('admin'), result.id);
    expect(detail.messages.map((m) => m.body)).toEqual(['Where is my parcel?']);
    expect(detail.history.map((h) => [h.seq, h.kind, h.status])).toEqual([[1, 'created', 'new']]);
  });

  it('a write rolled back leaves no row, no event and no version', async () => {
    const v0 = await version();
    const before = await db()
      .selectFrom('domain_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    let createdId = '';
    await expect(
      scope('admin').transaction(async (tx) => {
        createdId = (
          (await tickets.createTicket(tx, clock, { subject: 'Rolled back', channel: 'chat' })) as {
            id: string;
          }
        ).id;
        throw new Error('caller fails after the write');
      }),
    ).rejects.toThrow('caller fails');
    expect(createdId).toMatch(/^tkt_/);
    expect(
      await db().selectFrom('tickets').select('id').where('id', '=', createdId).executeTakeFirst(),
    ).toBeUndefined();
    const after = await db()
      .selectFrom('domain_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await version()).toBe(v0);
  });

  it('append message: an agent reply is message.sent and stamps the first response on business hours', async () => {
    const { id } = await newTicket();
    clock.advance(9 * 3600_000); // 16:00Z = 19:00 in Istanbul, after the 09:00–18:00 day
    const { result, bumped, events } = await observed(id, () =>
      tickets.appendMessage(scope('agent'), clock, id, { body: 'On its way', authorType: 'agent' }),
    );
    expect(result).toMatchObject({ authorType: 'agent', authorId: actors.agent!.userId, public: true });
    expect(events.map((e) => e.type)).toEqual(['message.sent']);
    expect(bumped).toBe(1);
    const row = await ticketRow(id);
    expect(row.first_response_seconds).toBe(9 * 3600);
    // 10:00 → 18:00 Istanbul counts; 18:00 → 19:00 does not.
    expect(row.first_response_business_seconds).toBe(8 * 3600);
    const customer = await observed(id, () =>
      tickets.appendMessage(scope('agent'), clock, id, { body: 'Thanks', authorType: 'customer' }),
    );
    expect(customer.events.map((e) => e.type)).toEqual(['message.received']);
    // Neither changes the ticket's row (the first response is stamped already): the KPI columns'
    // version stays, so an organization's messages do not queue on its version row (decision 0034).
    expect(customer.bumped).toBe(0);
    const second = await observed(id, () =>
      tickets.appendMessage(scope('agent'), clock, id, { body: 'Anything else?', authorType: 'agent' }),
    );
    expect(second.events.map((e) => e.type)).toEqual(['message.sent']);
    expect(second.bumped).toBe(0);
    expect((await ticketRow(id)).first_response_seconds).toBe(9 * 3600);
  });

  it('status: follows the lifecycle, counts reopenings, and a refusal names `status` and writes nothing', async () => {
    const { id } = await newTicket();
    for (const to of ['open', 'solved', 'open', 'solved'] as const) {
      const { bumped, events } = await observed(id, () =>
        tickets.changeStatus(scope('agent'), clock, id, to),
      );
      expect(bumped).toBe(1);
      expect(events).toHaveLength(1);
      expect(events[0]!.type).toBe('ticket.status_changed');
      expect(events[0]!.payload).toMatchObject({ to });
    }
    const row = await ticketRow(id);
    expect(row).toMatchObject({ status: 'solved', reopen_count: 1 });
    expect(row.solved_at).not.toBeNull();
    const v0 = await version();
    const refused = await tickets.changeStatus(scope('agent'), clock, id, 'merged').catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'invalid_transition', field: 'status', status: 409 });
    expect(await version()).toBe(v0);
    expect((await ticketRow(id)).status).toBe('solved');
    const history = (await tickets.getTicket(scope('admin'), id)).history.map((h) => h.kind);
    expect(history).toEqual(['created', 'status', 'status', 'reopen', 'status']);
  });

  it('assign and tag: ticket.assigned and ticket.tagged with what changed', async () => {
    const { id } = await newTicket('admin', { tags: ['parcel'] });
    const a = await observed(id, () =>
      tickets.assignTicket(scope('supervisor'), clock, id, 'noa@northwind.example'),
    );
    expect(a.events.map((e) => [e.type, e.payload])).toEqual([
      ['ticket.assigned', { from: null, to: 'noa@northwind.example' }],
    ]);
    expect(a.bumped).toBe(1);
    expect((await ticketRow(id)).assignee).toBe('noa@northwind.example');
    const t = await observed(id, () =>
      tickets.tagTicket(scope('agent'), clock, id, { add: ['urgent', 'parcel'], remove: ['parcel'] }),
    );
    expect(t.events.map((e) => [e.type, e.payload])).toEqual([
      ['ticket.tagged', { added: ['urgent'], removed: ['parcel'], tags: ['urgent'] }],
    ]);
    expect(t.bumped).toBe(1);
  });

  it('transfer: to a vendor team, messages and history follow; vendor staff cannot send it to another provider', async () => {
    const { id } = await newTicket();
    const riga = teams['Riga Multilingual']!;
    const { bumped, events } = await observed(id, () =>
      tickets.transferTicket(scope('admin'), clock, id, { teamId: riga.id }),
    );
    expect(bumped).toBe(1);
    expect(events.map((e) => [e.type, e.provider_id])).toEqual([['ticket.transferred', riga.providerId]]);
    const row = await ticketRow(id);
    expect(row).toMatchObject({ provider_id: riga.providerId, team_id: riga.id, handoff_count: 1 });
    const messages = await db()
      .selectFrom('ticket_messages')
      .select('provider_id')
      .where('ticket_id', '=', id)
      .execute();
    expect(messages.every((m) => m.provider_id === riga.providerId)).toBe(true);
    // The Riga vendor's admin now sees it, and may not hand it to the in-house provider.
    expect((await tickets.getTicket(scope('vendorAdmin'), id)).ticket.id).toBe(id);
    const v0 = await version();
    const refused = await tickets
      .transferTicket(scope('vendorAdmin'), clock, id, { providerId: teams['Istanbul Care']!.providerId })
      .catch((e) => e);
    expect(refused).toMatchObject({ code: 'not_found', field: 'providerId' });
    expect(await version()).toBe(v0);
    expect((await ticketRow(id)).provider_id).toBe(riga.providerId);
    // The vendor agent of another vendor (Manila) does not reach it at all.
    await expect(tickets.changeStatus(scope('vendorAgent'), clock, id, 'open')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('merge: the duplicate becomes merged, its messages are copied, ticket.merged recorded', async () => {
    const a = await newTicket();
    clock.advance(60_000); // the duplicate arrives a minute later: the conversation reads in that order
    const b = await newTicket('admin', { message: { body: 'Same parcel, again', authorType: 'customer' } });
    const { bumped, events } = await observed(b.id, () =>
      tickets.mergeTicket(scope('agent'), clock, b.id, a.id),
    );
    expect(bumped).toBe(1);
    expect(events.map((e) => e.type)).toEqual(['ticket.status_changed', 'ticket.merged']);
    expect((await ticketRow(b.id)).status).toBe('merged');
    const bodies = (await tickets.getTicket(scope('admin'), a.id)).messages.map((m) => m.body);
    expect(bodies).toEqual(['Where is my parcel?', 'Same parcel, again']);
    await expect(tickets.mergeTicket(scope('agent'), clock, a.id, a.id)).rejects.toMatchObject({
      field: 'into',
    });
  });

  it('bulk import: one tickets.imported event per batch with its counts, and one version per batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoreline-tickets-'));
    try {
      const lines = Array.from({ length: 5 }, (_, i) =>
        JSON.stringify({
          source: 'bulk',
          externalId: `K${i}`,
          createdAt: '2026-01-01T00:00:00Z',
          provider: 'Manila CX',
          messages: [{ externalId: 'm1', body: 'hi', createdAt: '2026-01-01T00:00:00Z' }],
        }),
      );
      writeFileSync(join(dir, 'bulk.ndjson'), `${lines.join('\n')}\n`);
      const v0 = await version();
      const report = await runImport({
        database: shoreline.ctx.database,
        clock,
        organizationId: org,
        format: 'canonical',
        filePath: join(dir, 'bulk.ndjson'),
        batchSize: 3,
      });
      expect(report.ticketsUpserted).toBe(5);
      expect((await version()) - v0).toBe(2);
      // The run itself ends with import_run.finished (Insight's event); the batches are the tickets module's.
      const all = await eventsOf(report.runId);
      expect(all.map((e) => e.type)).toEqual(['tickets.imported', 'tickets.imported', 'import_run.finished']);
      const events = all.filter((e) => e.type === 'tickets.imported');
      const manila = teams['Manila Follow-the-sun']!.providerId;
      expect(events.map((e) => e.payload)).toEqual([
        { tickets: 3, messages: 3, events: 0, byProvider: { [manila]: 3 }, repeatedCasesRejected: 0 },
        { tickets: 2, messages: 2, events: 0, byProvider: { [manila]: 2 }, repeatedCasesRejected: 0 },
      ]);
      expect(events.every((e) => e.provider_id === null && e.actor_id === 'system:import')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bulk import rolled back with its caller: no ticket, no event, no version', async () => {
    const builder = new BatchBuilder(org, 'imp_rolled_back', () => clock.now());
    builder.add({
      ticket: finaliseTicket(blankTicket('R1'), null),
      source: 'rollback',
      providerId: null,
      teamId: null,
    });
    const prepared = builder.take();
    const v0 = await version();
    await expect(
      inCopyTransaction(shoreline.ctx.database, async (tx) => {
        await importTicketBatch(tx, {
          organizationId: org,
          runId: 'imp_rolled_back',
          actorId: 'system:import',
          prepared,
          rejectRepeatedCases: false,
          tryDirect: true,
        });
        throw new Error('checkpoint failed');
      }),
    ).rejects.toThrow('checkpoint failed');
    expect(await eventsOf('imp_rolled_back')).toEqual([]);
    expect(await version()).toBe(v0);
    expect(await db().selectFrom('tickets').select('id').where('source', '=', 'rollback').execute()).toEqual(
      [],
    );
  });
});
