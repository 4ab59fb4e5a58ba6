import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, endJourney, screenshots, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
let invitePath = '';
const consoleErrors: string[] = [];

const shot = screenshots('foundation', () => page);

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ consoleErrors, acceptDialogs: true }));
});

afterAll(async () => {
  await endJourney({ browser, server });
});

describe('foundation journey', () => {
  it('signs in as the demo admin', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(server.demo.adminEmail);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not correct');
    await shot('01-sign-in-error');

    await page.getByLabel('Password').fill(server.demo.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(await page.locator('.org-name').textContent()).toBe('Northwind Outfitters');
    await shot('02-home');
  });

  it('creates a nearshore vendor, showing server validation errors next to the fields', async () => {
    await page.getByRole('link', { name: 'Providers' }).first().click();
    await page.getByRole('heading', { name: 'Providers' }).waitFor();
    await page.getByRole('link', { name: 'New provider' }).click();

    // Submitting empty: the server's problem+json names the fields, shown beside them.
    await page.getByRole('button', { name: 'Create' }).click();
    const name = page.getByLabel('Name', { exact: false }).first();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByLabel('Shore').getAttribute('aria-invalid')).toBe('true');
    await shot('03-provider-errors');

    await name.fill('Andes Contact');
    await page.getByLabel('Vendor').check();
    await page.getByLabel('Shore').selectOption('nearshore');
    const countries = page.getByLabel('Countries');
    await countries.fill('CO');
    await countries.press('Enter');
    await countries.fill('mx');
    await countries.press('Enter');
    const languages = page.getByLabel('Languages');
    await languages.fill('es');
    await languages.press('Enter');
    await languages.fill('en');
    await languages.press('Enter');
    await page.getByText('Colombia').waitFor();
    await shot('04-provider-form');
    await page.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('status').filter({ hasText: 'Andes Contact' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Andes Contact' });
    expect(await row.textContent()).toContain('Nearshore');
    expect(await row.textContent()).toContain('Mexico');
    await shot('05-providers');

    // Edit: add a country; kind stays fixed.
    await page.getByRole('link', { name: 'Andes Contact' }).click();
    expect(await page.getByLabel('In house').isDisabled()).toBe(true);
    await page.getByLabel('Countries').fill('PE');
    await page.getByLabel('Countries').press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Andes Contact' }).waitFor();
    expect(await row.textContent()).toContain('Peru');
  });

  it('creates a team for the new vendor', async () => {
    await page.getByRole('link', { name: 'Teams' }).first().click();
    await page.getByRole('link', { name: 'New team' }).click();
    await page.getByLabel('Provider').selectOption({ label: 'Andes Contact' });
    await page.getByLabel('Name', { exact: false }).first().fill('Bogotá Spanish chat');
    await page.getByLabel('Site').fill('Bogotá 2');
    const languages = page.getByLabel('Languages');
    await languages.fill('es-CO');
    await languages.press('Enter');
    await page.getByLabel('Chat').check();
    await page.getByLabel('Time zone').fill('America/Bogota');
    await page.getByLabel('Open on Saturday').check();
    await page.getByLabel('Saturday: Closes').fill('13:00');
    await shot('06-team-form');
    await page.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('status').filter({ hasText: 'Bogotá Spanish chat' }).waitFor();
    await page.getByLabel('Show teams of').selectOption({ label: 'Andes Contact' });
    const row = page.getByRole('row').filter({ hasText: 'Bogotá Spanish chat' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('America/Bogota');
    expect(text).toContain('Email');
    expect(text).toContain('Chat');
    expect(text).toContain('Sat 09:00–13:00');
    await shot('07-teams');
  });

  it('invites a vendor agent and shows the one-time link', async () => {
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'Invite user' }).click();
    const form = page.getByRole('form', { name: 'Invite a user' });
    await form.getByLabel('Email').fill('ana@andes.example');
    await form.getByLabel('Name').fill('Ana Restrepo');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Provider').selectOption({ label: 'Andes Contact' });
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const link = page.getByRole('textbox', { name: 'Invitation link for ana@andes.example' });
    invitePath = new URL(await link.inputValue()).pathname;
    expect(invitePath).toMatch(/^\/invite\/./);
    const row = page.getByRole('row').filter({ hasText: 'ana@andes.example' });
    expect(await row.textContent()).toContain('Invited');
    await shot('08-users-invited');
  });

  it('lets the invited vendor agent set a password and see only their provider', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', timezoneId: 'UTC' });
    const agent = await context.newPage();
    try {
      await agent.goto(invitePath);
      await agent.getByLabel('New password').fill('andes-agent-pass');
      await agent.getByLabel('Confirm password').fill('andes-agent-pass');
      await agent.getByRole('button', { name: 'Set password and sign in' }).click();
      await agent.getByRole('heading', { name: 'Welcome, Ana Restrepo' }).waitFor();
      // Agents read; Users is for admins and supervisors.
      const nav = agent.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Providers' }).click();
      await agent.getByRole('row').filter({ hasText: 'Andes Contact' }).waitFor();
      expect(await agent.getByRole('row').count()).toBe(2); // header + their own provider
      expect(await agent.getByRole('link', { name: 'New provider' }).count()).toBe(0);
      await agent.screenshot({ path: join(artifacts, 'foundation-08b-vendor-agent.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('creates an API token, shown once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).first().click();
    await page.getByLabel('Token name').fill('Nightly export');
    await page.getByLabel('Access').selectOption('kpi:read');
    await page.getByLabel('Expires after').selectOption('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByRole('textbox', { name: 'New token “Nightly export”' });
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    await shot('09-token-created');
    const row = page.getByRole('row').filter({ hasText: 'Nightly export' });
    expect(await row.textContent()).toContain('Read KPIs and reports');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('switches to Hebrew, right to left, and keeps it after a reload', async () => {
    await page.getByRole('link', { name: 'Providers' }).first().click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('he');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('he');
    await page.getByRole('heading', { name: 'ספקי שירות' }).waitFor();
    const andes = page.getByRole('row').filter({ hasText: 'Andes Contact' });
    expect(await andes.textContent()).toContain('מדינה קרובה (nearshore)');
    // The navigation sits on the right in RTL.
    const nav = await page.getByRole('navigation', { name: 'ניווט ראשי' }).boundingBox();
    expect(nav && nav.x > 640).toBe(true);
    await shot('10-hebrew-providers');

    // Saved to the profile: a fresh load comes back in Hebrew.
    await page.reload();
    await page.getByRole('heading', { name: 'ספקי שירות' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('link', { name: 'צוותים' }).click();
    await page.getByRole('heading', { name: 'צוותים' }).waitFor();
    await shot('11-hebrew-teams');
  });

  it('switches to Turkish', async () => {
    await page.getByRole('combobox', { name: 'שפה' }).selectOption('tr');
    await page.waitForFunction(() => document.documentElement.lang === 'tr');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('heading', { name: 'Ekipler' }).waitFor();
    await page.getByRole('link', { name: 'Hizmet sağlayıcılar' }).waitFor();
    await shot('12-turkish-teams');
    await page.getByRole('link', { name: 'Yeni ekip' }).click();
    await page.getByRole('heading', { name: 'Yeni ekip' }).waitFor();
    await shot('13-turkish-team-form');
  });

  it('fits a phone screen, in Hebrew too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Ekipler' }).click();
    await page.getByRole('heading', { name: 'Ekipler' }).waitFor();
    await shot('14-turkish-phone');
    await page.getByRole('combobox', { name: 'Dil' }).selectOption('he');
    await page.getByRole('heading', { name: 'צוותים' }).waitFor();
    await shot('15-hebrew-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('signs out everywhere', async () => {
    await page.getByRole('link', { name: 'Ayşe Demir' }).click();
    await page.getByRole('button', { name: 'התנתקות מכל המכשירים' }).click();
    await page.getByRole('heading', { name: 'כניסה ל־Shoreline' }).waitFor();
    await shot('16-signed-out');
    await page.reload();
    await page.getByRole('heading', { name: 'כניסה ל־Shoreline' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
