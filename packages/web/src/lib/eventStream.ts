// The server's event stream (GET /api/events/stream, server-sent events): domain events the user may
// read, and transient progress. EventSource reconnects by itself and sends Last-Event-ID, so the
// server replays what was missed from its outbox; transient events missed while disconnected are
// not replayed, hence `onReady`: read the current state once each time the stream is (re)connected.
import type { PushEvent } from '@shoreline/server/contract';
import { useEffect, useRef } from 'react';

export type { PushEvent };

/** After the browser gives up (the server refused the stream), try again this much later. */
const REOPEN_MS = 5_000;

export function useEventStream(
  types: readonly string[],
  onEvent: (event: PushEvent) => void,
  onReady?: () => void,
): void {
  const handlers = useRef({ onEvent, onReady });
  handlers.current = { onEvent, onReady };
  const key = types.join(' ');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer = 0;
    let stopped = false;
    const open = () => {
      source = new EventSource('/api/events/stream');
      source.addEventListener('ready', () => handlers.current.onReady?.());
      for (const type of key.split(' ')) {
        source.addEventListener(type, (e) => {
          try {
            handlers.current.onEvent(JSON.parse((e as MessageEvent<string>).data) as PushEvent);
          } catch {
            // A malformed event is dropped; the next `ready` re-reads the state.
          }
        });
      }
      source.addEventListener('error', () => {
        // CLOSED means the browser will not retry (a refusal such as 429); reopen later ourselves.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          timer = window.setTimeout(open, REOPEN_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [key]);
}
