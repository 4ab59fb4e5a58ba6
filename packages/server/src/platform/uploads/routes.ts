import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { apiRoute, json } from '../http/openapi.js';
import { AppError } from '../http/problem.js';
import type { ModuleContext } from '../module.js';
import { assertMayUpload } from './resumable.js';
import { resumableUploadRoutes } from './resumable-routes.js';
import { storeUpload } from './store.js';

export const UploadSchema = z
  .object({ id: z.string(), fileName: z.string(), bytes: z.number().int(), sha256: z.string() })
  .openapi('Upload');

/**
 * `POST /api/uploads`: the raw file as the request body, any size up to SHORELINE_MAX_UPLOAD_BYTES
 * (the 1 MiB JSON body limit does not apply here), stored as it arrives.
 */
export function uploadRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('uploads', 'post', '/api/uploads', {
      summary: 'Upload a file (the raw bytes as the body); then name its id in an import',
      request: {
        query: z.object({
          fileName: z
            .string()
            .min(1)
            .max(200)
            .regex(/^[^/\\]+$/, 'a file name, not a path')
            .refine((n) => n !== '.' && n !== '..', 'a file name, not a path'),
        }),
      },
      responses: { 201: json(UploadSchema, 'Stored') },
    }),
    async (c) => {
      assertMayUpload(c.var.scoped);
      const body = c.req.raw.body;
      if (!body) throw new AppError('validation_failed', 'send the file as the request body', '(body)');
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (declared > ctx.config.maxUploadBytes)
        throw new AppError(
          'payload_too_large',
          `the file exceeds the upload limit of ${ctx.config.maxUploadBytes} bytes`,
          '(body)',
        );
      const stored = await storeUpload(
        ctx.db,
        ctx.clock,
        c.var.scoped.actor,
        c.req.valid('query').fileName,
        body as unknown as AsyncIterable<Uint8Array>,
        ctx.config.maxUploadBytes,
      );
      return c.json(stored, 201);
    },
  );
  resumableUploadRoutes(app, ctx);
}
