import type { ChatTypingBody } from '@shoreline/server/contract';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { useEventStream } from '../../lib/eventStream';

/** The customer's "typing" lapses after this long without a renewal (the widget renews every 2 s). */
const CUSTOMER_TYPING_MS = 6_000;
/** The agent's "typing" is renewed at most this often while they write. */
const RENEW_MS = 3_000;

/**
 * Typing in a chat, both ways: whether the customer is typing now (from `chat.typing` pushes), and
 * telling the customer's widget while the agent writes a reply (only for chat tickets).
 */
export function useChatTyping(ticketId: string, isChat: boolean, replying: boolean): boolean {
  const [customerTyping, setCustomerTyping] = useState(false);
  const lapse = useRef(0);
  useEventStream(['chat.typing'], (e) => {
    if (e.subjectId !== ticketId || e.payload['author'] !== 'customer') return;
    const on = e.payload['on'] === true;
    setCustomerTyping(on);
    window.clearTimeout(lapse.current);
    if (on) lapse.current = window.setTimeout(() => setCustomerTyping(false), CUSTOMER_TYPING_MS);
  });
  useEffect(() => () => window.clearTimeout(lapse.current), []);

  useEffect(() => {
    if (!isChat) return;
    const say = (on: boolean) => {
      const body: ChatTypingBody = { on };
      // A courtesy: a failed notice is not worth an error on the agent's screen.
      api.post(`/chat/tickets/${encodeURIComponent(ticketId)}/typing`, body).catch(() => {});
    };
    if (!replying) return;
    say(true);
    const timer = window.setInterval(() => say(true), RENEW_MS);
    return () => {
      window.clearInterval(timer);
      say(false);
    };
  }, [ticketId, isChat, replying]);
  return customerTyping;
}
