import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { addUser, createOrganization } from '../src/modules/identity/bootstrap.js';
import { createProvider, createTeam, createToken } from '../src/modules/identity/service.js';
import { createMailbox, processInbound, storeInbound } from '../src/modules/mail/index.js';
import type { DB } from '../src/platform/db/schema.js';
import { publishTransient } from '../src/platform/events/index.js';
import { newId } from '../src/platform/ids.js';
import { outboxMailer } from '../src/platform/mail/mailer.js';
import { type Actor, systemActor } from '../src/platform/scope.js';
import { recordTestEvent } from '../src/test-support/events.js';
import { voiceScenario } from '../src/test-support/scenarios.js';
import { type SseMessage, SseReader } from '../src/test-support/sse-client.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { messageWithPdf } from './mail/harness.js';

/**
 * Proves tenancy for EVERY registered API route and EVERY role: data of another organization, and
 * for vendor staff data of another provider, is neither listed, nor readable, nor writable, and a
 * refusal is a 404. A route added without a sample body here fails the suite, so none is forgotten.
 */

type Row = Record<string, unknown> & { id?: unknown; organization_id: string };
type Foreign = (table: string) => string[];
type SeedDb = TestApp['shoreline']['ctx']['db'];

/** Writes one seed row straight to its table: the data this test reads back bypasses the services. */
function seed<T extends keyof DB & string>(db: SeedDb, table: T, row: Insertable<DB[T]>) {
  return db
    .insertInto(table)
    .values(row as never)
    .execute();
}

/** A contract file for a provider (govern). */
const isoContract = (providerId: string) => ({
  providerId,
  effectiveFrom: '2030-01-01',
  reason: 'iso',
  approvedBy: 'iso',
  document: {
    name: 'Taken over',
    start: '2030-01-01',
    termMonths: 12,
    noticeDays: 30,
    currency: 'EUR',
    pricingModel: 'per_contact',
    rates: [{ unit: 'contact', rateMinor: 1 }],
    atRiskBp: 1000,
    terms: [
      { id: 'R', kpi: 'resolution_within', targetSeconds: 60, minimum: 1, expected: 1, kind: 'critical' },
    ],
  },
});

