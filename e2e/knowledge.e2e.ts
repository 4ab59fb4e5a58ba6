// The knowledge journey (issue 13, must-show 1) in a real browser: an admin writes an article in
// English, Turkish and Hebrew on the Knowledge base page and publishes each; a visitor finds it on
// the public help center by searching in Turkish with a typo and marks it helpful; the Hebrew help
// center renders right to left; a second visitor reads it and then contacts support, and the agent
// sees on the ticket which article was read; a third visitor reads it and opens a chat from "still
// need help?" (the widget loaded on demand), and the agent sees on the chat's ticket which articles
// were read and what was searched. Screenshots land in e2e/artifacts/knowledge-*.png.
import { describe, expect, it } from 'vitest';
import { journey, signIn } from './support';

const j = journey('knowledge');
const { consoleErrors, shot } = j;

async function writeAndPublish(language: string, title: string, body: string) {
  await j.page.locator('input[name="language"]').fill(language);
  await j.page.locator('input[name="title"]').fill(title);
  await j.page.getByLabel('Text (Markdown)').fill(body);
  await j.page.getByRole('button', { name: 'Save draft' }).click();
  await j.page.getByRole('button', { name: 'Publish' }).click();
  await j.page
    .getByText(new RegExp(`${language} · published`))
    .first()
    .waitFor();
}

