import { z } from '@hono/zod-openapi';
import { pathParam } from '../../platform/http/openapi.js';
import { apiObject } from '../../platform/http/schema.js';

export const CsatAnswer = z
  .object({
    /** 1–5 stars, or good (1) / bad (0) on the `binary` scale. */
    scale: z.enum(['1-5', 'binary']),
    score: z.number().int().min(0).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((a) => (a.scale === '1-5' ? a.score >= 1 : a.score <= 1), {
    message: 'score outside its scale (1–5, or 0/1 for binary)',
    path: ['score'],
  })
  .openapi('CsatAnswer');

export const CsatSurveySchema = apiObject('CsatSurvey', {
  /** The customer's language (ISO 639-1) for the survey page; null when unknown. */
  language: z.string().nullable(),
  answered: z.boolean(),
  scales: z.array(z.enum(['1-5', 'binary'])),
});

export const TokenParam = pathParam('token', 10, 64);
