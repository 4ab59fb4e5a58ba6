// The Insight journey in a real browser against the real server: sign in as the demo admin, upload
// a generated canonical NDJSON file through the Imports page and follow its progress to the
// data-quality report and rejected rows, then check the Overview's ticket count and median resolution
// against figures computed here from the generated file, drill down from a chart bar to the tickets,
// export CSVs, and look at the pages in Hebrew (right to left) and Turkish. Screenshots land in
// e2e/artifacts/insight-*.png (git-ignored).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../packages/web/src/lib/format';
import { endJourney, screenshots, signIn, startJourney, type TestServer, watchProgress } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const shot = screenshots('insight', () => page);

/** Hyndman–Fan type 7 (PostgreSQL percentile_cont), computed independently of the server. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}

/**
 * 40 valid tickets over eight weeks (24 in house at Istanbul Care, 16 at the vendor Baltic Contact's
 * Riga team), one of them solved before its first response (a quality flag), plus one row with an
 * unknown priority that the importer must reject. Deterministic, so the figures are too.
 */
function generate() {
  const lines: string[] = [];
  const resolutions: number[] = [];
  const inHouse: string[] = [];
  const topics = ['billing', 'delivery', 'refund', 'technical'];
  const start = Date.UTC(2025, 0, 6, 8, 0, 0); // Monday 6 January 2025, 08:00 UTC
  for (let i = 0; i < 40; i++) {
    const vendor = i % 5 === 1 || i % 5 === 3; // 16 of 40
    const created = start + i * 33 * 3_600_000 + (i % 7) * 600_000; // ~every 33 h
    const firstResponse = created + (10 + ((i * 37) % 100)) * 60_000; // always before a solve
    const resolution = (vendor ? 5 : 2) * 3_600_000 + ((i * 7919) % 36_000) * 1000;
    const solved = i === 7 ? firstResponse - 5 * 60_000 : created + resolution;
    resolutions.push((solved - created) / 1000);
    const externalId = `E2E-${String(i + 1).padStart(3, '0')}`;
    if (!vendor) inHouse.push(externalId);
    lines.push(
      JSON.stringify({
        source: 'e2e-desk',
        externalId,
        number: String(1000 + i),
        subject: `Question ${i + 1} about ${topics[i % 4]}`,
        status: 'solved',
        priority: ['low', 'normal', 'high', 'urgent'][i % 4],
        channel: ['email', 'chat', 'phone'][i % 3],
        language: vendor ? 'lv' : 'tr',
        topic: topics[i % 4],
        tags: [topics[i % 4]!],
        provider: vendor ? 'Baltic Contact' : 'Northwind in-house',
        team: vendor ? 'Riga Multilingual' : 'Istanbul Care',
        createdAt: new Date(created).toISOString(),
        firstResponseAt: new Date(firstResponse).toISOString(),
        solvedAt: new Date(solved).toISOString(),
        slaBreached: i % 6 === 0,
        csatScore: 1 + (i % 5),
        csatScale: '1-5',
      }),
    );
  }
  // Line 41: an unknown priority, rejected with its line and field.
  lines.push(
    JSON.stringify({
      source: 'e2e-desk',
      externalId: 'E2E-BAD',
      status: 'solved',
      priority: 'extreme',
      provider: 'Baltic Contact',
      createdAt: '2025-02-01T10:00:00Z',
    }),
  );
  return {
    text: `${lines.join('\n')}\n`,
    tickets: 40,
    inHouse: inHouse.length,
    medianResolution: quantile(resolutions, 0.5),
    p90Resolution: quantile(resolutions, 0.9),
  };
}

const noHorizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ consoleErrors, acceptDownloads: true }));
});

afterAll(async () => {
  await endJourney({ browser, server });
});

const data = generate();

