import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, json } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { AuditVerificationSchema } from './schemas.js';
import { verifyAuditAndAnchors } from './service.js';

/** The audit log's check, for administrators (others get 404, as for everything they cannot read). */
export function auditRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('audit', 'get', '/api/audit/verify', {
      summary:
        'Walk the audit log’s hash chain and check it against the anchors outside the database; names the first break',
      responses: {
        200: json(AuditVerificationSchema, 'The chain and the anchors, each ok or the first break'),
      },
    }),
    async (c) => c.json(await verifyAuditAndAnchors(c.var.scoped, ctx.config), 200),
  );
}
