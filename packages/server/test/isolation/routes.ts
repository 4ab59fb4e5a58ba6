import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/scope.js';
import type { TestApp } from '../../src/test-support/test-app.js';
import { type Foreign, SAMPLE_BODIES } from './sample-bodies.js';
import type { IsolationWorld, Row } from './world.js';

// Streams never end by themselves; the push suite (push.test.ts) covers them for every role.
export const STREAM_ROUTES = new Set(['GET /api/events/stream']);
// Reached without an actor by design; their own tests cover them.
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/accept-invite',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'GET /api/openapi.json',
  // The help center's search for the chat widget: public, scoped by the help center's slug.
  'GET /api/help/:slug/:lang/search',
  // Signed by a connector's secret instead of a session (packages/server/test/phone/bank-calls.test.ts).
  'POST /api/phone/webhook/:id',
  // The survey token is the key (packages/server/test/csat/csat.test.ts).
  'GET /api/csat/:token',
  'POST /api/csat/:token',
]);

// Which table a path segment names, to pick foreign ids of the right kind.
const SEGMENT_TABLE: Record<string, string> = {
  plans: 'plans',
  providers: 'providers',
  teams: 'teams',
  users: 'users',
  tokens: 'api_tokens',
  imports: 'import_runs',
  'provider-mappings': 'provider_mappings',
  jobs: 'jobs',
  tickets: 'tickets',
  webhooks: 'webhook_endpoints',
  uploads: 'uploads',
  mailboxes: 'mailboxes',
  attachments: 'mail_attachments',
  customers: 'customers',
  macros: 'macros',
  articles: 'knowledge_articles',
  synonyms: 'knowledge_synonyms',
  policies: 'sla_policies',
  holidays: 'teams',
  contracts: 'contracts',
  scenarios: 'source_scenarios',
  scorecards: 'source_scorecards',
  pilots: 'source_pilots',
  vendors: 'source_vendors',
  selections: 'source_selections',
  evidence: 'source_evidence',
  leads: 'sales_leads',
  simulations: 'jobs',
};

/**
 * The table a sub-resource route's first parameter names (`/api/tickets/:id/status` → tickets): the
 * segment just before it. Only for routes whose last-but-one segment names no table; two more
 * segments than SEGMENT_TABLE, whose rows only their sub-resource routes take.
 */
const PARENT_TABLE: Record<string, string> = {
  ...SEGMENT_TABLE,
  inbound: 'mail_inbound',
  governance: 'governance_items',
};

/** Every API route an actor may call, in the order the route check calls them. */
export function apiRoutes(t: TestApp): { method: string; path: string }[] {
  const seen = new Set<string>();
  return (
    t.shoreline.app.routes
      .filter(
        (r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.path.startsWith('/api/'),
      )
      .filter((r) => !r.path.includes('*') && !r.path.startsWith('/api/docs'))
      .filter((r) => {
        const key = `${r.method} ${r.path}`;
        if (seen.has(key) || PUBLIC_ROUTES.has(key) || STREAM_ROUTES.has(key)) return false;
        seen.add(key);
        return true;
      })
      // Sign-out routes end the caller's own session: run them last.
      .sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')))
  );
}

async function snapshot(t: TestApp): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const table of t.shoreline.ctx.scopeRules.tables()) {
    const rows = await t.shoreline.ctx.db
      .selectFrom(table as 'providers')
      .selectAll()
      .execute();
    out.set(
      table,
      (rows as unknown as Row[]).map((r) => ({ ...r })).sort((a, b) => key(a).localeCompare(key(b))),
    );
  }
  return out;
}

const key = (row: Row) => JSON.stringify(row);

/** Prefixed string ids (`prv_…`, `tkt_…`) are what a leak would show; serial numbers are not checked. */
const idOf = (row: Row): string | null =>
  typeof row.id === 'string' && /^[a-z]+_/.test(row.id) ? row.id : null;

/** The provider a row belongs to, per the table's scope rule. */
function providerOf(table: string, row: Row): string | null {
  if (table === 'providers') return row.id as string;
  return (row.provider_id as string | null | undefined) ?? null;
}

/**
 * Why a row is outside an actor's reach (null: it is within). The reasons are the kinds of foreign
 * row: another organization's, another user's token, a customer none of the vendor's tickets reach,
 * another provider's.
 */
function foreignBecause(
  t: TestApp,
  customerReach: Map<string, Set<string>>,
  actor: Actor,
  table: string,
  row: Row,
): 'organization' | 'user' | 'customer' | 'provider' | null {
  if (row.organization_id !== actor.organizationId) return 'organization';
  if (table === 'api_tokens' && row.user_id !== actor.userId) return 'user';
  if (actor.providerId === null) return null;
  if (table === 'customers')
    return customerReach.get(row.id as string)?.has(actor.providerId) ? null : 'customer';
  // The organization's rows its vendors may read too (macros: the scripts everyone follows).
  const rule = t.shoreline.ctx.scopeRules.ruleFor(table);
  if (rule.providerColumn === null && rule.vendorVisible) return null;
  return providerOf(table, row) !== actor.providerId ? 'provider' : null;
}

