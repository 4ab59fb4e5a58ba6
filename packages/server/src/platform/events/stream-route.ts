import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../http/env.js';
import { apiRoute } from '../http/openapi.js';
import type { ModuleContext } from '../module.js';
import { parsePosition } from './position.js';
import type { PushMessage } from './push-hub.js';

/**
 * Messages a stream may hold unsent. A browser that reads slower than events arrive is cut off
 * rather than buffered without bound; it reconnects with Last-Event-ID and resumes from the outbox.
 */
const MAX_QUEUED = 1_000;

/** GET /api/events/stream: server-sent events, scoped like reads (platform/events/push-policy.ts). */
export function streamRoute(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { events, config } = ctx;
  app.openapi(
    apiRoute('events', 'get', '/api/events/stream', {
      summary:
        'Server-sent events: domain events you may read, resumable with Last-Event-ID, and transient progress',
      request: {
        headers: z.object({ 'last-event-id': z.string().max(64).optional() }),
        query: z.object({ lastEventId: z.string().max(64).optional() }),
      },
      responses: {
        200: {
          description: 'An event stream (`id: tx-id`, `event: <type>`, `data: JSON`); `ready` once live',
          content: { 'text/event-stream': { schema: z.string() } },
        },
      },
    }),
    async (c) => {
      const actor = c.var.actor;
      const lastEventId = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').lastEventId;
      const release = events.hub.reserve(actor);
      c.header('cache-control', 'no-store');
      c.header('x-accel-buffering', 'no');
      const response = streamSSE(c, async (stream) => {
        const queue: (PushMessage | 'ping')[] = [];
        let closed = false;
        let notify: (() => void) | null = null;
        const kick = () => {
          notify?.();
          notify = null;
        };
        const end = () => {
          closed = true;
          kick();
        };
        const send = (m: PushMessage | 'ping') => {
          if (closed) return;
          if (queue.length >= MAX_QUEUED) return end();
          queue.push(m);
          kick();
        };
        stream.onAbort(end);
        const heartbeat = setInterval(() => send('ping'), config.pushHeartbeatSec * 1000);
        const lifetime = setTimeout(end, config.pushMaxStreamSec * 1000);
        let unsubscribe = () => {};
        try {
          await stream.write('retry: 2000\n\n');
          // A long absence is replayed page by page at the browser's pace, before joining the hub
          // (whose replay then covers only what arrived meanwhile).
          let from = parsePosition(lastEventId);
          while (from && !closed) {
            const page = await events.hub.catchUp(actor, from);
            for (const m of page.messages) await stream.writeSSE(m);
            from = page.position;
            if (!page.more) break;
          }
          unsubscribe = await events.hub.subscribe(actor, from ?? undefined, send, end);
          // After the replay, before anything live: the browser knows it is caught up.
          send({ event: 'ready', data: '{}' });
          while (!closed) {
            const next = queue.shift();
            if (next === undefined) {
              await new Promise<void>((resolve) => {
                notify = resolve;
              });
              continue;
            }
            if (next === 'ping') await stream.write(': ping\n\n');
            else await stream.writeSSE(next);
          }
        } finally {
          clearInterval(heartbeat);
          clearTimeout(lifetime);
          unsubscribe();
          release();
        }
      });
      // The OpenAPI types know JSON answers only; this one is a stream.
      return response as never;
    },
  );
}
