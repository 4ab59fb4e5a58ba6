import { z } from '@hono/zod-openapi';

export const CustomerIdParam = z.object({ id: z.string().min(1).max(64) });

export const CustomerIdentitySchema = z
  .object({ kind: z.enum(['email', 'phone', 'handle']), value: z.string() })
  .openapi('CustomerIdentity');

export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    language: z.string().nullable(),
    country: z.string().nullable(),
    identities: z.array(CustomerIdentitySchema),
    createdAt: z.string(),
  })
  .openapi('Customer');

export const CustomerTicketSchema = z
  .object({
    id: z.string(),
    subject: z.string().nullable(),
    status: z.string().nullable(),
    channel: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .openapi('CustomerTicket');

export const CustomerHistorySchema = z
  .object({ customer: CustomerSchema, tickets: z.array(CustomerTicketSchema) })
  .openapi('CustomerHistory');

export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;