describe('knowledge journey', () => {
  it('writes, publishes, finds with a Turkish typo, renders Hebrew right to left, and tells the agent what was read', async () => {
    await signIn(j.page, j.server);
    await j.page.getByRole('link', { name: 'Knowledge base' }).first().click();
    await j.page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    await j.page.getByRole('button', { name: 'New article' }).click();
    await j.page.locator('input[name="slug"]').fill('reset-password');
    await writeAndPublish('en', 'I forgot my password', 'Open **Settings** and choose *Reset password*.');
    await writeAndPublish(
      'tr',
      'Şifremi unuttum',
      '**Ayarlar** menüsünü açın ve *Şifreyi sıfırla* seçeneğini seçin.',
    );
    await writeAndPublish('he', 'שכחתי את הסיסמה', 'פתחו את **ההגדרות** ובחרו *איפוס סיסמה*.');
    await shot('01-published');
    const settings = await (await j.page.request.get('/api/knowledge/settings')).json();
    const help = `/help/${settings.slug}`;

    // A visitor (no session) searches in Turkish with a typo.
    const visitor = await j.browser.newContext({
      baseURL: j.server.url,
      locale: 'tr-TR',
      javaScriptEnabled: false,
    });
    const v = await visitor.newPage();
    await v.goto(help);
    expect(new URL(v.url()).pathname).toBe(`${help}/tr`);
    await v.getByRole('searchbox').fill('şifremi unuttm');
    await v.getByRole('button', { name: 'Ara' }).click();
    await v.getByRole('link', { name: 'Şifremi unuttum' }).click();
    await v.getByRole('heading', { name: 'Şifremi unuttum' }).waitFor();
    await v.getByRole('button', { name: 'Evet' }).click();
    await v.getByText('Geri bildiriminiz için teşekkürler.').waitFor();
    await v.screenshot({ path: 'e2e/artifacts/knowledge-02-helpful.png', fullPage: true });

    // The Hebrew help center, right to left.
    await v.goto(`${help}/he/articles/reset-password`);
    expect(await v.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await v.locator('html').getAttribute('lang')).toBe('he');
    await v.screenshot({ path: 'e2e/artifacts/knowledge-03-hebrew.png', fullPage: true });
    await visitor.close();

    // The helpful mark is counted on the Turkish translation.
    const articles = await (await j.page.request.get('/api/knowledge/articles')).json();
    const article = articles.items.find((a: { slug: string }) => a.slug === 'reset-password');
    expect(article.translations.find((x: { language: string }) => x.language === 'tr').helpfulYes).toBe(1);

    // A second visitor reads the article, then contacts support.
    const second = await j.browser.newContext({
      baseURL: j.server.url,
      locale: 'en-US',
      javaScriptEnabled: false,
    });
    const s = await second.newPage();
    await s.goto(`${help}/en/articles/reset-password`);
    await s.getByRole('link', { name: 'Contact us' }).first().click();
    await s.getByLabel('Your name').fill('Ada Visitor');
    await s.getByLabel('Your e-mail address').fill('ada@example.com');
    await s.getByLabel('Subject').fill('Still locked out');
    await s.getByLabel('Message').fill('The reset e-mail never arrived.');
    await s.getByRole('button', { name: 'Send' }).click();
    await s.getByText('Thank you: we have your message').waitFor();
    await second.close();

    // The agent opens the ticket and sees the article that was read.
    const queue = await (await j.page.request.get('/api/desk/tickets?view=all')).json();
    const ticket = queue.items.find((x: { subject: string }) => x.subject === 'Still locked out');
    expect(ticket).toBeTruthy();
    await j.page.goto(`/desk/${ticket.id}`);
    await j.page
      .getByText(/Read: I forgot my password/)
      .first()
      .waitFor();
    await shot('04-agent-sees-articles-read');

    // The help center offers the chat widget: an English chat team open now, a rule, a widget.
    const providers = (await (await j.page.request.get('/api/providers')).json()).items as {
      id: string;
      kind: string;
    }[];
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const team = await j.page.request.post('/api/teams', {
      data: {
        providerId: providers.find((p) => p.kind === 'in_house')!.id,
        name: 'Help center chat',
        languages: ['en'],
        channels: ['chat'],
        timeZone: 'UTC',
        businessHours: days.map((day) => ({ day, open: '00:00', close: '24:00' })),
      },
    });
    expect(team.status()).toBe(201);
    const teamId = (await team.json()).id;
    const rules = await j.page.request.put('/api/routing/rules', {
      data: {
        rules: [
          { name: 'English chat', conditions: { channels: ['chat'], languages: ['en'] }, teamIds: [teamId] },
        ],
      },
    });
    expect(rules.status()).toBe(200);
    const widget = await (
      await j.page.request.post('/api/chat/widgets', { data: { name: 'Help center' } })
    ).json();
    const patched = await j.page.request.patch('/api/knowledge/settings', {
      data: { chatWidgetKey: widget.key },
    });
    expect(patched.status()).toBe(200);

    // A third visitor searches, reads the article, and asks for a chat from "still need help?".
    const third = await j.browser.newContext({ baseURL: j.server.url, locale: 'en-US' });
    const c = await third.newPage();
    c.on('pageerror', (err) => consoleErrors.push(String(err)));
    c.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    const scripts: string[] = [];
    c.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await c.goto(`${help}/en`);
    await c.getByRole('searchbox').fill('forgot password');
    await c.getByRole('button', { name: 'Search' }).click();
    await c.getByRole('link', { name: 'I forgot my password' }).click();
    await c.getByRole('heading', { name: 'I forgot my password' }).waitFor();
    // Only the small loader until the visitor asks: the widget itself is fetched on the click.
    expect(scripts.length).toBeGreaterThan(0);
    expect(new Set(scripts)).toEqual(new Set([`${help}/chat.js`]));
    await c.getByRole('button', { name: 'Chat with us' }).first().click();
    const panel = c.getByRole('dialog', { name: 'Support chat' });
    await panel.waitFor();
    expect(scripts).toContain('/widget.js');
    const question = 'The reset e-mail never arrives, can you reset my password for me?';
    await panel.getByLabel('How can we help?').fill(question);
    await panel.getByText('An agent who speaks your language is available now.').waitFor();
    await panel.getByRole('button', { name: 'Start chat' }).click();
    await panel.getByRole('log').getByText(question).waitFor();
    await c.screenshot({ path: 'e2e/artifacts/knowledge-05-chat-from-help-center.png' });
    await third.close();

    // The agent sees on the chat's ticket which article was read and what was searched.
    const chats = await (await j.page.request.get('/api/desk/tickets?view=all')).json();
    const chatTicket = chats.items.find((x: { subject: string }) => x.subject.startsWith('The reset e-mail'));
    expect(chatTicket).toBeTruthy();
    const session = await (await j.page.request.get(`/api/chat/tickets/${chatTicket.id}`)).json();
    expect(session.context).toMatchObject({
      articlesRead: [`I forgot my password (${article.id})`],
      searchText: 'forgot password',
    });
    await j.page.goto(`/desk/${chatTicket.id}`);
    await j.page
      .getByText(/Articles read: I forgot my password/)
      .first()
      .waitFor();
    await shot('06-agent-sees-articles-read-in-chat');
    expect(consoleErrors).toEqual([]);
  });
});