/** The scope facts of a world as its snapshot stands: what each actor may not reach. */
function scopeOf(t: TestApp, before: Map<string, Row[]>) {
  /** customer id → the providers with a ticket of theirs: vendor staff reach a customer only through one. */
  const customerReach = new Map<string, Set<string>>();
  for (const ticket of before.get('tickets') ?? [])
    if (typeof ticket.customer_id === 'string' && typeof ticket.provider_id === 'string')
      customerReach.set(
        ticket.customer_id,
        (customerReach.get(ticket.customer_id) ?? new Set()).add(ticket.provider_id),
      );
  const isForeign = (actor: Actor, table: string, row: Row) =>
    foreignBecause(t, customerReach, actor, table, row) !== null;
  const foreignIds =
    (actor: Actor): Foreign =>
    (table) =>
      (before.get(table) ?? [])
        .filter((row) => isForeign(actor, table, row))
        .map(idOf)
        .filter((id): id is string => id !== null);
  const allForeign = (actor: Actor) =>
    t.shoreline.ctx.scopeRules.tables().flatMap((table) => foreignIds(actor)(table));
  /** One foreign id per table and reason, leaving out `except`: ids of every other kind. */
  const oneOfEachKind = (actor: Actor, except: string) => {
    const ids: string[] = [];
    for (const table of t.shoreline.ctx.scopeRules.tables()) {
      if (table === except) continue;
      const seen = new Set<string>();
      for (const row of before.get(table) ?? []) {
        const reason = foreignBecause(t, customerReach, actor, table, row);
        const id = idOf(row);
        if (reason === null || id === null || seen.has(reason)) continue;
        seen.add(reason);
        ids.push(id);
      }
    }
    return ids;
  };
  /**
   * The foreign ids a parameterised route is sent. A route ending in `/:id` under a segment that
   * names a table gets every foreign row of that table. A sub-resource route (`/api/tickets/:id/status`)
   * gets every foreign row of the table its first parameter names and one foreign id of every other
   * table and kind of foreignness (ids of another table cannot name its row; one of each kind still
   * proves such an id answers 404). A route whose segments name no table gets every foreign id.
   */
  const idsFor = (actor: Actor, path: string): string[] => {
    const table = SEGMENT_TABLE[path.split('/').at(-2) ?? ''];
    if (table) return foreignIds(actor)(table);
    const segments = path.split('/');
    const parent = PARENT_TABLE[segments[segments.findIndex((s) => s.startsWith(':')) - 1] ?? ''];
    if (!parent) return allForeign(actor);
    return [...foreignIds(actor)(parent), ...oneOfEachKind(actor, parent)];
  };
  return { isForeign, foreignIds, allForeign, idsFor };
}

/**
 * Shares the routes among `count` test files: each route goes, heaviest first, to the share with the
 * fewest requests so far (requests = foreign ids × sample bodies, over every actor), so the files
 * take about as long. Deterministic: every file of one world computes the same shares.
 */
export async function routeShares(world: IsolationWorld, count: number) {
  const { t, actors } = world;
  const scope = scopeOf(t, await snapshot(t));
  const routes = apiRoutes(t);
  const weight = (route: { method: string; path: string }) => {
    const key = `${route.method} ${route.path}`;
    let requests = 0;
    for (const { actor } of actors) {
      const bodies =
        route.method === 'GET' ? 1 : (SAMPLE_BODIES[key]?.(scope.foreignIds(actor), 0).length ?? 1);
      const ids = route.path.includes(':') ? scope.idsFor(actor, route.path).length : 1;
      requests += Math.max(ids, 1) * bodies;
    }
    return requests;
  };
  const weighed = routes.map((route, index) => ({ route, index, weight: weight(route) }));
  const shares = Array.from({ length: count }, () => ({ load: 0, indexes: [] as number[] }));
  for (const r of [...weighed].sort((a, b) => b.weight - a.weight || a.index - b.index)) {
    const lightest = shares.reduce((min, s) => (s.load < min.load ? s : min));
    lightest.load += r.weight;
    lightest.indexes.push(r.index);
  }
  // Each share keeps the enumeration's order (sign-out routes last).
  return shares.map((s) => [...s.indexes].sort((a, b) => a - b).map((i) => routes[i]!));
}

/**
 * Calls each of `routes` as every actor of org A with another organization's or provider's ids and
 * bodies naming them: nothing foreign may be listed, read or written, and a refusal is a 404. Then
 * checks that no row outside every caller's scope changed, and org B not at all.
 */