// Bodies for write routes. Each returns candidate bodies; references use foreign ids.
const SAMPLE_BODIES: Record<string, (foreign: Foreign, n: number) => unknown[]> = {
  'POST /api/providers': (_f, n) => [
    { name: `Iso vendor ${n}`, kind: 'vendor', shore: 'offshore', countries: ['IN'] },
  ],
  'PATCH /api/providers/:id': () => [{ name: 'Taken over' }],
  'POST /api/teams': (f, n) =>
    f('providers').map((providerId) => ({ providerId, name: `Iso ${n}`, timeZone: 'UTC' })),
  'PATCH /api/teams/:id': () => [{ name: 'Taken over' }],
  'POST /api/users': (f, n) =>
    f('providers').map((providerId, i) => ({
      email: `iso-${n}-${i}@elsewhere.example`,
      name: 'Iso',
      role: 'admin',
      providerId,
    })),
  'PATCH /api/users/:id': () => [{ name: 'Taken over', active: false, role: 'agent' }],
  'POST /api/tokens': () => [{ name: 'iso' }],
  'DELETE /api/tokens/:id': () => [undefined],
  'PATCH /api/me': () => [{ name: 'Still me' }],
  'POST /api/plan/staffing': () => [
    {
      intervals: [{ volume: 100, ahtSec: 180 }],
      targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } },
    },
  ],
  'POST /api/plan/simulations': () => [
    voiceScenario({ seed: 1, lengthSec: 900, calls: [20], agents: [5], handleSec: 180 }),
  ],
  'POST /api/plan/plans': (_f, n) => [planSample(`Iso plan ${n}`)],
  'PATCH /api/plan/plans/:id': () => [{ name: 'Taken over' }],
  'DELETE /api/plan/plans/:id': () => [undefined],
  // Foreign plans, alone and beside one another: a refusal is 404 whatever the mix.
  'POST /api/plan/plans/compare': (f) => [
    { ids: f('plans').slice(0, 2) },
    { ids: [...f('plans'), ...f('plans')].slice(0, 2) },
  ],
  'POST /api/plan/plans/:id/cancel': () => [undefined],
  'POST /api/auth/logout': () => [undefined],
  'POST /api/insight/imports': (f, n) => [
    {
      format: 'canonical',
      fileName: `iso-${n}.ndjson`,
      content: '{"externalId":"iso-1","createdAt":"2026-01-01T00:00:00Z"}\n',
    },
    ...f('uploads').map((uploadId) => ({ format: 'canonical', uploadId })),
  ],
  // The raw file is the body; without a file name it stores nothing. Uploads name no foreign ids.
  'POST /api/uploads': () => [undefined],
  // A resumable upload is its uploader's; chunks and cancelling name the upload, never a foreign one.
  'POST /api/uploads/resumable': (_f, n) => [{ fileName: `iso-${n}.ndjson`, size: 10 }],
  'PUT /api/uploads/:id/chunks/:offset': () => [undefined],
  'DELETE /api/uploads/:id': () => [undefined],
  'POST /api/jobs/:id/retry': () => [undefined],
  'POST /api/insight/provider-mappings': (f) =>
    f('providers').map((providerId) => ({
      source: 'iso',
      matchKind: 'group',
      matchValue: 'iso',
      providerId,
    })),
  'DELETE /api/insight/provider-mappings/:id': () => [undefined],
  'POST /api/auth/logout-all': () => [undefined],
  // A wrong current password: the change itself must not reach anyone else either way.
  'POST /api/me/password': () => [
    { currentPassword: 'not-the-password', newPassword: 'iso tide harbour mauve' },
  ],
  // A ticket opened for a foreign provider or team must be refused; with neither it lands in the
  // caller's own scope.
  'POST /api/tickets': (f, n) => [
    ...f('providers').map((providerId) => ({ subject: `Iso ${n}`, channel: 'email', providerId })),
    ...f('teams').map((teamId) => ({ subject: `Iso ${n}`, channel: 'chat', teamId })),
    { subject: `Iso ${n}`, channel: 'api' },
  ],
  'POST /api/tickets/:id/messages': () => [{ body: 'Taken over', authorType: 'agent' }],
  'PATCH /api/tickets/:id/status': () => [{ status: 'solved' }],
  'PATCH /api/tickets/:id/assignee': () => [{ assignee: 'intruder@elsewhere.example' }],
  'PATCH /api/tickets/:id/tags': () => [{ add: ['taken-over'] }],
  'POST /api/tickets/:id/transfer': (f) => f('providers').map((providerId) => ({ providerId })),
  'POST /api/tickets/:id/merge': (f) => f('tickets').map((into) => ({ into })),
  'PATCH /api/tickets/:id/priority': () => [{ priority: 'urgent' }],
  'PATCH /api/tickets/:id/type': () => [{ type: 'complaint' }],
  // Vendor staff escalate by reason alone; naming a foreign team must be refused too.
  'POST /api/tickets/:id/escalate': (f) => [
    { reason: 'Taken over' },
    ...f('teams').map((teamId) => ({ teamId, reason: 'Taken over' })),
  ],
  'POST /api/tickets/bulk': (f) => [
    { ticketIds: f('tickets'), action: { kind: 'status', status: 'solved' } },
    { ticketIds: f('tickets'), action: { kind: 'tags', add: ['taken-over'] } },
  ],
  // One's own availability: nothing of anyone else's to name.
  'PUT /api/desk/me/availability': () => [{ status: 'online' }],
  'POST /api/desk/macros': (_f, n) => [{ name: `Iso ${n}`, bodies: { en: 'Taken over' } }],
  'PATCH /api/knowledge/settings': () => [{ name: 'Taken over' }],
  'POST /api/knowledge/categories': (_f, n) => [{ slug: `iso-${n}`, names: { en: 'Taken over' } }],
  'POST /api/knowledge/sections': (f, n) => [
    ...f('knowledge_categories').map((categoryId) => ({ categoryId, slug: `iso-${n}`, names: { en: 'x' } })),
  ],
  'POST /api/knowledge/articles': (f, n) => [
    { slug: `iso-${n}`, language: 'en', title: 'Taken over', body: 'x' },
    ...f('knowledge_sections').map((sectionId) => ({
      slug: `iso-s-${n}`,
      sectionId,
      language: 'en',
      title: 'x',
      body: 'x',
    })),
  ],
  'PATCH /api/knowledge/articles/:id': () => [{ internal: true, slug: 'taken-over' }],
  'POST /api/knowledge/articles/:id/drafts': () => [{ language: 'en', title: 'Taken over', body: 'x' }],
  'POST /api/knowledge/articles/:id/review': () => [{ language: 'en' }],
  'POST /api/knowledge/articles/:id/publish': () => [{ language: 'en', version: 1 }],
  'POST /api/knowledge/articles/:id/restore': () => [{ language: 'en', version: 1 }],
  // Linking an article to a ticket another organization's or provider's answers 404.
  'POST /api/knowledge/articles/:id/tickets': (f) => f('tickets').map((ticketId) => ({ ticketId })),
  'POST /api/knowledge/synonyms': () => [{ language: 'en', terms: ['iso', 'taken over'] }],
  'DELETE /api/knowledge/synonyms/:id': () => [undefined],
  'POST /api/knowledge/files': () => [
    {
      fileName: 'iso.png',
      contentBase64:
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    },
  ],
  'POST /api/knowledge/import-help-desk': () => [
    { source: 'zammad', export: { KnowledgeBaseAnswer: {}, KnowledgeBaseAnswerTranslation: {} } },
  ],
  'POST /api/knowledge/import': () => [
    { format: 'shoreline-knowledge', version: 1, categories: [], articles: [] },
  ],
  'DELETE /api/desk/macros/:id': () => [undefined],
  'PUT /api/desk/me/teams': (f) => [{ teamIds: f('teams') }, { teamIds: [] }],
  'POST /api/desk/tickets/:id/presence': () => [{ mode: 'replying' }],
  'DELETE /api/desk/tickets/:id/presence': () => [undefined],
  'POST /api/webhooks': (_f, n) => [{ url: `https://93.184.215.14/iso-${n}`, eventTypes: ['*'] }],
  'PATCH /api/webhooks/:id': () => [{ description: 'Taken over', active: false }],
  'DELETE /api/webhooks/:id': () => [undefined],
  'POST /api/webhooks/:id/test': () => [undefined],
  'POST /api/mail/mailboxes': (f, n) => [
    ...f('providers').map((providerId, i) => ({
      address: `iso-${n}-${i}@iso.example`,
      displayName: 'Iso',
      providerId,
    })),
    ...f('teams').map((teamId, i) => ({ address: `iso-${n}-t${i}@iso.example`, displayName: 'Iso', teamId })),
  ],
  'PATCH /api/mail/mailboxes/:id': () => [{ displayName: 'Taken over' }],
  'POST /api/mail/inbound/:id/retry': () => [undefined],
  'PUT /api/mail/signatures': (f) =>
    f('teams').map((teamId) => ({ teamId, language: 'en', body: 'Taken over' })),
  'POST /api/sla/policies': (f) => [
    {
      name: 'Iso',
      targets: [{ resolutionSeconds: 3600 }],
      effectiveFrom: '2026-01-01T00:00:00Z',
      reason: 'iso',
    },
    ...f('teams').map((teamId) => ({
      name: 'Iso',
      conditions: { teamIds: [teamId] },
      targets: [{ resolutionSeconds: 3600 }],
      effectiveFrom: '2026-01-01T00:00:00Z',
      reason: 'iso',
    })),
  ],
  'POST /api/sla/policies/:id/versions': () => [
    {
      name: 'Taken over',
      targets: [{ resolutionSeconds: 1 }],
      effectiveFrom: '2030-01-01T00:00:00Z',
      reason: 'iso',
    },
  ],
  'PUT /api/sla/holidays/:id': () => [{ holidays: [{ day: '2026-12-25', name: 'Taken over' }] }],
  'POST /api/govern/contracts': (f) => [
    ...f('providers').map((providerId) => isoContract(providerId)),
    ...f('contracts').flatMap((contractId) =>
      f('providers').map((providerId) => ({ ...isoContract(providerId), contractId })),
    ),
  ],
  'POST /api/govern/settlements': (f) =>
    f('providers').map((providerId) => ({ providerId, period: '2025-01' })),
  'POST /api/govern/contracts/:id/settlements/:period/review-pack': () => [{ locale: 'en' }],
  'POST /api/govern/contracts/:id/settlements/:period/invoice': () => [
    { csv: 'unit,quantity,amount\nmonth,1,1\n' },
  ],
  'POST /api/govern/contracts/:id/governance': () => [{ kind: 'action', title: 'Taken over', owner: 'iso' }],
  'POST /api/govern/contracts/:id/governance/reviews': () => [{ from: '2025-01-01', weeks: 1 }],
  'PATCH /api/govern/governance/:id': () => [{ status: 'done', evidence: 'Taken over' }],
  'POST /api/govern/contracts/:id/exit-readiness': () => [{ inHouseAgents: 1 }],
  'POST /api/govern/export-checks': () => [undefined],
  'POST /api/govern/forecasts': (f) =>
    f('providers').map((providerId) => ({ providerId, period: '2025-01', volume: 1 })),
  'POST /api/govern/simulations': (f) =>
    f('providers').map((providerId) => ({
      providerId,
      document: isoContract(providerId).document,
      to: '2025-01',
      months: 1,
    })),
  // Source is the organization's alone: vendor staff reach none of it; foreign ids are refused.
  'POST /api/source/compare': () => [{ definition: isoScenario() }],
  'POST /api/source/scenarios': (_f, n) => [{ name: `Iso ${n}`, definition: isoScenario() }],
  'PUT /api/source/scenarios/:id': () => [{ name: 'Taken over', definition: isoScenario() }],
  'POST /api/source/vendors': (f, n) => [
    { name: `Iso ${n}`, shore: 'offshore' },
    ...f('providers').map((providerId) => ({ name: `Iso ${n}`, shore: 'offshore', providerId })),
  ],
  'POST /api/source/scorecards': (f, n) => [
    {
      name: `Iso ${n}`,
      criteria: [
        { id: 'q', label: 'Q', weight: 1 },
        { id: 'f', label: 'F', weight: 1 },
      ],
      vendorIds: f('source_vendors').slice(0, 1),
    },
  ],
  'PUT /api/source/scorecards/:id/scores': (f) =>
    f('source_vendors')
      .slice(0, 3)
      .map((vendorId) => ({ scores: [{ vendorId, criterion: 'quality', score: 5 }] })),
  'POST /api/source/pilots': (f, n) =>
    f('source_vendors')
      .slice(0, 3)
      .map((vendorId) => ({
        name: `Iso ${n}`,
        vendorId,
        ratio: 0.5,
        seed: 1,
        metric: 'resolved',
        higherIsBetter: true,
        baseline: 0.8,
        mdd: 0.1,
      })),
  'POST /api/source/report': (f) => [
    { definition: isoScenario() },
    ...f('source_scorecards')
      .slice(0, 1)
      .map((scorecardId) => ({ definition: isoScenario(), scorecardId })),
  ],
  'POST /api/source/pilots/:id/assign': () => [{ contactId: 'tkt_iso' }],
  'POST /api/source/pilots/:id/start': () => [{ days: 7 }],
  'POST /api/source/pilots/:id/stop': () => [undefined],
  'PUT /api/source/vendors/:id': () => [{ name: 'Taken over', shore: 'offshore' }],
  // A vendor's staff may file evidence for their own vendor only; another's (or another organization's) answers 404.
  'POST /api/source/evidence': (f) => [
    ...f('source_vendors').map((vendorId) => ({
      vendorId,
      kind: 'ISO 27001',
      fileName: 'iso.pdf',
      contentBase64: 'aXNv',
      expiresOn: '2030-01-01',
    })),
    ...f('source_selections').map((selectionId) => ({
      selectionId,
      kind: 'rfp',
      fileName: 'rfp.pdf',
      contentBase64: 'aXNv',
    })),
  ],
  'POST /api/source/selections': (f, n) => [
    ...f('source_vendors').map((vendorId) => ({ name: `Iso ${n}`, vendorIds: [vendorId] })),
  ],
  'PATCH /api/source/selections/:id/stages': (f) => [
    { stage: 'rfi', owner: 'Taken over' },
    ...f('source_evidence').map((d) => ({ stage: 'rfi', documents: [d] })),
  ],
  'POST /api/source/selections/:id/advance': () => [{}],
  'POST /api/source/pilots/:id/observations': () => [{ arm: 'vendor', n: 5, successes: 5 }],
  'POST /api/source/decisions': (f) => [
    ...f('source_scenarios')
      .slice(0, 2)
      .map((scenarioId) => ({
        scenarioId,
        decision: 'outsource',
        reasons: 'iso',
        approver: 'iso',
        reviewOn: '2027-01-01',
      })),
    ...f('source_scorecards')
      .slice(0, 2)
      .map((scorecardId) => ({
        scorecardId,
        decision: 'outsource',
        reasons: 'iso',
        approver: 'iso',
        reviewOn: '2027-01-01',
      })),
    ...f('source_pilots')
      .slice(0, 2)
      .map((id) => ({
        pilotIds: [id],
        decision: 'outsource',
        reasons: 'iso',
        approver: 'iso',
        reviewOn: '2027-01-01',
      })),
  ],
  // Rules naming another organization's or provider's teams answer 404; replays read only the caller's tickets.
  'PUT /api/routing/rules': (f) => [
    { rules: [] },
    ...f('teams').map((teamId) => ({ rules: [{ name: 'Iso', teamIds: [teamId] }] })),
  ],
  'POST /api/routing/replay': (f) => [
    { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', sample: 1000 },
    ...f('teams').map((teamId) => ({
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      rules: [{ name: 'Iso', teamIds: [teamId] }],
    })),
  ],
  'POST /api/routing/detect-language': () => [{ texts: ['Merhaba, siparişim nerede?'] }],
  // A connector for another organization's or provider's provider answers 404; a call id is the caller's own.
  'POST /api/phone/connectors': (f, n) => [
    { name: `Iso PBX ${n}` },
    ...f('providers').map((providerId) => ({ name: `Iso PBX ${n}`, providerId })),
  ],
  // Posts are the caller's own; a reply to another organization's or provider's ticket answers 404.
  'POST /api/social/posts': (_f, n) => [
    {
      network: 'test',
      posts: [{ id: `iso-${n}`, inbound: true, author: 'iso', at: '2026-01-01T00:00:00Z', text: 'Iso' }],
    },
  ],
  'POST /api/social/tickets/:id/reply': () => [{ text: 'Taken over' }],
  // A widget is the organization's own; typing into another organization's or provider's chat answers 404.
  'POST /api/chat/widgets': (_f, n) => [{ name: `Iso widget ${n}` }],
  'POST /api/chat/tickets/:id/typing': () => [{ on: true }],
  // A lead from another organization's or provider's ticket, or its outcome, answers 404.
  'POST /api/sales/tickets/:id/lead': () => [{ interest: 'Taken over', valueMinor: 1, currency: 'EUR' }],
  'POST /api/sales/leads/:id/outcome': () => [{ outcome: 'won', valueMinor: 1 }],
  'POST /api/phone/events': (_f, n) => [
    { events: [{ callId: `iso-call-${n}`, kind: 'queued', at: '2026-01-01T00:00:00Z' }] },
  ],
};

