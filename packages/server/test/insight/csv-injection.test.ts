import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { createOrganization } from '../../src/modules/identity/bootstrap.js';
import { exportCanonical } from '../../src/modules/insight/export-service.js';
import { kpiRowsToCsv, toCsv } from '../../src/modules/insight/presenters.js';
import { systemClock } from '../../src/platform/clock.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { adminScope, demoOrganizationId, importFile } from './support.js';

/**
 * Hardening #14 item 5: text from imported tickets (subjects, tags, topics) reaches CSV exports.
 * Spreadsheet CSV must never start a text cell with a formula character (OWASP); the canonical
 * export is data and must give back every text exactly on re-import.
 */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

// Text PostgreSQL can store (no NUL, no lone surrogate), non-empty, biased to formula starts.
const text = fc
  .tuple(
    fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'", "'=", '"', ' '),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  )
  .map(([head, rest]) => (head + rest).replaceAll('\u0000', ''))
  .filter((s) => s.length > 0 && s.trim().length > 0);

let app: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'shoreline-csvinj-'));
beforeAll(async () => {
  app = await startTestApp({ demo: true });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

let round = 0;
async function roundTrip(subjects: string[], format: 'csv' | 'ndjson'): Promise<Map<string, string | null>> {
  round++;
  const db = app.shoreline.ctx.db;
  const { organizationId: from } = await createOrganization(db, systemClock, { name: `From ${round}` });
  const source = join(dir, `in-${round}.ndjson`);
  writeFileSync(
    source,
    subjects
      .map((subject, i) =>
        JSON.stringify({
          externalId: `t${i}`,
          createdAt: '2026-01-05T10:00:00Z',
          subject,
          requester: subject,
          tags: [subject.replaceAll('|', '')].filter((t) => t !== ''),
        }),
      )
      .join('\n'),
  );
  await importFile(app, from, 'canonical', source);
  let exported = '';
  for await (const chunk of exportCanonical(adminScope(app, from), format)) exported += chunk;
  const out = join(dir, `out-${round}.${format}`);
  writeFileSync(out, exported);
  const { organizationId: to } = await createOrganization(db, systemClock, { name: `To ${round}` });
  await importFile(app, to, 'canonical', out);
  const rows = await db
    .selectFrom('tickets')
    .select(['external_id', 'subject', 'requester', 'tags'])
    .where('organization_id', '=', to)
    .execute();
  for (const r of rows) {
    expect(r.requester).toBe(r.subject);
    expect(r.tags).toEqual([r.subject!.replaceAll('|', '')].filter((t) => t !== ''));
  }
  return new Map(rows.map((r) => [r.external_id, r.subject]));
}

describe('canonical export → import keeps every text exactly', () => {
  it.each(['csv', 'ndjson'] as const)(
    'through canonical %s',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 40 }), async (subjects) => {
          const back = await roundTrip(subjects, format);
          for (const [i, s] of subjects.entries()) expect(back.get(`t${i}`)).toBe(s);
        }),
        { numRuns: 8 },
      );
    },
    120_000,
  );

  it('a canonical CSV cell with a formula start is quoted and prefixed for spreadsheets', async () => {
    const from = await demoOrganizationId(app);
    const source = join(dir, 'formula.ndjson');
    writeFileSync(
      source,
      `${JSON.stringify({ externalId: 'evil-1', createdAt: '2026-01-05T10:00:00Z', subject: '=1+2', topic: '@SUM(A1)', tags: ['-x'] })}\n`,
    );
    await importFile(app, from, 'canonical', source);
    let exported = '';
    for await (const chunk of exportCanonical(adminScope(app, from), 'csv')) exported += chunk;
    const cells = (parse(exported) as string[][]).flat();
    expect(cells.filter((c) => FORMULA.test(c) && !NUMBER.test(c))).toEqual([]);
    expect(exported).toContain(`"'=1+2"`);
  });
});

describe('spreadsheet CSV (reports, ticket lists, KPI tables; UI and CLI share these writers)', () => {
  it('never starts a text cell with a formula character', () => {
    fc.assert(
      fc.property(text, (s) => {
        const csv = toCsv(['subject', 'n'], [{ subject: s, n: -3 }]);
        const [, row] = parse(csv, { relax_quotes: true }) as string[][];
        expect(row![0]).not.toMatch(FORMULA);
        expect(row![1]).toBe('-3');
      }),
    );
  });

  it('the tickets and KPI CSV routes answer neutralised cells', async () => {
    const admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const tickets = await (await app.request('/api/insight/tickets?format=csv', { auth: admin })).text();
    const byTopic = await (
      await app.request('/api/insight/kpis?groupBy=topic&format=csv', { auth: admin })
    ).text();
    for (const csv of [tickets, byTopic]) {
      const cells = (parse(csv) as string[][]).flat();
      expect(cells.filter((c) => FORMULA.test(c) && !NUMBER.test(c))).toEqual([]);
    }
    expect(tickets).toContain(`"'=1+2"`);
    expect(byTopic).toContain(`"'@SUM(A1)"`);
    expect(kpiRowsToCsv([])).not.toMatch(FORMULA);
  });
});
