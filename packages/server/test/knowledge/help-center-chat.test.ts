import { describe, expect, it } from 'vitest';
import { withHelpCenter } from './support.js';

/**
 * Issue 13 must-show 1, the chat part (decision 0034): a help center whose settings name a chat
 * widget offers "chat with us" beside the contact form, with one small script that loads the widget
 * on demand; the visitor's session gives the widget its context (articles read, last search), and
 * only the visitor's own session. Without a widget the pages carry no script at all.
 */
describe('knowledge: the help center offers the chat widget with what the visitor read', () => {
  const hc = withHelpCenter('chatty', {
    slug: 'returns',
    title: 'Returning an order',
    body: 'Within 30 days.',
  });
  const article = '/help/chatty/en/articles/returns';

  it('has no script and no chat context while no widget is set', async () => {
    const html = await (await hc.t.request(article)).text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('data-shoreline-chat');
    expect((await hc.t.request('/help/chatty/en/chat-context')).status).toBe(404);
  });

  it('refuses a setting that is not a widget key, naming the field', async () => {
    const res = await hc.t.request('/api/knowledge/settings', {
      auth: hc.admin,
      method: 'PATCH',
      body: { chatWidgetKey: 'not a key' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('chatWidgetKey');
  });

  it('offers the chat with the loader only, and hands the widget what this session read and searched', async () => {
    const widget = (await (
      await hc.t.request('/api/chat/widgets', { auth: hc.admin, body: { name: 'Help center' } })
    ).json()) as { key: string };
    const set = await hc.t.request('/api/knowledge/settings', {
      auth: hc.admin,
      method: 'PATCH',
      body: { chatWidgetKey: widget.key },
    });
    expect(((await set.json()) as { chatWidgetKey: string }).chatWidgetKey).toBe(widget.key);

    // The cached page was forgotten on the settings change: it now offers the chat.
    const search = await hc.t.request('/help/chatty/en/search?q=return%20order');
    const cookie = search.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await hc.t.request(article, { headers: { cookie } })).text();
    expect(page).toContain('data-shoreline-chat hidden>Chat with us</button>');
    const scripts = [...page.matchAll(/<script src="([^"]+)"[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('/help/chatty/chat.js');
    expect(scripts[0]).toContain(`data-key="${widget.key}"`);
    expect(scripts[0]).toContain('/widget.js"');

    const loader = await hc.t.request('/help/chatty/chat.js');
    expect(loader.headers.get('content-type')).toContain('javascript');
    expect((await loader.text()).length).toBeLessThan(50_000);

    const context = await hc.t.request('/help/chatty/en/chat-context', { headers: { cookie } });
    expect(await context.json()).toEqual({
      articlesRead: [`Returning an order (${hc.articleId})`],
      searchText: 'return order',
      helpSession: cookie.split('=')[1],
    });
    // Another visitor (no cookie, or someone else's session) gets nothing of this one's.
    expect(await (await hc.t.request('/help/chatty/en/chat-context')).json()).toEqual({ articlesRead: [] });
    const other = await hc.t.request(article);
    const otherCookie = other.headers.get('set-cookie')!.split(';')[0]!;
    expect(
      await (await hc.t.request('/help/chatty/en/chat-context', { headers: { cookie: otherCookie } })).json(),
    ).toEqual({
      articlesRead: [`Returning an order (${hc.articleId})`],
      helpSession: otherCookie.split('=')[1],
    });
  });
});
