import type { ShorelineModule } from '../module.js';
import { eventMigrations } from './migrations.js';
import { streamRoute } from './stream-route.js';

export { publishSignal, publishTransient, SIGNALS_MISSED, type TransientEvent } from './bus.js';
export { type DomainEvent, recordEvent, recordEventWith } from './domain-event.js';
export type { EventListener, ListenerContext } from './listener.js';
export type { StoredEvent } from './outbox-reader.js';
export type { PushedEvent } from './push-hub.js';
export { SignalledMemory } from './signalled-memory.js';

/** The outbox every module writes its domain events to (see domain-event.ts), and the browser stream. */
export const eventsModule: ShorelineModule = {
  name: 'events',
  migrations: eventMigrations,
  routes: streamRoute,
};
