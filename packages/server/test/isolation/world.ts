import type { Insertable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { addUser, createOrganization } from '../../src/modules/identity/bootstrap.js';
import { createProvider, createTeam, createToken } from '../../src/modules/identity/service.js';
import { createMailbox, processInbound, storeInbound } from '../../src/modules/mail/index.js';
import type { DB } from '../../src/platform/db/schema.js';
import { newId } from '../../src/platform/ids.js';
import { outboxMailer } from '../../src/platform/mail/mailer.js';
import { type Actor, systemActor } from '../../src/platform/scope.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { messageWithPdf } from '../mail/harness.js';
import { isoContract, planSample } from './sample-bodies.js';

/**
 * The world the isolation tests (push.ts, run by routes-1.test.ts, and routes-*.test.ts beside this file) probe: the demo
 * organization (A) and a second one (B) of the same shape, with rows of every scoped table seeded for
 * every provider of both, and every role of org A holding its own credentials. Each test file starts
 * its own, identical world, so the files can run in different workers.
 */

export type Row = Record<string, unknown> & { id?: unknown; organization_id: string };
type SeedDb = TestApp['shoreline']['ctx']['db'];

export interface IsolationActor {
  label: string;
  actor: Actor;
  auth: Auth;
}

export interface IsolationWorld {
  t: TestApp;
  orgA: string;
  orgB: string;
  /** Every role of org A, in-house and vendor, each with its own API token; the first signs in with a cookie. */
  actors: IsolationActor[];
  /** Org B's admin and vendor agent: push must keep org A's events from them too. */
  otherOrgActors: IsolationActor[];
}

/** Writes one seed row straight to its table: the data this test reads back bypasses the services. */
function seed<T extends keyof DB & string>(db: SeedDb, table: T, row: Insertable<DB[T]>) {
  return db
    .insertInto(table)
    .values(row as never)
    .execute();
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

/** Starts the app with the demo organization and seeds the world described above. */
export async function startIsolationWorld(): Promise<IsolationWorld> {
  const t = await startTestApp({ demo: true });
  const actors: IsolationActor[] = [];
  const otherOrgActors: IsolationActor[] = [];
  const db = t.shoreline.ctx.db;
  const clock = t.shoreline.ctx.clock;
  const orgA = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;

  // A second organization with the same shape: in-house, a vendor, teams, users, tokens.
  const b = await createOrganization(db, clock, { name: 'Other Co' });
  const orgB = b.organizationId;
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
  return { t, orgA, orgB, actors, otherOrgActors };
}

/** Starts one world before the file's tests and closes it after them; the getter reads it in a test. */
export function useIsolationWorld(): () => IsolationWorld {
  let world: IsolationWorld | undefined;
  beforeAll(async () => {
    world = await startIsolationWorld();
  });
  afterAll(async () => {
    await world?.t.close();
  });
  return () => {
    if (!world) throw new Error('the isolation world has not started');
    return world;
  };
}
