import { z } from '@hono/zod-openapi';

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'dead', 'cancelled']);

export const JobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: JobStatusSchema,
    providerId: z.string().nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    progress: z.number().openapi({ description: '0–1, as the job reports it' }),
    runAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

export const JobOverviewSchema = z
  .object({
    counts: z.record(JobStatusSchema, z.number().int()),
    deadLetters: z.array(JobSchema),
    recent: z.array(JobSchema),
  })
  .openapi('JobOverview');
