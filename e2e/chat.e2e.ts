// The chat journey (issue 10, must-show 1) in a real browser with two contexts: a customer opens the
// widget (one script tag on a shop's page, another origin) and writes in Turkish; the chat is routed
// to the Turkish team that is open now (the rule names a closed one first); the agent, signed in to
// the inbox, sees it arrive live and answers; the answer reaches the widget live; the customer ends
// the chat and rates it; Insight counts the rating. Screenshots land in e2e/artifacts/chat-*.png.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endJourney, screenshots, signIn, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
let shop: Server;
const consoleErrors: string[] = [];
const shot = screenshots('chat', () => page);

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ consoleErrors }));
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
  await endJourney({ browser, server });
});

/** A shop's page on its own origin carrying the widget's script tag, as a customer's site would. */
function startShop(widgetSrc: string, key: string): Promise<string> {
  const html = (
    lang: string,
  ) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Northwind Mağaza</title></head>
<body><h1>Northwind Mağaza</h1><p>Kış botları indirimde.</p>
<script src="${widgetSrc}" data-shoreline-key="${key}" async></script></body></html>`;
  shop = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The page's language is the widget's (`?lang=he` for a Hebrew page).
    res.end(html(new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? 'tr'));
  });
  return new Promise((resolve) =>
    shop.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(shop.address() as AddressInfo).port}/`)),
  );
}

