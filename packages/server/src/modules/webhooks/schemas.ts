import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';

const EventType = z
  .string()
  .regex(/^(\*|[a-z][a-z_]*\.[a-z][a-z_]*)$/, 'must be an event type such as ticket.created, or *')
  .openapi({ example: 'ticket.created' });

export const EndpointCreate = apiInput('WebhookEndpointCreate', {
  url: z.string().trim().min(1).max(2000).openapi({ example: 'https://example.com/shoreline' }),
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(EventType).min(1).max(50),
});

export const EndpointUpdate = apiInput('WebhookEndpointUpdate', {
  url: z.string().trim().min(1).max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(EventType).min(1).max(50).optional(),
  active: z.boolean().optional(),
});

export const EndpointSchema = apiObject('WebhookEndpoint', {
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CreatedEndpointSchema = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret, shown only in this answer' }),
}).openapi('WebhookEndpointCreated');

export const DeliverySchema = apiObject('WebhookDelivery', {
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
