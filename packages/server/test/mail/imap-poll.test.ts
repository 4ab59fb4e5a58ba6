import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { type ImapSource, pollMailbox } from '../../src/modules/mail/index.js';
import { type MailTestApp, plainMessage, startMailTestApp } from './harness.js';

/**
 * IMAP polling through a fake source: the imapflow transport itself is not exercised (no IMAP
 * server here), but everything after the fetch is — the same durable store and parse job as SMTP.
 */
describe('IMAP polling', () => {
  let m: MailTestApp;
  let mailboxId: string;
  const folder: { uidValidity: string; messages: { uid: number; source: Buffer }[] } = {
    uidValidity: '7',
    messages: [],
  };
  const asked: number[] = [];
  const source: ImapSource = {
    async fetchSince(_settings, afterUid) {
      asked.push(afterUid);
      return { uidValidity: folder.uidValidity, messages: folder.messages.filter((x) => x.uid > afterUid) };
    },
  };
  const imapMessage = (uid: number) => ({
    uid,
    source: Buffer.from(
      plainMessage({
        subject: `IMAP ${uid}`,
        body: `polled ${uid}`,
        messageId: `imap-${uid}@example.net`,
      }).replace('To: support@northwind.example', 'To: billing@northwind.example'),
    ),
  });

  beforeAll(async () => {
    m = await startMailTestApp();
    const admin = await m.t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const res = await m.t.request('/api/mail/mailboxes', {
      auth: admin,
      body: {
        address: 'Billing@Northwind.example',
        displayName: 'Billing',
        imap: { host: 'imap.example.net', port: 993, secure: true, user: 'billing', password: 'secret' },
      },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; address: string; imap: Record<string, unknown> };
    expect(body.address).toBe('billing@northwind.example');
    expect(body.imap).not.toHaveProperty('password');
    mailboxId = body.id;
  });
  afterAll(() => m?.close());

  it('stores new messages once, remembers the last UID, and parses them into tickets', async () => {
    folder.messages = [imapMessage(1), imapMessage(2)];
    expect(await pollMailbox(m.t.shoreline.ctx, m.organizationId, mailboxId, source)).toEqual({
      fetched: 2,
      stored: 2,
    });
    folder.messages.push(imapMessage(3));
    expect(await pollMailbox(m.t.shoreline.ctx, m.organizationId, mailboxId, source)).toEqual({
      fetched: 1,
      stored: 1,
    });
    expect(asked).toEqual([0, 2]);
    await m.settle();
    const rows = await m.t.shoreline.ctx.db
      .selectFrom('mail_inbound')
      .select(['message_id', 'received_via', 'kind'])
      .where('mailbox_id', '=', mailboxId)
      .orderBy('message_id')
      .execute();
    expect(rows).toEqual(
      [1, 2, 3].map((i) => ({ message_id: `imap-${i}@example.net`, received_via: 'imap', kind: 'new' })),
    );
  });

  it('starts over when UIDVALIDITY changes, without storing anything twice', async () => {
    folder.uidValidity = '8';
    expect(await pollMailbox(m.t.shoreline.ctx, m.organizationId, mailboxId, source)).toEqual({
      fetched: 3,
      stored: 0,
    });
    expect(asked.slice(-2)).toEqual([3, 0]);
    expect(await pollMailbox(m.t.shoreline.ctx, m.organizationId, mailboxId, source)).toEqual({
      fetched: 0,
      stored: 0,
    });
    expect(asked.at(-1)).toBe(3);
  });
});