export async function expectRoutesIsolated(
  world: IsolationWorld,
  routes: { method: string; path: string }[],
) {
  const { t, actors, orgB } = world;
  const before = await snapshot(t);
  const scope = scopeOf(t, before);
  let n = 0;
  let checked = 0;
  const failures: string[] = [];

  for (const { label, actor, auth } of actors) {
    const foreign = scope.foreignIds(actor);
    const everyForeignId = scope.allForeign(actor);
    expect(everyForeignId.length).toBeGreaterThan(5);
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const params = [...route.path.matchAll(/:(\w+)/g)];
      const bodies =
        route.method === 'GET' ? [undefined] : (SAMPLE_BODIES[key]?.(foreign, n++) ?? [undefined]);
      if (params.length === 0) {
        for (const body of bodies) {
          const res = await t.request(route.path, { method: route.method, body, auth });
          const text = await res.text();
          checked++;
          const leaked = everyForeignId.filter((id) => text.includes(id));
          if (leaked.length > 0) failures.push(`${label} ${key}: leaked ${leaked.join(', ')}`);
          if (res.status === 403) failures.push(`${label} ${key}: answered 403, expected 404`);
          // A server error here is a defect of its own (a seeded row of an older shape crashed one).
          if (res.status >= 500) failures.push(`${label} ${key}: answered ${res.status}`);
        }
        continue;
      }
      for (const id of scope.idsFor(actor, route.path)) {
        // The first parameter names the foreign row; any later one (a chunk's offset) is 0.
        const path = route.path.replace(/:(\w+)/, id).replaceAll(/:(\w+)/g, '0');
        for (const body of bodies) {
          const res = await t.request(path, { method: route.method, body, auth });
          checked++;
          if (res.status !== 404)
            failures.push(`${label} ${route.method} ${path}: ${res.status}, expected 404`);
          const text = await res.text();
          if (text.includes(id) && res.status !== 404) failures.push(`${label} ${path}: echoed a foreign id`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(200);

  // Nothing outside each actor's scope changed: compare the rows foreign to every actor.
  const after = await snapshot(t);
  for (const table of t.shoreline.ctx.scopeRules.tables()) {
    const untouchable = (rows: Row[]) =>
      rows.filter((row) => actors.every(({ actor }) => scope.isForeign(actor, table, row)));
    expect(untouchable(after.get(table) ?? []), `rows of ${table} outside every caller's scope`).toEqual(
      untouchable(before.get(table) ?? []),
    );
  }
  // And org B in particular is exactly as it was.
  for (const table of t.shoreline.ctx.scopeRules.tables()) {
    const ofB = (rows: Row[]) => rows.filter((r) => r.organization_id === orgB && table !== 'sessions');
    expect(ofB(after.get(table) ?? [])).toEqual(ofB(before.get(table) ?? []));
  }
  expect(world.orgA).not.toBe(orgB);
  return checked;
}

/** How many test files share the routes: routes-1.test.ts … routes-N.test.ts beside this file. */
export const ROUTE_SHARE_FILES = 3;

/**
 * The route-by-route suite for share `share` (1-based) of the routes, against the world `world()`
 * gives. Every share file first proves that the shares together hold every route exactly once, that
 * every share has its file, and that every write route has sample bodies: a route added without
 * them fails every share.
 */
export function describeRouteShare(world: () => IsolationWorld, share: number) {
  let shares: { method: string; path: string }[][] = [];
  beforeAll(async () => {
    shares = await routeShares(world(), ROUTE_SHARE_FILES);
  });

  describe(`tenant and provider isolation, route by route (share ${share} of ${ROUTE_SHARE_FILES})`, () => {
    it('knows a sample body for every write route', () => {
      const missing = apiRoutes(world().t)
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`)
        .filter((key) => !SAMPLE_BODIES[key]);
      expect(missing, 'add these routes to SAMPLE_BODIES in isolation/sample-bodies.ts').toEqual([]);
    });

    it('lists the routes it checks (at least the identity routes)', () => {
      const keys = apiRoutes(world().t).map((r) => `${r.method} ${r.path}`);
      expect(keys).toEqual(
        expect.arrayContaining(['GET /api/providers', 'PATCH /api/teams/:id', 'POST /api/users']),
      );
    });

    it('shares every route out exactly once, to a test file of its own', () => {
      const keys = (routes: { method: string; path: string }[]) => routes.map((r) => `${r.method} ${r.path}`);
      expect(shares).toHaveLength(ROUTE_SHARE_FILES);
      expect(keys(shares.flat()).sort()).toEqual(keys(apiRoutes(world().t)).sort());
      for (let i = 1; i <= ROUTE_SHARE_FILES; i++)
        expect(existsSync(new URL(`routes-${i}.test.ts`, import.meta.url)), `routes-${i}.test.ts`).toBe(true);
      expect(shares[share - 1]!.length).toBeGreaterThan(0);
    });

    it('never lists, reads or writes another organization’s or provider’s data', async () => {
      await expectRoutesIsolated(world(), shares[share - 1]!);
    }, 600_000);
  });
}