/** A small valid scenario: one day-long pattern hour, one in-house option. */
function isoScenario() {
  return {
    demand: {
      kind: 'pattern',
      year: 2025,
      perHourOfWeek: Array.from({ length: 168 }, (_, h) => (h === 9 ? 10 : 0)),
      ahtSec: 180,
    },
    staffing: { intervalMin: 60, serviceLevel: { fraction: 0.8, withinSec: 20 } },
    reportingCurrency: 'EUR',
    options: [
      {
        kind: 'vendor',
        name: 'Iso',
        currency: 'EUR',
        shrinkage: 0.3,
        paidHoursPerFtePerYear: 2080,
        pricing: [{ unit: 'contact', priceMinor: 100 }],
        resolutionRate: 0.8,
      },
    ],
  };
}
// Streams never end by themselves; the push suite below covers them for every role.
const STREAM_ROUTES = new Set(['GET /api/events/stream']);
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
/** A saved plan's input: a week of hours, one in-house team open all day. */
function planSample(name: string) {
  return {
    name,
    history: { start: '2026-11-02T00:00', stepMin: 60, values: Array.from({ length: 7 * 24 }, () => 1) },
    horizonDays: 1,
    ahtSec: 300,
    serviceLevel: { fraction: 0.8, withinSec: 20 },
    providers: [
      {
        id: 'house',
        name: 'In-house',
        languages: ['en'],
        hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 0, closeMin: 1440 }],
        costPerAgentHour: 30,
      },
    ],
  };
}

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

