import type { DeskPresence, DeskPresencePayload, PresenceMode } from '@shoreline/server/contract';
import { useEffect, useRef, useState } from 'react';
import { useEventStream } from '../../lib/eventStream';
import { useMe } from '../auth/session';
import { deskApi } from './api';

export type Present = DeskPresence['items'][number];

/** Renewed well within the server's 30 s presence lifetime. */
const RENEW_MS = 10_000;

/**
 * Tells the server this agent has the ticket open (or is replying) while the page shows it, and
 * answers who else does: from each renewal's answer, and live from `desk.presence` events (any
 * server process's agents). The caller is left out by name: the push carries names only.
 */
export function usePresence(ticketId: string, mode: PresenceMode): Present[] {
  const me = useMe();
  const [others, setOthers] = useState<Present[]>([]);
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const touch = useRef(async () => {});
  touch.current = async () => {
    try {
      setOthers((await deskApi.presence(ticketId, modeRef.current)).items);
    } catch {
      // Presence is a courtesy: a failed renewal is retried on the next tick.
    }
  };
  useEffect(() => {
    void touch.current();
    const timer = window.setInterval(() => void touch.current(), RENEW_MS);
    return () => {
      window.clearInterval(timer);
      void deskApi.leave(ticketId).catch(() => undefined);
    };
  }, [ticketId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of mode is news at once.
  useEffect(() => {
    void touch.current();
  }, [mode]);
  useEventStream(['desk.presence'], (event) => {
    if (event.subjectId !== ticketId) return;
    const present = (event.payload as unknown as Partial<DeskPresencePayload>).present ?? [];
    setOthers(present.filter((p) => p.name !== me.name));
  });
  return others;
}
