import { addCalendarDays } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { SourceDecisionsTable, SourceScenariosTable, SourceVendorsTable } from './tables.js';

const iso = (d: Date | string) => new Date(d).toISOString();
export const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function presentScenario(row: Selectable<SourceScenariosTable>) {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    definition: parsed<never>(row.definition),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A vendor profile; certifications expiring within 90 days of `today` (or expired) are flagged. */
export function presentVendor(row: Selectable<SourceVendorsTable>, today: string) {
  const profile = parsed<
    Record<string, unknown> & { certifications?: { name: string; expiresOn: string }[] }
  >(row.profile);
  const soon = addCalendarDays(today, 90);
  return {
    ...(profile as never as Record<string, never>),
    id: row.id,
    name: row.name,
    providerId: row.provider_id,
    createdAt: iso(row.created_at),
    expiringCertifications: (profile.certifications ?? [])
      .filter((c) => c.expiresOn <= soon)
      .map((c) => c.name),
  };
}

export function presentDecision(row: Selectable<SourceDecisionsTable>) {
  return {
    id: row.id,
    version: row.version,
    body: parsed<Record<string, unknown>>(row.body),
    decidedBy: row.decided_by,
    createdAt: iso(row.created_at),
  };
}
