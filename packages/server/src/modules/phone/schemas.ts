import { z } from '@hono/zod-openapi';
import { PHONE_EVENT_KINDS } from '@shoreline/core';
import { apiInput, apiObject } from '../../platform/http/schema.js';

const Seconds = z
  .number()
  .int()
  .min(0)
  .max(86_400 * 7);

export const PhoneEventInput = apiInput('PhoneEvent', {
  callId: z.string().trim().min(1).max(128),
  kind: z.enum(PHONE_EVENT_KINDS),
  at: z.string().datetime({ offset: true }),
  queueSeconds: Seconds.optional(),
  talkSeconds: Seconds.optional(),
  wrapSeconds: Seconds.optional(),
  agent: z.string().trim().min(1).max(200).optional(),
  recordingUrl: z.string().url().max(2000).optional(),
  outcome: z.string().trim().min(1).max(64).optional(),
  from: z.string().trim().min(1).max(64).optional(),
});

export const PhoneEventsRequest = apiInput('PhoneEvents', {
  events: z.array(PhoneEventInput).min(1).max(1000),
});

export const PhoneCallSchema = apiObject('PhoneCall', {
  id: z.string(),
  callId: z.string(),
  ticketId: z.string(),
  providerId: z.string().nullable(),
  status: z.enum(PHONE_EVENT_KINDS),
  queuedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  abandonedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  queueSeconds: z.number().nullable(),
  talkSeconds: z.number().nullable(),
  wrapSeconds: z.number().nullable(),
  agent: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const PhoneEventsResultSchema = apiObject('PhoneEventsResult', { calls: z.array(PhoneCallSchema) });

export const PhoneConnectorCreate = apiInput('PhoneConnectorCreate', {
  name: z.string().trim().min(1).max(120),
  /** The provider whose calls it logs; default the caller's (vendor staff) or in house. */
  providerId: z.string().min(1).max(64).nullable().optional(),
});

export const PhoneConnectorSchema = apiObject('PhoneConnector', {
  id: z.string(),
  name: z.string(),
  providerId: z.string().nullable(),
  createdAt: z.string(),
  /** Only in the creation answer: keep it, it is not shown again. */
  secret: z.string().optional(),
});
