import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { json, routesFor } from '../http/openapi.js';
import type { ModuleContext } from '../module.js';
import { jobOverview, retryJob } from './admin-service.js';
import { notifyJobs } from './enqueue.js';
import { JobOverviewSchema, JobSchema } from './schemas.js';

/** The admin view of the queue: counts, dead letters with their error, and retry. */
export function jobAdminRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'jobs');
  route.get('/api/jobs', {
    summary: 'Background jobs: counts per status, dead letters and the latest jobs (admins)',
    ok: JobOverviewSchema,
    run: ({ scoped }) => jobOverview(scoped),
  });
  route.post('/api/jobs/{id}/retry', {
    summary: 'Queue a dead letter again, with fresh attempts',
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(JobSchema, 'Queued again') },
    run: async ({ scoped, param }) => {
      const job = await retryJob(scoped, ctx.clock, param.id);
      await notifyJobs(ctx.db, job.name);
      return job;
    },
  });
}