let t: TestApp;
let orgA: string;
let orgB: string;
const actors: { label: string; actor: Actor; auth: Auth }[] = [];
/** Org B's admin and vendor agent: push must keep org A's events from them too. */
const otherOrgActors: { label: string; actor: Actor; auth: Auth }[] = [];

async function snapshot(): Promise<Map<string, Row[]>> {
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

/** customer id → the providers with a ticket of theirs: vendor staff reach a customer only through one. */
let customerReach = new Map<string, Set<string>>();

function isForeign(actor: Actor, table: string, row: Row): boolean {
  if (row.organization_id !== actor.organizationId) return true;
  if (table === 'api_tokens' && row.user_id !== actor.userId) return true;
  if (actor.providerId === null) return false;
  if (table === 'customers') return !customerReach.get(row.id as string)?.has(actor.providerId);
  // The organization's rows its vendors may read too (macros: the scripts everyone follows).
  const rule = t.shoreline.ctx.scopeRules.ruleFor(table);
  if (rule.providerColumn === null && rule.vendorVisible) return false;
  return providerOf(table, row) !== actor.providerId;
}

/** A scenario, a vendor (linked to the provider), a scorecard with a score, a pilot and a decision. */
async function seedSourceData(db: SeedDb, organizationId: string, providerId: string) {
  const now = new Date('2026-12-01T00:00:00Z');
  const vendorId = newId('ven');
  const scorecardId = newId('scd');
  await seed(db, 'source_scenarios', {
    id: newId('scn'),
    organization_id: organizationId,
    name: 'Seed',
    version: 1,
    definition: '{}',
    created_by: 'seed',
    created_at: now,
    updated_at: now,
  });
  await seed(db, 'source_vendors', {
    id: vendorId,
    organization_id: organizationId,
    provider_id: providerId,
    name: 'Seed vendor',
    profile: '{}',
    created_at: now,
  });
  await seed(db, 'source_scorecards', {
    id: scorecardId,
    organization_id: organizationId,
    name: 'Seed',
    criteria: JSON.stringify([
      { id: 'quality', label: 'Q', weight: 1 },
      { id: 'fit', label: 'F', weight: 1 },
    ]),
    vendor_ids: JSON.stringify([vendorId]),
    prices: '{}',
    created_at: now,
  });
  await seed(db, 'source_scores', {
    scorecard_id: scorecardId,
    organization_id: organizationId,
    vendor_id: vendorId,
    evaluator_id: 'seed',
    criterion: 'quality',
    score: 4,
    updated_at: now,
  });
  await seed(db, 'source_pilots', {
    id: newId('plt'),
    organization_id: organizationId,
    vendor_id: vendorId,
    name: 'Seed',
    definition: JSON.stringify({ seed: 1, ratio: 0.5, mdd: 0.05, higherIsBetter: true }),
    sample_size_per_arm: 10,
    vendor_n: 0,
    vendor_successes: 0,
    in_house_n: 0,
    in_house_successes: 0,
    created_at: now,
  });
  const selectionId = newId('sel');
  await seed(db, 'source_selections', {
    id: selectionId,
    organization_id: organizationId,
    name: 'Seed',
    scorecard_id: scorecardId,
    state: JSON.stringify({
      stage: 'long-list',
      stages: [],
      vendors: [{ vendorId, status: 'in', leftAt: null, reason: null }],
    }),
    created_by: 'seed',
    created_at: now,
    updated_at: now,
  });
  const sha256 = `seed-${providerId}`;
  await seed(db, 'source_blobs', {
    organization_id: organizationId,
    sha256,
    size_bytes: 4,
    content: Buffer.from('seed'),
    created_at: now,
  });
  await seed(db, 'source_evidence', {
    id: newId('evd'),
    organization_id: organizationId,
    provider_id: providerId,
    vendor_id: vendorId,
    selection_id: null,
    kind: 'ISO 27001',
    file_name: 'iso.pdf',
    content_type: 'application/pdf',
    size_bytes: 4,
    sha256,
    expires_on: '2027-01-31',
    uploaded_by: 'seed',
    created_at: now,
  });
  const version =
    Number(
      (
        await db
          .selectFrom('source_decisions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organization_id', '=', organizationId)
          .executeTakeFirst()
      )?.n ?? 0,
    ) + 1;
  await seed(db, 'source_decisions', {
    id: newId('dec'),
    organization_id: organizationId,
    version,
    body: '{}',
    decided_by: 'seed',
    created_at: now,
  });
}

/** Tickets with a message and an event, a provider mapping: Insight data for one provider. */
async function seedInsightData(db: SeedDb, organizationId: string, providerId: string) {
  const ticketId = newId('tkt');
  await db
    .insertInto('tickets')
    .values({
      id: ticketId,
      organization_id: organizationId,
      provider_id: providerId,
      source: 'seed',
      external_id: ticketId,
      subject: 'Refund please',
      channel: 'email',
      status: 'solved',
      topic: 'refund',
      tags: ['refund'],
      quality_flags: [],
      custom: '{}',
      created_at: new Date('2026-01-05T10:00:00Z'),
      first_response_at: new Date('2026-01-05T11:00:00Z'),
      solved_at: new Date('2026-01-06T10:00:00Z'),
    } as never)
    .execute();
  await seed(db, 'ticket_messages', {
    id: newId('msg'),
    organization_id: organizationId,
    provider_id: providerId,
    ticket_id: ticketId,
    external_id: 'm1',
    author_type: 'customer',
    public: true,
    body: 'I want a refund',
    created_at: new Date('2026-01-05T10:00:00Z'),
  });
  await seed(db, 'ticket_events', {
    organization_id: organizationId,
    provider_id: providerId,
    ticket_id: ticketId,
    seq: 1,
    at: new Date('2026-01-05T10:00:00Z'),
    kind: 'created',
    status: 'new',
    status_raw: 'new',
    team: null,
    support_line: null,
    assignee: null,
  });
  // The ticket's SLA (as the engine keeps it for live tickets): scoped like the ticket.
  await seed(db, 'ticket_sla', {
    ticket_id: ticketId,
    organization_id: organizationId,
    provider_id: providerId,
    team_id: null,
    priority: null,
    channel: 'email',
    segment: null,
    ticket_created_at: new Date('2026-01-05T10:00:00Z'),
    policy_id: `slp_${organizationId}`,
    policy_version: 1,
    applied: JSON.stringify({ targets: { resolution: 3600 }, pauseStatuses: [], atRisk: { percent: 80 } }),
    timeline: '[]',
    paused_seconds: 0,
    outcome_synced: null,
    updated_at: new Date('2026-01-05T10:00:00Z'),
  });
  // The ticket as a chat (module chat): its session and its first message's number.
  const widgetKey = `wgt_iso_${organizationId}`;
  await db
    .insertInto('chat_widgets')
    .values({ key: widgetKey, organization_id: organizationId, name: 'Iso', created_at: new Date() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const chatId = newId('cht');
  await seed(db, 'chat_sessions', {
    id: chatId,
    organization_id: organizationId,
    provider_id: providerId,
    widget_key: widgetKey,
    ticket_id: ticketId,
    token_hash: newId('tok'),
    language: 'en',
    ui_language: 'en',
    status: 'open',
    context: JSON.stringify({ articlesRead: [chatId] }),
    created_at: new Date('2026-01-05T10:00:00Z'),
  });
  await seed(db, 'chat_messages', {
    session_id: chatId,
    seq: 1,
    organization_id: organizationId,
    provider_id: providerId,
    ticket_message_id: `msg_chat_${chatId}`,
    client_id: 'c1',
  });
  // The ticket handed to sales (module sales): a lead scoped like its ticket.
  await seed(db, 'sales_leads', {
    id: newId('lead'),
    organization_id: organizationId,
    provider_id: providerId,
    team_id: null,
    ticket_id: ticketId,
    raised_by: 'usr_iso',
    channel: 'chat',
    language: 'en',
    contact: `lead-${providerId}@example.net`,
    interest: 'Iso upgrade',
    value_minor: 1000,
    currency: 'EUR',
    status: 'open',
    created_at: new Date('2026-01-05T10:00:00Z'),
  });
  await seed(db, 'provider_mappings', {
    id: newId('pmap'),
    organization_id: organizationId,
    provider_id: providerId,
    team_id: null,
    source: 'seed',
    match_kind: 'group',
    match_value: `group-${providerId}`,
  });
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const db = t.shoreline.ctx.db;
  const clock = t.shoreline.ctx.clock;
  orgA = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;

  // A second organization with the same shape: in-house, a vendor, teams, users, tokens.
  const b = await createOrganization(db, clock, { name: 'Other Co' });
  orgB = b.organizationId;
  const bAdmin = await addUser(db, clock, {
    organizationId: orgB,
    email: 'admin@other.example',
    name: 'Other admin',
    role: 'admin',
    providerId: null,
    password: DEMO_PASSWORD,
  });
  const sb = t.shoreline.ctx.scope(bAdmin);
  const bVendor = await createProvider(sb, clock, {
    name: 'Other vendor',
    kind: 'vendor',
    shore: 'nearshore',
    countries: [],
    languages: [],
  });
  await createTeam(sb, clock, {
    providerId: b.inHouseProviderId,
    name: 'B in-house',
    site: '',
    languages: [],
    channels: [],
    timeZone: 'UTC',
    businessHours: [],
  });
  await createTeam(sb, clock, {
    providerId: bVendor.id,
    name: 'B vendor',
    site: '',
    languages: [],
    channels: [],
    timeZone: 'UTC',
    businessHours: [],
  });
  const bVendorAgent = await addUser(db, clock, {
    organizationId: orgB,
    email: 'agent@othervendor.example',
    name: 'Other vendor agent',
    role: 'agent',
    providerId: bVendor.id,
    password: DEMO_PASSWORD,
  });
  const bAdminToken = await createToken(sb, clock, { name: 'b admin token' });
  const bVendorToken = await createToken(t.shoreline.ctx.scope(bVendorAgent), clock, {
    name: 'b vendor token',
  });
  otherOrgActors.push(
    { label: 'other org admin', actor: bAdmin, auth: { token: bAdminToken.token } },
    { label: 'other org vendor agent', actor: bVendorAgent, auth: { token: bVendorToken.token } },
  );

  // Insight data (tickets, messages, events, mappings) for every provider of both organizations,
  // and an import run with a reject in org B.
  const allProviders = await db.selectFrom('providers').select(['id', 'organization_id']).execute();
  for (const p of allProviders) await seedInsightData(db, p.organization_id, p.id);
  for (const p of allProviders) await seedSourceData(db, p.organization_id, p.id);
  // A saved plan in each organization (plans hold every provider's figures: vendor staff see none).
  for (const organizationId of [orgA, orgB]) {
    const now = new Date('2026-12-01T00:00:00Z');
    await seed(db, 'plans', {
      id: newId('pln'),
      organization_id: organizationId,
      name: 'Seed plan',
      horizon_days: 1,
      status: 'failed',
      input: JSON.stringify(planSample('Seed plan')),
      problem: 'seed',
      created_by: 'seed',
      created_at: now,
      updated_at: now,
    });
  }
  // Outgoing mail (a password-reset link) for every provider, to prove the outbox is scoped too.
  for (const p of allProviders)
    await outboxMailer(db, clock, null).send({
      organizationId: p.organization_id,
      providerId: p.id,
      to: `staff@${p.id}.example`,
      subject: 'Reset your password',
      text: 'link',
    });
  // E-mail for every provider: a mailbox routed to it and a customer's message with an attachment,
  // so tickets, attachments (GET /api/mail/attachments/:id), customers and raw mail exist everywhere.
  for (const p of allProviders) {
    const system = systemActor('iso-mail', p.organization_id);
    const address = `support-${p.id}@iso-mail.example`;
    const mailbox = await createMailbox(t.shoreline.ctx.scope(system), clock, {
      address,
      displayName: 'Iso support',
      providerId: p.id,
    });
    const raw = messageWithPdf({
      from: `customer-${p.id}@example.net`,
      to: address,
      subject: 'With attachment',
      messageId: `iso-${p.id}@example.net`,
      text: 'See the file.',
      fileName: 'invoice.pdf',
      pdf: `%PDF secret of ${p.id}`,
    });
    const stored = await storeInbound(
      t.shoreline.ctx,
      { id: mailbox.id, organizationId: p.organization_id, address },
      {
        raw: Buffer.from(raw),
        mailFrom: `customer-${p.id}@example.net`,
        rcptTo: [address],
        remoteAddress: null,
        via: 'smtp',
      },
    );
    await processInbound(t.shoreline.ctx, p.organization_id, stored.id as string);
  }
  const runId = newId('imp');
  await db
    .insertInto('import_runs')
    .values({
      id: runId,
      organization_id: orgB,
      source: 'seed',
      format: 'canonical',
      file_name: 'b.ndjson',
      file_sha256: 'x'.repeat(64),
      file_bytes: 10,
      status: 'done',
      quality: '{}',
      error: null,
      started_at: new Date(),
      updated_at: new Date(),
    } as never)
    .execute();
  await seed(db, 'import_rejects', {
    organization_id: orgB,
    import_run_id: runId,
    file: 'b.ndjson',
    line: 2,
    field: 'createdAt',
    reason: 'bad',
  });

  // A dead job for every provider of both organizations (vendor staff may see only their
  // provider's), a system job, and an upload in org B.
  for (const p of allProviders) {
    await seed(db, 'jobs', {
      id: newId('job'),
      organization_id: p.organization_id,
      provider_id: p.id,
      created_by: null,
      name: 'insight.import',
      payload: '{}',
      status: 'dead',
      run_at: new Date(),
      attempts: 5,
      max_attempts: 5,
      last_error: `failed for ${p.id}`,
      idempotency_key: null,
      created_at: new Date(),
      updated_at: new Date(),
    });
  }
  await seed(db, 'jobs', {
    id: newId('job'),
    organization_id: null,
    provider_id: null,
    created_by: null,
    name: 'jobs.prune',
    payload: '{}',
    status: 'dead',
    run_at: new Date(),
    max_attempts: 3,
    last_error: 'system',
    idempotency_key: null,
    created_at: new Date(),
    updated_at: new Date(),
  });
  await seed(db, 'uploads', {
    id: newId('upl'),
    organization_id: orgB,
    provider_id: null,
    created_by: null,
    file_name: 'b.ndjson',
    bytes: 10,
    sha256: 'y'.repeat(64),
    status: 'complete',
    created_at: new Date(),
  });
  // Webhook endpoints with a delivery in both organizations: admins' only, never vendor staff's.
  for (const organizationId of [orgA, orgB]) {
    const endpointId = newId('whk');
    const now = new Date();
    await seed(db, 'webhook_endpoints', {
      id: endpointId,
      organization_id: organizationId,
      url: 'https://93.184.215.14/hook',
      description: '',
      event_types: ['*'],
      secret: `whsec_${endpointId}`,
      active: true,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    await seed(db, 'webhook_deliveries', {
      id: newId('whd'),
      organization_id: organizationId,
      endpoint_id: endpointId,
      event_id: null,
      event_type: 'webhook.test',
      body: '{}',
      status: 'delivered',
      next_attempt_at: null,
      created_at: now,
    });
  }

  // A published article in both organizations, with a help-center session that read it.
  for (const organizationId of [orgA, orgB]) {
    const articleId = newId('kart');
    const translationId = newId('ktr');
    const sessionId = newId('khs');
    const at = new Date('2026-01-05T10:00:00Z');
    await seed(db, 'knowledge_settings', {
      organization_id: organizationId,
      slug: `iso-${organizationId.toLowerCase().replace(/_/g, '-')}`,
      name: 'Help',
      brand_color: '#000000',
      logo_url: null,
      default_language: 'en',
      vendor_may_draft: true,
      vendor_may_publish: true,
      require_review: false,
      deflection_window_sec: 3600,
      updated_at: at,
    });
    const categoryId = newId('kcat');
    await seed(db, 'knowledge_categories', {
      id: categoryId,
      organization_id: organizationId,
      slug: 'iso',
      names: '{"en":"Iso"}',
      position: 0,
      created_at: at,
    });
    await seed(db, 'knowledge_sections', {
      id: newId('ksec'),
      organization_id: organizationId,
      category_id: categoryId,
      slug: 'iso',
      names: '{"en":"Iso"}',
      position: 0,
      created_at: at,
    });
    await seed(db, 'knowledge_articles', {
      id: articleId,
      organization_id: organizationId,
      section_id: null,
      slug: 'iso-article',
      owner_id: null,
      review_by: null,
      internal: false,
      created_at: at,
      updated_at: at,
    });
    await seed(db, 'knowledge_translations', {
      id: translationId,
      organization_id: organizationId,
      article_id: articleId,
      language: 'en',
      latest_version: 1,
      status: 'published',
      published_version: 1,
      title: 'Iso',
      body_md: 'Iso',
      body_html: '<p>Iso</p>',
      published_at: at,
      search_config: 'english',
      search_title: 'iso',
      search_body: 'iso',
      search_folded: 'iso iso',
      helpful_yes: 0,
      helpful_no: 0,
      updated_at: at,
    });
    await seed(db, 'knowledge_versions', {
      organization_id: organizationId,
      translation_id: translationId,
      article_id: articleId,
      language: 'en',
      number: 1,
      title: 'Iso',
      body_md: 'Iso',
      status: 'published',
      author_id: 'system:seed',
      reviewer_id: null,
      restored_from: null,
      created_at: at,
    });
    await seed(db, 'knowledge_synonyms', {
      id: newId('ksyn'),
      organization_id: organizationId,
      language: 'en',
      terms: ['iso', 'isolation'],
      created_at: at,
    });
    await seed(db, 'knowledge_sessions', {
      id: sessionId,
      organization_id: organizationId,
      language: 'en',
      started_at: at,
      contacted_at: null,
      ticket_id: null,
    });
    await seed(db, 'knowledge_activity', {
      organization_id: organizationId,
      session_id: sessionId,
      kind: 'view',
      at,
      query: null,
      results: null,
      article_id: articleId,
      language: 'en',
      helpful: null,
      comment: null,
    });
  }

  // A macro in both organizations, and for every provider a team member and presence on a ticket.
  for (const organizationId of [orgA, orgB])
    await seed(db, 'macros', {
      id: newId('mac'),
      organization_id: organizationId,
      name: 'Greeting',
      bodies: JSON.stringify({ en: 'Hello {{customer.name}}' }),
      actions: '{}',
      created_at: new Date(),
      updated_at: new Date(),
    });
  const seededTickets = await db
    .selectFrom('tickets')
    .select(['id', 'organization_id', 'provider_id'])
    .execute();
  const seededTeams = await db.selectFrom('teams').select(['id', 'organization_id', 'provider_id']).execute();
  for (const team of seededTeams) {
    const member = await db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', team.organization_id)
      .executeTakeFirstOrThrow();
    await seed(db, 'desk_team_members', {
      organization_id: team.organization_id,
      provider_id: team.provider_id,
      team_id: team.id,
      user_id: member.id,
    });
  }
  for (const ticket of seededTickets) {
    const viewer = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('organization_id', '=', ticket.organization_id)
      .executeTakeFirstOrThrow();
    await seed(db, 'desk_presence', {
      organization_id: ticket.organization_id,
      provider_id: ticket.provider_id,
      ticket_id: ticket.id,
      user_id: viewer.id,
      user_name: viewer.name,
      mode: 'viewing',
      expires_at: new Date(Date.UTC(2100, 0, 1)),
    });
  }
  // Every ticket linked to an article of its organization: an article's tickets are per provider.
  for (const ticket of seededTickets) {
    const article = await db
      .selectFrom('knowledge_articles')
      .select('id')
      .where('organization_id', '=', ticket.organization_id)
      .executeTakeFirst();
    if (article)
      await seed(db, 'knowledge_ticket_links', {
        organization_id: ticket.organization_id,
        provider_id: ticket.provider_id,
        article_id: article.id,
        ticket_id: ticket.id,
        kind: 'inserted',
        at: new Date(),
      });
  }
  // An SLA policy and a team holiday in both organizations: their admins' only.
  for (const organizationId of [orgA, orgB]) {
    await seed(db, 'sla_policies', {
      id: newId('slp'),
      version: 1,
      organization_id: organizationId,
      effective_from: new Date('2026-01-01T00:00:00Z'),
      definition: JSON.stringify({
        name: 'Seeded',
        position: 0,
        conditions: {},
        targets: [{ resolutionSeconds: 7200 }],
        pauseStatuses: ['pending'],
        atRisk: { percent: 80 },
      }),
      created_by: null,
      reason: 'seed',
      created_at: new Date(),
    });
    const team = await db
      .selectFrom('teams')
      .select('id')
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sla_holidays')
      .values({ organization_id: organizationId, team_id: team.id, day: '2026-12-25', name: 'Seeded' })
      .execute();
  }

  // A contract, its version, a logged forecast and a settlement per provider in both organizations (govern): vendor
  // staff see their own provider's only.
  for (const provider of await db.selectFrom('providers').select(['id', 'organization_id']).execute()) {
    const contractId = newId('ctr');
    await seed(db, 'contracts', {
      id: contractId,
      organization_id: provider.organization_id,
      provider_id: provider.id,
      sla_policy_id: null,
      created_at: new Date(),
    });
    await seed(db, 'contract_versions', {
      contract_id: contractId,
      version: 1,
      organization_id: provider.organization_id,
      provider_id: provider.id,
      effective_from: '2025-01-01',
      reason: 'seed',
      approved_by: 'seed',
      document: JSON.stringify(isoContract(provider.id).document),
      created_by: 'seed',
      created_at: new Date(),
    });
    await seed(db, 'client_forecasts', {
      id: newId('fct'),
      organization_id: provider.organization_id,
      provider_id: provider.id,
      period_from: '2024-12-01',
      period_to: '2024-12-31',
      queue: null,
      channel: null,
      language: null,
      volume: 1_000,
      logged_by: 'seed',
      logged_at: new Date(),
    });
    await seed(db, 'settlements', {
      contract_id: contractId,
      period: '2024-12',
      organization_id: provider.organization_id,
      provider_id: provider.id,
      statement: JSON.stringify({ contractId, measures: [], creditLines: [] }),
      computed_at: new Date(),
    });
  }

  // Every role of org A, in-house and vendor, each calling with its own API token.
  const users = await db.selectFrom('users').selectAll().where('organization_id', '=', orgA).execute();
  const byEmail = (email: string) => users.find((u) => u.email === email)!;
  const labelled: [string, string][] = [
    ['in-house admin', DEMO_USERS.admin],
    ['in-house supervisor', DEMO_USERS.supervisor],
    ['in-house agent', DEMO_USERS.agent],
    ['vendor admin', DEMO_USERS.vendorAdmin],
    ['vendor agent', DEMO_USERS.vendorAgent],
  ];
  for (const [label, email] of labelled) {
    const u = byEmail(email);
    const actor: Actor = {
      userId: u.id,
      organizationId: u.organization_id,
      providerId: u.provider_id,
      role: u.role,
    };
    const token = await createToken(t.shoreline.ctx.scope(actor), clock, { name: `${label} token` });
    actors.push({ label, actor, auth: { token: token.token } });
  }
  // One actor signs in with a cookie too, so both credential paths are exercised. It goes first:
  // the same user's token later runs sign-out-everywhere, which ends this session.
  actors.unshift({
    ...actors[3]!,
    label: 'vendor admin (cookie)',
    auth: await t.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function apiRoutes(): { method: string; path: string }[] {
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

describe('push: the event stream delivers nothing outside the caller’s scope', () => {
  it('streams, live and resumed, exactly the events each role may read', async () => {
    expect(apiRoutes().length).toBeGreaterThan(0);
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
          await recordTestEvent(db, { organizationId, providerId, subjectType, subjectId: `durable|${key}` });
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

describe('tenant and provider isolation, route by route', () => {
  it('knows a sample body for every write route', () => {
    const missing = apiRoutes()
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !SAMPLE_BODIES[key]);
    expect(missing, 'add these routes to SAMPLE_BODIES in isolation.test.ts').toEqual([]);
  });

  it('lists the routes it checks (at least the identity routes)', () => {
    const keys = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /api/providers', 'PATCH /api/teams/:id', 'POST /api/users']),
    );
  });

  it('never lists, reads or writes another organization’s or provider’s data', async () => {
    const before = await snapshot();
    customerReach = new Map();
    for (const ticket of before.get('tickets') ?? [])
      if (typeof ticket.customer_id === 'string' && typeof ticket.provider_id === 'string')
        customerReach.set(
          ticket.customer_id,
          (customerReach.get(ticket.customer_id) ?? new Set()).add(ticket.provider_id),
        );
    const foreignIds = (actor: Actor) => (table: string) =>
      (before.get(table) ?? [])
        .filter((row) => isForeign(actor, table, row))
        .map(idOf)
        .filter((id): id is string => id !== null);
    const allForeign = (actor: Actor) =>
      t.shoreline.ctx.scopeRules.tables().flatMap((table) => foreignIds(actor)(table));
    let n = 0;
    let checked = 0;
    const failures: string[] = [];

    for (const { label, actor, auth } of actors) {
      const foreign = foreignIds(actor);
      const everyForeignId = allForeign(actor);
      expect(everyForeignId.length).toBeGreaterThan(5);
      for (const route of apiRoutes()) {
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
        const segment = route.path.split('/').at(-2) ?? '';
        const table = SEGMENT_TABLE[segment];
        const ids = table ? foreign(table) : everyForeignId;
        for (const id of ids) {
          // The first parameter names the foreign row; any later one (a chunk's offset) is 0.
          const path = route.path.replace(/:(\w+)/, id).replaceAll(/:(\w+)/g, '0');
          for (const body of bodies) {
            const res = await t.request(path, { method: route.method, body, auth });
            checked++;
            if (res.status !== 404)
              failures.push(`${label} ${route.method} ${path}: ${res.status}, expected 404`);
            const text = await res.text();
            if (text.includes(id) && res.status !== 404)
              failures.push(`${label} ${path}: echoed a foreign id`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);

    // Nothing outside each actor's scope changed: compare the rows foreign to every actor.
    const after = await snapshot();
    for (const table of t.shoreline.ctx.scopeRules.tables()) {
      const untouchable = (rows: Row[]) =>
        rows.filter((row) => actors.every(({ actor }) => isForeign(actor, table, row)));
      expect(untouchable(after.get(table) ?? []), `rows of ${table} outside every caller's scope`).toEqual(
        untouchable(before.get(table) ?? []),
      );
    }
    // And org B in particular is exactly as it was.
    for (const table of t.shoreline.ctx.scopeRules.tables()) {
      const ofB = (rows: Row[]) => rows.filter((r) => r.organization_id === orgB && table !== 'sessions');
      expect(ofB(after.get(table) ?? [])).toEqual(ofB(before.get(table) ?? []));
    }
    expect(orgA).not.toBe(orgB);
  }, 600_000);
});
