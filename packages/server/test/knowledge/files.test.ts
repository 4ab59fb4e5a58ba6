import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import {
  type Auth,
  adminOfNewOrganization,
  startTestApp,
  type TestApp,
} from '../../src/test-support/test-app.js';

/** A 1 × 1 PNG. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * Attachments and images on articles (issue 13): stored once per organization by content hash,
 * checked by their bytes (images and PDF only; SVG and HTML refused), at most 512 kB, shown in the
 * help center and served with their type, no sniffing and a sandbox; carried by the export.
 */
describe('knowledge: attachments and images', () => {
  let t: TestApp;
  let admin: Auth;
  let file: { sha256: string; markdown: string; contentType: string };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    await t.request('/api/knowledge/settings', { auth: admin, method: 'PATCH', body: { slug: 'files' } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('stores an image once by its hash and shows it in the published article', async () => {
    const res = await t.request('/api/knowledge/files', {
      auth: admin,
      body: { fileName: 'pixel.png', contentBase64: PIXEL },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    file = (await res.json()) as typeof file;
    expect(file).toMatchObject({
      sha256: sha(PIXEL),
      contentType: 'image/png',
      markdown: `![pixel.png](../../files/${sha(PIXEL)})`,
    });
    // The same bytes under another name: the same file.
    const again = await t.request('/api/knowledge/files', {
      auth: admin,
      body: { fileName: 'copy.png', contentBase64: PIXEL },
    });
    expect(((await again.json()) as { sha256: string }).sha256).toBe(sha(PIXEL));
    const created = await t.request('/api/knowledge/articles', {
      auth: admin,
      body: { slug: 'with-image', language: 'en', title: 'With an image', body: `Look:\n\n${file.markdown}` },
    });
    const id = ((await created.json()) as { id: string }).id;
    await t.request(`/api/knowledge/articles/${id}/publish`, { auth: admin, body: { language: 'en' } });
    const page = await (await t.request('/help/files/en/articles/with-image')).text();
    expect(page).toContain(`<img src="../../files/${sha(PIXEL)}" alt="pixel.png" />`);
    // That address, resolved against the article page, serves the image safely.
    const url = new URL(`../../files/${sha(PIXEL)}`, 'http://localhost/help/files/en/articles/with-image');
    expect(url.pathname).toBe(`/help/files/files/${sha(PIXEL)}`);
    const served = await t.request(url.pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(served.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''pixel.png");
    expect(Buffer.from(await served.arrayBuffer()).toString('base64')).toBe(PIXEL);
    expect((await t.request(`/help/files/files/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('refuses script-carrying types, files that lie about their type, and files over the limit', async () => {
    const send = (fileName: string, contentBase64: string) =>
      t.request('/api/knowledge/files', { auth: admin, body: { fileName, contentBase64 } });
    for (const [name, content] of [
      ['logo.svg', b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['photo.png', b64('<html><script>alert(1)</script></html>')],
      ['big.png', Buffer.concat([Buffer.from(PIXEL, 'base64'), Buffer.alloc(600 * 1024)]).toString('base64')],
      ['empty.png', ''],
    ] as const) {
      const res = await send(name, content);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { field: string }).field, name).toBe('contentBase64');
    }
    const agentVendor = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const byVendor = await t.request('/api/knowledge/files', {
      auth: agentVendor,
      body: { fileName: 'pixel.png', contentBase64: PIXEL },
    });
    expect(byVendor.status).toBe(404);
  });

  it('travels with the knowledge base export into another organization', async () => {
    const exported = (await (await t.request('/api/knowledge/export', { auth: admin })).json()) as {
      files: { sha256: string; contentBase64: string }[];
    };
    expect(exported.files.map((f) => f.sha256)).toEqual([sha(PIXEL)]);
    const { auth: otherAdmin } = await adminOfNewOrganization(t, {
      organization: 'Files Co',
      email: 'admin@files.example',
    });
    await t.request('/api/knowledge/settings', {
      auth: otherAdmin,
      method: 'PATCH',
      body: { slug: 'files-copy' },
    });
    const imported = await t.request('/api/knowledge/import', { auth: otherAdmin, body: exported });
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(await (await t.request('/api/knowledge/export', { auth: otherAdmin })).json()).toEqual(exported);
    const page = await (await t.request('/help/files-copy/en/articles/with-image')).text();
    expect(page).toContain(`../../files/${sha(PIXEL)}`);
    expect((await t.request(`/help/files-copy/files/${sha(PIXEL)}`)).status).toBe(200);
    // A file whose bytes do not match its hash is refused.
    const tampered = { ...exported, files: [{ ...exported.files[0]!, contentBase64: b64('x') }] };
    const { auth: thirdAdmin } = await adminOfNewOrganization(t, {
      organization: 'Third',
      email: 'admin@third.example',
    });
    const bad = await t.request('/api/knowledge/import', { auth: thirdAdmin, body: tampered });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('files.0.sha256');
  });
});
