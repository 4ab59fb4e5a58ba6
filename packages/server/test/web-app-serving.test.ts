import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

// `npm start` starts the server while vite still builds the web app into its folder (scripts/start.mjs):
// the page must appear once the build writes it, and a rebuild must replace it, without a restart.
let app: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'shoreline-web-'));
  app = await startTestApp({ webDir });
}, 60_000);
afterAll(async () => {
  await app?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web app served while it is being built', () => {
  it('answers 404 before the build has written the page, then the page, then the rebuilt page', async () => {
    expect((await app.request('/')).status).toBe(404);
    expect((await app.request('/insight/overview')).status).toBe(404);

    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>first build</title>');
    const first = await app.request('/insight/overview');
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('first build');

    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>second build</title>');
    // A later modification time, as a rebuild seconds later has (the test writes within one tick).
    utimesSync(join(webDir, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    expect(await (await app.request('/')).text()).toContain('second build');
  });

  it('still answers API paths from the API (a problem, not the page), never cached', async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>page</title>');
    const res = await app.request('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
