import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { apiRoute, json } from '../http/openapi.js';
import type { ModuleContext } from '../module.js';
import { jobOverview, retryJob } from './admin-service.js';
import { notifyJobs } from './enqueue.js';
import { JobOverviewSchema, JobSchema } from './schemas.js';

/** The admin view of the queue: counts, dead letters with their error, and retry. */
export function jobAdminRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('jobs', 'get', '/api/jobs', {
      summary: 'Background jobs: counts per status, dead letters and the latest jobs (admins)',
      responses: { 200: json(JobOverviewSchema, 'Job overview') },
    }),
    async (c) => c.json(await jobOverview(c.var.scoped), 200),
  );
  app.openapi(
    apiRoute('jobs', 'post', '/api/jobs/{id}/retry', {
      summary: 'Queue a dead letter again, with fresh attempts',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 200: json(JobSchema, 'Queued again') },
    }),
    async (c) => {
      const job = await retryJob(c.var.scoped, ctx.clock, c.req.valid('param').id);
      await notifyJobs(ctx.db, job.name);
      return c.json(job, 200);
    },
  );
}
