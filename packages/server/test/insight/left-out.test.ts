import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import { forReading, toCsv } from '../../src/modules/insight/presenters.js';
import { systemClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { demoOrganizationId } from './support.js';

// Hardening #14 item 18: Contact reasons left out the tickets without a creation time while
// Breakdown by topic counted them, and nothing said so. Every time-based view now says how many
// tickets it leaves out, in its response.
describe('views say what they leave out', () => {
  let app: TestApp;
  let auth: Auth;
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-leftout-'));

  beforeAll(async () => {
    app = await startTestApp({ demo: true });
    const org = await demoOrganizationId(app);
    const path = join(dir, 'undated.csv');
    writeFileSync(
      path,
      'id,created,topic\nu1,2024-03-01T10:00:00Z,Billing\nu2,,Billing\nu3,,Login\nu4,2024-03-02T10:00:00Z,Login\nu5,,Billing\n',
    );
    const mapping = parseMapping(
      { source: 'undated', columns: { externalId: 'id', createdAt: 'created', topic: 'topic' } },
      'undated.mapping.json',
    );
    const report = await runImport({
      database: app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: org,
      format: 'csv',
      filePath: path,
      mapping,
    });
    expect(report.ticketsUpserted).toBe(5);
    auth = await app.login('admin@northwind.example', 'shoreline-demo');
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await app.request(path, { auth });
    expect(res.status).toBe(200);
    return res.json();
  };

  it('the contact-reason trend counts the tickets without a creation time it leaves out', async () => {
    const body = await get('/api/insight/topics?interval=month&source=undated');
    const shown = body.points.reduce((n: number, p: { tickets: number }) => n + p.tickets, 0);
    expect(shown).toBe(2);
    expect(body.leftOut).toEqual({ noCreationTime: 3 });
  });

  it('so does volume, and the breakdown it agrees with counts them all', async () => {
    const volume = await get('/api/insight/volume?interval=month&source=undated');
    expect(volume.leftOut).toEqual({ noCreationTime: 3 });
    const breakdown = await get('/api/insight/kpis?groupBy=topic&source=undated');
    expect(breakdown.rows.reduce((n: number, r: { tickets: number }) => n + r.tickets, 0)).toBe(5);
    expect(breakdown.leftOut).toEqual({ noCreationTime: 0 });
  });

  it('a view bounded by dates leaves them out too, and says so', async () => {
    const bounded = await get('/api/insight/kpis?groupBy=topic&source=undated&from=2024-01-01&to=2025-01-01');
    expect(bounded.leftOut).toEqual({ noCreationTime: 3 });
    const compare = await get(
      '/api/insight/kpis/compare?groupBy=none&source=undated&from=2024-03-01&to=2024-04-01&previousFrom=2024-02-01&previousTo=2024-03-01',
    );
    expect(compare.leftOut).toEqual({ noCreationTime: 3 });
    const billing = await get('/api/insight/topics?interval=month&source=undated&topic=Billing');
    expect(billing.leftOut).toEqual({ noCreationTime: 2 });
  });

  it('CSV exports lead with provider and team names, and write numbers without float noise', async () => {
    const res = await app.request('/api/insight/tickets?format=csv&source=undated', { auth });
    const [header, ...lines] = (await res.text()).trim().split('\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['provider', 'team', 'id', 'source']);
    expect(lines).toHaveLength(5);
    expect(forReading(540336.0000000001)).toBe(540336);
    expect(forReading(0.1 + 0.2)).toBe(0.3);
    expect(forReading(2 / 3)).toBe(0.666666666667);
    expect(toCsv(['v'], [{ v: 540336.0000000001 }])).toBe('v\n540336\n');
  });
});
