import { z } from '@hono/zod-openapi';
import { apiObject } from '../http/schema.js';

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'dead', 'cancelled']);

export const JobSchema = apiObject('Job', {
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
});

export const JobOverviewSchema = apiObject('JobOverview', {
  counts: z.record(JobStatusSchema, z.number().int()),
  deadLetters: z.array(JobSchema),
  recent: z.array(JobSchema),
});
