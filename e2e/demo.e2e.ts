// A newcomer's first start, in a real browser: `shoreline serve --demo` on a new embedded database
// (a real process, as `npm start` runs it), the demo sign-in, and Insight showing the generated year
// of the demo operation for the admin (three providers) and for a vendor agent (their provider only),
// in English and Turkish. Screenshots land in e2e/artifacts/demo-*.png.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, openBrowser, root, signIn } from './support';

let server: ChildProcess;
let browser: Browser;
let page: Page;
let baseUrl: string;
const dataDir = mkdtempSync(join(tmpdir(), 'shoreline-e2e-demo-'));
const consoleErrors: string[] = [];
const output: string[] = [];

/** Resolves with the first line of the server's output that matches, or rejects after `ms`. */
function waitForLine(pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line ${pattern} in: ${output.join('')}`)), ms);
    const check = () => {
      const line = output
        .join('')
        .split('\n')
        .find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      } else setTimeout(check, 100);
    };
    check();
  });
}

const signInAs = (email: string) => signIn(page, { email, password: 'shoreline-demo' });

async function apiTickets(): Promise<number> {
  const res = await page.request.get('/api/insight/kpis?groupBy=none');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { rows: { tickets: number }[] };
  return body.rows[0]?.tickets ?? 0;
}

describe('a first start shows a living demo', () => {
  beforeAll(async () => {
    const port = 41_000 + (process.pid % 9000);
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SHORELINE_DATA_DIR: dataDir };
    env.SHORELINE_SMTP_PORT = '0'; // any free port: CI may run beside another demo on 2525
    delete env.DATABASE_URL;
    server = spawn(process.execPath, [join(root, 'packages/server/dist/cli/main.js'), 'serve', '--demo'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    server.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    await waitForLine(/Shoreline is running at/, 60_000);
    ({ browser, page } = await openBrowser(baseUrl, { consoleErrors }));
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo sign-in and generates the year in the background', async () => {
    expect(output.join('')).toContain('demo sign-in: admin@northwind.example / shoreline-demo');
    const line = await waitForLine(/^demo year: [\d,]+ tickets/, 110_000);
    const tickets = Number(line.match(/demo year: ([\d,]+)/)![1]!.replaceAll(',', ''));
    expect(tickets).toBeGreaterThan(45_000);
  });

  it('shows the admin the whole year on the Overview, three providers side by side', async () => {
    await signInAs('admin@northwind.example');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Insight overview', level: 1 }).waitFor();
    const total = await apiTickets();
    expect(total).toBeGreaterThan(45_000);
    const tile = page.getByTestId('kpi-tickets');
    await tile.waitFor();
    expect(Number(await tile.getAttribute('data-value'))).toBe(total);
    const providers = page.getByTestId('provider-table');
    await providers.waitFor();
    const text = await providers.textContent();
    for (const name of ['Northwind in-house', 'Baltic Contact', 'Manila CX']) expect(text).toContain(name);
    await page.screenshot({ path: join(artifacts, 'demo-overview-en.png'), fullPage: true });
  });

  it('reads the same Overview in Turkish', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('tr');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(await page.getByRole('heading', { name: 'Insight overview', level: 1 }).count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'demo-overview-tr.png'), fullPage: true });
    await page.getByRole('combobox').first().selectOption('en');
  });

  it('shows a vendor agent only their provider’s share of the year', async () => {
    const everyone = await apiTickets();
    await page.context().clearCookies();
    await signInAs('agent@manilacx.example');
    const own = await apiTickets();
    expect(own).toBeGreaterThan(5_000);
    expect(own).toBeLessThan(everyone);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Overview' })
      .click();
    const tile = page.getByTestId('kpi-tickets');
    await tile.waitFor();
    expect(Number(await tile.getAttribute('data-value'))).toBe(own);
    const providers = await page.getByTestId('provider-table').textContent();
    expect(providers).toContain('Manila CX');
    expect(providers).not.toContain('Baltic Contact');
    expect(providers).not.toContain('Northwind in-house');
  });

  it('raised no script error on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
