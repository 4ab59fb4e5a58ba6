import { verifySignature } from '@shoreline/server/modules/webhooks/signature';
import { startWebhookReceiver, type WebhookReceiver } from '@shoreline/server/test-support/webhook-receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, signIn } from './support';

const j = journey('webhooks', { acceptDialogs: true, env: { SHORELINE_WEBHOOK_ALLOW_PRIVATE: 'true' } });
const { consoleErrors, shot } = j;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

describe('webhooks journey', () => {
  it('registers an endpoint, shows its secret once, and logs a signed test delivery', async () => {
    await signIn(j.page, j.server);
    await j.page.getByRole('link', { name: 'Webhooks' }).first().click();
    await j.page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    // The list loads after the heading: wait for its empty state, then check it is the only one.
    await j.page.getByText('No endpoints yet.').waitFor();
    expect(await j.page.getByText('No endpoints yet.').count()).toBe(1);

    const url = receiver.url;
    await j.page.getByLabel(/^Endpoint URL/).fill(url);
    await j.page.getByLabel(/^Event types/).fill('import_run.finished');
    await j.page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = j.page.locator('.secret input, .secret code').first();
    await secret.waitFor();
    const secretValue = (await secret.inputValue().catch(() => secret.textContent())) ?? '';
    expect(secretValue).toMatch(/^whsec_/);
    await shot('01-created');

    await j.page.getByRole('button', { name: 'Send test event' }).click();
    const log = j.page.getByRole('region', { name: 'Recent deliveries' });
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

    expect(receiver.received).toHaveLength(1);
    const hit = receiver.received[0]!;
    expect(JSON.parse(hit.body).type).toBe('webhook.test');
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secretValue, hit.body, String(hit.headers['shoreline-signature']), now)).toBe(
      true,
    );
    expect(consoleErrors).toEqual([]);
  });
});
