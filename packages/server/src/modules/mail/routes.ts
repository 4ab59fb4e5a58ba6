import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../platform/http/openapi.js';
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
  route.get('/api/mail/mailboxes', {
    summary: "The organization's support addresses",
    responses: { 200: json(listOf(MailboxSchema, 'MailboxList'), 'Mailboxes') },
    run: async ({ scoped }) => ({ items: await service.listMailboxes(scoped) }),
  });
  route.post('/api/mail/mailboxes', {
    summary: 'Add a support address (and where its new tickets go)',
    request: { body: jsonBody(MailboxCreate) },
    responses: { 201: json(MailboxSchema, 'Created') },
    run: ({ scoped, body }) => service.createMailbox(scoped, clock, body),
  });
  route.patch('/api/mail/mailboxes/{id}', {
    request: { params: IdParam, body: jsonBody(MailboxUpdate) },
    responses: { 200: json(MailboxSchema, 'Updated') },
    run: ({ scoped, param, body }) => service.updateMailbox(scoped, clock, param.id, body),
  });
  route.get('/api/mail/inbound', {
    summary:
      'Received mail: all, the spam view, automated mail (auto-replies, bounces, loops), parse failures',
    request: { query: InboundQuery },
    responses: { 200: json(listOf(InboundSchema, 'InboundMailList'), 'Received mail') },
    run: async ({ scoped, query }) => ({ items: await service.listInbound(scoped, query.view, query.limit) }),
  });
  route.post('/api/mail/inbound/{id}/retry', {
    summary: 'Parse a message that failed to parse again (its raw message was kept)',
    request: { params: IdParam },
    responses: { 202: json(InboundSchema, 'Queued for parsing') },
    run: ({ scoped, param }) => service.retryInbound(scoped, clock, param.id),
  });
  route.get('/api/mail/outbound', {
    summary: 'Replies sent, queued, or kept locally (no relay configured)',
    responses: { 200: json(listOf(OutboundSchema, 'OutboundMailList'), 'Outgoing mail') },
    run: async ({ scoped }) => ({ items: await service.listOutbound(scoped) }),
  });
  route.get('/api/mail/signatures', {
    responses: { 200: json(listOf(SignatureSchema, 'MailSignatureList'), 'Signatures') },
    run: async ({ scoped }) => ({ items: await service.listSignatures(scoped) }),
  });
  route.put('/api/mail/signatures', {
    summary: "Set a team's signature in one language",
    request: { body: jsonBody(SignaturePut) },
    responses: { 200: json(SignatureSchema, 'Saved') },
    run: ({ scoped, body }) => service.putSignature(scoped, clock, body),
  });
  route.get('/api/tickets/{ticketId}/attachments', {
    summary: "A ticket's e-mail attachments",
    request: { params: TicketIdParam },
    responses: { 200: json(listOf(AttachmentSchema, 'MailAttachmentList'), 'Attachments') },
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
