import { describe, expect, it } from 'vitest';
import { publishTransient } from '../../src/platform/events/index.js';
import type { Actor } from '../../src/platform/scope.js';
import { recordTestEvent } from '../../src/test-support/events.js';
import { type SseMessage, SseReader } from '../../src/test-support/sse-client.js';
import { apiRoutes, STREAM_ROUTES } from './routes.js';
import type { IsolationWorld } from './world.js';

/** Who may read events about a subject, restated from the read routes' rules. */
function mayRead(actor: Actor, subjectType: string): boolean {
  // Tickets' events, durable and transient: the Desk's presence (`desk.presence`) is a transient
  // event about a ticket, scoped by the ticket's provider, as the transient case below sends.
  if (subjectType === 'ticket') return true;
  if (subjectType === 'import_run') return actor.providerId === null && actor.role !== 'agent';
  if (subjectType === 'webhook_endpoint') return actor.providerId === null && actor.role === 'admin';
  // Saved plans' progress: the organization's own staff, as GET /api/plan/plans/:id.
  if (subjectType === 'plan') return actor.providerId === null;
  return false;
}

/** The push suite: every role's event stream, live and resumed, against the world `world()` gives. */
export function describePush(world: () => IsolationWorld) {
  describe('push: the event stream delivers nothing outside the caller’s scope', () => {
    it('streams, live and resumed, exactly the events each role may read', async () => {
      const { t, orgA, orgB, actors, otherOrgActors } = world();
      expect(apiRoutes(t).length).toBeGreaterThan(0);
      const routeKeys = t.shoreline.app.routes.map((r) => `${r.method} ${r.path}`);
      for (const key of STREAM_ROUTES) expect(routeKeys).toContain(key);
      const db = t.shoreline.ctx.db;
      const everyone = [...actors, ...otherOrgActors];
      const streams = [];
      for (const a of everyone) {
        const res = await t.request('/api/events/stream', { auth: a.auth });
        expect(res.status, a.label).toBe(200);
        const reader = new SseReader(res);
        expect((await reader.next()).event).toBe('ready');
        streams.push({ ...a, reader });
      }
      // Every organization × provider (and none) × subject, durable and transient.
      const providers = await db.selectFrom('providers').select(['id', 'organization_id']).execute();
      const subjects = ['ticket', 'import_run', 'webhook_endpoint', 'plan', 'unannounced_subject'];
      const sent: { key: string; organizationId: string; providerId: string | null; subjectType: string }[] =
        [];
      for (const organizationId of [orgA, orgB]) {
        const owners = [
          null,
          ...providers.filter((p) => p.organization_id === organizationId).map((p) => p.id),
        ];
        for (const providerId of owners)
          for (const subjectType of subjects) {
            const key = `${organizationId}|${providerId}|${subjectType}`;
            await recordTestEvent(db, {
              organizationId,
              providerId,
              subjectType,
              subjectId: `durable|${key}`,
            });
            await publishTransient(db, {
              type: 'test.progress',
              organizationId,
              providerId,
              subjectType,
              subjectId: `transient|${key}`,
              payload: {},
            });
            sent.push({ key, organizationId, providerId, subjectType });
          }
      }
      for (const s of streams)
        await recordTestEvent(db, {
          organizationId: s.actor.organizationId,
          providerId: s.actor.providerId,
          subjectId: `sentinel|${s.label}`,
        });

      const expected = (actor: Actor) =>
        sent
          .filter(
            (e) =>
              e.organizationId === actor.organizationId &&
              (actor.providerId === null || e.providerId === actor.providerId) &&
              mayRead(actor, e.subjectType),
          )
          .map((e) => e.key)
          .sort();
      const keysOf = (messages: SseMessage[], kind: string) =>
        messages
          .map((m) => (JSON.parse(m.data) as { subjectId?: string }).subjectId ?? '')
          .filter((id) => id.startsWith(`${kind}|`))
          .map((id) => id.slice(kind.length + 1))
          .sort();
      const sentinelsOf = (messages: SseMessage[]) =>
        messages
          .map((m) => (JSON.parse(m.data) as { subjectId?: string }).subjectId ?? '')
          .filter((id) => id.startsWith('sentinel|'));
      const sameScope = (a: Actor, b: Actor) =>
        a.organizationId === b.organizationId && (a.providerId === null || a.providerId === b.providerId);
      let delivered = 0;
      for (const s of streams) {
        const live = await s.reader.until((m) => m.data.includes(`"sentinel|${s.label}"`));
        await s.reader.close();
        expect(keysOf(live, 'durable'), `${s.label} live`).toEqual(expected(s.actor));
        expect(keysOf(live, 'transient'), `${s.label} transient`).toEqual(expected(s.actor));
        delivered += live.length;
        // Resumed from the start of the outbox: the same slice, nothing more.
        const res = await t.request('/api/events/stream', {
          auth: s.auth,
          headers: { 'last-event-id': '0-0' },
        });
        const resumedReader = new SseReader(res);
        const resumed = await resumedReader.until((m) => m.event === 'ready');
        await resumedReader.close();
        expect(keysOf(resumed, 'durable'), `${s.label} resumed`).toEqual(expected(s.actor));
        const othersSentinels = streams
          .filter((o) => sameScope(s.actor, o.actor))
          .map((o) => `sentinel|${o.label}`);
        for (const id of sentinelsOf(resumed))
          expect(othersSentinels, `${s.label} resumed ${id}`).toContain(id);
      }
      expect(delivered).toBeGreaterThan(everyone.length * 2);
    }, 120_000);
  });
}
