import type { Actor } from '../scope.js';

/**
 * Who may receive an event pushed to the browser, by the subject it is about: each module declares
 * its subjects (`ShorelineModule.pushSubjects`) with the same rule its read routes apply. A subject
 * nobody declared is pushed to nobody.
 */
export type PushReaders = ReadonlyMap<string, (actor: Actor) => boolean>;

/** What push needs to know about an event to decide who receives it. */
export interface PushScope {
  readonly organizationId: string;
  readonly providerId: string | null;
  readonly subjectType: string;
}

/**
 * Scoped exactly like reads: the actor's organization only; for vendor staff only events whose
 * provider is theirs (an event without a provider is the organization's, not a vendor's); and only
 * subjects the actor's role may read.
 */
export function mayReceive(actor: Actor, event: PushScope, readers: PushReaders): boolean {
  if (event.organizationId !== actor.organizationId) return false;
  if (actor.providerId !== null && event.providerId !== actor.providerId) return false;
  return readers.get(event.subjectType)?.(actor) ?? false;
}