describe('chat journey', () => {
  it('a Turkish chat from a shop page: routed to the open Turkish team, answered live, rated, counted', async () => {
    await signIn(page, server);
    const api = page.request;
    // Two Turkish chat teams: one open now (its hours are the current UTC hours), one closed (two
    // days ahead). The rule names the closed one first: follow the sun must skip it.
    const providers = (await (await api.get('/api/providers')).json()).items as {
      id: string;
      kind: string;
    }[];
    const inHouse = providers.find((p) => p.kind === 'in_house')!.id;
    const now = new Date();
    const h = now.getUTCHours();
    const openHours = [{ day: DAYS[now.getUTCDay()], open: hh(h), close: hh(Math.min(24, h + 2)) }];
    if (h >= 22) openHours.push({ day: DAYS[(now.getUTCDay() + 1) % 7], open: '00:00', close: '02:00' });
    const team = async (name: string, businessHours: unknown) => {
      const res = await api.post('/api/teams', {
        data: {
          providerId: inHouse,
          name,
          languages: ['tr'],
          channels: ['chat'],
          timeZone: 'UTC',
          businessHours,
        },
      });
      expect(res.status()).toBe(201);
      return (await res.json()).id as string;
    };
    const closedTeam = await team('İzmir Gece', [
      { day: DAYS[(now.getUTCDay() + 2) % 7], open: '10:00', close: '11:00' },
    ]);
    const openTeam = await team('Ankara Sohbet', openHours);
    const rules = await api.put('/api/routing/rules', {
      data: {
        rules: [
          {
            name: 'Turkish chat',
            conditions: { channels: ['chat'], languages: ['tr'] },
            teamIds: [closedTeam, openTeam],
          },
        ],
      },
    });
    expect(rules.status()).toBe(200);
    const widget = await (await api.post('/api/chat/widgets', { data: { name: 'Northwind Mağaza' } })).json();
    const shopUrl = await startShop(`${server.url}/widget.js`, widget.key);

    // The agent (Noa Levi, in-house) watches the inbox.
    const agentContext = await browser.newContext({
      baseURL: server.url,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const agent = await agentContext.newPage();
    agent.on('pageerror', (err) => consoleErrors.push(String(err)));
    await signIn(agent, { email: 'agent@northwind.example', password: server.demo.adminPassword });
    await agent.getByRole('link', { name: 'Inbox' }).first().click();
    await agent.getByRole('heading', { name: 'Inbox' }).waitFor();

    // The customer, on the shop's page, in Turkish.
    const customerContext = await browser.newContext({ locale: 'tr-TR', timezoneId: 'Europe/Istanbul' });
    const customer = await customerContext.newPage();
    customer.on('pageerror', (err) => consoleErrors.push(String(err)));
    await customer.goto(shopUrl);
    await customer.getByRole('button', { name: 'Bize yazın' }).click();
    const text = 'Merhaba, geçen hafta sipariş verdiğim botlar hâlâ gelmedi, kargom nerede acaba?';
    await customer.getByLabel('Size nasıl yardımcı olabiliriz?').fill(text);
    await customer.getByText('Dilinizi konuşan bir temsilci şu anda müsait.').waitFor();
    await customer.getByLabel('E-posta (isteğe bağlı)').fill('musteri@example.com');
    await customer.getByRole('button', { name: 'Sohbeti başlat' }).click();
    await customer.getByLabel('Bir mesaj yazın…').waitFor();
    await customer.getByRole('log').getByText(text).waitFor();
    await customer.screenshot({ path: 'e2e/artifacts/chat-01-customer-started.png' });

    // Routed to the Turkish team that is open now, by the rule, and given to the agent.
    const chatRow = agent.getByRole('link', { name: /geçen hafta sipariş verdiğim botlar/ });
    await chatRow.first().waitFor();
    const href = await chatRow.first().getAttribute('href');
    const ticketId = href!.split('/').pop()!;
    const decision = await (await api.get(`/api/routing/tickets/${ticketId}`)).json();
    expect(decision).toMatchObject({
      teamId: openTeam,
      ruleName: 'Turkish chat',
      open: true,
      language: 'tr',
    });
    const detail = await (await api.get(`/api/tickets/${ticketId}`)).json();
    expect(detail.ticket).toMatchObject({ channel: 'chat', language: 'tr', teamId: openTeam });

    // The agent answers from the ticket page; the widget shows it without a reload.
    await chatRow.first().click();
    await agent.getByRole('heading', { name: /geçen hafta sipariş verdiğim botlar/ }).waitFor();
    const answer = 'Merhaba! Kargonuz bugün dağıtıma çıktı, akşama kadar teslim edilecek.';
    // Typing, both ways: the customer sees the agent writing, the agent sees the customer.
    await agent.getByLabel('Message').fill(answer);
    await customer.getByText('Temsilci yazıyor…').waitFor();
    await customer.getByLabel('Bir mesaj yazın…').pressSequentially('Ç');
    await agent.getByText('The customer is typing…').waitFor();
    await customer.getByLabel('Bir mesaj yazın…').fill('');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await customer.getByRole('log').getByText(answer).waitFor();
    await customer.getByLabel('Bir mesaj yazın…').fill('Çok teşekkürler!');
    await customer.getByRole('button', { name: 'Gönder' }).click();
    await agent.getByText('Çok teşekkürler!').waitFor();
    await agent.screenshot({ path: 'e2e/artifacts/chat-02-agent-answered.png', fullPage: true });
    await customer.screenshot({ path: 'e2e/artifacts/chat-03-customer-answered.png' });

    // The customer ends the chat and rates it.
    await customer.getByRole('button', { name: 'Sohbeti bitir' }).click();
    await customer.getByText('Sohbet sona erdi. Nasıldık?').waitFor();
    await customer.getByRole('button', { name: '5 üzerinden 5 puan ver' }).click();
    await customer.getByLabel('Yorum (isteğe bağlı)').fill('Hızlı ve nazik.');
    await customer.getByRole('button', { name: 'Puanı gönder' }).click();
    await customer.getByText('Geri bildiriminiz için teşekkürler!').waitFor();
    await customer.screenshot({ path: 'e2e/artifacts/chat-04-rated.png' });

    // Insight counts it: the chat channel's live CSAT has this one rating (5 of 5 → 1.0).
    const kpis = await (await api.get('/api/insight/kpis?groupBy=channel&source=live')).json();
    const chat = kpis.rows.find((r: { key: string }) => r.key === 'chat');
    expect(chat).toMatchObject({ csatResponses: 1, csatMean: 1 });
    await page.goto('/insight');
    await shot('05-insight');
    // On a Hebrew page the widget speaks Hebrew, right to left.
    const hebrew = await customerContext.newPage();
    await hebrew.goto(`${shopUrl}?lang=he`);
    await hebrew.getByRole('button', { name: 'צ׳אט איתנו' }).click();
    const panel = hebrew.getByRole('dialog', { name: 'צ׳אט תמיכה' });
    await panel.waitFor();
    expect(await panel.getAttribute('dir')).toBe('rtl');
    await hebrew.screenshot({ path: 'e2e/artifacts/chat-06-hebrew.png' });
    await customerContext.close();
    await agentContext.close();
    expect(consoleErrors).toEqual([]);
  });
});
