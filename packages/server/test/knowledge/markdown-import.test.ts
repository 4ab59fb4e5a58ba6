import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { importMarkdownFolder, readFolder } from '../../src/modules/knowledge/imports/markdown.js';
import { systemActor } from '../../src/platform/scope.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/** A 1 × 1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * `shoreline knowledge import --markdown DIR` (decision 0038): front matter names title, language,
 * slug and category; files sharing a slug are one article's translations; a relative image becomes
 * a stored file; a missing image or a script named as an image is refused, naming the file.
 */
describe('knowledge: import from a folder of Markdown files', () => {
  let t: TestApp;
  let admin: Auth;
  let organizationId: string;
  const dir = mkdtempSync(join(tmpdir(), 'knowledge5-md-'));
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    organizationId = (
      await t.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = () => t.shoreline.ctx.scope(systemActor('cli', organizationId));

  it('refuses an image that is not in the folder, naming the file', async () => {
    write('broken/a.md', '# Broken\n\n![x](missing.png)\n');
    await expect(
      importMarkdownFolder(cli(), t.shoreline.ctx.clock, await readFolder(join(dir, 'broken'))),
    ).rejects.toThrow(/a\.md: "missing\.png" is not in the folder/);
    write('script/a.md', '# Script\n\n![x](evil.png)\n');
    write('script/evil.png', '<script>alert(1)</script>');
    await expect(
      importMarkdownFolder(cli(), t.shoreline.ctx.clock, await readFolder(join(dir, 'script'))),
    ).rejects.toThrow(/evil\.png" is not a PNG/);
  });

  it('imports articles, translations, categories and images', async () => {
    write(
      'kb/billing/refunds.md',
      '---\ntitle: Ask for a refund\nlanguage: en\ncategory: Billing\nslug: refunds\n---\nRefunds take 14 days.\n\n![The box](../img/box.png "Box")\n',
    );
    write(
      'kb/billing/refunds.tr.md',
      '---\ntitle: İade isteyin\nlanguage: tr\nslug: refunds\n---\nİadeler 14 gün sürer.\n',
    );
    write(
      'kb/notes/agents-only.md',
      '---\ninternal: true\ndraft: true\n---\n# Escalate fraud\n\nCall the fraud desk.\n',
    );
    write('kb/img/box.png', PIXEL);
    write('kb/.hidden/skip.md', '# Not imported\n');
    const result = await importMarkdownFolder(
      cli(),
      t.shoreline.ctx.clock,
      await readFolder(join(dir, 'kb')),
    );
    expect(result).toEqual({ categories: 1, articles: 2, versions: 3 });

    const exported = (await (await t.request('/api/knowledge/export', { auth: admin })).json()) as {
      categories: { slug: string; names: Record<string, string>; sections: { slug: string }[] }[];
      articles: {
        slug: string;
        section: string | null;
        internal: boolean;
        translations: { language: string; status: string; versions: { title: string; body: string }[] }[];
      }[];
      files: { sha256: string; contentType: string }[];
    };
    const sha = createHash('sha256').update(PIXEL).digest('hex');
    expect(exported.categories).toMatchObject([
      { slug: 'billing', names: { en: 'Billing' }, sections: [{ slug: 'billing' }] },
    ]);
    expect(exported.files).toMatchObject([{ sha256: sha, contentType: 'image/png' }]);
    const bySlug = Object.fromEntries(exported.articles.map((a) => [a.slug, a]));
    expect(bySlug.refunds).toMatchObject({
      section: 'billing',
      internal: false,
      translations: [
        { language: 'en', status: 'published', versions: [{ title: 'Ask for a refund' }] },
        { language: 'tr', status: 'published', versions: [{ title: 'İade isteyin' }] },
      ],
    });
    expect(bySlug.refunds!.translations[0]!.versions[0]!.body).toBe(
      `Refunds take 14 days.\n\n![The box](../../files/${sha})`,
    );
    expect(bySlug['escalate-fraud']).toMatchObject({
      internal: true,
      translations: [
        {
          language: 'en',
          status: 'draft',
          versions: [{ title: 'Escalate fraud', body: 'Call the fraud desk.' }],
        },
      ],
    });
  });
});
