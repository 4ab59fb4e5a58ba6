import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';

/** Ids arrive as text or numbers (exports write integers as `1.0`); stored as text, normalised. */
const PostId = z.union([z.string().trim().min(1).max(64), z.number().finite()]).transform(String);

export const SocialPostInput = apiInput('SocialPostInput', {
  id: PostId,
  inReplyTo: PostId.nullable().optional(),
  kind: z.enum(['post', 'dm']).default('post'),
  inbound: z.boolean(),
  author: z.string().trim().min(1).max(200),
  at: z.string().datetime({ offset: true }),
  text: z.string().max(20_000),
});

export const SocialIngestRequest = apiInput('SocialIngest', {
  network: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _'),
  posts: z.array(SocialPostInput).min(1).max(1000),
});

export const SocialPostSchema = apiObject('SocialPost', {
  id: z.string(),
  network: z.string(),
  externalId: z.string(),
  inReplyTo: z.string().nullable(),
  kind: z.enum(['post', 'dm']),
  inbound: z.boolean(),
  author: z.string(),
  at: z.string(),
  ticketId: z.string().nullable(),
});

export const SocialIngestResultSchema = apiObject('SocialIngestResult', {
  posts: z.array(SocialPostSchema),
  /** Posts already stored (same network and id): ingesting again changes nothing. */
  duplicates: z.number().int(),
});

export const SocialReplyRequest = apiInput('SocialReply', { text: z.string().trim().min(1).max(10_000) });
