import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import type { Auth } from '../../src/test-support/test-app.js';
import { header, type MailTestApp, startMailTestApp, startSink } from '../mail/harness.js';

/**
 * The CSAT survey link e-mailed when an e-mail ticket is solved: through the mail module's outbound
 * path to a real SMTP relay on loopback, threaded into the conversation, in the customer's language;
 * the link's page takes one answer, which the ticket's CSAT (Insight's KPI) records.
 */
describe('csat: the survey link by e-mail', () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let m: MailTestApp;
  let agent: Auth;
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const ticketOf = async (messageId: string) =>
    (
      await m.t.shoreline.ctx.db
        .selectFrom('mail_inbound')
        .select('ticket_id')
        .where('message_id', '=', messageId)
        .executeTakeFirstOrThrow()
    ).ticket_id as string;
  const solve = async (ticketId: string, status = 'solved') => {
    const res = await m.t.request(`/api/tickets/${ticketId}/status`, {
      method: 'PATCH',
      auth: agent,
      body: { status },
    });
    expect(res.status).toBe(200);
    await m.settle();
  };
  /** The survey mails the relay got for an address, parsed (the text may be base64 or quoted-printable). */
  const surveysTo = async (address: string) => {
    const mails = await Promise.all(
      sink.received
        .filter((r) => r.to.includes(address))
        .map(async (r) => ({ ...r, parsed: await simpleParser(r.raw) })),
    );
    return mails.filter((r) => /\/survey\/[\w-]+/.test(r.parsed.text ?? ''));
  };

  beforeAll(async () => {
    sink = await startSink();
    m = await startMailTestApp({ env: { SHORELINE_SMTP_RELAY_URL: `smtp://127.0.0.1:${sink.port}` } });
    agent = await m.t.login(DEMO_USERS.agent, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await m?.close();
    await sink?.close();
  });

  it('sends the link once when the ticket is solved; its page takes one answer, recorded on the ticket', async () => {
    await m.sendPlain({
      from: 'Ayşe <ayse@example.net>',
      subject: 'Kargom nerede?',
      body: 'Merhaba, siparişim üç gündür gelmedi, kargo takip numarası da çalışmıyor. Yardımcı olur musunuz?',
      messageId: 'csat-1@example.net',
    });
    await m.settle();
    const ticketId = await ticketOf('csat-1@example.net');
    await solve(ticketId);

    const [mail, ...more] = await surveysTo('ayse@example.net');
    expect(more).toEqual([]);
    const raw = mail?.raw ?? '';
    // Threaded into the conversation, in Turkish (the ticket's language).
    expect(header(raw, 'In-Reply-To')).toBe('<csat-1@example.net>');
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe(`Nasıldık? Kargom nerede? [#${ticketId}]`);
    expect(parsed.text).toContain('“Kargom nerede?” talebiniz çözüldü.');
    const token = /\/survey\/([\w-]+)/.exec(parsed.text ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);

    // Reopened and solved again: no second survey mail.
    await solve(ticketId, 'open');
    await solve(ticketId);
    expect(await surveysTo('ayse@example.net')).toHaveLength(1);

    const page = await m.t.request(`/survey/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="tr"');
    expect(html).toContain('Aldığınız yardımdan ne kadar memnunsunuz?');

    const answered = await m.t.request(`/survey/${token}`, form({ score: '4', comment: 'Hızlıydı' }));
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Yanıtınız için teşekkür ederiz.');
    const again = await m.t.request(`/survey/${token}`, form({ score: '1' }));
    expect(await again.text()).toContain('Bu anket zaten yanıtlandı.');

    const ticket = await m.t.shoreline.ctx.db
      .selectFrom('tickets')
      .select(['csat_score', 'csat_scale'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ csat_scale: '1-5' });
    expect(Number(ticket.csat_score)).toBeGreaterThan(0);
  });

  it('sends nothing for a ticket that did not come by e-mail, and an unknown link answers 404', async () => {
    const res = await m.t.request('/api/tickets', {
      auth: agent,
      body: { subject: 'By phone', channel: 'phone', requester: 'caller@example.net' },
    });
    const { id } = (await res.json()) as { id: string };
    await solve(id);
    expect(await surveysTo('caller@example.net')).toEqual([]);
    expect((await m.t.request('/survey/not-a-real-token-at-all')).status).toBe(404);
    expect((await m.t.request('/survey/not-a-real-token-at-all', form({ score: '5' }))).status).toBe(404);
  });
});
