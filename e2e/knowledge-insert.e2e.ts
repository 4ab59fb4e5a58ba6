// The Desk's "insert article" (issue 13) in a real browser: an article published in English and
// Turkish; a Turkish customer's ticket; the agent searches from the reply box and inserts the
// excerpt, which arrives in Turkish with the Turkish help-center address. Screenshot in
// e2e/artifacts/knowledge-insert-*.png.
import { describe, expect, it } from 'vitest';
import { journey, signIn } from './support';

const j = journey('knowledge-insert');
const { consoleErrors, shot } = j;

describe('the Desk inserts a knowledge article in the customer’s language', () => {
  it('searches from the reply box and inserts the Turkish excerpt and address', async () => {
    await signIn(j.page, j.server);
    const post = async (path: string, data: unknown) => {
      const res = await j.page.request.post(path, { data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    await j.page.request.patch('/api/knowledge/settings', { data: { slug: 'acme' } });
    const article = await post('/api/knowledge/articles', {
      slug: 'returns',
      language: 'en',
      title: 'Return an item',
      body: 'Print the return label from your order page.',
    });
    await post(`/api/knowledge/articles/${article.id}/publish`, { language: 'en' });
    await post(`/api/knowledge/articles/${article.id}/drafts`, {
      language: 'tr',
      title: 'Ürün iadesi',
      body: 'Sipariş sayfanızdan iade etiketini yazdırın.',
    });
    await post(`/api/knowledge/articles/${article.id}/publish`, { language: 'tr' });
    const ticket = await post('/api/tickets', { subject: 'İade', channel: 'email', language: 'tr' });

    await j.page.goto(`/desk/${ticket.id}`);
    await j.page.getByText('Insert article').click();
    await j.page.getByRole('searchbox', { name: 'Search articles' }).fill('return label');
    await j.page.getByRole('button', { name: 'Search', exact: true }).click();
    await j.page.getByRole('button', { name: 'Insert excerpt' }).click();
    const reply = j.page.getByLabel('Message');
    await expect
      .poll(() => reply.inputValue())
      .toBe(
        `Ürün iadesi\nSipariş sayfanızdan iade etiketini yazdırın.\n${j.server.url}/help/acme/tr/articles/returns`,
      );
    await shot('01-excerpt-inserted');
    expect(consoleErrors).toEqual([]);
  });
});
