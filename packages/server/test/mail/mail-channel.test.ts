import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MAILBOX, DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { processInbound, startSmtpServer } from '../../src/modules/mail/index.js';
import type { Auth } from '../../src/test-support/test-app.js';
import {
  hasCommand,
  header,
  type MailTestApp,
  messageWithPdf,
  plainMessage,
  startMailTestApp,
  startSink,
} from './harness.js';

const hasOpenssl = hasCommand('openssl', ['version']);

/** An encoded-word (RFC 2047, B encoding) of `text` in `charset`. */
const encodedWord = (text: string, charset: string) =>
  `=?${charset}?B?${iconv.encode(text, charset).toString('base64')}?=`;

/** A message whose body is `text` in `charset` with the given transfer encoding. */
function messageIn(
  charset: string,
  encoding: 'quoted-printable' | 'base64' | '8bit',
  text: string,
  subject: string,
  messageId: string,
): Buffer {
  const bytes = iconv.encode(text, charset);
  const body =
    encoding === 'base64'
      ? (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
      : encoding === 'quoted-printable'
        ? quotedPrintable(bytes)
        : bytes.toString('latin1');
  const head = [
    `From: ${encodedWord('Müşteri Ünal', 'utf-8')} <musteri-${charset}@example.net>`,
    `To: ${DEMO_MAILBOX}`,
    `Subject: ${encodedWord(subject, charset)}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    `Content-Transfer-Encoding: ${encoding}`,
  ].join('\r\n');
  return Buffer.concat([
    Buffer.from(`${head}\r\n\r\n`, 'latin1'),
    Buffer.from(body, 'latin1'),
    Buffer.from('\r\n'),
  ]);
}

/** RFC 2045 quoted-printable of raw bytes (lines of at most 76 characters, soft breaks `=`). */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  for (const line of bytes.toString('latin1').split('\n')) {
    let out = '';
    let width = 0;
    for (const ch of line.replace(/\r$/, '')) {
      const code = ch.charCodeAt(0);
      const enc =
        (code >= 33 && code <= 126 && ch !== '=') || ch === ' '
          ? ch
          : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + enc.length > 75) {
        out += '=\r\n';
        width = 0;
      }
      out += enc;
      width += enc.length;
    }
    lines.push(out.endsWith(' ') ? `${out.slice(0, -1)}=20` : out);
  }
  return lines.join('\r\n');
}

// Mail in the seeds' languages: what a customer's client sends in each legacy charset.
const SEED_MAIL: {
  lang: string;
  charset: string;
  encoding: 'quoted-printable' | 'base64' | '8bit';
  subject: string;
  text: string;
}[] = [
  {
    lang: 'tr',
    charset: 'windows-1254',
    encoding: 'quoted-printable',
    subject: 'Sipariş iptali',
    text: 'Merhaba, siparişimi iptal etmek istiyorum. Ödeme iadesi ne zaman yapılır? Teşekkürler, Ağrı Çağlayan',
  },
  {
    lang: 'tr',
    charset: 'iso-8859-9',
    encoding: '8bit',
    subject: 'Kargo gecikmesi',
    text: 'Kargom üç gündür gelmedi. Şikâyetimi iletiyorum; İzmir şubesi cevap vermiyor.',
  },
  {
    lang: 'he',
    charset: 'iso-8859-8',
    encoding: 'base64',
    subject: 'בעיה בהזמנה',
    text: 'שלום, ההזמנה שלי לא הגיעה. אפשר לבדוק בבקשה? תודה רבה',
  },
  {
    lang: 'he',
    charset: 'windows-1255',
    encoding: 'quoted-printable',
    subject: 'החזר כספי',
    text: 'ביקשתי החזר כספי לפני שבוע ועדיין לא קיבלתי תשובה.',
  },
  {
    lang: 'hu',
    charset: 'iso-8859-2',
    encoding: 'quoted-printable',
    subject: 'Számlázási hiba',
    text: 'Jó napot! A számlámon kétszer szerepel ugyanaz a tétel. Üdvözlettel, Őrsi Győző',
  },
  {
    lang: 'lv',
    charset: 'iso-8859-13',
    encoding: 'base64',
    subject: 'Pasūtījuma statuss',
    text: 'Labdien! Kur ir mans pasūtījums? Ļoti gaidu, paldies. Ģirts Šķēle',
  },
  {
    lang: 'en',
    charset: 'utf-8',
    encoding: 'quoted-printable',
    subject: 'Ünïcödé ✓ naïve café',
    text: 'Emoji too 🎉 and “quotes” — all in UTF-8.',
  },
  {
    lang: 'en',
    charset: 'utf-8',
    encoding: 'base64',
    subject: 'Mixed: Ağrı, שלום, Győző, Ģirts',
    text: 'Çok dilli: שלום עולם, Árvíztűrő tükörfúrógép, Ķēniņš.',
  },
];

describe('e-mail channel over SMTP', () => {
  let m: MailTestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let agent: Auth;
  let admin: Auth;

  beforeAll(async () => {
    sink = await startSink();
    m = await startMailTestApp({ env: { SHORELINE_SMTP_RELAY_URL: `smtp://127.0.0.1:${sink.port}` } });
    agent = await m.t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    admin = await m.t.login(DEMO_USERS.admin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await m?.close();
    await sink?.close();
  });

  const inbound = (messageId: string) =>
    m.t.shoreline.ctx.db.selectFrom('mail_inbound').selectAll().where('message_id', '=', messageId).execute();
  const messagesOf = async (ticketId: string) => {
    const res = await m.t.request(`/api/tickets/${ticketId}`, { auth: admin });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      ticket: { subject: string; channel: string; requester: string; teamId: string };
      messages: { body: string; authorType: string }[];
    };
  };

  it.each(SEED_MAIL)(
    'decodes $charset ($encoding, $lang) body and encoded-word subject to Unicode',
    async (mail) => {
      const id = `seed-${mail.charset}-${mail.encoding}@example.net`;
      await m.send(messageIn(mail.charset, mail.encoding, mail.text, mail.subject, id));
      await m.settle();
      const [row] = await inbound(id);
      expect(row?.kind).toBe('new');
      const detail = await messagesOf(row?.ticket_id as string);
      expect(detail.ticket.subject).toBe(mail.subject);
      expect(detail.ticket.channel).toBe('email');
      expect(detail.ticket.requester).toBe(`musteri-${mail.charset}@example.net`);
      expect(detail.messages[0]?.body).toBe(mail.text);
    },
  );

  it('refuses an unknown recipient at RCPT with 550, and nothing is stored', async () => {
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: m.smtpPort, ignoreTLS: true });
    const refused = await client
      .sendMail({
        envelope: { from: 'x@example.net', to: ['nobody@northwind.example'] },
        raw: plainMessage({ subject: 'hello', body: 'hi', messageId: 'unknown-rcpt@example.net' }),
      })
      .then(
        () => null,
        (e: { responseCode?: number; command?: string }) => e,
      );
    client.close();
    expect(refused?.responseCode).toBe(550);
    expect(refused?.command).toBe('RCPT TO');
    expect(await inbound('unknown-rcpt@example.net')).toHaveLength(0);
  });

  it('stores a second delivery of the same Message-ID once, and acknowledges it', async () => {
    const raw = plainMessage({ subject: 'Twice', body: 'Sent twice.', messageId: 'dup-1@example.net' });
    expect(await m.send(raw)).toMatch(/^250/);
    expect(await m.send(raw)).toMatch(/^250/);
    await m.settle();
    const rows = await inbound('dup-1@example.net');
    expect(rows).toHaveLength(1);
    const detail = await messagesOf(rows[0]?.ticket_id as string);
    expect(detail.messages).toHaveLength(1);
  });

  it('sends an agent reply with threading headers through the relay; the customer’s answer threads back', async () => {
    await m.sendPlain({
      subject: 'Where is my parcel?',
      body: 'It has not arrived.',
      messageId: 'thread-1@example.net',
    });
    await m.settle();
    const [first] = await inbound('thread-1@example.net');
    const ticketId = first?.ticket_id as string;
    const reply = await m.t.request(`/api/tickets/${ticketId}/messages`, {
      auth: agent,
      body: { body: 'It left our warehouse today.' },
    });
    expect(reply.status).toBe(201);
    await m.settle();
    const sent = sink.received.find((r) => r.raw.includes('It left our warehouse today.'));
    expect(sent).toBeDefined();
    const raw = sent?.raw ?? '';
    expect(sent?.to).toEqual(['customer@example.net']);
    expect(header(raw, 'In-Reply-To')).toBe('<thread-1@example.net>');
    expect(header(raw, 'References')).toContain('<thread-1@example.net>');
    expect(header(raw, 'Subject')).toContain(`[#${ticketId}]`);
    const ourId = /<([^>]+)>/.exec(header(raw, 'Message-ID') ?? '')?.[1];
    expect(ourId).toMatch(/@northwind\.example$/);

    // The customer answers our message: In-Reply-To names it, the subject keeps the token.
    await m.sendPlain({
      subject: `Re: ${header(raw, 'Subject')}`,
      body: 'Thanks, got it!\n\nOn Tue, Support wrote:\n> It left our warehouse today.',
      messageId: 'thread-2@example.net',
      inReplyTo: ourId,
      references: ['thread-1@example.net', ourId as string],
    });
    await m.settle();
    const [answer] = await inbound('thread-2@example.net');
    expect(answer?.kind).toBe('reply');
    expect(answer?.ticket_id).toBe(ticketId);
    const detail = await messagesOf(ticketId);
    expect(detail.messages.map((x) => [x.authorType, x.body])).toEqual([
      ['customer', 'It has not arrived.'],
      ['agent', 'It left our warehouse today.'],
      ['customer', 'Thanks, got it!'],
    ]);
    const outbound = await m.t.request('/api/mail/outbound', { auth: admin });
    const items = ((await outbound.json()) as { items: { ticketId: string; status: string }[] }).items;
    expect(items.find((i) => i.ticketId === ticketId)?.status).toBe('sent');
  });

  it('threads by the subject token alone when the client dropped the headers', async () => {
    await m.send(plainMessage({ subject: 'Token test', body: 'first', messageId: 'token-1@example.net' }));
    await m.settle();
    const ticketId = (await inbound('token-1@example.net'))[0]?.ticket_id as string;
    await m.sendPlain({
      subject: `Re: Token test [#${ticketId}]`,
      body: 'second',
      messageId: 'token-2@example.net',
    });
    await m.settle();
    expect((await inbound('token-2@example.net'))[0]?.ticket_id).toBe(ticketId);
  });

  it('keeps an auto-reply, marks it, and never answers it or adds it to the conversation', async () => {
    await m.send(
      plainMessage({ subject: 'Question', body: 'Can you help?', messageId: 'auto-0@example.net' }),
    );
    await m.settle();
    const ticketId = (await inbound('auto-0@example.net'))[0]?.ticket_id as string;
    const before = sink.received.length;
    await m.sendPlain({
      subject: `Out of office: Re: Question [#${ticketId}]`,
      body: 'I am away until Monday.',
      messageId: 'auto-1@example.net',
      inReplyTo: 'auto-0@example.net',
      extraHeaders: ['Auto-Submitted: auto-replied', 'X-Autoreply: yes'],
    });
    await m.settle();
    const [row] = await inbound('auto-1@example.net');
    expect(row?.kind).toBe('auto_reply');
    expect(row?.automated).toBe('auto-submitted:auto-replied');
    expect(row?.ticket_id).toBe(ticketId);
    expect((await messagesOf(ticketId)).messages).toHaveLength(1);
    expect(sink.received.length).toBe(before);
    const view = await m.t.request('/api/mail/inbound?view=automated', { auth: admin });
    const items = ((await view.json()) as { items: { subject: string }[] }).items;
    expect(items.map((i) => i.subject)).toContain(`Out of office: Re: Question [#${ticketId}]`);
  });

  it('recognises bounces (null sender, mailer-daemon) and mail marked as spam, keeping both out of the queue', async () => {
    await m.send(
      plainMessage({
        from: 'Mail Delivery System <MAILER-DAEMON@example.net>',
        subject: 'Undelivered Mail Returned to Sender',
        body: 'This is the mail system.',
        messageId: 'bounce-1@example.net',
      }),
      { from: '' },
    );
    await m.sendPlain({
      subject: 'Cheap watches',
      body: 'Buy now',
      messageId: 'spam-1@example.net',
      extraHeaders: ['X-Spam-Flag: YES', 'X-Spam-Status: Yes, score=9.1'],
    });
    await m.settle();
    expect((await inbound('bounce-1@example.net'))[0]).toMatchObject({ kind: 'bounce', ticket_id: null });
    expect((await inbound('spam-1@example.net'))[0]).toMatchObject({ kind: 'spam', ticket_id: null });
    const view = await m.t.request('/api/mail/inbound?view=spam', { auth: admin });
    const items = ((await view.json()) as { items: { subject: string }[] }).items;
    expect(items.map((i) => i.subject)).toEqual(['Cheap watches']);
  });

  it('keeps a message it cannot parse raw and flagged for admins', async () => {
    const raw = plainMessage({ subject: 'kept', body: 'kept raw', messageId: 'kept-1@example.net' });
    await m.send(raw);
    const [row] = await inbound('kept-1@example.net');
    expect(row?.status).toBe('stored');
    // The parser is swapped for one that fails, as mailparser would on a message it cannot read.
    const failing = async () => {
      throw new Error('unreadable MIME structure');
    };
    const result = await processInbound(
      m.t.shoreline.ctx,
      m.organizationId,
      row?.id as string,
      undefined,
      failing,
    );
    expect(result.status).toBe('failed');
    const [kept] = await inbound('kept-1@example.net');
    expect(kept).toMatchObject({
      status: 'failed',
      parse_error: 'unreadable MIME structure',
      ticket_id: null,
    });
    expect(Buffer.from(kept?.raw ?? []).toString('utf8')).toContain('kept raw');
    const view = await m.t.request('/api/mail/inbound?view=failed', { auth: admin });
    const items = ((await view.json()) as { items: { parseError: string }[] }).items;
    expect(items.map((i) => i.parseError)).toEqual(['unreadable MIME structure']);
    await m.settle();
  });

  it('lets an admin retry a message that failed to parse: queued again, parsed into a ticket; once', async () => {
    const [kept] = await inbound('kept-1@example.net');
    const id = kept?.id as string;
    // Only the organization's admins manage mail: anyone else meets a 404, as if it did not exist.
    const agent = await m.t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    expect((await m.t.request(`/api/mail/inbound/${id}/retry`, { method: 'POST', auth: agent })).status).toBe(
      404,
    );
    const retried = await m.t.request(`/api/mail/inbound/${id}/retry`, { method: 'POST', auth: admin });
    expect(retried.status, await retried.clone().text()).toBe(202);
    expect(await retried.json()).toMatchObject({ id, status: 'stored', parseError: null });
    // Not failed any more: a second retry is a conflict naming the message.
    const again = await m.t.request(`/api/mail/inbound/${id}/retry`, { method: 'POST', auth: admin });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { field: string }).field).toBe('id');
    await m.settle();
    const [parsed] = await inbound('kept-1@example.net');
    expect(parsed).toMatchObject({ status: 'parsed', kind: 'new', parse_error: null });
    expect(parsed?.ticket_id).toBeTruthy();
    const view = await m.t.request('/api/mail/inbound?view=failed', { auth: admin });
    expect(((await view.json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe('e-mail out without a relay (embedded mode)', () => {
  let m: MailTestApp;
  beforeAll(async () => {
    m = await startMailTestApp();
  });
  afterAll(() => m?.close());

  it('keeps the reply in the local outbox the admin reads, with the team signature in the ticket language', async () => {
    const admin = await m.t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    await m.send(
      plainMessage({ subject: 'Outbox please', body: 'Hello', messageId: 'outbox-1@example.net' }),
    );
    await m.settle();
    const row = await m.t.shoreline.ctx.db
      .selectFrom('mail_inbound')
      .select('ticket_id')
      .where('message_id', '=', 'outbox-1@example.net')
      .executeTakeFirstOrThrow();
    const ticket = (await (await m.t.request(`/api/tickets/${row.ticket_id}`, { auth: admin })).json()) as {
      ticket: { teamId: string };
    };
    const sig = await m.t.request('/api/mail/signatures', {
      method: 'PUT',
      auth: admin,
      body: { teamId: ticket.ticket.teamId, language: 'en', body: 'Istanbul Care team' },
    });
    expect(sig.status).toBe(200);
    const agent = await m.t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const res = await m.t.request(`/api/tickets/${row.ticket_id}/messages`, {
      auth: agent,
      body: { body: 'On it.' },
    });
    expect(res.status).toBe(201);
    await m.settle();
    const outbound = (await (await m.t.request('/api/mail/outbound', { auth: admin })).json()) as {
      items: { status: string; body: string; inReplyTo: string }[];
    };
    expect(outbound.items[0]).toMatchObject({
      status: 'kept',
      body: 'On it.\n\n-- \nIstanbul Care team',
      inReplyTo: 'outbox-1@example.net',
    });
    const outbox = (await (await m.t.request('/api/mail-outbox', { auth: admin })).json()) as {
      items: { to: string; subject: string }[];
    };
    expect(outbox.items.some((i) => i.subject.includes(`[#${row.ticket_id}]`))).toBe(true);
  });

  it('stores attachments once per content (SHA-256) and serves them to those who see the ticket', async () => {
    const withFile = (id: string) =>
      messageWithPdf({
        from: 'customer@example.net',
        to: DEMO_MAILBOX,
        subject: `Invoice ${id}`,
        messageId: `${id}@example.net`,
        text: 'Invoice attached.',
        fileName: 'fatura-şubat.pdf',
        disposition: "attachment; filename*=UTF-8''fatura-%C5%9Fubat.pdf",
        pdf: '%PDF-1.4 the same bytes',
      });
    await m.send(withFile('att-1'));
    await m.send(withFile('att-2'));
    await m.settle();
    const admin = await m.t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const ticketId = (
      await m.t.shoreline.ctx.db
        .selectFrom('mail_inbound')
        .select('ticket_id')
        .where('message_id', '=', 'att-1@example.net')
        .executeTakeFirstOrThrow()
    ).ticket_id;
    const list = await m.t.request(`/api/tickets/${ticketId}/attachments`, { auth: admin });
    const items = ((await list.json()) as { items: { id: string; fileName: string; sizeBytes: number }[] })
      .items;
    expect(items.map((a) => a.fileName)).toEqual(['fatura-şubat.pdf']);
    const file = await m.t.request(`/api/mail/attachments/${items[0]?.id}`, { auth: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 the same bytes');
    // Two messages, one blob.
    const blobs = await m.t.shoreline.ctx.db.selectFrom('mail_blobs').select('sha256').execute();
    expect(blobs).toHaveLength(1);
    // A vendor agent of another provider does not reach it.
    const vendor = await m.t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    expect((await m.t.request(`/api/mail/attachments/${items[0]?.id}`, { auth: vendor })).status).toBe(404);
  });

  it('refuses a message over the size limit after DATA with 552, and stores nothing', async () => {
    const small = await startSmtpServer(m.t.shoreline.ctx, { port: 0, host: '127.0.0.1', maxBytes: 2_000 });
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: small.port, ignoreTLS: true });
    const raw = plainMessage({ subject: 'Big', body: 'x'.repeat(5_000), messageId: 'big-1@example.net' });
    const refused = await client
      .sendMail({ envelope: { from: 'c@example.net', to: [DEMO_MAILBOX] }, raw })
      .then(
        () => null,
        (e: { responseCode?: number }) => e,
      );
    client.close();
    await small.close();
    expect(refused?.responseCode).toBe(552);
    const rows = await m.t.shoreline.ctx.db
      .selectFrom('mail_inbound')
      .select('id')
      .where('message_id', '=', 'big-1@example.net')
      .execute();
    expect(rows).toHaveLength(0);
  });

  it.skipIf(!hasOpenssl)(
    'offers STARTTLS when a certificate is configured, and takes mail over it',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shoreline-tls-'));
      const key = join(dir, 'key.pem');
      const cert = join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { stdio: 'ignore' },
      );
      const tls = await startSmtpServer(m.t.shoreline.ctx, {
        port: 0,
        host: '127.0.0.1',
        maxBytes: 100_000,
        tlsCert: cert,
        tlsKey: key,
      });
      const client = nodemailer.createTransport({
        host: '127.0.0.1',
        port: tls.port,
        requireTLS: true,
        tls: { rejectUnauthorized: false },
      });
      const info = await client.sendMail({
        envelope: { from: 'c@example.net', to: [DEMO_MAILBOX] },
        raw: plainMessage({ subject: 'Over TLS', body: 'secret', messageId: 'tls-1@example.net' }),
      });
      client.close();
      await tls.close();
      rmSync(dir, { recursive: true, force: true });
      expect(info.response).toMatch(/^250/);
    },
  );
});