describe('insight journey', () => {
  it('signs in and finds the empty Overview pointing to the import', async () => {
    const nav = await signIn(page, server);
    expect(await nav.textContent()).toContain('Insight');
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Insight overview', level: 1 }).waitFor();
    await page.getByText('No tickets yet — import your help-desk history').waitFor();
    await shot('01-empty');
    await page.getByRole('link', { name: 'Import help-desk history' }).click();
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
  });

  it('takes a file over the JSON body limit: the browser streams it to the server, a job imports it', async () => {
    await page.getByLabel('Format').selectOption('canonical');
    await page.getByLabel(/^File/).setInputFiles({
      name: 'huge.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.alloc(1_100_000, 'x'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const run = page.getByTestId('import-run');
    await run.waitFor();
    expect(await run.getByRole('heading').first().textContent()).toContain('huge.ndjson');
    // Not JSON: the run ends (its one line rejected), and no ticket is loaded.
    await page
      .locator('[data-testid="run-status"]:not([data-status="running"])')
      .waitFor({ timeout: 60_000 });
  });

  it('uploads a canonical NDJSON file and follows it to the quality report', async () => {
    const sawProgress = await watchProgress(page);
    await page.getByLabel('Format').selectOption('canonical');
    await page.getByLabel(/^File/).setInputFiles({
      name: 'e2e-history.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(data.text),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const run = page.getByTestId('import-run');
    await run.waitFor();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await sawProgress()).toBe(true);
    expect(await run.getByRole('heading').first().textContent()).toContain('e2e-history.ndjson');
    expect(await page.getByTestId('tickets-upserted').textContent()).toBe(String(data.tickets));
    expect(await page.getByTestId('records-read').textContent()).toBe(String(data.tickets + 1));
    expect(await page.getByTestId('rows-rejected').textContent()).toBe('1');
    const quality = page.getByTestId('quality-report');
    await quality.waitFor();
    const flagged = quality.locator('tr[data-flag="solved_before_first_response"]');
    expect(await flagged.textContent()).toContain('Solved before the first response');
    expect(await flagged.locator('td').first().textContent()).toBe('1');
    const rejects = page.getByTestId('rejects');
    await rejects.waitFor();
    const reject = await rejects.locator('tbody tr').first().textContent();
    expect(reject).toContain('41');
    expect(reject).toContain('priority');
    expect(await page.getByTestId('import-runs').textContent()).toContain('e2e-history.ndjson');
    await shot('02-import-done');
  });

  it('shows the ticket count and the median resolution computed from the file', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    const tickets = page.getByTestId('kpi-tickets');
    await tickets.waitFor();
    expect(await tickets.getAttribute('data-value')).toBe(String(data.tickets));
    expect(await tickets.locator('.insight-kpi-value').textContent()).toBe(String(data.tickets));
    const resolution = page.getByTestId('kpi-resolution');
    expect(Number(await resolution.getAttribute('data-value'))).toBeCloseTo(data.medianResolution, 3);
    expect(await resolution.locator('.insight-kpi-value').textContent()).toBe(
      formatDuration('en-US', data.medianResolution),
    );
    expect(await resolution.textContent()).toContain(formatDuration('en-US', data.p90Resolution));
    // Vendor against in-house, and the period comparison, are there.
    const side = page.getByTestId('side-by-side');
    expect(await side.locator('td[data-kind="in_house"][data-metric="tickets"]').textContent()).toContain(
      String(data.inHouse),
    );
    expect(await side.locator('td[data-kind="vendor"][data-metric="tickets"]').textContent()).toContain(
      String(data.tickets - data.inHouse),
    );
    await page.getByTestId('period-compare').getByRole('table').waitFor();
    expect(
      await page
        .getByRole('img', { name: /Tickets created and solved, and the open backlog \(interval: Week\)/ })
        .count(),
    ).toBe(1);
    await shot('03-overview');
  });

  it('drills down from a provider bar to its tickets and exports them as CSV', async () => {
    // Bars are ordered by tickets: the first is the in-house provider.
    await page.getByTestId('provider-chart').locator('rect.insight-bar').first().click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('providerId')).toBeTruthy();
    const table = page.getByTestId('ticket-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(data.inHouse);
    expect(await page.getByRole('heading', { name: `Tickets shown: ${data.inHouse}` }).count()).toBe(1);
    await shot('04-drill-down');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Export CSV/ }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toContain('externalId');
    expect(csv).toHaveLength(data.inHouse + 1);
  });

  it('breaks KPIs down by topic and hour of the week, with a CSV of the table', async () => {
    await page.getByRole('link', { name: 'Breakdown' }).click();
    await page.getByRole('heading', { name: 'Breakdown', level: 1 }).waitFor();
    await page.getByLabel('Group by').selectOption('topic');
    const table = page.getByTestId('breakdown-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await table.textContent()).toContain('Billing');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toContain('resolution_median_s');
    expect(csv).toHaveLength(5);
    await shot('05-breakdown-topic');

    await page.getByLabel('Group by').selectOption('hour_of_week');
    const heatmap = page.getByRole('img', { name: /Tickets by Hour of the week/ });
    await heatmap.waitFor();
    const cell = heatmap.locator('rect.insight-clickable').first();
    const how = await cell.getAttribute('data-hour-of-week');
    await cell.click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('hourOfWeek')).toBe(how);
    await page.getByTestId('ticket-table').waitFor();
    await page.goBack();
    await heatmap.waitFor();
    await shot('06-breakdown-heatmap');
  });

  it('shows contact reasons and training needs', async () => {
    await page.getByRole('link', { name: 'Contact reasons' }).click();
    await page.getByRole('heading', { name: 'Contact reasons', level: 1 }).waitFor();
    // The heading renders before the data arrives; wait for the small multiples themselves.
    await page.locator('.insight-multiple-item').first().waitFor();
    await expect.poll(() => page.locator('.insight-multiple-item').count()).toBe(4);
    expect(await page.getByRole('img', { name: /Tickets about Refund over time/ }).count()).toBe(1);
    await page.getByTestId('training-needs').waitFor();
    await shot('07-topics');
  });

  it('holds up in Hebrew (right to left) and Turkish', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('kpi-tickets').waitFor();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('he');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'סקירת תובנות', level: 1 }).waitFor();
    expect(await noHorizontalOverflow()).toBeLessThanOrEqual(0);
    await shot('08-hebrew-overview');
    await page.getByRole('link', { name: 'פילוח' }).click();
    await page.getByRole('heading', { name: 'פילוח', level: 1 }).waitFor();
    await page.getByTestId('breakdown-table').waitFor();
    await shot('09-hebrew-breakdown');

    await page.getByRole('combobox', { name: 'שפה', exact: true }).selectOption('tr');
    await page.waitForFunction(() => document.documentElement.lang === 'tr');
    await page.getByRole('link', { name: 'Genel bakış' }).click();
    await page.getByRole('heading', { name: 'Analiz genel bakış', level: 1 }).waitFor();
    expect(await page.getByTestId('kpi-resolution').locator('.insight-kpi-value').textContent()).toBe(
      formatDuration('tr', data.medianResolution),
    );
    await shot('10-turkish-overview');
    await page.getByRole('link', { name: 'İçe aktarımlar' }).click();
    await page.getByRole('heading', { name: 'İçe aktarımlar', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'e2e-history.ndjson' }).click();
    await page.getByTestId('quality-report').waitFor();
    await shot('11-turkish-imports');
    await page.getByRole('combobox', { name: 'Dil', exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(consoleErrors).toEqual([]);
  });
});
