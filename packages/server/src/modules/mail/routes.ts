import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../platform/http/openapi.js';
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
export function mailRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('mail', 'get', '/api/mail/mailboxes', {
      summary: "The organization's support addresses",
      responses: { 200: json(listOf(MailboxSchema, 'MailboxList'), 'Mailboxes') },
    }),
    async (c) => c.json({ items: await service.listMailboxes(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('mail', 'post', '/api/mail/mailboxes', {
      summary: 'Add a support address (and where its new tickets go)',
      request: { body: jsonBody(MailboxCreate) },
      responses: { 201: json(MailboxSchema, 'Created') },
    }),
    async (c) => c.json(await service.createMailbox(c.var.scoped, ctx.clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('mail', 'patch', '/api/mail/mailboxes/{id}', {
      request: { params: IdParam, body: jsonBody(MailboxUpdate) },
      responses: { 200: json(MailboxSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await service.updateMailbox(c.var.scoped, ctx.clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute('mail', 'get', '/api/mail/inbound', {
      summary:
        'Received mail: all, the spam view, automated mail (auto-replies, bounces, loops), parse failures',
      request: { query: InboundQuery },
      responses: { 200: json(listOf(InboundSchema, 'InboundMailList'), 'Received mail') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await service.listInbound(c.var.scoped, q.view, q.limit) }, 200);
    },
  );
  app.openapi(
    apiRoute('mail', 'post', '/api/mail/inbound/{id}/retry', {
      summary: 'Parse a message that failed to parse again (its raw message was kept)',
      request: { params: IdParam },
      responses: { 202: json(InboundSchema, 'Queued for parsing') },
    }),
    async (c) => c.json(await service.retryInbound(c.var.scoped, ctx.clock, c.req.valid('param').id), 202),
  );
  app.openapi(
    apiRoute('mail', 'get', '/api/mail/outbound', {
      summary: 'Replies sent, queued, or kept locally (no relay configured)',
      responses: { 200: json(listOf(OutboundSchema, 'OutboundMailList'), 'Outgoing mail') },
    }),
    async (c) => c.json({ items: await service.listOutbound(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('mail', 'get', '/api/mail/signatures', {
      responses: { 200: json(listOf(SignatureSchema, 'MailSignatureList'), 'Signatures') },
    }),
    async (c) => c.json({ items: await service.listSignatures(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('mail', 'put', '/api/mail/signatures', {
      summary: "Set a team's signature in one language",
      request: { body: jsonBody(SignaturePut) },
      responses: { 200: json(SignatureSchema, 'Saved') },
    }),
    async (c) => c.json(await service.putSignature(c.var.scoped, ctx.clock, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute('mail', 'get', '/api/tickets/{ticketId}/attachments', {
      summary: "A ticket's e-mail attachments",
      request: { params: TicketIdParam },
      responses: {
        200: json(listOf(AttachmentSchema, 'MailAttachmentList'), 'Attachments'),
      },
    }),
    async (c) =>
      c.json({ items: await service.listAttachments(c.var.scoped, c.req.valid('param').ticketId) }, 200),
  );
  app.openapi(
    apiRoute('mail', 'get', '/api/mail/attachments/{id}', {
      summary: "An attachment's bytes (as a download, never rendered inline)",
      request: { params: IdParam },
      responses: { 200: { description: 'The file' } },
    }),
    async (c) => {
      const { attachment, content } = await service.readAttachment(c.var.scoped, c.req.valid('param').id);
      const name = encodeURIComponent(attachment.fileName);
      return c.body(Buffer.from(content), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
        'x-content-type-options': 'nosniff',
      });
    },
  );
}
