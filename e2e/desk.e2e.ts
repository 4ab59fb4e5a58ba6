// The Desk journey in two real browsers: an in-house agent (Noa Levi) and a vendor agent (Jose
// Santos, Manila CX) sign in side by side. Each sees only their own queue; both open the same
// ticket and each is warned of the other; the vendor agent escalates it with a reason, and it
// arrives in the in-house agent's inbox live, without a reload; keyboard shortcuts drive both.
// Then e-mail (issue 9, "what it must show" item 4): a customer writes to the demo mailbox over
// loopback SMTP (nodemailer), the mail becomes a ticket, the agent answers in the browser, the answer
// leaves through the relay (a capturing SMTP server here) with the threading headers, and the
// customer's reply to it, sent by SMTP, appears on the agent's open ticket page without a reload.
import { join } from 'node:path';
import { DEMO_MAILBOX, DEMO_PASSWORD, DEMO_USERS } from '@shoreline/server/demo/seed';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let inHouse: Page;
let vendor: Page;
const consoleErrors: string[] = [];
/** What the server handed to its relay: each message's raw text. */
const relayed: string[] = [];
let relay: SMTPServer;
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

/** A relay on a free loopback port that keeps what it is given (no TLS, no auth: loopback only). */
async function startRelay(): Promise<number> {
  relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        relayed.push(Buffer.concat(chunks).toString('utf8'));
        done();
      });
    },
  });
  return new Promise((resolve) => {
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** One header's value from a raw message (unfolded). */
const header = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
    .exec(raw)?.[1]
    ?.replace(/\r?\n[ \t]+/g, ' ')
    .trim();

beforeAll(async () => {
  const relayPort = await startRelay();
  ({
    server,
    browser,
    page: inHouse,
  } = await startJourney({
    consoleErrors,
    deskDemo: true,
    smtp: true,
    env: { SHORELINE_SMTP_RELAY_URL: `smtp://127.0.0.1:${relayPort}` },
  }));
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
  await new Promise<void>((done) => (relay ? relay.close(() => done()) : done()));
});

describe('desk journey', () => {
  it('shows each agent their own queue', async () => {
    await signIn(inHouse, DEMO_USERS.agent);
    await signIn(vendor, DEMO_USERS.vendorAgent);
    for (const page of [inHouse, vendor]) {
      await page.locator('[data-view="team"]').click();
      await rows(page).first().waitFor();
    }
    // Polled: a live refresh may re-read the list between the first row and the reading.
    await expect
      .poll(() => subjects(inHouse))
      .toEqual(['Faturamı göremiyorum', 'Kétszer terheltek meg', 'לא קיבלתי את ההזמנה']);
    await expect
      .poll(() => subjects(vendor))
      .toEqual(['Parcel arrived damaged', 'Refund for returned boots', 'Where is my order?']);
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

  it('turns a customer e-mail into a ticket, mails the answer, and shows the reply live', async () => {
    const customer = nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const first = await customer.sendMail({
      from: '"Maya Cohen" <maya@example.net>',
      to: DEMO_MAILBOX,
      subject: 'Espresso machine leaks',
      text: 'Water drips from the bottom of my espresso machine.',
      messageId: '<first-leak@example.net>',
    });
    expect(first.response).toMatch(/^250/);
    // The parse job makes it a ticket in Istanbul Care's queue, which the inbox shows live.
    await inHouse.goto('/desk?view=team');
    await inHouse.getByRole('link', { name: 'Espresso machine leaks' }).click();
    await inHouse.getByRole('heading', { name: 'Espresso machine leaks' }).waitFor();
    await inHouse
      .locator('.desk-message-customer')
      .getByText('Water drips from the bottom of my espresso machine.')
      .waitFor();
    await inHouse.evaluate(() => {
      (window as unknown as { stillOnTicket: boolean }).stillOnTicket = true;
    });
    await inHouse.getByLabel('Message').fill('Please send us a photo of the leak.');
    await inHouse.getByRole('button', { name: 'Send reply' }).click();
    await inHouse.locator('.desk-message-agent').getByText('Please send us a photo of the leak.').waitFor();

    // The send job hands the answer to the relay, threaded on the customer's message.
    // (The macro answer to John Reyes above went out the same way: the demo tickets are e-mail too.)
    const toMaya = () => relayed.find((raw) => header(raw, 'To')?.includes('maya@example.net'));
    await expect.poll(toMaya, { timeout: 15_000 }).toBeDefined();
    const answer = toMaya() ?? '';
    expect(header(answer, 'In-Reply-To')).toBe('<first-leak@example.net>');
    expect(header(answer, 'References')).toContain('<first-leak@example.net>');
    expect(answer).toContain('Please send us a photo of the leak.');
    const answerId = header(answer, 'Message-ID') ?? '';
    expect(answerId).toMatch(/^<.+@northwind\.example>$/);

    // The customer answers that e-mail (In-Reply-To its Message-ID, a subject of their own).
    await customer.sendMail({
      from: '"Maya Cohen" <maya@example.net>',
      to: DEMO_MAILBOX,
      subject: 'Photo',
      text: 'Here it is: the seal under the tank is cracked.',
      inReplyTo: answerId,
      references: [answerId],
    });
    customer.close();
    await inHouse
      .locator('.desk-message-customer')
      .getByText('Here it is: the seal under the tank is cracked.')
      .waitFor();
    expect(
      await inHouse.evaluate(() => (window as unknown as { stillOnTicket?: boolean }).stillOnTicket),
    ).toBe(true);
    await shot(inHouse, 'mail-reply-live');
    expect(consoleErrors).toEqual([]);
  });
});
