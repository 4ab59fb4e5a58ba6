import type { TicketStatus } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { MacrosTable } from './tables.js';

const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function presentMacro(row: Selectable<MacrosTable>) {
  return {
    id: row.id,
    name: row.name,
    bodies: parsed(row.bodies),
    actions: parsed(row.actions) as { status?: TicketStatus; addTags?: string[] },
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
