// The Desk journey in two real browsers: an in-house agent (Noa Levi) and a vendor agent (Jose
// Santos, Manila CX) sign in side by side. Each sees only their own queue; both open the same
// ticket and each is warned of the other; the vendor agent escalates it with a reason, and it
// arrives in the in-house agent's inbox live, without a reload; keyboard shortcuts drive both.
//
// TODO(after merging with mailin): the customer's reply arrives by SMTP (a real SMTP client to the
// server's loopback port) and appears live on the in-house agent's ticket page, as issue 9's
// "what it must show" item 4 asks. The SMTP server is mailin's; this file then gains that step
// after the escalation.
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '@shoreline/server/demo/seed';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let inHouse: Page;
let vendor: Page;
const consoleErrors: string[] = [];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `desk-${name}.png`), fullPage: true });

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

const rows = (page: Page) => page.getByTestId('desk-tickets').locator('tbody tr');
const subjects = async (page: Page) => (await rows(page).locator('th').allInnerTexts()).map((s) => s.trim());

beforeAll(async () => {
  ({ server, browser, page: inHouse } = await startJourney({ consoleErrors, deskDemo: true }));
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
  });
  vendor = await context.newPage();
  vendor.on('pageerror', (err) => consoleErrors.push(String(err)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('desk journey', () => {
  it('shows each agent their own queue', async () => {
    await signIn(inHouse, DEMO_USERS.agent);
    await signIn(vendor, DEMO_USERS.vendorAgent);
    for (const page of [inHouse, vendor]) {
      await page.locator('[data-view="team"]').click();
      await rows(page).first().waitFor();
    }
    const inHouseQueue = await subjects(inHouse);
    const vendorQueue = await subjects(vendor);
    expect(inHouseQueue).toEqual(['Faturamı göremiyorum', 'Kétszer terheltek meg', 'לא קיבלתי את ההזמנה']);
    expect(vendorQueue).toEqual([
      'Parcel arrived damaged',
      'Refund for returned boots',
      'Where is my order?',
    ]);
    // The vendor's agent finds nothing of the in-house side, even by search.
    await vendor.getByLabel('Search tickets').fill('Faturamı');
    await vendor.getByRole('button', { name: 'Search', exact: true }).click();
    await vendor.getByText('No ticket matches.').waitFor();
    await vendor.getByRole('button', { name: 'Clear search' }).click();
    await vendor.locator('[data-view="team"]').click();
    await rows(vendor).first().waitFor();
    await shot(vendor, 'vendor-queue');
  });

  it('moves with j/k and opens with Enter; both agents on one ticket are warned of each other', async () => {
    await vendor.keyboard.press('j');
    await expect.poll(() => rows(vendor).nth(1).getAttribute('aria-selected')).toBe('true');
    await vendor.keyboard.press('Enter');
    await vendor.getByRole('heading', { name: 'Refund for returned boots' }).waitFor();
    const ticketPath = new URL(vendor.url()).pathname;
    // In-house staff may open any ticket of the organization.
    await inHouse.goto(ticketPath);
    await inHouse.getByRole('heading', { name: 'Refund for returned boots' }).waitFor();
    await vendor.getByTestId('collision').getByText('Noa Levi also has this ticket open.').waitFor();
    await inHouse.getByTestId('collision').getByText('Jose Santos also has this ticket open.').waitFor();
    // r focuses the reply: the other agent is told a reply is being written.
    await vendor.keyboard.press('r');
    await vendor.keyboard.type('Checking with our finance team.');
    await inHouse
      .getByTestId('collision')
      .getByText('Jose Santos is replying to this ticket right now.')
      .waitFor();
    await vendor.getByLabel('Internal note').check();
    await vendor.getByRole('button', { name: 'Add note' }).click();
    await vendor.locator('.desk-message-note').getByText('Checking with our finance team.').waitFor();
    await shot(vendor, 'collision');
    await inHouse.keyboard.press('Escape');
    await inHouse.getByRole('heading', { name: 'Inbox' }).waitFor();
  });

  it('escalates from the vendor to the in-house team, which sees it arrive live', async () => {
    await inHouse.locator('[data-view="team"]').click();
    await rows(inHouse).first().waitFor();
    expect(await subjects(inHouse)).not.toContain('Refund for returned boots');
    // A marker that a reload would wipe.
    await inHouse.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await vendor.getByLabel('Reason for escalation').fill('Refund above my authority');
    await vendor.getByRole('button', { name: 'Escalate to in-house' }).click();
    await vendor.getByText('This ticket is no longer within your reach').waitFor();

    await inHouse.getByRole('link', { name: 'Refund for returned boots' }).waitFor();
    expect(await inHouse.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await inHouse.getByTestId('count-team').innerText()).toBe('4');
    await shot(inHouse, 'arrived');
    await inHouse.getByRole('link', { name: 'Refund for returned boots' }).click();
    await inHouse
      .getByTestId('history')
      .getByText('Handed to Budapest Billing: Refund above my authority')
      .waitFor();
    // The vendor's agent no longer has it in any queue.
    await vendor.goto('/desk?view=team');
    await rows(vendor).first().waitFor();
    expect(await subjects(vendor)).toEqual(['Parcel arrived damaged', 'Where is my order?']);
    // The in-house agent answers with a macro in the ticket's language, filled in.
    await inHouse.getByTestId('macro-picker').selectOption({ label: 'Refund on its way' });
    await expect.poll(() => inHouse.getByLabel('Message').inputValue()).toContain('Hello John Reyes,');
    expect(await inHouse.getByLabel('Message').inputValue()).toContain('Noa Levi');
    await inHouse.getByRole('button', { name: 'Send reply' }).click();
    await inHouse
      .locator('.desk-message-agent')
      .getByText(/the refund for .* is on its way/)
      .waitFor();
    await expect.poll(() => inHouse.getByLabel('Status').inputValue()).toBe('solved');
    expect(consoleErrors).toEqual([]);
  });
});
