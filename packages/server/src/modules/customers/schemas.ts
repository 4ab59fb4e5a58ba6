import { z } from '@hono/zod-openapi';
import { apiObject } from '../../platform/http/schema.js';

export const CustomerIdParam = z.object({ id: z.string().min(1).max(64) });

export const CustomerIdentitySchema = z
  .object({ kind: z.enum(['email', 'phone', 'handle']), value: z.string() })
  .openapi('CustomerIdentity');

export const CustomerSchema = apiObject('Customer', {
  id: z.string(),
  name: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  identities: z.array(CustomerIdentitySchema),
  createdAt: z.string(),
});

export const CustomerTicketSchema = apiObject('CustomerTicket', {
  id: z.string(),
  subject: z.string().nullable(),
  status: z.string().nullable(),
  channel: z.string().nullable(),
  createdAt: z.string().nullable(),
});

export const CustomerHistorySchema = apiObject('CustomerHistory', {
  customer: CustomerSchema,
  tickets: z.array(CustomerTicketSchema),
});

export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;
