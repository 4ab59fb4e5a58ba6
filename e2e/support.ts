// What every browser journey shares: the real server on in-memory PGlite with the demo data, and
// Debian's chromium driven by playwright-core (never a downloaded browser).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@shoreline/server/test-support/start-test-server';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const artifacts = join(root, 'e2e', 'artifacts');

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export interface Journey {
  server: TestServer;
  browser: Browser;
  page: Page;
}

/**
 * Starts the server and a browser page on it. JavaScript errors on the page are pushed to
 * `consoleErrors` (expected 4xx answers, which Chromium logs as failed loads, are left out).
 */
export async function startJourney(options: {
  consoleErrors: string[];
  acceptDownloads?: boolean;
  acceptDialogs?: boolean;
  /** Extra server settings (environment variable names). */
  env?: Record<string, string>;
  /** Seed the Desk's demo too (live tickets, macros, the agents' teams). */
  deskDemo?: boolean;
  /** Start the built-in SMTP server on a free loopback port (`server.smtpPort`). */
  smtp?: boolean;
}): Promise<Journey> {
  if (!existsSync(join(root, 'packages', 'web', 'dist', 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build -w @shoreline/web` (or `npm run e2e`).');
  }
  const server = await startTestServer(options.env, {
    deskDemo: options.deskDemo ?? false,
    smtp: options.smtp ?? false,
  });
  const { browser, page } = await openBrowser(server.url, options);
  return { server, browser, page };
}

/** Debian's chromium on a page whose relative URLs resolve against `baseURL`. */
export async function openBrowser(
  baseURL: string,
  options: { consoleErrors: string[]; acceptDownloads?: boolean; acceptDialogs?: boolean },
): Promise<{ browser: Browser; page: Page }> {
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      options.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => options.consoleErrors.push(String(err)));
  if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
  return { browser, page };
}

/** Notes whether a <progress> bar appears from now on (long work must show progress). */
export async function watchProgress(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('progress')) w.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress);
}

/** Signs in from the sign-in page (a test server's demo admin, or anyone) and waits for the main navigation. */
export async function signIn(
  page: Page,
  as: TestServer | { email: string; password: string },
): Promise<Locator> {
  const who = 'demo' in as ? { email: as.demo.adminEmail, password: as.demo.adminPassword } : as;
  await page.goto('/');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.waitFor();
  return nav;
}

/** A CSV file as a file input takes it (`setInputFiles`): its name and its text. */
export function csvFile(name: string, text: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) };
}

/** Full-page screenshots of a journey, named `<journey>-<step>.png` in e2e/artifacts. */
export function screenshots(journey: string, page: () => Page): (step: string) => Promise<Buffer> {
  return (step) => page().screenshot({ path: join(artifacts, `${journey}-${step}.png`), fullPage: true });
}

/** A journey's server, browser and page (set once beforeAll has run), its console errors and shot(step). */
export interface JourneyHandle extends Journey {
  consoleErrors: string[];
  shot(step: string): Promise<Buffer>;
}

/**
 * Declares a journey file's setup: starts the server and the browser before its tests (startJourney)
 * and closes them after (endJourney); the page's console errors gather in `consoleErrors` and
 * `shot(step)` saves a screenshot named after the journey. Call at the top of the file.
 */
export function journey(
  name: string,
  options: Omit<Parameters<typeof startJourney>[0], 'consoleErrors'> = {},
): JourneyHandle {
  const j = { consoleErrors: [] as string[] } as JourneyHandle;
  j.shot = screenshots(name, () => j.page);
  beforeAll(async () => {
    Object.assign(j, await startJourney({ ...options, consoleErrors: j.consoleErrors }));
  });
  afterAll(() => endJourney(j));
  return j;
}

/** Closes what startJourney opened (either may be missing when the start failed). */
export async function endJourney(j: { browser?: Browser; server?: TestServer }): Promise<void> {
  await j.browser?.close();
  await j.server?.close();
}
