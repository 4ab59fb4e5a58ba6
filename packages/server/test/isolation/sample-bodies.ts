import { voiceScenario } from '../../src/test-support/scenarios.js';

/** Foreign ids of one table, as the caller sees them: another organization's or provider's rows. */
export type Foreign = (table: string) => string[];

/** A contract file for a provider (govern). */
export const isoContract = (providerId: string) => ({
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
export const SAMPLE_BODIES: Record<string, (foreign: Foreign, n: number) => unknown[]> = {
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
  // A foreign plan sent to a foreign vendor, and to none of its own: 404 either way, nothing logged.
  'POST /api/plan/plans/:id/forecasts': (f) => [
    { vendors: [{ planProvider: 'house', providerId: f('providers')[0] ?? 'prv_none' }] },
    { vendors: [{ planProvider: 'house', providerId: 'prv_none' }] },
  ],
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
export function isoScenario() {
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

/** A saved plan's input: a week of hours, one in-house team open all day. */
export function planSample(name: string) {
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
