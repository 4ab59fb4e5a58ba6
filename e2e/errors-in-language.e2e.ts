// Hardening #14 item 19 and "What it must show": every error a new user meets is in the chosen
// language and names its field — here in Turkish: an empty New-team form, a duplicate invitation and
// a file imported in the wrong format. Field messages clear as soon as the field is fixed.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tr from '../packages/web/src/i18n/locales/tr.json';
import { artifacts, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const shot = (name: string) =>
  page.screenshot({ path: join(artifacts, `errors-tr-${name}.png`), fullPage: true });

/** English a Turkish page must never show: zod's words, the server's problem texts, temp paths. */
const ENGLISH =
  /Too small|expected string|already exists|is required|no ticket was loaded|rejected\)|\/tmp\//i;

/** Imports a file in a format from the Imports page, waiting until its run ends as `status`. */
async function importFile(
  format: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  status: 'done' | 'failed',
) {
  await page.goto('/insight/imports');
  const upload = page.locator('form.insight-upload');
  await upload.locator('select').first().selectOption(format);
  await upload.locator('input[type="file"]').first().setInputFiles(file);
  await upload.locator('button[type="submit"]').click();
  await page.locator(`[data-testid="run-status"][data-status="${status}"]`).waitFor({ timeout: 60_000 });
}

