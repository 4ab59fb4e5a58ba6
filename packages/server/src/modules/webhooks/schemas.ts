import { z } from '@hono/zod-openapi';

const EventType = z
  .string()
  .regex(/^(\*|[a-z][a-z_]*\.[a-z][a-z_]*)$/, 'must be an event type such as ticket.created, or *')
  .openapi({ example: 'ticket.created' });

export const EndpointCreate = z
  .object({
    url: z.string().trim().min(1).max(2000).openapi({ example: 'https://example.com/shoreline' }),
    description: z.string().trim().max(200).default(''),
    eventTypes: z.array(EventType).min(1).max(50),
  })
  .strict()
  .openapi('WebhookEndpointCreate');

export const EndpointUpdate = z
  .object({
    url: z.string().trim().min(1).max(2000).optional(),
    description: z.string().trim().max(200).optional(),
    eventTypes: z.array(EventType).min(1).max(50).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookEndpointUpdate');

export const EndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookEndpoint');

export const CreatedEndpointSchema = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret, shown only in this answer' }),
}).openapi('WebhookEndpointCreated');

export const DeliverySchema = z
  .object({
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
  })
  .openapi('WebhookDelivery');
