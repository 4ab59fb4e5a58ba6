import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { apiRoute, json, jsonBody } from '../http/openapi.js';
import { apiObject } from '../http/schema.js';
import type { ModuleContext } from '../module.js';
import { cancelUpload, createResumableUpload, getUploadStatus, writeChunk } from './resumable.js';

const FileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, 'a file name, not a path')
  .refine((n) => n !== '.' && n !== '..', 'a file name, not a path');

export const UploadStartSchema = z
  .object({ fileName: FileName, size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
  .strict()
  .openapi('UploadStart');

export const UploadStatusSchema = apiObject('UploadStatus', {
  id: z.string(),
  fileName: z.string(),
  size: z.number().int().openapi({ description: 'The whole file, as declared' }),
  received: z.number().int().openapi({ description: 'Bytes stored from the start: resume here' }),
  chunkBytes: z.number().int().openapi({ description: 'How many bytes to send per chunk request' }),
  status: z.enum(['receiving', 'complete']),
});

const IdParam = z.object({ id: z.string().min(1).max(64) });

/**
 * Resumable uploads (decision 0014): declare the file, send it in chunks each at its offset (a
 * retried chunk adds nothing), ask where it stands after a break, or cancel it. Complete, it is
 * named in an import like any upload.
 */
export function resumableUploadRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('uploads', 'post', '/api/uploads/resumable', {
      summary: 'Start a resumable upload of a file of a declared size',
      request: { body: jsonBody(UploadStartSchema) },
      responses: { 201: json(UploadStatusSchema, 'Started: send its chunks') },
    }),
    async (c) =>
      c.json(
        await createResumableUpload(c.var.scoped, ctx.clock, c.req.valid('json'), ctx.config.maxUploadBytes),
        201,
      ),
  );
  app.openapi(
    apiRoute('uploads', 'get', '/api/uploads/{id}', {
      summary: 'Where an upload stands: the bytes received so far (resume from there)',
      request: { params: IdParam },
      responses: { 200: json(UploadStatusSchema, 'The upload') },
    }),
    async (c) => c.json(await getUploadStatus(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('uploads', 'put', '/api/uploads/{id}/chunks/{offset}', {
      summary: 'Send the bytes of the file that start at offset (the raw bytes as the body)',
      description:
        'Idempotent: a chunk sent again adds nothing. A chunk that would leave a gap answers 409 ' +
        'naming `offset`, with `received` (where to resume).',
      request: {
        params: IdParam.extend({
          offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        }),
      },
      responses: { 200: json(UploadStatusSchema, 'Stored; where the upload now stands') },
    }),
    async (c) => {
      const { id, offset } = c.req.valid('param');
      const body = c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null;
      return c.json(await writeChunk(c.var.scoped, ctx.db, ctx.clock, id, offset, body), 200);
    },
  );
  app.openapi(
    apiRoute('uploads', 'delete', '/api/uploads/{id}', {
      summary: 'Cancel an upload still arriving (its stored bytes are deleted)',
      request: { params: IdParam },
      responses: { 204: { description: 'Cancelled' } },
    }),
    async (c) => {
      await cancelUpload(c.var.scoped, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
