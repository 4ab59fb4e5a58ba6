// A real-sized export through the browser (issue 14, items 16–17): a 50 MB canonical NDJSON file,
// the demo generator's year of tickets with their conversations, uploads in resumable chunks with a
// visible progress bar; the connection drops mid-way, the page is reloaded, the same file is chosen
// again, and the upload goes on from the bytes the server holds (no finished chunk is sent again),
// then imports every ticket once. Screenshots land in e2e/artifacts/upload-*.png (git-ignored).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoOperation } from '@shoreline/core';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'shoreline-e2e-upload-'));
const filePath = join(dir, 'helpdesk-export.ndjson');

const shot = (name: string) =>
  page.screenshot({ path: join(artifacts, `upload-${name}.png`), fullPage: true });

/** The demo operation's year as another desk's export (its own source, so every ticket is new). */
function writeExport(): { tickets: number; bytes: number } {
  const lines: string[] = [];
  for (const record of demoOperation({ end: new Date('2026-01-01T00:00:00Z'), messagesForLastDays: 365 }))
    lines.push(JSON.stringify({ ...record, source: 'e2e-export' }));
  const text = `${lines.join('\n')}\n`;
  writeFileSync(filePath, text);
  return { tickets: lines.length, bytes: Buffer.byteLength(text) };
}

/** Offsets of the chunk requests the page sends, in order. */
const chunkOffsets: number[] = [];
const chunkOf = (req: Request) => /\/api\/uploads\/([^/]+)\/chunks\/(\d+)$/.exec(req.url());

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ consoleErrors }));
  page.on('request', (req) => {
    const m = chunkOf(req);
    if (m && req.method() === 'PUT') chunkOffsets.push(Number(m[2]));
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = writeExport();

const chooseAndImport = async () => {
  await page.getByLabel('Format').selectOption('canonical');
  await page.getByLabel(/^File/).setInputFiles(filePath);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
};
const progress = () => page.getByTestId('upload-progress');
const sent = async () => Number(await progress().getAttribute('data-sent'));

describe('a 50 MB export through the browser', () => {
  it('is about 50 MB of the demo year', () => {
    expect(file.bytes).toBeGreaterThan(50_000_000);
    expect(file.tickets).toBeGreaterThan(40_000);
  });

  it('uploads with progress; the connection drops mid-way and the upload stops, saying so', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(server.demo.adminEmail);
    await page.getByLabel('Password').fill(server.demo.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.goto('/insight/imports');
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    await chooseAndImport();
    await progress().waitFor();
    expect(await progress().getAttribute('data-total')).toBe(String(file.bytes));
    // Wait for a few chunks to be stored and shown, then drop every chunk request.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="upload-progress"]')?.getAttribute('data-sent')) >= 12e6,
      undefined,
      { timeout: 120_000 },
    );
    await shot('01-sending');
    await page.route('**/api/uploads/*/chunks/*', (route) => route.abort('connectionreset'));
    await page.locator('[data-testid="upload-progress"][data-phase="stopped"]').waitFor({ timeout: 60_000 });
    expect(await progress().textContent()).toContain('choose the same file and press Import again');
    expect(await sent()).toBeGreaterThan(0);
    expect(await sent()).toBeLessThan(file.bytes);
    await shot('02-stopped');
  }, 240_000);

  it('after a reload, the same file resumes where the server stopped and imports every ticket once', async () => {
    await page.unroute('**/api/uploads/*/chunks/*');
    const before = chunkOffsets.length;
    // Where the server stands (the browser remembers the upload's id for this file).
    const held = await page.evaluate(async () => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('shoreline.upload:'));
      const id = key ? localStorage.getItem(key) : null;
      const res = await fetch(`/api/uploads/${id}`);
      return ((await res.json()) as { received: number }).received;
    });
    expect(held).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    await chooseAndImport();
    const run = page.getByTestId('import-run');
    await run.waitFor({ timeout: 240_000 });
    const resumed = chunkOffsets.slice(before);
    // The first chunk after the reload starts at the bytes the server held; none before it is sent.
    expect(resumed[0]).toBe(held);
    expect(Math.min(...resumed)).toBe(held);
    expect(new Set(resumed).size).toBe(resumed.length);
    await shot('03-importing');
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('records-read').textContent()).toBe(file.tickets.toLocaleString('en-US'));
    expect(await page.getByTestId('tickets-upserted').textContent()).toBe(
      file.tickets.toLocaleString('en-US'),
    );
    expect(await page.getByTestId('rows-rejected').textContent()).toBe('0');
    // No ticket twice: the export's tickets are exactly the file's, counted by the KPI table.
    const count = await page.evaluate(async () => {
      const res = await fetch('/api/insight/kpis?groupBy=source');
      return (await res.json()) as { rows: { key: string; tickets: number }[] };
    });
    expect(count.rows.find((r) => r.key === 'e2e-export')?.tickets).toBe(file.tickets);
    await shot('04-imported');
    expect(consoleErrors).toEqual([]);
  }, 600_000);
});
