import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, listOf, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import {
  AttachmentSchema,
  InboundQuery,
  InboundSchema,
  MailboxCreate,
  MailboxSchema,
  MailboxUpdate,
  OutboundSchema,
  SignaturePut,
  SignatureSchema,
  TicketIdParam,
} from './schemas.js';
import * as service from './service.js';

/** Mailboxes, received and sent mail (admins), signatures, and attachments (whoever sees the ticket). */
export function mailRoutes(app: OpenAPIHono<AppEnv>, { clock }: ModuleContext): void {
  const route = routesFor(app, 'mail');
  route.list(
    '/api/mail/mailboxes',
    "The organization's support addresses",
    MailboxSchema,
    'MailboxList',
    service.listMailboxes,
  );
  route.create(
    '/api/mail/mailboxes',
    'Add a support address (and where its new tickets go)',
    MailboxCreate,
    MailboxSchema,
    (scoped, body) => service.createMailbox(scoped, clock, body),
  );
  route.update('/api/mail/mailboxes/{id}', undefined, MailboxUpdate, MailboxSchema, (scoped, id, body) =>
    service.updateMailbox(scoped, clock, id, body),
  );
  route.get('/api/mail/inbound', {
    summary:
      'Received mail: all, the spam view, automated mail (auto-replies, bounces, loops), parse failures',
    query: InboundQuery,
    ok: listOf(InboundSchema, 'InboundMailList'),
    run: async ({ scoped, query }) => ({ items: await service.listInbound(scoped, query.view, query.limit) }),
  });
  route.post('/api/mail/inbound/{id}/retry', {
    summary: 'Parse a message that failed to parse again (its raw message was kept)',
    params: IdParam,
    accepted: InboundSchema,
    run: ({ scoped, param }) => service.retryInbound(scoped, clock, param.id),
  });
  route.list(
    '/api/mail/outbound',
    'Replies sent, queued, or kept locally (no relay configured)',
    OutboundSchema,
    'OutboundMailList',
    service.listOutbound,
  );
  route.get('/api/mail/signatures', {
    ok: listOf(SignatureSchema, 'MailSignatureList'),
    run: async ({ scoped }) => ({ items: await service.listSignatures(scoped) }),
  });
  route.put('/api/mail/signatures', {
    summary: "Set a team's signature in one language",
    body: SignaturePut,
    ok: SignatureSchema,
    run: ({ scoped, body }) => service.putSignature(scoped, clock, body),
  });
  route.get('/api/tickets/{ticketId}/attachments', {
    summary: "A ticket's e-mail attachments",
    params: TicketIdParam,
    ok: listOf(AttachmentSchema, 'MailAttachmentList'),
    run: async ({ scoped, param }) => ({ items: await service.listAttachments(scoped, param.ticketId) }),
  });
  route.get('/api/mail/attachments/{id}', {
    summary: "An attachment's bytes (as a download, never rendered inline)",
    request: { params: IdParam },
    responses: { 200: { description: 'The file' } },
    run: async ({ scoped, param, c }) => {
      const { attachment, content } = await service.readAttachment(scoped, param.id);
      const name = encodeURIComponent(attachment.fileName);
      return c.body(Buffer.from(content), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
        'x-content-type-options': 'nosniff',
      });
    },
  });
}
