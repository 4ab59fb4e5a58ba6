// The Webhooks journey in a real browser: the demo admin registers an endpoint (a real HTTP receiver
// on loopback, allowed by SHORELINE_WEBHOOK_ALLOW_PRIVATE), copies the secret shown once, sends a
// test event, and reads the delivery in the log; the receiver checks the signature.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifySignature } from '@shoreline/server/modules/webhooks/signature';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, signIn, startJourney, type TestServer } from './support';

let server: TestServer;
let browser: Browser;
let page: Page;
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const consoleErrors: string[] = [];

const shot = (name: string) =>
  page.screenshot({ path: join(artifacts, `webhooks-${name}.png`), fullPage: true });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  ({ server, browser, page } = await startJourney({
    consoleErrors,
    acceptDialogs: true,
    env: { SHORELINE_WEBHOOK_ALLOW_PRIVATE: 'true' },
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => receiver?.close(r));
});

describe('webhooks journey', () => {
  it('registers an endpoint, shows its secret once, and logs a signed test delivery', async () => {
    await signIn(page, server);
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    expect(await page.getByText('No endpoints yet.').count()).toBe(1);

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await page.getByLabel(/^Endpoint URL/).fill(url);
    await page.getByLabel(/^Event types/).fill('import_run.finished');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.locator('.secret input, .secret code').first();
    await secret.waitFor();
    const secretValue = (await secret.inputValue().catch(() => secret.textContent())) ?? '';
    expect(secretValue).toMatch(/^whsec_/);
    await shot('01-created');

    await page.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByRole('region', { name: 'Recent deliveries' });
    await log.waitFor();
    await expect
      .poll(
        async () => {
          await log.getByRole('button', { name: 'Refresh' }).click();
          return log.locator('tbody tr').first().textContent();
        },
        { timeout: 30_000 },
      )
      .toContain('Delivered');
    expect(await log.locator('tbody tr').first().textContent()).toContain('200');
    await shot('02-delivered');

    expect(received).toHaveLength(1);
    const hit = received[0]!;
    expect(JSON.parse(hit.body).type).toBe('webhook.test');
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secretValue, hit.body, String(hit.headers['shoreline-signature']), now)).toBe(
      true,
    );
    expect(consoleErrors).toEqual([]);
  });
});
