import { z } from '@hono/zod-openapi';
import { apiObject } from '../../platform/http/schema.js';

/** `GET /api/audit/verify`: the hash chain walked from its start, and the log against its anchors. */
export const AuditVerificationSchema = apiObject('AuditVerification', {
  chain: z.object({
    ok: z.boolean(),
    records: z.number().int(),
    problem: z
      .object({
        kind: z.enum(['altered', 'removed', 'reordered']),
        seq: z.number().int(),
        message: z.string(),
      })
      .nullable(),
  }),
  anchors: z
    .object({
      anchors: z.number().int(),
      ok: z.boolean(),
      problem: z
        .object({
          kind: z.enum(['rewritten', 'truncated']),
          seq: z.number().int(),
          after: z.number().int(),
          anchoredAt: z.string(),
          message: z.string(),
        })
        .nullable(),
    })
    .nullable()
    .openapi({ description: 'null when no anchor directory is configured' }),
  ok: z.boolean(),
});
