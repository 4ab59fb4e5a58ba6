import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withHelpCenter } from './support.js';

/**
 * Issue 13 must-show 4 (the article page under 20 ms): a server remembers each rendered article
 * page and forgets it when the organization's public knowledge changes — at once after a write
 * through the API, and in every process by the triggers' NOTIFY (here: plain SQL). Browsers
 * revalidate with the page's ETag and get 304; every view, revalidated or not, is still recorded
 * for deflection.
 */
describe('knowledge: the help center remembers article pages and forgets them on change', () => {
  const hc = withHelpCenter('cached', {
    slug: 'delivery',
    title: 'Delivery times',
    body: 'Two to four days.',
  });
  const path = '/help/cached/en/articles/delivery';
  const title = async () => /<title>([^<]*) ·/.exec(await (await hc.t.request(path)).text())?.[1];
  /** Changes the article's title by SQL with its trigger off: a change no process hears of. */
  const retitleSilently = async (newTitle: string) => {
    const db = hc.t.shoreline.ctx.db;
    const trigger = sql.raw('knowledge_translations_published_signal');
    await sql`alter table knowledge_translations disable trigger ${trigger}`.execute(db);
    await sql`update knowledge_translations set title = ${newTitle} where article_id = ${hc.articleId}`.execute(
      db,
    );
    await sql`alter table knowledge_translations enable trigger ${trigger}`.execute(db);
  };

  it('answers a revalidation with 304 and still records the view', async () => {
    const first = await hc.t.request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const again = await hc.t.request(path, { headers: { cookie, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const views = await hc.t.shoreline.ctx.db
      .selectFrom('knowledge_activity')
      .select(['kind', 'article_id'])
      .where('session_id', '=', cookie.split('=')[1]!)
      .execute();
    expect(views).toEqual([
      { kind: 'view', article_id: hc.articleId },
      { kind: 'view', article_id: hc.articleId },
    ]);
    // A cookie naming no session starts a new one.
    const stranger = await hc.t.request(path, {
      headers: { cookie: 'shoreline_help=khs_00000000000000000000000000' },
    });
    expect(stranger.headers.get('set-cookie')).toMatch(/^shoreline_help=khs_/);
  });

  it('serves the remembered page, and a change by SQL reaches it by NOTIFY, one by the API at once', async () => {
    const db = hc.t.shoreline.ctx.db;
    expect(await title()).toBe('Delivery times');
    // Remembered: a change that sends no signal is not seen.
    await retitleSilently('Silent');
    expect(await title()).toBe('Delivery times');
    // Another process (here plain SQL) changes the published text: the signal arrives at commit.
    await sql`update knowledge_translations set title = 'Signalled' where article_id = ${hc.articleId}`.execute(
      db,
    );
    for (let i = 0; i < 200 && (await title()) !== 'Signalled'; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(await title()).toBe('Signalled');
    // A feedback count is not what visitors see: it sends no signal (the page stays remembered,
    // so a silent title change made before it is still not shown).
    await retitleSilently('Marker');
    await sql`update knowledge_translations set helpful_yes = helpful_yes + 1 where article_id = ${hc.articleId}`.execute(
      db,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await title()).toBe('Signalled');
    // A new version published through the API: the very next request shows it.
    await hc.t.request(`/api/knowledge/articles/${hc.articleId}/drafts`, {
      auth: hc.admin,
      body: { language: 'en', title: 'Delivery within a week', body: 'Up to seven days.' },
    });
    const published = await hc.t.request(`/api/knowledge/articles/${hc.articleId}/publish`, {
      auth: hc.admin,
      body: { language: 'en' },
    });
    expect(published.status).toBe(200);
    expect(await title()).toBe('Delivery within a week');
  });
});