/** The message shown for a field: the element its input's aria-describedby names as the error. */
const fieldError = (name: string) =>
  page
    .locator(`form [name="${name}"]`)
    .first()
    .evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/);
      const error = ids
        .map((id) => document.getElementById(id))
        .find((e) => e?.className.includes('field-error'));
      return error?.textContent ?? null;
    });

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ consoleErrors }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new user’s errors, in Turkish', () => {
  it('signs in in Turkish', async () => {
    await page.goto('/');
    await page.locator('input[type="email"]').fill(server.demo.adminEmail);
    await page.locator('input[type="password"]').fill(server.demo.adminPassword);
    await page.locator('form button[type="submit"]').click();
    await page.locator('nav').first().waitFor();
    // The account's language wins over the device's after sign-in: choose Turkish as a user would.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('tr');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('tr');
  });

  it('an empty New-team form names its fields in Turkish, and a fixed field loses its message', async () => {
    await page.goto('/admin/teams/new');
    await page.locator('form [name="name"]').waitFor();
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => fieldError('name')).toBe(tr.errors.field.required);
    const form = (await page.locator('form').first().textContent()) ?? '';
    expect(form).not.toMatch(ENGLISH);
    await shot('01-empty-team');
    await page.locator('form [name="name"]').fill('Gece ekibi');
    await expect.poll(() => fieldError('name')).toBeNull();
  });

  it('a duplicate invitation says, in Turkish, that the e-mail address is taken', async () => {
    await page.goto('/admin/users');
    await page.getByRole('button', { name: tr.users.invite, exact: true }).click();
    const form = page.getByRole('form', { name: tr.users.inviteTitle });
    await form.locator('[name="email"]').fill(server.demo.adminEmail);
    await form.locator('[name="name"]').fill('İkinci Yönetici');
    await form.getByRole('button', { name: tr.users.sendInvite }).click();
    await expect.poll(() => fieldError('email')).toBe(tr.errors.conflict);
    expect((await form.textContent()) ?? '').not.toMatch(ENGLISH);
    await shot('02-duplicate-invite');
    await form.locator('[name="email"]').fill('yeni@northwind.example');
    await expect.poll(() => fieldError('email')).toBeNull();
  });

  it('a CSV imported as Zendesk JSON fails in Turkish and suggests the generic CSV format', async () => {
    await importFile(
      'zendesk',
      {
        name: 'destek.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Ticket ID,Subject,Requester\n1,Parola,a@b.example\n2,Fatura,c@d.example\n'),
      },
      'failed',
    );
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('nothing_loaded');
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Hiç talep yüklenmedi: 2 satır reddedildi.');
    expect(text).toContain(tr.insight.imports.formats.csv);
    expect(text).not.toMatch(ENGLISH);
    const card = (await page.getByTestId('import-run').textContent()) ?? '';
    expect(card).not.toContain(tr.insight.imports.qualityClean);
    expect(await page.getByTestId('run-status').textContent()).toBe(tr.insight.imports.statuses.failed);
    await shot('03-wrong-format');
  });

  it('says, in Turkish, which tickets a trend leaves out, and opens a ticket with its conversation', async () => {
    const line = (o: object) => JSON.stringify(o);
    const ndjson = [
      line({
        externalId: 'T-1',
        subject: 'Parola sıfırlama',
        topic: 'Kategori 7',
        createdAt: '2025-03-03T09:00:00Z',
        status: 'solved',
        messages: [
          {
            externalId: 'm1',
            authorType: 'customer',
            body: 'Parolamı unuttum.',
            createdAt: '2025-03-03T09:00:00Z',
          },
          {
            externalId: 'm2',
            authorType: 'agent',
            body: 'Bağlantı gönderildi.',
            createdAt: '2025-03-03T09:20:00Z',
          },
        ],
      }),
      line({ externalId: 'T-2', subject: 'Fatura', topic: 'Kategori 13', createdAt: '2025-03-04T10:00:00Z' }),
      line({ externalId: 'T-3', subject: 'Tarihsiz', topic: 'Kategori 7' }),
    ].join('\n');
    await importFile(
      'canonical',
      { name: 'kanonik.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) },
      'done',
    );

    await page.goto('/insight/topics');
    const note = page.getByTestId('left-out');
    await note.waitFor();
    expect(await note.textContent()).toBe('1 talep dışarıda bırakıldı: oluşturulma zamanı yok.');

    await page.goto('/insight/breakdown/tickets');
    await page.getByRole('link', { name: 'T-1' }).click();
    const messages = page.getByTestId('ticket-messages');
    await messages.waitFor();
    expect(await messages.getByRole('heading').first().textContent()).toBe(tr.insight.ticket.conversation);
    expect(await messages.locator('li').count()).toBe(2);
    expect(await messages.textContent()).toContain('Bağlantı gönderildi.');
    await page.getByTestId('ticket-history').waitFor();
    await shot('04-ticket');
  });

  it('shows every column of the wide tables at 1366 px, without a sideways scroll', async () => {
    // A live ticket has no number: the drill-down names it by its id, a 30-character code that,
    // kept on one line, pushed the last column out of view (1097 px of table in 1040).
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'Faturamı göremiyorum', channel: 'email', language: 'tr' }),
      });
      return res.status;
    });
    expect(status).toBe(201);
    await page.setViewportSize({ width: 1366, height: 768 });
    const overflowing = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('.table-wrap, .kit-table-wrap'))
          .filter((w) => w.scrollWidth > w.clientWidth + 1)
          .map(
            (w) => `${w.querySelector('caption')?.textContent ?? '?'}: ${w.scrollWidth} > ${w.clientWidth}`,
          ),
      );
    for (const path of ['/insight/breakdown?groupBy=topic', '/insight/breakdown/tickets']) {
      await page.goto(path);
      await page.locator('table').first().waitFor();
      expect(await overflowing(), path).toEqual([]);
    }
    await shot('05-1366');
    // Hungarian has the longest header words ("munkaidőben,", "Ügyfél-elégedettség"): they set the
    // columns' widths and pushed the last one out of view before headers could break.
    await page.locator('select:has(option[value="hu"])').first().selectOption('hu');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('hu');
    for (const path of ['/insight/breakdown?groupBy=topic', '/insight/breakdown?groupBy=provider']) {
      await page.goto(path);
      await page.locator('table').first().waitFor();
      expect(await overflowing(), `hu ${path}`).toEqual([]);
    }
    await shot('06-1366-hu');
  });

  it('raised no script error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
