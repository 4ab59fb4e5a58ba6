import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { json, routesFor } from '../../../platform/http/openapi.js';
import { allowNulIn } from '../../../platform/http/text-guard.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  ImportCreate,
  ImportRunSchema,
  ProviderMappingCreate,
  ProviderMappingSchema,
  RejectSchema,
} from '../schemas.js';
import * as service from '../service.js';

const IdParam = z.object({ id: z.string().max(64) });

/** Imports with progress, their rejected rows, and provider mappings. */
export function importRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock, database } = ctx;
  // An uploaded file's text may hold NUL: the import rejects those rows one by one and keeps the rest.
  allowNulIn('POST', '/api/insight/imports', 'content');
  const route = routesFor(app, 'insight');
  route.post('/api/insight/imports', {
    summary:
      'Queue an import of an upload (or of small text in the body); answers the run at once, poll it for progress',
    body: ImportCreate,
    accepted: ImportRunSchema,
    run: ({ scoped, body }) => service.startImport(scoped, { database, clock }, body),
  });
  route.get('/api/insight/imports', {
    responses: { 200: json(z.object({ items: z.array(ImportRunSchema) }), 'Recent imports') },
    run: async ({ scoped }) => ({ items: await service.listImports(scoped) }),
  });
  route.get('/api/insight/imports/{id}', {
    summary: 'An import run: progress, counts and data-quality report',
    params: IdParam,
    ok: ImportRunSchema,
    run: ({ scoped, param }) => service.getImport(scoped, param.id),
  });
  route.get('/api/insight/imports/{id}/rejects', {
    summary: 'Rows an import rejected: file, line, field, reason',
    request: {
      params: IdParam,
      query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(1000) }),
    },
    responses: { 200: json(z.object({ items: z.array(RejectSchema) }), 'Rejected rows') },
    run: async ({ scoped, param, query }) => ({
      items: await service.listRejects(scoped, param.id, query.limit),
    }),
  });
  route.get('/api/insight/provider-mappings', {
    responses: { 200: json(z.object({ items: z.array(ProviderMappingSchema) }), 'Provider mappings') },
    run: async ({ scoped }) => ({ items: await service.listProviderMappings(scoped) }),
  });
  route.post('/api/insight/provider-mappings', {
    summary: 'Map a source group, agent or agent e-mail domain to a provider and team',
    body: ProviderMappingCreate,
    created: ProviderMappingSchema,
    run: ({ scoped, body }) => service.createProviderMapping(scoped, clock, body),
  });
  route.delete('/api/insight/provider-mappings/{id}', {
    params: IdParam,
    run: ({ scoped, param }) => service.deleteProviderMapping(scoped, param.id),
  });
}
