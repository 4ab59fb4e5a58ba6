import type { ShorelineModule } from '../module.js';
import { eventMigrations } from './migrations.js';

export { type DomainEvent, recordEvent, recordEventWith } from './domain-event.js';

/** The outbox every module writes its domain events to (see domain-event.ts). */
export const eventsModule: ShorelineModule = {
  name: 'events',
  migrations: eventMigrations,
};
