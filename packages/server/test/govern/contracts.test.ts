import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/seed.js';
import { verifyAudit } from '../../src/modules/audit/index.js';
import { openOnChronicFailure } from '../../src/modules/govern/governance.js';
import { systemClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { balticContractDocument, urgentResolutionTerm } from '../../src/test-support/govern-contract.js';
import { solvedTicket, startGovernDemo } from '../../src/test-support/govern-demo.js';
import { pdfText } from '../../src/test-support/pdf-text.js';
import type { Auth, TestApp } from '../../src/test-support/test-app.js';

/**
 * Contracts over HTTP: apply a contract and a mid-month change, settle January 2025 by the version
 * in force on each day, and who sees what. Figures computed by hand in the comments.
 */
describe('govern: contracts and settlement', () => {
  let app: TestApp;
  let admin: Auth;
  let balticLead: Auth;
  let manilaAgent: Auth;
  let baltic = '';
  let organizationId = '';
  let contractId = '';

  const document = (targetSeconds: number) =>
    balticContractDocument({
      name: 'Baltic Contact — multilingual care',
      channels: ['email', 'chat'],
      languages: ['lv', 'en'],
      terms: [
        urgentResolutionTerm('R', targetSeconds),
        {
          id: 'FR',
          kpi: 'first_response_within',
          targetSeconds: 3_600,
          minimum: 8_000,
          expected: 9_000,
          kind: 'key',
        },
      ],
    });

  beforeAll(async () => {
    ({ app, admin, balticLead, manilaAgent, baltic, organizationId } = await startGovernDemo());
    // 10 urgent tickets on 2–11 January (v1 days) and 10 urgent + 5 normal on 17–31 January (v2 days),
    // each resolved in 3 h (10 800 s): within v1's 4 h, beyond v2's 2 h.
    const rows = Array.from({ length: 25 }, (_, i) =>
      solvedTicket({
        id: `tkt_govern_${i}`,
        organizationId,
        providerId: baltic,
        day: `2025-01-${String(i < 10 ? 2 + i : 17 + (i - 10)).padStart(2, '0')}`,
        priority: i >= 20 ? 'normal' : 'urgent',
        resolutionSeconds: 10_800,
        firstResponseSeconds: 600,
      }),
    );
    await app.shoreline.ctx.db.insertInto('tickets').values(rows).execute();
  });
  afterAll(() => app.close());

  it('applies a contract (version 1) and configures the SLA engine for the provider', async () => {
    const res = await app.request('/api/govern/contracts', {
      auth: admin,
      body: {
        providerId: baltic,
        effectiveFrom: '2025-01-01',
        reason: 'signed',
        approvedBy: 'Head of CS',
        document: document(14_400),
      },
    });
    expect(res.status).toBe(201);
    const v = await res.json();
    expect(v).toMatchObject({ version: 1, effectiveFrom: '2025-01-01', approvedBy: 'Head of CS' });
    expect(v.slaPolicyId).toMatch(/^slp_/);
    contractId = v.contractId;
    const policy = await (await app.request(`/api/sla/policies/${v.slaPolicyId}`, { auth: admin })).json();
    expect(policy.items[0].definition.conditions).toEqual({ providerIds: [baltic] });
    expect(policy.items[0].definition.targets).toEqual([
      { priorities: ['urgent'], resolutionSeconds: 14_400 },
      { firstResponseSeconds: 3_600 },
    ]);
  });

  it('a change is a new version with effective date, reason and approver; never before the last', async () => {
    const body = {
      contractId,
      providerId: baltic,
      effectiveFrom: '2025-01-16',
      reason: 'urgent tickets within 2 h',
      approvedBy: 'Vendor manager',
      document: document(7_200),
    };
    const res = await app.request('/api/govern/contracts', { auth: admin, body });
    expect(res.status).toBe(201);
    const v2 = await res.json();
    expect(v2.version).toBe(2);
    // The SLA engine's policy gets a version from the same day: live tickets follow the contract.
    const policy = await (await app.request(`/api/sla/policies/${v2.slaPolicyId}`, { auth: admin })).json();
    expect(
      policy.items.map((p: { version: number; effectiveFrom: string }) => [p.version, p.effectiveFrom]),
    ).toEqual([
      [1, '2025-01-01T00:00:00.000Z'],
      [2, '2025-01-16T00:00:00.000Z'],
    ]);
    expect(policy.items[1].definition.targets[0]).toEqual({
      priorities: ['urgent'],
      resolutionSeconds: 7_200,
    });
    const early = await app.request('/api/govern/contracts', {
      auth: admin,
      body: { ...body, effectiveFrom: '2025-01-10' },
    });
    expect(early.status).toBe(400);
    expect((await early.json()).field ?? JSON.stringify(await early.json())).toContain('effectiveFrom');
    const versions = await (
      await app.request(`/api/govern/contracts/${contractId}/versions`, { auth: admin })
    ).json();
    expect(
      versions.items.map((x: { version: number; effectiveFrom: string }) => [x.version, x.effectiveFrom]),
    ).toEqual([
      [1, '2025-01-01'],
      [2, '2025-01-16'],
    ]);
  });

  it('bad input answers problem+json naming the field, and writes nothing', async () => {
    const bad = document(7_200);
    (bad.terms[0] as { minimum: number }).minimum = -5;
    const res = await app.request('/api/govern/contracts', {
      auth: admin,
      body: { providerId: baltic, effectiveFrom: '2025-02-01', reason: 'x', approvedBy: 'y', document: bad },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('document.terms.0.minimum');
    const list = await (await app.request('/api/govern/contracts', { auth: admin })).json();
    expect(list.items).toHaveLength(1);
  });

  it('settles January using each version for its days (hand-computed)', async () => {
    const res = await app.request('/api/govern/settlements', {
      auth: admin,
      body: { providerId: baltic, period: '2025-01' },
    });
    expect(res.status).toBe(200);
    const st = await res.json();
    expect(st.segments).toEqual([
      { version: 1, fromDay: 1, toDay: 15, days: 15 },
      { version: 2, fromDay: 16, toDay: 31, days: 16 },
    ]);
    const r = st.measures.filter((m: { termId: string }) => m.termId === 'R');
    expect(r.map((m: { met: number; total: number; missed: boolean }) => [m.met, m.total, m.missed])).toEqual(
      [
        [10, 10, false], // v1: 3 h ≤ 4 h
        [0, 10, true], // v2: 3 h > 2 h
      ],
    );
    // charges = 1 000 000 × 15/31 + 1 000 000 × 16/31 + 25 contacts × 250 = 1 006 250
    expect(st.chargesMinor).toBe(1_006_250);
    expect(st.chargeLines).toEqual([
      { unit: 'month', quantity: 1, amountMinor: 1_000_000 }, // 15/31 + 16/31 of the fee
      { unit: 'contact', quantity: 25, amountMinor: 6_250 },
    ]);
    expect(st.atRiskMinor).toBe(100_625);
    // credit = (1 000 000 × 16/31 + 15 × 250) × 10 % × 100 % = 51 987.90… → 51 988
    expect(st.creditLines).toEqual([
      expect.objectContaining({ version: 2, termId: 'R', creditMinor: 51_988 }),
    ]);
    expect(st.netMinor).toBe(1_006_250 - 51_988);
    // The key measurement is reported, never credited.
    expect(
      st.measures
        .filter((m: { termId: string }) => m.termId === 'FR')
        .every((m: { kind: string }) => m.kind === 'key'),
    ).toBe(true);
  });

  it('the review pack PDF shows the figures, in Turkish and in Hebrew with an embedded font', async () => {
    const pack = async (auth: Auth, locale: string, labels: Record<string, string>) => {
      const res = await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/review-pack`, {
        auth,
        body: { locale, labels },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      return pdfText(new Uint8Array(await res.arrayBuffer()));
    };
    const en = await pack(admin, 'en', {});
    expect(en.text).toContain('Monthly provider review pack');
    expect(en.text).toContain('Baltic Contact');
    expect(en.text).toContain('€10,062.50'); // charges 1 006 250 minor units
    expect(en.text).toContain('€519.88'); // the credit of term R in version 2
    expect(en.text).toContain('€9,542.62'); // net = 1 006 250 − 51 988
    expect(en.text).toContain('100.00%'); // R in version 1: 10 of 10
    expect(en.text).toContain('0.00%'); // R in version 2: 0 of 10
    expect(en.text).toContain('Days 16–31');
    // Turkish letters outside Latin-1 (ğ, ş, ı, İ) and Turkish number formatting.
    const tr = await pack(admin, 'tr', { title: 'Aylık sağlayıcı inceleme paketi', net: 'Net tutar' });
    expect(tr.text).toContain('Aylık sağlayıcı inceleme paketi');
    expect(tr.text).toContain('€9.542,62');
    // Hebrew, right to left: PDF.js reads the words back in logical order from the drawn glyphs (it
    // drops the narrow gap between two Hebrew words, so spaces are left out of the comparison).
    const he = await pack(balticLead, 'he', { title: 'חבילת סקירה חודשית', net: 'סכום נטו' });
    const words = he.text.replace(/\s+/g, '');
    expect(words).toContain('חבילתסקירהחודשית');
    expect(words).toContain('סכוםנטו');
    expect(words).not.toContain('חודשיתסקירהחבילת'); // the words in reading order, not reversed
    expect(he.fonts).toContain('DejaVuSans');
    // Another vendor's staff get nothing.
    const foreign = await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/review-pack`, {
      auth: manilaAgent,
      body: { locale: 'en' },
    });
    expect(foreign.status).toBe(404);
  });

  it('reconciles a vendor invoice with the recomputed charges, flagging each difference', async () => {
    const res = await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/invoice`, {
      auth: admin,
      body: {
        csv: 'Unit,Quantity,Amount,Description\nmonth,1,10000.00,Fee\ncontact,27,67.50,Handled contacts\n',
      },
    });
    expect(res.status).toBe(200);
    const r = await res.json();
    // Measured: 25 contacts × 2.50 = 62.50; the vendor bills 27 (67.50): 5.00 more.
    expect(
      r.lines.map((l: { unit: string; reason: string; differenceMinor: number }) => [
        l.unit,
        l.reason,
        l.differenceMinor,
      ]),
    ).toEqual([
      ['month', 'matches', 0],
      ['contact', 'quantity_differs', 500],
    ]);
    expect(r.lines[1]).toMatchObject({ invoicedQuantity: 27, computedQuantity: 25, computedMinor: 6_250 });
    expect([r.invoicedMinor, r.computedMinor, r.differenceMinor]).toEqual([1_006_750, 1_006_250, 500]);
    const bad = await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/invoice`, {
      auth: admin,
      body: { csv: 'unit,quantity,amount\nbanana,1,5\n' },
    });
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.field).toBe('csv');
    expect(problem.detail).toContain('line 1');
    // Vendor staff may read their settlement but not reconcile it.
    const vendor = await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/invoice`, {
      auth: balticLead,
      body: { csv: 'unit,quantity,amount\nmonth,1,1\n' },
    });
    expect(vendor.status).toBe(404);
  });

  /** Queues a simulation (202), runs the job queue, and fetches the finished job's answer. */
  const simulated = async (body: Record<string, unknown>) => {
    const res = await app.request('/api/govern/simulations', { auth: admin, body });
    expect(res.status).toBe(202);
    const queued = await res.json();
    expect(queued).toMatchObject({ status: 'queued', progress: 0, result: null });
    await app.shoreline.jobs.runDueJobs();
    const job = await (await app.request(`/api/govern/simulations/${queued.id}`, { auth: admin })).json();
    expect(job).toMatchObject({ status: 'done', progress: 1 });
    return job.result;
  };

  it('simulates what a scheme would have paid month by month, with its gaming warnings', async () => {
    const sim = await simulated({ providerId: baltic, document: document(7_200), to: '2025-01', months: 2 });
    // December 2024: no tickets, the fee only. January 2025 under a 2 h term all month: 0 of 20
    // urgent within 2 h → missed; credit = 1 006 250 × 10 % × 100 % = 100 625.
    expect(
      sim.months.map(
        (m: { period: string; chargesMinor: number; creditsMinor: number; netMinor: number }) => [
          m.period,
          m.chargesMinor,
          m.creditsMinor,
          m.netMinor,
        ],
      ),
    ).toEqual([
      ['2024-12', 1_000_000, 0, 1_000_000],
      ['2025-01', 1_006_250, 100_625, 905_625],
    ]);
    expect(sim.months[1].missedTerms).toEqual(['R']);
    expect(sim.distribution).toEqual({
      minMinor: 905_625,
      medianMinor: 905_625,
      maxMinor: 1_000_000,
      totalMinor: 1_905_625,
    });
    // R pays on speed with no reopen, abandonment, CSAT or QA measure beside it.
    expect(sim.warnings).toEqual([{ code: 'speed_without_guardrail', termId: 'R' }]);
    const guarded = document(7_200);
    (guarded.terms as unknown[]).push({
      id: 'RR',
      kpi: 'reopen_rate',
      minimum: 800,
      expected: 500,
      kind: 'key',
    });
    const again = await simulated({ providerId: baltic, document: guarded, to: '2025-01', months: 1 });
    expect(again.warnings).toEqual([]);
    // Nothing stored: the register still has January's statement only.
    const stored = await app.request(`/api/govern/contracts/${contractId}/settlements/2024-12`, {
      auth: admin,
    });
    expect(stored.status).toBe(404);
  });

  it('runs the simulator off the request: only its owner reads the job, bad input is refused before queueing', async () => {
    const res = await app.request('/api/govern/simulations', {
      auth: admin,
      body: { providerId: baltic, document: document(7_200), to: '2025-01', months: 61 },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).field).toBe('months');
    const queued = await (
      await app.request('/api/govern/simulations', {
        auth: admin,
        body: { providerId: baltic, document: document(7_200), to: '2025-01', months: 1 },
      })
    ).json();
    // Vendor staff can neither queue a simulation nor read one.
    expect((await app.request(`/api/govern/simulations/${queued.id}`, { auth: balticLead })).status).toBe(
      404,
    );
    await app.shoreline.jobs.runDueJobs();
  });

  it('vendor staff see only their own provider’s contracts and settlements, and cannot write', async () => {
    expect(
      (await (await app.request('/api/govern/contracts', { auth: balticLead })).json()).items,
    ).toHaveLength(1);
    expect(
      (await (await app.request('/api/govern/contracts', { auth: manilaAgent })).json()).items,
    ).toHaveLength(0);
    expect(
      (await app.request(`/api/govern/contracts/${contractId}/versions`, { auth: manilaAgent })).status,
    ).toBe(404);
    expect(
      (await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01`, { auth: balticLead }))
        .status,
    ).toBe(200);
    expect(
      (await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01`, { auth: manilaAgent }))
        .status,
    ).toBe(404);
    const write = await app.request('/api/govern/settlements', {
      auth: balticLead,
      body: { providerId: baltic, period: '2025-01' },
    });
    expect(write.status).toBe(404);
  });

  it('every change and settlement is in the audit log, and the chain verifies', async () => {
    const result = await verifyAudit(app.shoreline.ctx.scope(systemActor('cli', organizationId)));
    expect(result).toMatchObject({ ok: true, records: 4 }); // 2 versions, 1 settlement, 1 invoice
  });

  it('a chronic failure opens a corrective action and a management escalation, once; the review pack lists them', async () => {
    // R missed in November and December 2024 (stored statements) and again in January: 3 of 6 months.
    const missedMonth = (period: string) => ({
      contractId,
      period,
      measures: [{ termId: 'R', kind: 'critical', missed: true, metExpected: false, met: 0, total: 1 }],
      creditLines: [],
    });
    const db = app.shoreline.ctx.db;
    for (const period of ['2024-11', '2024-12'])
      await db
        .insertInto('settlements')
        .values({
          contract_id: contractId,
          period,
          organization_id: organizationId,
          provider_id: baltic,
          statement: JSON.stringify(missedMonth(period)),
          computed_at: new Date(),
        })
        .execute();
    for (let i = 0; i < 2; i++) {
      const st = await (
        await app.request('/api/govern/settlements', {
          auth: admin,
          body: { providerId: baltic, period: '2025-01' },
        })
      ).json();
      expect(st.chronicFailures).toEqual(['R']);
    }
    const items = (
      await (await app.request(`/api/govern/contracts/${contractId}/governance`, { auth: admin })).json()
    ).items as { kind: string; level: number | null; holder: string | null; owner: string; source: string }[];
    expect(items.map((x) => [x.kind, x.source, x.level, x.holder])).toEqual(
      expect.arrayContaining([
        ['action', 'chronic:R:2025-01:action', null, null],
        ['escalation', 'chronic:R:2025-01:escalation', 2, 'management'],
      ]),
    );
    expect(items).toHaveLength(2); // settled twice, opened once
    const pdf = await pdfText(
      new Uint8Array(
        await (
          await app.request(`/api/govern/contracts/${contractId}/settlements/2025-01/review-pack`, {
            auth: admin,
            body: { locale: 'en' },
          })
        ).arrayBuffer(),
      ),
    );
    expect(pdf.text).toContain('Chronic failure: R');
    expect(pdf.text).toContain('Corrective action: chronic failure of R (2025-01)');
  });

  it('the governance register: reviews scheduled once, an action closed with evidence, an overdue escalation', async () => {
    const path = `/api/govern/contracts/${contractId}/governance`;
    /** Adds an item to the register as the admin; its answer. */
    const addItem = async (body: Record<string, unknown>) =>
      (await app.request(path, { auth: admin, body })).json();
    for (let i = 0; i < 2; i++) {
      const res = await app.request(`${path}/reviews`, {
        auth: admin,
        body: { from: '2025-02-20', weeks: 8 },
      });
      expect(res.status).toBe(200);
      const reviews = (await res.json()).items.filter((x: { kind: string }) => x.kind === 'review');
      // 8 weekly operational reviews, a performance review on 1 March, the quarterly business review on 1 April.
      expect(
        reviews.map((x: { dueOn: string; reviewKind: string }) => `${x.dueOn} ${x.reviewKind}`).slice(0, 4),
      ).toEqual([
        '2025-02-20 operational',
        '2025-02-27 operational',
        '2025-03-01 performance',
        '2025-03-06 operational',
      ]);
      expect(reviews).toHaveLength(10);
    }
    const action = await addItem({
      kind: 'action',
      title: 'Retrain the Riga team on refunds',
      owner: 'Līga Bērziņa',
      dueOn: '2025-02-28',
    });
    const done = await app.request(`/api/govern/governance/${action.id}`, {
      method: 'PATCH',
      auth: admin,
      body: { status: 'done', evidence: 'Training log 2025-02-21' },
    });
    expect(await done.json()).toMatchObject({ status: 'done', evidence: 'Training log 2025-02-21' });
    const late = await addItem({
      kind: 'escalation',
      title: 'Backlog over 2 days',
      owner: 'Bence Kovács',
      dueOn: '2025-01-10',
      level: 1,
    });
    expect(late).toMatchObject({ level: 1, holder: 'operational', overdue: true, nextLevel: 2 });
    const bad = await app.request(path, { auth: admin, body: { kind: 'meeting', title: 'x', owner: 'y' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('kind');
    // Vendor staff read their provider's register, never write; another vendor's staff see nothing.
    expect((await app.request(path, { auth: balticLead })).status).toBe(200);
    expect(
      (await app.request(path, { auth: balticLead, body: { kind: 'action', title: 'x', owner: 'y' } }))
        .status,
    ).toBe(404);
    expect((await app.request(path, { auth: manilaAgent })).status).toBe(404);
  });

  it('exit readiness: notice dates, and Plan’s staffing of the vendor’s volume against the in-house team', async () => {
    const ask = async (inHouseAgents: number) => {
      const res = await app.request(`/api/govern/contracts/${contractId}/exit-readiness`, {
        auth: admin,
        body: { inHouseAgents, hiringLeadWeeks: 6, ahtSec: 600, shrinkage: 0.3, period: '2025-01' },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const none = await ask(0);
    // 24 months from 1 January 2025, 90 days' notice.
    expect([none.endsOn, none.noticeBy]).toEqual(['2027-01-01', '2026-10-03']);
    expect(none.contacts).toBe(25);
    // 25 tickets in January, most at 09:00 UTC: under one contact an hour still needs an agent.
    expect(none.peakScheduledAgents).toBeGreaterThanOrEqual(1);
    expect(none.gapAgents).toBe(none.peakScheduledAgents);
    expect(none.evidence.find((e: { item: string }) => e.item === 'capacity').met).toBe(false);
    const enough = await ask(none.peakScheduledAgents);
    expect(enough.gapAgents).toBe(0);
    expect(enough.evidence.find((e: { item: string }) => e.item === 'capacity').met).toBe(true);
    expect(enough.scoreBp).toBeGreaterThan(none.scoreBp);
    const vendor = await app.request(`/api/govern/contracts/${contractId}/exit-readiness`, {
      auth: balticLead,
      body: { inHouseAgents: 1 },
    });
    expect(vendor.status).toBe(404);
  });

  it('exit readiness evidence: client-owned knowledge, a runbook with owners, the export round trip run as a job', async () => {
    const exit = async () => {
      const res = await app.request(`/api/govern/contracts/${contractId}/exit-readiness`, {
        auth: admin,
        body: { inHouseAgents: 0, hiringLeadWeeks: 6, ahtSec: 600, shrinkage: 0.3, period: '2025-01' },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { evidence: { item: string; met: boolean; detail: string }[] };
      return Object.fromEntries(body.evidence.map((e) => [e.item, e]));
    };
    const before = await exit();
    expect(before.knowledge_client_owned?.met).toBe(false);
    expect(before.runbook).toMatchObject({ met: false, detail: 'no runbook step in the register' });
    expect(before.export_tested).toMatchObject({ met: false, detail: 'no export check has run yet' });

    // Knowledge: an article kept by a vendor's lead walks out with the vendor; handed to the client, it counts.
    const db = app.shoreline.ctx.db;
    const userId = async (email: string) =>
      (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const vendorLead = await userId(DEMO_USERS.vendorAdmin);
    const client = await userId(DEMO_USERS.supervisor);
    const created = await app.request('/api/knowledge/articles', {
      auth: admin,
      body: {
        slug: 'exit-refunds',
        language: 'en',
        title: 'Refunds',
        body: 'Within 14 days.',
        ownerId: vendorLead,
      },
    });
    expect(created.status).toBe(201);
    const article = (await created.json()) as { id: string };
    expect(
      (
        await app.request(`/api/knowledge/articles/${article.id}/publish`, {
          auth: admin,
          body: { language: 'en' },
        })
      ).status,
    ).toBe(200);
    const vendorKept = await exit();
    expect(vendorKept.knowledge_client_owned).toMatchObject({ met: false });
    expect(vendorKept.knowledge_client_owned?.detail).toMatch(
      /^0 of 1 published articles owned by the client; 1 by the vendor/,
    );
    const handed = await app.request(`/api/knowledge/articles/${article.id}`, {
      method: 'PATCH',
      auth: admin,
      body: { ownerId: client },
    });
    expect(handed.status).toBe(200);
    expect((await exit()).knowledge_client_owned).toMatchObject({ met: true });

    // The runbook: steps in the register; one drafted without an owner keeps it unmet until assigned.
    const register = `/api/govern/contracts/${contractId}/governance`;
    const step = async (title: string, owner: string) => {
      const res = await app.request(register, {
        auth: admin,
        body: { kind: 'runbook_step', title, owner, dueOn: '2026-09-01' },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; owner: string };
    };
    await step('Move the phone numbers back in house', 'Ayşe Demir');
    const unassigned = await step('Hand over the knowledge base', '');
    expect((await exit()).runbook).toMatchObject({
      met: false,
      detail: '2 steps, 1 without an owner, 0 done',
    });
    const assign = await app.request(`/api/govern/governance/${unassigned.id}`, {
      method: 'PATCH',
      auth: admin,
      body: { owner: 'Līga Bērziņa', status: 'done', evidence: 'Export loaded' },
    });
    expect(assign.status).toBe(200);
    expect((await exit()).runbook).toMatchObject({
      met: true,
      detail: '2 steps, 0 without an owner, 1 done',
    });
    // Only a runbook step may be unassigned.
    const noOwner = await app.request(register, {
      auth: admin,
      body: { kind: 'action', title: 'x', owner: '' },
    });
    expect(noOwner.status).toBe(400);
    expect(JSON.stringify(await noOwner.json())).toContain('owner');

    // The canonical export's round trip: run by a job on demand (the demo's tickets and these 25),
    // progress visible, the result with its evidence feeding exit readiness.
    const queued = await app.request('/api/govern/export-checks', { auth: admin, method: 'POST' });
    expect(queued.status).toBe(202);
    expect((await queued.json()).running).toMatchObject({ status: 'queued', progress: 0 });
    // Only administrators of the client run or read it.
    expect((await app.request('/api/govern/export-checks', { auth: balticLead })).status).toBe(404);
    await app.shoreline.jobs.runDueJobs();
    const checks = await (await app.request('/api/govern/export-checks', { auth: admin })).json();
    expect(checks.running).toBeNull();
    const tickets = await app.shoreline.ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    const [check] = checks.items;
    expect(check).toMatchObject({ passed: true });
    expect(check.evidence.tickets).toEqual({
      database: Number(tickets.n),
      exported: Number(tickets.n),
      reimported: Number(tickets.n),
      rejected: 0,
    });
    expect(check.evidence.checksum.reimported).toBe(check.evidence.checksum.database);
    const passed = (await exit()).export_tested;
    expect(passed?.met).toBe(true);
    expect(passed?.detail).toMatch(/^passed \d{4}-\d{2}-\d{2}: \d+ of \d+ tickets exported/);

    // A ticket changed in the database behind the export's back is caught: its checksum differs.
    const { runExportCheck } = await import('../../src/modules/govern/export-check.js');
    const scoped = app.shoreline.ctx.scope(systemActor('test', organizationId));
    let sabotaged = false;
    const broken = await runExportCheck(scoped, async (f) => {
      // Halfway through the export, one exported ticket is edited: the file and the database now differ.
      if (!sabotaged && f > 0) {
        sabotaged = true;
        await app.shoreline.ctx.db
          .updateTable('tickets')
          .set({ status: 'closed', priority: 'low' })
          .where('id', '=', 'tkt_govern_0')
          .execute();
      }
    });
    expect(broken.passed).toBe(false);
    expect(broken.evidence.checksum.reimported).not.toBe(broken.evidence.checksum.database);
  });

  it("tracks the client's own obligations in the register: due day, client-side owner, status, overdue", async () => {
    const register = `/api/govern/contracts/${contractId}/governance`;
    const add = async (title: string, dueOn: string) => {
      const res = await app.request(register, {
        auth: admin,
        body: { kind: 'obligation', title, owner: 'Ayşe Demir (client planning)', dueOn },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; kind: string; overdue: boolean; status: string };
    };
    const forecast = await add('Deliver the forecast for next month', '2025-01-25');
    const articles = await add('Update the refund articles for the new policy', '2999-01-01');
    // The forecast's day has passed while it is open: overdue, as the vendor will argue at the review.
    expect(forecast).toMatchObject({ kind: 'obligation', status: 'open', overdue: true });
    expect(articles).toMatchObject({ kind: 'obligation', status: 'open', overdue: false });
    const delivered = await app.request(`/api/govern/governance/${forecast.id}`, {
      method: 'PATCH',
      auth: admin,
      body: { status: 'done', evidence: 'forecast-2025-02.csv sent 2025-01-24' },
    });
    expect(await delivered.json()).toMatchObject({ status: 'done', overdue: false });
    // The vendor's lead sees the client's obligations (they are the counterparty) but cannot tick them off.
    const { items: list } = (await (await app.request(register, { auth: balticLead })).json()) as {
      items: { kind: string; title: string }[];
    };
    expect(list.filter((x) => x.kind === 'obligation').map((x) => x.title)).toEqual(
      expect.arrayContaining([
        'Deliver the forecast for next month',
        'Update the refund articles for the new policy',
      ]),
    );
    const tick = await app.request(`/api/govern/governance/${articles.id}`, {
      method: 'PATCH',
      auth: balticLead,
      body: { status: 'done' },
    });
    expect(tick.status).toBe(404);
    // Each change is in the audit chain, which still verifies.
    const org = await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const opened = await app.shoreline.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'governance.obligation_opened')
      .execute();
    expect(opened).toHaveLength(2);
    expect((await verifyAudit(app.shoreline.ctx.scope(systemActor('test', org.id)))).ok).toBe(true);
  });

  it("escalates along the contract's own ladder: its levels, holders, contacts and deadlines", async () => {
    const manila = await app.shoreline.ctx.db
      .selectFrom('providers')
      .select('id')
      .where('name', '=', 'Manila CX')
      .executeTakeFirstOrThrow();
    const ladder = [
      { level: 1, holder: 'team lead', days: 2 },
      { level: 2, holder: 'service manager', contact: 'sm@manilacx.example', days: 4 },
      { level: 3, holder: 'steering committee', days: 9 },
    ];
    /** Applies a Manila contract whose document is `doc`, signed on 1 January. */
    const applyManila = (doc: object) =>
      app.request('/api/govern/contracts', {
        auth: admin,
        body: {
          providerId: manila.id,
          effectiveFrom: '2025-01-01',
          reason: 'signed',
          approvedBy: 'Head of CS',
          document: doc,
        },
      });
    const bad = await applyManila({
      ...document(14_400),
      escalationLadder: [{ level: 2, holder: 'x', days: 1 }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('document.escalationLadder');
    const applied = await (
      await applyManila({ ...document(14_400), escalationLadder: ladder, chronicEscalationLevel: 3 })
    ).json();
    const register = `/api/govern/contracts/${applied.contractId}/governance`;
    // A level the ladder does not have is refused, naming the field.
    const beyond = await app.request(register, {
      auth: admin,
      body: { kind: 'escalation', title: 'Too high', owner: 'client', level: 4 },
    });
    expect(beyond.status).toBe(400);
    expect((await beyond.json()).field).toBe('level');
    const opened = await (
      await app.request(register, {
        auth: admin,
        body: { kind: 'escalation', title: 'Backlog', owner: 'client', level: 2 },
      })
    ).json();
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(opened).toMatchObject({
      level: 2,
      holder: 'service manager',
      contact: 'sm@manilacx.example',
      dueOn: inDays(4),
    });
    // A chronic failure found by settlement opens at the contract's chronic level (3), due in its 9 days.
    const scoped = app.shoreline.ctx.scope(systemActor('test', organizationId));
    await openOnChronicFailure(
      scoped,
      systemClock,
      { id: applied.contractId, providerId: manila.id },
      '2025-03',
      ['R'],
      {
        escalationLadder: ladder,
        chronicEscalationLevel: 3,
      },
    );
    const items = (await (await app.request(register, { auth: admin })).json()).items;
    expect(
      items.find((x: { source: string | null }) => x.source === 'chronic:R:2025-03:escalation'),
    ).toMatchObject({
      level: 3,
      holder: 'steering committee',
      dueOn: inDays(9),
    });
  });

  it('publishes the contract JSON Schema', async () => {
    const schema = await (await app.request('/api/govern/contract-schema', { auth: admin })).json();
    expect(schema.required).toEqual(
      expect.arrayContaining(['providerId', 'effectiveFrom', 'reason', 'approvedBy', 'document']),
    );
  });
});
